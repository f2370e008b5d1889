package eightfold

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// Counts (and pcsx's status) written as floats with integral values read
// as the integers (scrape.Int, as ids); the old *int fields failed the
// page.
func TestDecodeFloatCounts(t *testing.T) {
	e := &Eightfold{base: "https://albemarle.eightfold.ai"}
	fix := scrapetest.Fixture(t, "eightfold.json")
	body := bytes.Replace(fix, []byte(`"domain": "albemarle.com",`), []byte(`"domain": "albemarle.com", "count": 2.0,`), 1)
	if bytes.Equal(body, fix) {
		t.Fatal("the apply fixture has no domain line")
	}
	pg, err := e.decodeApplyPage(body)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if pg.Total != 2 {
		t.Errorf("apply: count %d, want 2", pg.Total)
	}

	e = &Eightfold{base: "https://explore.jobs.netflix.net"}
	fix = scrapetest.Fixture(t, "pcsx_search.json")
	body = bytes.Replace(fix, []byte(`"count": 3`), []byte(`"count": 3.0`), 1)
	body = bytes.Replace(body, []byte(`"status": 200`), []byte(`"status": 200.0`), 1)
	if bytes.Contains(body, []byte(`"count": 3,`)) || bytes.Contains(body, []byte(`"status": 200,`)) || bytes.Equal(body, fix) {
		t.Fatal("the pcsx fixture lacks its count or status")
	}
	pg, err = e.decodePCSXPage(body)
	if err != nil {
		t.Fatalf("pcsx: %v", err)
	}
	if pg.Total != 3 {
		t.Errorf("pcsx: count %d, want 3", pg.Total)
	}
}
