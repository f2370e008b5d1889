package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A limit that follows the remote word after a comma still limits it.
func TestRemoteLimitAfterACommaStillLimits(t *testing.T) {
	n := New(nil)
	for _, text := range []string{
		"You can work remotely, up to two days a week.",
		"You may work remotely, occasionally, when the team agrees.",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text, Locations: []string{"Poland"}})
		if len(p.Locations) == 1 && p.Locations[0].Remote {
			t.Errorf("%q: %+v, want no remote job", text, p.Locations)
		}
	}
}
