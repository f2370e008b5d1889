package workday

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// A total written as a float with an integral value (2.0, 2e0) reads as
// the integer, as ids do (scrape.Int); the old *int field failed the page.
func TestDecodePageFloatTotal(t *testing.T) {
	fix := scrapetest.Fixture(t, "workday.json")
	w := &Workday{base: "https://salesforce.wd12.myworkdayjobs.com", tenant: "salesforce", site: "External_Career_Site"}
	want, err := w.decodePage(fix)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{`"total": 2.0`, `"total": 2e0`} {
		body := bytes.Replace(fix, []byte(`"total": 2`), []byte(f), 1)
		if bytes.Equal(body, fix) {
			t.Fatal("the fixture has no total of 2")
		}
		pg, err := w.decodePage(body)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if pg.Total != 2 || len(pg.Postings) != len(want.Postings) {
			t.Errorf("%s: total %d, %d postings; want 2, %d", f, pg.Total, len(pg.Postings), len(want.Postings))
		}
	}
	if _, err := w.decodePage(bytes.Replace(fix, []byte(`"total": 2`), []byte(`"total": 2.5`), 1)); err == nil {
		t.Error("a total of 2.5 was taken")
	}
}
