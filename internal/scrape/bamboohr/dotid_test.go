package bamboohr

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotIDsInListing: the real list answer with its second opening's id
// made "..", and a copy of it as "%2e%2E": those are listed without a link
// and fail at their detail, never fetched, naming the board and the id;
// opening 86 is listed and completed as before.
func TestDotIDsInListing(t *testing.T) {
	list := strings.Replace(whole(t), `"id": "87"`, `"id": ".."`, 1)
	list = strings.Replace(list, `"totalCount": 2`, `"totalCount": 3`, 1)
	list = strings.Replace(list, `"result": [`, `"result": [{"id": "%2e%2E", "jobOpeningName": "Copy", "location": {"city": "Miami"}},`, 1)
	s := &site{list: list, details: map[string]string{"86": string(scrapetest.Fixture(t, "bamboohr_detail.json"))}}
	srv := s.serve(t)
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		if r.ID != "86" && (r.URL != "" || r.Stamp != "") {
			t.Errorf("dot id %q listed with link %q, stamp %q", r.ID, r.URL, r.Stamp)
		}
	}
	run := scrapetest.RunDetails(t, a)
	run.Check(t, []string{"..", "%2e%2E"}, []string{"86"}, `bamboohr: board "acme": opening {id}: posting id {q} is a dot segment`)
	if d := run.Done["86"]; d.URL != srv.URL+"/careers/86" || d.Posted != "2026-07-06" {
		t.Errorf("opening 86: %+v", d)
	}
	if n := s.detailN.Load(); n != 1 {
		t.Errorf("%d detail requests, want 86's only", n)
	}
}
