package normalize

import "testing"

// Executives named "Chief ... Officer" are Other, as "CTO" is; a job noun
// in the plural names the same job ("Designers till Acme").
func TestRoleChiefOfficersAndPluralDesigners(t *testing.T) {
	for title, want := range map[string]string{
		"Chief Technology Officer for Acme Stockholm": RoleOther,
		"Chief Design Officer":                        RoleOther,
		"Chief Product Officer (CPO)":                 RoleOther,
		"CTO till Acme":                               RoleOther,
		"Designers till Acme":                         RoleDesigner,
		"UX Designers":                                RoleDesigner,
		"Engineering Manager":                         RoleEngineeringManager,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}
