package corpus

import (
	"strings"
	"testing"
)

// TestTableSaysNoSkills: a part with no skill labelled required or
// preferred and none found (a fresh round of non-technical ads) shows "no
// skills" in the skills rows, not an F1 of 0.000 "not met"; the other part
// keeps its figure.
func TestTableSaysNoSkills(t *testing.T) {
	slug := func(part string, n int) string {
		for i := n * 1000; ; i++ {
			s := "noskills-" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
			if Part(s) == part {
				return s
			}
		}
	}
	e := Eval{Results: []Result{
		{Slug: slug("dev", 0), Company: "A", TP: 3, FN: 1, Labelled: 4, Exact: map[string]bool{"role": true}},
		{Slug: slug("test", 1), Company: "B", Exact: map[string]bool{"role": true}},
	}}
	tab := e.Table(Targets{Targets: map[string]float64{"skills_f1": 0.92, "misplaced": 0.04, "role": 0.95}})
	var f1 string
	for _, line := range strings.Split(tab, "\n") {
		if strings.HasPrefix(line, "skills F1") {
			f1 = line
		}
	}
	if f1 == "" {
		t.Fatalf("no skills F1 row:\n%s", tab)
	}
	if strings.Contains(f1, "not met") || !strings.Contains(f1, "no skills") {
		t.Errorf("skills F1 row of a test part with no skills: %q; want \"no skills\", not \"not met\"", f1)
	}
	if !strings.Contains(f1, "0.857 (3/4)") {
		t.Errorf("skills F1 row lost the dev figure: %q; want 0.857 (3/4)", f1)
	}
	if !strings.Contains(tab, "role exact") || !strings.Contains(tab, " met") {
		t.Errorf("the other rows lost their status:\n%s", tab)
	}
}
