package bamboohr

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// meta.totalCount written as 3.0 reads as 3 (scrape.Int, as ids); the old
// *int field failed the listing.
func TestDecodeListFloatTotalCount(t *testing.T) {
	fix := scrapetest.Fixture(t, "bamboohr.json")
	body := bytes.Replace(fix, []byte(`"totalCount": 3`), []byte(`"totalCount": 3.0`), 1)
	if bytes.Equal(body, fix) {
		t.Fatal("the fixture has no totalCount of 3")
	}
	p, err := decodeList(body, base)
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 3 || len(p.Raws) != 2 {
		t.Fatalf("total %d, %d openings; want 3, 2", p.Total, len(p.Raws))
	}
}
