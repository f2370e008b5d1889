package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Review s28 F4: a denial in an earlier clause of the sentence does not
// turn "we hire in Spain and Portugal" into an exclusion; in the clause
// itself it still does.
func TestDenialInAnEarlierClauseS29(t *testing.T) {
	n := New(nil)
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: []string{"Remote"},
		DescriptionText: "This is a fully remote role. Don't worry about relocating - we hire in Spain and Portugal."})
	got := map[string]bool{}
	for _, l := range p.Locations {
		got[l.Country] = l.Remote
	}
	if !got["ES"] || !got["PT"] {
		t.Errorf("locations %+v, want remote in ES and PT", p.Locations)
	}
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: []string{"Remote"},
		DescriptionText: "This is a fully remote role. Relocation is fine, but we do not hire in Germany."})
	for _, l := range p.Locations {
		if l.Country != "" {
			t.Errorf("exclusion: %+v, want no country", p.Locations)
		}
	}
}
