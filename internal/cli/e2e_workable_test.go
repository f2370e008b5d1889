package cli

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The real widget answer (trimmed of descriptions) lists one job once per
// country; each run completes it through the job API, which the widget's
// lack of an update stamp makes necessary, and still commits nothing new.
func TestRunWorkableEndToEnd(t *testing.T) {
	t.Parallel()
	const list, detail = "/api/v1/widget/accounts/acme", "/api/v2/accounts/acme/jobs/DD136DD7E7"
	api := newBoardAPI(t, map[string]string{
		list: boardFixture(t, "workable.json"),
		detail: `{"shortcode": "DD136DD7E7", "title": "Business Analyst - Spanish Speaking",
			"description": "<p>Zaelab is hiring a Business Analyst.</p>",
			"requirements": "<ul><li>3+ years of experience with SAP Commerce Cloud and SQL.</li></ul>",
			"benefits": "<p>Fully remote.</p>"}`,
	})
	runBoardEndToEnd(t, "workable", api, list, func(t *testing.T, ps []model.Posting) {
		if len(ps) != 1 {
			t.Fatalf("%d snapshot files, want 1 (the job listed once per country)", len(ps))
		}
		p := ps[0]
		if p.ID != "DD136DD7E7" || p.Source != "acme-jobs" || p.Company != "Acme" || p.Title != "Business Analyst - Spanish Speaking" ||
			p.URL != "https://apply.workable.com/j/DD136DD7E7" || p.Team != "Business Consulting" || p.Workplace != "remote" ||
			p.Posted != "2026-08-05" {
			t.Errorf("posting: %+v", p)
		}
		var countries []string
		for _, l := range p.Locations {
			countries = append(countries, l.Country)
		}
		if strings.Join(countries, ",") != "ES,PT" {
			t.Errorf("locations: %+v, want Spain and Portugal", p.Locations)
		}
		if !strings.Contains(p.Description, "Zaelab is hiring") || !strings.Contains(p.Description, "SAP Commerce Cloud") {
			t.Errorf("description: %q", p.Description)
		}
		if p.MinYearsExperience == nil || *p.MinYearsExperience != 3 {
			t.Errorf("min years %v, want 3", p.MinYearsExperience)
		}
	})
	if hits, _ := api.count(detail); hits != 3 {
		t.Fatalf("%d detail requests in four runs, want 3 (one per full listing, none after the 304)", hits)
	}
}
