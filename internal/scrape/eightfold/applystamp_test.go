package eightfold

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// The real Albemarle answer lists t_create and no t_update: the apply
// stamp still moves when the listing shows an edit (F1: a title renamed
// in place was never read again, the stamp being t_create alone), and
// stays when nothing listed moved.
func TestApplyStampFollowsListedEdits(t *testing.T) {
	b := scrapetest.Fixture(t, "eightfold.json")
	e := &Eightfold{base: "https://albemarle.eightfold.ai"}
	stamps := func(body []byte) []string {
		t.Helper()
		pg, err := e.decodeApplyPage(body)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range pg.Postings {
			out = append(out, r.Stamp)
		}
		return out
	}
	before := stamps(b)
	if again := stamps(bytes.Clone(b)); again[0] != before[0] || again[1] != before[1] {
		t.Fatalf("the same answer, other stamps: %v %v", before, again)
	}
	for _, edit := range [][2]string{
		{`"Supply Planner, Bromine S&OP"`, `"Supply Planner II, Bromine S&OP"`},
		{`"department": "Supply Chain"`, `"department": "Logistics"`},
		{`"Charlotte, North Carolina, United States of America"`, `"Charlotte, NC, United States of America"`},
	} {
		if !bytes.Contains(b, []byte(edit[0])) {
			t.Fatalf("fixture has no %s", edit[0])
		}
		after := stamps(bytes.Replace(b, []byte(edit[0]), []byte(edit[1]), 1))
		if after[0] == before[0] {
			t.Errorf("%s -> %s: stamp stays %q", edit[0], edit[1], after[0])
		}
		if after[1] != before[1] {
			t.Errorf("%s: the other posting's stamp moved", edit[0])
		}
	}
}
