package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Remote work part of the week is hybrid, remote work denied states no
// work mode; before, both were "remote" (review s28's note: "You can work
// remotely, no more than two days a week" read as fully remote).
func TestWorkplaceOfALimitedRemoteWordS29(t *testing.T) {
	n := New(nil)
	for _, c := range []struct{ text, want string }{
		{"You can work remotely, no more than two days a week.", "hybrid"},
		{"Occasionally you may work remotely.", "hybrid"},
		{"You can work remotely up to two days a week.", "hybrid"},
		{"Unfortunately we cannot offer the option to work remotely.", ""},
		{"This is a fully remote role, no commute.", "remote"},
		{"You will work remotely from anywhere in Poland.", "remote"},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "About the job\n" + c.text, Locations: []string{"Berlin, Germany"}})
		if p.Workplace != c.want {
			t.Errorf("%q: workplace %q, want %q", c.text, p.Workplace, c.want)
		}
	}
}
