package oracle

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestRefusedIDsInListing: the real list answer with copies of its first
// requisition under the ids "..", "%2e%2E", "." and `1",siteNumber="X`
// (which would rewrite the detail's finder): those are listed without a
// link or stamp and fail at their detail, never fetched, naming the site
// and the id; the real requisitions are listed as before and 26876 is
// completed.
func TestRefusedIDsInListing(t *testing.T) {
	reqs := fixtureReqs(t)
	bad := []string{"..", "%2e%2E", ".", `1",siteNumber="X`}
	for _, id := range bad {
		c := map[string]any{}
		for k, v := range reqs[0] {
			c[k] = v
		}
		c["Id"] = id
		reqs = append(reqs, c)
	}
	s := &site{reqs: reqs, details: map[string]string{}}
	srv := s.serve(t)
	s.details["26876"] = fixtureDetail(t, "26876")
	s.details["25587"] = fixtureDetail(t, "25587")
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		good := r.ID == "25587" || r.ID == "26876"
		if good && r.URL != srv.URL+"/hcmUI/CandidateExperience/en/sites/CX/job/"+r.ID {
			t.Errorf("requisition %s: link %q", r.ID, r.URL)
		}
		if !good && (r.URL != "" || r.Stamp != "") {
			t.Errorf("refused id %q listed with link %q, stamp %q", r.ID, r.URL, r.Stamp)
		}
	}
	run := scrapetest.RunDetails(t, a)
	run.Check(t, bad, []string{"25587", "26876"}, `oracle: board "`+srv.URL+` site CX": posting {id}: `, "id {q}", "refused, not fetched")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.detHits != 2 {
		t.Errorf("%d detail requests, want the two real requisitions' only", s.detHits)
	}
}
