package rippling

import (
	"encoding/json"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotIDsInListing: the real list answer (one job on two rows) with
// copies of its first row under the uuids "..", "%2e%2E" and ".": those
// are listed without a link or stamp and fail at their detail, never
// fetched, naming the board and the id; the real job is listed and
// completed as before.
func TestDotIDsInListing(t *testing.T) {
	var rows []map[string]any
	if err := json.Unmarshal(scrapetest.Fixture(t, "rippling.json"), &rows); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"..", "%2e%2E", "."} {
		c := map[string]any{}
		for k, v := range rows[0] {
			c[k] = v
		}
		c["uuid"] = id
		rows = append(rows, c)
	}
	list, _ := json.Marshal(rows)
	s := &api{list: string(list), details: map[string]string{uuid: string(scrapetest.Fixture(t, "rippling_detail.json"))}}
	a := adapter(t, s.serve(t).URL, 1)
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		if r.ID != uuid && (r.URL != "" || r.Stamp != "" || len(r.Locations) != 0) {
			t.Errorf("dot id %q listed as %+v", r.ID, r)
		}
	}
	run := scrapetest.RunDetails(t, a)
	run.Check(t, []string{"..", "%2e%2E", "."}, []string{uuid}, `rippling: board "acme": job {id}: posting id {q} is a dot segment`)
	if d := run.Done[uuid]; !d.Complete || len(d.Locations) == 0 || len(d.Salary) != 1 {
		t.Errorf("the real job: %+v", d)
	}
	if n := s.detailN.Load(); n != 1 {
		t.Errorf("%d detail requests, want the real job's only", n)
	}
}
