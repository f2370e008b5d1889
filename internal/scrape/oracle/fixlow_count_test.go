package oracle

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TotalJobsCount written as 25.0 reads as 25 (scrape.Int, as ids); the old
// *int field failed the page.
func TestDecodeListFloatTotalJobsCount(t *testing.T) {
	fix := scrapetest.Fixture(t, "oracle_orc.json")
	body := bytes.Replace(fix, []byte(`"requisitionList"`), []byte(`"TotalJobsCount": 25.0, "requisitionList"`), 1)
	if bytes.Equal(body, fix) {
		t.Fatal("the fixture has no requisitionList")
	}
	p, err := decodeList(body)
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 25 {
		t.Fatalf("total %d, want 25", p.Total)
	}
}
