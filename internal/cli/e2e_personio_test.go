package cli

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The real feed lists one position twice: one snapshot.
func TestRunPersonioEndToEnd(t *testing.T) {
	t.Parallel()
	api := newBoardAPI(t, map[string]string{"/xml": boardFixture(t, "personio.xml")})
	runBoardEndToEnd(t, "personio", api, "/xml", func(t *testing.T, ps []model.Posting) {
		if len(ps) != 1 {
			t.Fatalf("%d snapshot files, want 1", len(ps))
		}
		p := ps[0]
		if p.ID != "1834171" || p.Source != "acme-jobs" || p.Company != "Acme" || p.Title != "Staff Software Engineer, Data Platform" ||
			p.URL != api.URL+"/job/1834171" || p.Team != "Product and Tech" || p.EmploymentType != "full_time" ||
			p.Posted != "2024-11-13" || p.Role != "Software Engineer" {
			t.Errorf("posting: %+v", p)
		}
		if len(p.Locations) != 2 {
			t.Fatalf("locations: %+v, want Munich and Berlin", p.Locations)
		}
		for _, l := range p.Locations {
			if l.City != "Berlin" && l.City != "Munich" && l.Name != "Munich" && l.Name != "Berlin" {
				t.Errorf("location %+v", l)
			}
		}
	})
}
