package normalize

import (
	"reflect"
	"testing"
)

// TestProjectManagerNouns_s23: the manager of a delivery, a transition or
// an integration project is a Program Manager, and the manager word, the
// role's job noun, is no level (PROTOCOL.md, as "Project Manager"): dev
// ferchau-text-it-transition-und-integration-manager.
func TestProjectManagerNouns_s23(t *testing.T) {
	tests := []struct {
		title, role string
		levels      []string
	}{
		{"IT Transition und Integration Manager (m/w/d)", RoleProgramManager, []string{}},
		{"Delivery Manager", RoleProgramManager, []string{}},
		{"Senior Delivery Manager", RoleProgramManager, []string{"Senior"}},
		{"Project Manager", RoleProgramManager, []string{}},
		{"Engineering Manager", RoleEngineeringManager, []string{}}, // PROTOCOL.md, Levels (session 24)
		// dev tor-project-grants-manager: grants, not people
		{"Internet Freedom Nonprofit Seeks Experienced Grants Manager", RoleOther, []string{}},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.role {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.role)
		}
		if got := Levels(tt.title); !reflect.DeepEqual(got, tt.levels) {
			t.Errorf("Levels(%q) = %q, want %q", tt.title, got, tt.levels)
		}
	}
}
