package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// French titles that borrow the English noun of a data analyst.
func TestFrenchDataAnalystTitlesS28(t *testing.T) {
	n := normalizer(t)
	for _, title := range []string{"Data analyste (H/F)", "Analyste data confirmé", "Analyste données - CDI"} {
		if got := n.Normalize("s", "c", model.Raw{Title: title}).Role; got != RoleDataAnalyst {
			t.Errorf("%q: role %q, want %q", title, got, RoleDataAnalyst)
		}
	}
}
