package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestTeamPartsEndTheAsk: a heading of how the team works or what it uses
// ("How We Work", "The stack", "Our tooling", "A day in the life") ends the
// part before it: what it names is met on the job, not asked. The first
// case is a dev document's (cjr-flexport-product-security-engineer-ii): its
// "frontier AI models" were read as a preference of the "Nice to have"
// part above before rules 242.
func TestTeamPartsEndTheAsk(t *testing.T) {
	n := New(nil)
	flexport := "Nice to Have\n\nParticipation in CTF events or open-source security projects.\n\n" +
		"Interest in contributing to internal developer security training programs.\n\nHow We Work\n\n" +
		"In Amsterdam we come to the office 3 times a week to hang out, whiteboard, and ship together.\n\n" +
		"We have the latest hardware and software, including frontier AI models on day one.\n\n" +
		"We're agile, but not dogmatic. Teams decide how they work best.\n"
	p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Product Security Engineer II", DescriptionText: flexport})
	if slices.Contains(p.Skills.Preferred, "Artificial Intelligence") || slices.Contains(p.Skills.Preferred, "Agile") {
		t.Errorf("How We Work: preferred %v", p.Skills.Preferred)
	}
	for _, h := range []string{"The stack", "Stack", "Our tooling", "A day in the life", "The tech"} {
		text := "Requirements\n- Python\n\n" + h + "\n- Kafka\n- Terraform\n"
		p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Data Engineer", DescriptionText: text})
		if !slices.Contains(p.Skills.Required, "Python") || slices.Contains(p.Skills.Required, "Kafka") || !slices.Contains(p.Skills.Mentioned, "Kafka") {
			t.Errorf("%q: %+v, want Python required and Kafka mentioned", h, p.Skills)
		}
	}
}
