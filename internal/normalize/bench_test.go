package normalize

import (
	"strings"
	"testing"
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
