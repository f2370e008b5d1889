package corpus

import (
	"strings"
	"testing"
)

// TestUnseenTestLeavesOutDevCompanies: a test posting counts as unseen only
// when no dev posting has its company (case and spacing ignored).
func TestUnseenTestLeavesOutDevCompanies(t *testing.T) {
	slug := func(part string) string {
		for i := 0; ; i++ {
			s := "unseen-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
			if Part(s) == part {
				return s
			}
		}
	}
	e := Eval{Results: []Result{
		{Slug: slug("dev"), Company: "Acme  Corp", Exact: map[string]bool{"role": true}},
		{Slug: slug("test"), Company: "acme corp", Exact: map[string]bool{"role": false}},
		{Slug: slug("test"), Company: "Beta", Exact: map[string]bool{"role": true}},
	}}
	m := e.UnseenTest()
	if m.Postings != 1 || m.Accuracy("role") != 1 {
		t.Fatalf("unseen test postings %d, role %.2f; want 1 posting of Beta, role 1.00", m.Postings, m.Accuracy("role"))
	}
	// a subset's results (TestFresh) compare with the whole corpus's dev
	e.DevLabels = []*Label{{Company: "BETA"}}
	if m := e.UnseenTest(); m.Postings != 1 || m.Accuracy("role") != 0 {
		t.Fatalf("with dev labels of Beta: unseen test postings %d, role %.2f; want 1 posting of acme corp, role 0.00", m.Postings, m.Accuracy("role"))
	}
	// under MinTestCell postings the table hides the column's figures
	if tab := e.Table(Targets{}); !strings.Contains(tab, "hidden (1)") {
		t.Fatalf("a new-companies column of one test posting is shown:\n%s", tab)
	}
}
