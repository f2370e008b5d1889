package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review26b: a country-only listing whose text names a remote phrase only
// to deny it or to allow it part of the time is no remote job.
func TestReview26b_CountryListingRemoteDeniedOrPartTime(t *testing.T) {
	n := New(nil)
	for _, text := range []string{
		"This is not a remote position; you will work from our Warsaw office.",
		"You can work remotely up to two days a week; the rest of the week is in our office.",
		"Unfortunately we cannot offer the option to work remotely for this role.",
		"This role is on-site. Remote work is not possible.",
		"Occasionally you may work remotely, but the role is based in our office.",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text, Locations: []string{"Poland"}})
		if len(p.Locations) == 1 && p.Locations[0].Remote {
			t.Errorf("%q with %q: %+v, a remote job", text, "Poland", p.Locations)
		}
	}
}
