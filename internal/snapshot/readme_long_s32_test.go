package snapshot

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestSourceReadmeCutsLongFields: a board's text as long as its answer (a
// 250 KB title, company, level, place, currency, a 10 KB URL) makes a row
// of a few hundred bytes, not of the answer's size; the row keeps the
// text's start and its cells.
func TestSourceReadmeCutsLongFields(t *testing.T) {
	long := strings.Repeat("Senior Data Engineer ", 12000) // 252 KB
	p := model.Posting{
		ID: "1", Source: "s", Title: long, Company: long,
		URL:       "https://e.com/" + strings.Repeat("a", 10000),
		Levels:    []string{long},
		Locations: []model.Location{{City: long, Country: "US"}, {Name: long + "x"}},
		Salary:    []model.Salary{{Min: 1, Max: 2, Currency: long, Period: long}},
		Skills:    model.Skills{Required: []string{long, "Go"}},
	}
	p.Canonical()
	short := model.Posting{ID: "2", Source: "s", Title: "Analyst", URL: "https://e.com/2", Company: "Acme"}
	out := string(SourceReadme("s", []model.Posting{p, short}))
	if len(out) > 8000 {
		t.Fatalf("README of one long posting is %d bytes, want under 8000", len(out))
	}
	var row string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| Senior Data Engineer") {
			row = l
		}
	}
	if row == "" {
		t.Fatalf("no row starts with the title's start:\n%s", out)
	}
	if !strings.Contains(row, "…") {
		t.Errorf("the cut title shows no ellipsis: %q", row[:200])
	}
	if strings.Contains(row, "https://e.com/aaa") {
		t.Errorf("a 10 KB URL is linked: %q", row[:300])
	}
	clean := strings.ReplaceAll(row, `\\`, "")
	if n := len(unescapedPipe.FindAllString(clean, -1)); n != 6 {
		t.Errorf("row has %d cell separators, want 6: %s", n, row)
	}
	if !strings.Contains(out, "[Analyst](https://e.com/2)") {
		t.Errorf("the short posting's row changed:\n%s", out)
	}
}
