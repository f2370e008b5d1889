package greenhouse

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// board serves a body as the board's jobs answer.
func board(t *testing.T) scrapetest.Board {
	return scrapetest.Board{Path: "/v1/boards/amplitude/jobs", ContentType: "application/json", List: scrapetest.ListWith(t, adapter, 1)}
}

// The real board answer behind a UTF-8 byte order mark, with a job's id
// and internal_job_id written as floats with integral values, lists the
// same postings, under the same ids, as the answer itself.
func TestListToleratesBOMAndIntegralFloatIDs(t *testing.T) {
	fix := scrapetest.Fixture(t, "greenhouse.json")
	altered := scrapetest.Altered(t, fix, `"id": 8636903002,`, `"id": 8636903002.0,`,
		`"internal_job_id": 6446232002,`, `"internal_job_id": 6.446232002e9,`)
	want := board(t).ListsAlike(t, fix, map[string][]byte{"bom and floats": append([]byte(scrapetest.BOM), altered...)})
	found := false
	for _, r := range want {
		found = found || r.ID == "8636903002"
	}
	if !found {
		t.Errorf("no posting 8636903002 among %d", len(want))
	}
}

// An id with a fraction is an error naming the field, the board and the
// URL: read as 8636903002 it would be another posting's.
func TestFractionalIDIsAnError(t *testing.T) {
	fix := scrapetest.Fixture(t, "greenhouse.json")
	board(t).Fails(t, "a fractional id", scrapetest.Altered(t, fix, `"id": 8636903002,`, `"id": 8636903002.5,`),
		`greenhouse: board "amplitude"`, "{url}/v1/boards/amplitude/jobs", "id: ", "8636903002.5")
}
