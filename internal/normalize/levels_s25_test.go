package normalize

import (
	"reflect"
	"testing"
)

// The manager word that is the job noun of a protocol manager role gives
// no Manager level; a seniority word beside it is kept (PROTOCOL.md,
// Levels). Titles from dev postings, and the role they still give.
func TestRoleManagerNounIsNoLevelS25(t *testing.T) {
	cases := []struct {
		title  string
		levels []string
		role   string
	}{
		{"Software Development Manager — Digital Credentials Team", nil, RoleEngineeringManager},
		{"Engineering Manager", nil, RoleEngineeringManager},
		{"Manager, Project Management", nil, RoleProgramManager},
		{"Senior Engineering Manager - Machine Learning", []string{"Senior"}, RoleEngineeringManager},
		{"Senior Manager, Data Engineering", []string{"Senior"}, RoleEngineeringManager},
		{"Utviklingsleder", nil, RoleEngineeringManager},
		// a people manager of no protocol role keeps the level
		{"Senior Manager", []string{"Senior Manager"}, ""},
		{"IT Security & Compliance Manager (Part-Time)", []string{"Manager"}, ""},
		{"Driftsleder Byggdrift", []string{"Manager"}, ""},
	}
	for _, c := range cases {
		if got := Levels(c.title); !reflect.DeepEqual(got, c.levels) && !(len(got) == 0 && len(c.levels) == 0) {
			t.Errorf("Levels(%q) = %v, want %v", c.title, got, c.levels)
		}
		if c.role != "" {
			if got := Role(c.title); got != c.role {
				t.Errorf("Role(%q) = %q, want %q", c.title, got, c.role)
			}
		}
	}
}
