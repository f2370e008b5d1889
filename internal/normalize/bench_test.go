package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// benchPosting is the research scientist posting, padded to about 5 KB of
// description.
func benchPosting(b *testing.B) (html, text string) {
	r := loadRaw(b, "research_scientist")
	html = r.DescriptionHTML
	for len(html) < 5000 {
		html += "<p>We work in Python, Scala and Java on Spark, Flink and Kafka, and run A/B tests on recommendations.</p>"
	}
	return html, Text(html)
}

func BenchmarkNormalize(b *testing.B) {
	n := normalizer(b)
	r := loadRaw(b, "research_scientist")
	r.DescriptionHTML, _ = benchPosting(b)
	b.SetBytes(int64(len(r.DescriptionHTML)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n.Normalize("netflix-data-insights", "Netflix", r)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "postings/s")
}

func BenchmarkSkills(b *testing.B) {
	n := normalizer(b)
	_, text := benchPosting(b)
	if len(n.Skills(text)) == 0 || !strings.Contains(text, "Python") {
		b.Fatal("no skills found")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n.Skills(text)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "postings/s")
}

// BenchmarkNormalizeHostile normalizes descriptions of 200 KB that repeat
// one short unit with no line break: the shapes a broken or hostile board
// can send, on which a rule that reads back to the start of a run at each
// of its marks takes minutes ("aBaB...": 65 s before session 31's bounds,
// "requiredXrequiredX...": 111 s; "3+ years ..." 8 s at 100 KB, "$1 - ..."
// 3 s at 200 KB). Each should take about as long as any text of its
// length (about 0.1-1 s here).
//
//	go test ./internal/normalize -run '^$' -bench NormalizeHostile -benchtime 1x
func BenchmarkNormalizeHostile(b *testing.B) {
	n := normalizer(b)
	for _, unit := range []string{"aB", "a?B", "a:B", "a.B", "requiredX", "DIN PROFILOx", "x:1 ", "foo You ", "- 的", "I/II ",
		"$1 - ", "3+ years ", "€ 1 ", " 000", "degree ",
		// a marker after a colon, each scoping back to the sentence's
		// start (review s35 F1: 3-9 s at 256 KB before prefWindow)
		"x: appreciated ", "x: bonus ", "Google Docs, ", "Azure (Functions, "} {
		desc := strings.Repeat(unit, 200000/len(unit))
		b.Run(strings.TrimSpace(unit), func(b *testing.B) {
			for b.Loop() {
				// the same text as the title and the location label too
				// ("I/II I/II ...": 3 s at 100 KB before, the levels)
				n.Normalize("bench", "Bench", model.Raw{Title: desc, Locations: []string{desc}, DescriptionText: desc})
				n.Normalize("bench", "Bench", model.Raw{DescriptionHTML: desc})
			}
		})
	}
	// a body of max_body's default, 10 MB: its structure is read in the
	// first MB only (maxParsed), the title and labels in their first KB
	big := strings.Repeat("a:B", 10<<20/3)
	b.Run("10MB", func(b *testing.B) {
		for b.Loop() {
			n.Normalize("bench", "Bench", model.Raw{Title: big, Locations: []string{big}, DescriptionText: big})
		}
	})
	// 2.6 million short lines that wrap into one paragraph (joinWrapped joined
	// them by copying the paragraph at each: 2 MB took 50 s)
	lines := strings.Repeat("a:B\n", 10<<20/4)
	b.Run("10MB-lines", func(b *testing.B) {
		for b.Loop() {
			n.Normalize("bench", "Bench", model.Raw{DescriptionText: lines})
		}
	})
}
