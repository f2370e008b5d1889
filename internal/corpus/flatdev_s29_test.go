package corpus

import (
	"context"
	"flag"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var (
	flatProbe = flag.Bool("flat", false, "print the dev text postings' skills F1 read as written and with their line breaks lost")
	flatList  = flag.String("flat-list", "glued", `the flattening whose losses TestFlattenedDev lists: "glued" or "spaced"`)
)

var (
	bulletRe = regexp.MustCompile(`^\s*(?:[•·▪●◦*–—-]|\d+[.)])\s+`)
	markRe   = regexp.MustCompile(`^#+\s*|\*\*|__|&nbsp;`)
)

// glue flattens a text as JobTech's scraped ads are: lines trimmed and
// joined with sep, bullets as "- ".
func glue(s, sep string) string {
	var out []string
	lines := strings.Split(s, "\n")
	if strings.TrimSpace(lines[0]) == "---" { // front matter: dropped
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	for _, ln := range lines {
		ln = strings.TrimSpace(markRe.ReplaceAllString(strings.TrimSpace(ln), ""))
		if ln == "" {
			continue
		}
		if m := bulletRe.FindString(ln); m != "" {
			ln = "- " + ln[len(m):]
		}
		out = append(out, ln)
	}
	return strings.Join(out, sep)
}

// TestFlattenedDev measures how well the dev part's text postings are
// read when their line breaks are lost, as JSON-LD descriptions and
// scraped ads often have them: each posting as written, "glued" (lines
// joined with nothing between them, bullets as "- ", markdown marks
// dropped, as JobTech's scraped ads are) and "spaced" (joined with a
// space, as many HTML-to-text conversions give). The labels are the same,
// so the drop is what flattening costs; it needs no test-part document.
// Dev only; the postings that lose most are listed.
//
//	go test ./internal/corpus -run TestFlattenedDev -v -args -flat [-flat-list=spaced]
func TestFlattenedDev(t *testing.T) {
	if !*flatProbe {
		t.Skip("-flat not given")
	}
	n := normalize.New(nil)
	var m0, m1, m2 Metrics
	byLang := map[string]*[3]Metrics{}
	var drops []probeDrop
	eachDevRaw(func(l *Label) bool { return l.Format == "text" }, func(l *Label, p Posting, r model.Raw) {
		written := r.DescriptionText
		a := Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, r))
		r.DescriptionText = glue(written, "")
		b := Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, r))
		r.DescriptionText = glue(written, " ")
		c := Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, r))
		m0.Add(a)
		m1.Add(b)
		m2.Add(c)
		if byLang[p.Language] == nil {
			byLang[p.Language] = &[3]Metrics{}
		}
		byLang[p.Language][0].Add(a)
		byLang[p.Language][1].Add(b)
		byLang[p.Language][2].Add(c)
		worse := b
		if *flatList == "spaced" {
			worse = c
		}
		if d := a.TP - worse.TP; d > 0 {
			drops = append(drops, probeDrop{l.Slug + "/" + p.ID, d, worse.SkillDiff})
		}
	})
	var sb strings.Builder
	langs := make([]string, 0, len(byLang))
	for k := range byLang {
		langs = append(langs, k)
	}
	sort.Strings(langs)
	sb.WriteString("by language (postings): as written / glued / spaced\n")
	for _, k := range langs {
		x := byLang[k]
		fmt.Fprintf(&sb, "  %-3s %3d  %.3f / %.3f / %.3f\n", k, x[0].Postings, x[0].F1(), x[1].F1(), x[2].F1())
	}
	writeDrops(&sb, drops, 40)
	t.Logf("dev text postings %d: as written F1 %.3f (P %.3f R %.3f, misplaced %d, mentioned %d); glued F1 %.3f (P %.3f R %.3f, misplaced %d, mentioned %d); spaced F1 %.3f (P %.3f R %.3f, misplaced %d, mentioned %d)\n%s",
		m0.Postings, m0.F1(), m0.Precision(), m0.Recall(), m0.Misplaced, m0.Mentioned,
		m1.F1(), m1.Precision(), m1.Recall(), m1.Misplaced, m1.Mentioned,
		m2.F1(), m2.Precision(), m2.Recall(), m2.Misplaced, m2.Mentioned, sb.String())
}

// probeDrop is a posting that a probe's reshaping reads worse: by how
// many skills (d), with the skill differences.
type probeDrop struct {
	slug string
	d    int
	diff []string
}

// writeDrops writes the most drops, the largest first.
func writeDrops(sb *strings.Builder, drops []probeDrop, most int) {
	sort.SliceStable(drops, func(i, j int) bool { return drops[i].d > drops[j].d })
	for i, d := range drops {
		if i == most {
			break
		}
		fmt.Fprintf(sb, "%3d %s %v\n", d.d, d.slug, d.diff)
	}
}

// eachDevRaw calls f with every posting of the dev part's label files that
// keep takes, as its adapter gives it (a document the harness cannot serve
// is passed over: TestCorpus reports it).
func eachDevRaw(keep func(*Label) bool, f func(l *Label, p Posting, r model.Raw)) {
	labels, _ := Load("testdata")
	ctx := context.Background()
	for _, l := range labels {
		if PartOf(l) != "dev" || !keep(l) {
			continue
		}
		raws, err := Raws(ctx, "testdata", l)
		if err != nil {
			continue
		}
		for _, p := range l.Postings {
			if r, ok := raws[p.ID]; ok {
				f(l, p, r)
			}
		}
	}
}
