package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review26b: in pasted text a short requirement line that opens with
// "About"/"Over" (English quantity words; "over" is also Dutch "about")
// is read as an "About <company>" heading and ends the requirements.
func TestReview26b_AboutLineQuantityEndsRequirements(t *testing.T) {
	n := New(nil)
	for _, line := range []string{"Over 5 years of Python", "About 3 years of Go", "Over two years in fintech"} {
		text := "Requirements:\n\nStrong SQL skills\n\n" + line + "\n\nHands-on Docker and Kubernetes\n\nExperience with AWS\n"
		p := n.Normalize("s", "Acme", model.Raw{ID: "1", Title: "Backend Engineer", DescriptionText: text})
		for _, s := range []string{"Docker", "Kubernetes", "AWS"} {
			if !slices.Contains(p.Skills.Required, s) {
				t.Errorf("line %q: %s not required: %+v", line, s, p.Skills)
			}
		}
	}
}
