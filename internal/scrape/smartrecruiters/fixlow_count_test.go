package smartrecruiters

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// totalFound written as 1.0 reads as 1 (scrape.Int, as ids); the old *int
// field failed the page.
func TestDecodePageFloatTotalFound(t *testing.T) {
	fix := scrapetest.Fixture(t, "smartrecruiters.json")
	body := bytes.Replace(fix, []byte(`"totalFound": 1`), []byte(`"totalFound": 1.0`), 1)
	if bytes.Equal(body, fix) {
		t.Fatal("the fixture has no totalFound of 1")
	}
	pg, err := adapter(t, "https://api.smartrecruiters.com", "knight", 1).decodePage(body)
	if err != nil {
		t.Fatal(err)
	}
	if pg.Total != 1 || len(pg.Postings) == 0 {
		t.Fatalf("total %d, %d postings; want 1 and the fixture's", pg.Total, len(pg.Postings))
	}
}
