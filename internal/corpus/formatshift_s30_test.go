package corpus

import (
	"flag"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var (
	shiftProbe = flag.Bool("shift", false, "print the dev HTML postings' skills F1 read as given and with their description given in other shapes")
	shiftList  = flag.String("shift-list", "spaced", `the shape whose losses TestFormatShiftDev lists: "lines", "spaced" or "escaped"`)
	shiftDump  = flag.String("shift-dump", "", "with TestFormatShiftDev: print the lines of the dev postings whose slug/id starts with this")
)

// TestFormatShiftDev measures how well the dev part's postings whose
// description is HTML (board answers, JSON-LD and career pages) are read
// when the same description comes in another shape, as other boards and
// pages give it: "escaped" (the HTML entity-escaped once, as some JSON-LD
// blocks carry it), "lines" (its text, one line per block, in the HTML
// field: a JSON-LD description in plain text), "text" (the same lines as
// a text description) and "spaced" (its text with the blocks joined by a
// space: tags stripped upstream). The labels are the same, so a drop is
// what the shape costs; it needs no test-part document. Dev only; the
// postings that lose most in -shift-list's shape are listed.
//
//	go test ./internal/corpus -run TestFormatShiftDev -v -args -shift [-shift-list=lines]
func TestFormatShiftDev(t *testing.T) {
	if !*shiftProbe {
		t.Skip("-shift not given")
	}
	n := normalize.New(nil)
	shapes := []string{"given", "escaped", "lines", "text", "spaced"}
	ms := make([]Metrics, len(shapes))
	var drops []probeDrop
	eachDevRaw(func(l *Label) bool { return l.Format != "text" }, func(l *Label, p Posting, r model.Raw) {
		if strings.TrimSpace(r.DescriptionHTML) == "" {
			return
		}
		lines := normalize.Text(r.DescriptionHTML)
		if *shiftDump != "" && strings.HasPrefix(l.Slug+"/"+p.ID, *shiftDump) {
			t.Logf("%s/%s as lines:\n%s", l.Slug, p.ID, lines)
		}
		var scores []Result
		for _, s := range shapes {
			v := r
			switch s {
			case "escaped":
				v.DescriptionHTML = html.EscapeString(r.DescriptionHTML)
			case "lines":
				v.DescriptionHTML = lines
			case "text":
				v.DescriptionHTML, v.DescriptionText = "", lines
			case "spaced":
				v.DescriptionHTML = strings.Join(strings.Split(lines, "\n"), " ")
			}
			scores = append(scores, Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, v)))
		}
		for i, s := range shapes {
			ms[i].Add(scores[i])
			if s == *shiftList {
				if d := scores[0].TP - scores[i].TP + scores[i].FP - scores[0].FP; d > 0 {
					drops = append(drops, probeDrop{l.Slug + "/" + p.ID + " (" + l.Format + ")", d, scores[i].SkillDiff})
				}
			}
		}
	})
	var sb strings.Builder
	for i, s := range shapes {
		m := ms[i]
		fmt.Fprintf(&sb, "%-8s postings %d F1 %.3f (P %.3f R %.3f, misplaced %d, mentioned %d)\n", s, m.Postings, m.F1(), m.Precision(), m.Recall(), m.Misplaced, m.Mentioned)
	}
	writeDrops(&sb, drops, 40)
	t.Logf("dev postings with an HTML description, by the shape it is given in:\n%s", sb.String())
}
