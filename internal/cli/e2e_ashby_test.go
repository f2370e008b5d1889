package cli

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestRunAshbyBoard(t *testing.T) {
	t.Parallel()
	srv, n := glaServer(t, "/posting-api/job-board/HighlightTA", "../scrape/ashby/testdata/ashby.json", `"ashby-1"`)
	glaRunTwice(t, "ashby", "HighlightTA", "HighlightTA", srv.URL, []glaWant{
		{id: "90fb3621-899e-4b59-925d-25080ec91e18", title: "Senior Technical Recruiter",
			url:       "https://jobs.ashbyhq.com/HighlightTA/90fb3621-899e-4b59-925d-25080ec91e18",
			workplace: "remote", locations: []model.Location{{Country: "CA", Remote: true}}, salary: []model.Salary{}},
		{id: "fc2f1f85-46a0-4a31-b165-683e39c07c04", title: "Senior Site Reliability Engineer",
			url:       "https://jobs.ashbyhq.com/HighlightTA/fc2f1f85-46a0-4a31-b165-683e39c07c04",
			workplace: "hybrid", locations: []model.Location{{City: "Toronto", Region: "Ontario", Country: "CA"}},
			salary: []model.Salary{{Min: 102800, Max: 137000, Currency: "CAD", Period: "year"}}},
	})
	if n.Load() != 2 {
		t.Fatalf("%d list requests, want 2 (the second one conditional)", n.Load())
	}
}
