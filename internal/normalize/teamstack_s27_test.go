package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A line where the team says what it works with, under a heading of
// requirements, lists the team's stack: mentioned (dev:
// variant-text-utvikler-trondheim). A line that names the tools as what
// the job uses ("The technologies we use on a daily basis are:") does not.
func TestTeamStackLeadInListsWhatTheTeamUses(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text     string
		required bool
	}{
		{"## Våre forventninger\n\nFor tiden jobber vi mye med:\n\n- Docker og Kubernetes\n- C# og .NET\n", false},
		{"## Våre forventninger\n\nSå vil vi gjerne jobbe mer med:\n\n- Docker og Kubernetes\n", false},
		{"## Requirements\n\nCurrently we work with:\n\n- Docker and Kubernetes\n", false},
		{"## Requirements\n\nThe technologies we use on a daily basis are:\n\n- Docker and Kubernetes\n", true},
		{"## Requirements\n\nYou have worked with the tools we use:\n\n- Docker and Kubernetes\n", true},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Utvikler", DescriptionText: c.text})
		if got := slices.Contains(p.Skills.Required, "Docker"); got != c.required {
			t.Errorf("%q: Docker required %v, want %v: %+v", c.text, got, c.required, p.Skills)
		}
	}
}
