package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A gain verb offers the experience ("You will gain experience with
// Kubernetes"); after "have" it is the candidate's past, asked for ("You
// have gained experience with Kafka").
func TestGainedExperienceIsOfferedUnlessItIsTheCandidatesPast(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text, skill string
		required    bool
	}{
		{"<p>You will gain experience with Kubernetes.</p>", "Kubernetes", false},
		{"<p>In this role you get hands-on exposure to Terraform.</p>", "Terraform", false},
		{"<p>You have gained experience with Kafka.</p>", "Kafka", true},
		{"<p>Experience with Kafka. You will grow with us.</p>", "Kafka", true},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Engineer", DescriptionHTML: c.text})
		if got := slices.Contains(p.Skills.Required, c.skill); got != c.required {
			t.Errorf("%s: %s required %v, want %v: %+v", c.text, c.skill, got, c.required, p.Skills)
		}
	}
}
