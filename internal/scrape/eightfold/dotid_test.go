package eightfold

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// withDotCopies is a listing answer (positions at path) with copies of its
// first position under the string ids "..", "%2e%2E" and ".", count
// raised to match when the answer has one.
func withDotCopies(t *testing.T, fixture string, data bool) []byte {
	t.Helper()
	var answer map[string]any
	if err := json.Unmarshal(scrapetest.Fixture(t, fixture), &answer); err != nil {
		t.Fatal(err)
	}
	holder := answer
	if data {
		holder = answer["data"].(map[string]any)
	}
	positions := holder["positions"].([]any)
	for _, id := range []string{"..", "%2e%2E", "."} {
		c := map[string]any{}
		for k, v := range positions[0].(map[string]any) {
			c[k] = v
		}
		c["id"] = id
		positions = append(positions, c)
	}
	holder["positions"] = positions
	if _, ok := holder["count"]; ok {
		holder["count"] = len(positions)
	}
	b, _ := json.Marshal(answer)
	return b
}

// TestDotIDsInListing: the real apply and pcsx listing answers with
// copies of their first position under the string ids "..", "%2e%2E" and
// ".": the listing reads them (a string id was an invalid number before,
// failing the whole listing) without a link or stamp, keeps them through
// the teams filter, and each fails at its detail, never fetched, naming
// the source and the id; the real positions are listed as before and the
// one with a detail is completed.
func TestDotIDsInListing(t *testing.T) {
	dots := []string{"..", "%2e%2E", "."}
	cases := []struct {
		iface, list, listPath, detailPath string
		detail                            string // the answer for good
		good                              string
		others                            []string
		teams                             []string
		data                              bool
	}{
		{iface: Apply, list: "eightfold.json", listPath: "/api/apply/v2/jobs", detailPath: "/api/apply/v2/jobs/1099555326551",
			detail: `{"id": 1099555326551, "name": "Supply Planner, Bromine S&OP", "department": "Supply Chain", "job_description": "<p>Plan supply.</p>"}`,
			good:   "1099555326551", others: []string{"1099555208188"}},
		{iface: PCSX, list: "pcsx_search.json", listPath: "/api/pcsx/search", detailPath: "/api/pcsx/position_details",
			good: "790311790101", others: []string{"790311790102"}, teams: []string{"Data & Insights"}, data: true},
	}
	for _, tc := range cases {
		t.Run(tc.iface, func(t *testing.T) {
			list := withDotCopies(t, tc.list, tc.data)
			details := scrapetest.Fixture(t, "pcsx_position_details.json")
			if tc.detail != "" {
				details = []byte(tc.detail)
			}
			var mu sync.Mutex
			var asked []string
			srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				switch {
				case r.URL.Path == tc.listPath && q.Get("start") == "0":
					w.Write(list)
				case r.URL.Path == tc.listPath:
					w.Write([]byte(`{"positions": [], "status": 200, "data": {"positions": [], "count": 0}}`))
				case r.URL.Path == tc.detailPath && (tc.iface == Apply || q.Get("position_id") == tc.good):
					mu.Lock()
					asked = append(asked, r.URL.RequestURI())
					mu.Unlock()
					w.Write(details)
				default:
					mu.Lock()
					asked = append(asked, r.URL.RequestURI())
					mu.Unlock()
					http.NotFound(w, r)
				}
			})
			a, err := New(config.Source{Name: "nf", URL: srv.URL, Settings: &Config{Domain: "netflix.com", Interface: tc.iface, Teams: tc.teams}}, client(t, 1))
			if err != nil {
				t.Fatal(err)
			}
			raws, err := a.List(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range raws {
				if strings.HasPrefix(r.ID, "7") || strings.HasPrefix(r.ID, "1") {
					continue
				}
				if r.URL != "" || r.Stamp != "" || r.Complete {
					t.Errorf("dot id %q listed as %+v", r.ID, r)
				}
			}
			run := scrapetest.RunDetails(t, a)
			for _, id := range tc.others {
				delete(run.Failed, id) // no detail served for them: not the point
			}
			run.Check(t, dots, []string{tc.good}, `eightfold: source "nf": posting {id}: posting id {q} is a dot segment`)
			if d := run.Done[tc.good]; !d.Complete || d.DescriptionHTML == "" {
				t.Errorf("position %s: %+v", tc.good, d)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(asked) != 1+len(tc.others) {
				t.Errorf("detail requests %q, want one per real position", asked)
			}
			for _, u := range asked {
				if !strings.Contains(u, tc.good) && !strings.Contains(u, tc.others[0]) {
					t.Errorf("request %q is for no real position", u)
				}
			}
		})
	}
}
