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

// A platform or infrastructure engineer whose title names SRE by its
// abbreviation in another part is an SRE (dev
// jr-wellhub-staff-platform-engineer-sre); without it the software noun
// stands.
func TestAbbreviatedRoleS25(t *testing.T) {
	for title, want := range map[string]string{
		"Staff Platform Engineer | SRE":       RoleSRE,
		"Platform Engineer (SRE)":             RoleSRE,
		"Infrastructure Engineer - SRE":       RoleSRE,
		"Senior Platform Engineer":            RoleSoftwareEngineer,
		"Platform Engineer (Golang and AWS)":  RoleSoftwareEngineer,
		"Software Engineer, SRE Tooling Team": RoleSoftwareEngineer,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}
