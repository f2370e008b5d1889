package normalize

import "testing"

// Executive titles are Other; a solution designer is no designer; a
// specialist's title keeps its own noun over a field word of another part;
// "Designers" is the designer's plural.
func TestLoc13Roles(t *testing.T) {
	for title, want := range map[string]string{
		"Chief Technology Officer for Variant Stockholm":       RoleOther,
		"Chief Data Officer":                                   RoleOther,
		"Solution Designer Abrechnung (m/w/d)":                 RoleOther,
		"Solutions Designer, Billing":                          RoleOther,
		"System Spezialist – Windows Backend 60–100 % (76003)": RoleOther,
		"Designers till Variant":                               RoleDesigner,
		"Senior Product Designer":                              RoleDesigner,
		"Service Designer":                                     RoleDesigner,
		"Backend Developer – Windows":                          RoleSoftwareEngineer,
		"Engineering Manager, Platform":                        RoleEngineeringManager,
		"Director of Engineering":                              RoleEngineeringManager,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}
