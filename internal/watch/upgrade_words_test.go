package watch

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestSameSource(t *testing.T) {
	t.Parallel()
	base := model.Posting{Title: "Data Engineer", URL: "https://x/1", Team: "Data", Posted: "2026-11-01", Company: "Acme",
		Description: "Requirements: Python, SQL.\nNice to have: dbt.", Role: "Data Engineer"}
	for _, tc := range []struct {
		name string
		edit func(*model.Posting)
		same bool
	}{
		{"identical", func(*model.Posting) {}, true},
		{"model fields only", func(p *model.Posting) {
			p.Role, p.Levels, p.Skills.Required = "Other", []string{"Senior"}, []string{"Python"}
		}, true},
		{"layout of the text", func(p *model.Posting) { p.Description = "Requirements:\n- Python,\n- SQL.\n\nNice to have: DBT." }, true},
		{"a word of the text", func(p *model.Posting) { p.Description = "Requirements: Python, Scala.\nNice to have: dbt." }, false},
		{"a word added at the end", func(p *model.Posting) { p.Description += " Go." }, false},
		{"title", func(p *model.Posting) { p.Title = "Senior Data Engineer" }, false},
		{"url", func(p *model.Posting) { p.URL = "https://x/2" }, false},
		{"team", func(p *model.Posting) { p.Team = "Platform" }, false},
		{"posted", func(p *model.Posting) { p.Posted = "2026-11-03" }, false},
		{"posted one day off (UTC vs the board's offset)", func(p *model.Posting) { p.Posted = "2026-11-02" }, true},
	} {
		b := base
		tc.edit(&b)
		if got := sameSource(base, b, true); got != tc.same {
			t.Errorf("%s: sameSource = %v, want %v", tc.name, got, tc.same)
		}
	}
}
