package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A wish after a comma ("..., preferably AWS, ...") qualifies what it
// names up to the next separator when the sentence goes on with more of
// an outer list (dev jr-r2-lead-machine-learning-engineer-latam-only),
// with what parentheses after it hold (dev
// sinc-text-loesungsarchitekt-technischer-lead-identity-access-managemen),
// and to the sentence's end when what follows offers alternatives.
func TestForwardWishScopeS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"You have a solid understanding of cloud platforms, preferably AWS, distributed computing, and version control using GitHub & GitLab",
			[]string{"Distributed Systems", "GitHub", "GitLab", "Version Control"}, []string{"AWS"}},
		{"Tiefgehendes, herstellerunabhängiges Verständnis der Architektur von Identitäts- und Governance-Plattformen, idealerweise mit nachweisbarer Erfahrung in führenden Open-Source-Lösungen (z. B. Keycloak, Janssen Project/Gluu, WSO2 IS).",
			nil, []string{"Keycloak", "Gluu", "WSO2 Identity Server"}},
		{"Strong programming skills, preferably Python, Go, or Rust.", nil, []string{"Python", "Go", "Rust"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements\n- " + tt.text})
		for _, s := range tt.req {
			if !slices.Contains(p.Skills.Required, s) {
				t.Errorf("%.60q: %s not required: %+v", tt.text, s, p.Skills)
			}
		}
		for _, s := range tt.pref {
			if !slices.Contains(p.Skills.Preferred, s) {
				t.Errorf("%.60q: %s not preferred: %+v", tt.text, s, p.Skills)
			}
		}
	}
}
