package cli

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Lever has no update stamp and its listing is paged (no conditional
// request): the second run re-reads and re-normalizes every posting, and
// the same bytes make no commit.
func TestRunLeverSite(t *testing.T) {
	t.Parallel()
	srv, n := glaServer(t, "/v0/postings/idealistconsulting", "../scrape/lever/testdata/lever.json", "")
	glaRunTwice(t, "lever", "idealistconsulting", "Idealist Consulting", srv.URL, []glaWant{
		{id: "5d54d69b-e940-452e-b892-1170aa60f095", title: "(1099 Contract) Salesforce for Nonprofits: Solution Architect",
			url:       "https://jobs.lever.co/idealistconsulting/5d54d69b-e940-452e-b892-1170aa60f095",
			workplace: "remote"}, // "Washington, D.C.": how normalization splits it is its own business
		{id: "a24ec4e5-5caa-473d-abd4-b71f09a8167b", title: "(1099 Contract) Nonprofit Salesforce Consultant: Enterprise Project Manager",
			url:       "https://jobs.lever.co/idealistconsulting/a24ec4e5-5caa-473d-abd4-b71f09a8167b",
			workplace: "remote", locations: []model.Location{{City: "Chicago", Region: "Illinois", Country: "US", Remote: true}}},
	})
	if n.Load() != 2 {
		t.Fatalf("%d list requests, want one short page per run", n.Load())
	}
}
