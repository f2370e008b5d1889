package normalize

import "testing"

// TestRoleClasses_s22: job nouns of real titles that named no role.
func TestRoleClasses_s22(t *testing.T) {
	tests := []struct{ title, want string }{
		// administrators of infrastructure, networks, servers, clouds
		// (dev: geco-a-yoh-company ... "Infrastructure Administrator")
		{"Junior Microsoft Active Directory & Infrastructure Administrator (m/w/d) in Remote / ZMGR237310", RoleSRE},
		{"Network Administrator", RoleSRE},
		{"IT-Infrastrukturadministrator (m/w/d)", RoleSRE},
		{"Netzwerkadministrator (m/w/d)", RoleSRE},
		{"Cloud Administrator (AWS)", RoleSRE},
		// not of a database or an application (dev labels: Other)
		{"2x Database Administrator Microsoft SQL (m/w/d) - ab Oktober - 6 Monate+ -", RoleOther},
		{"Remote: ERP Administrator mwd 6 Monate+", RoleOther},
		// "Dev" for developer (dev: contractor-consulting ... "Senior Dev/Tech Architekt")
		{"FirstSpirit Senior Dev/Tech Architekt, remote (ID: 29845)", RoleSoftwareEngineer},
		{"Lead Dev (Python)", RoleSoftwareEngineer},
		{"Back-end dev", RoleSoftwareEngineer},
		{"Senior Business Dev Representative", RoleOther},
		{"DevOps Engineer", RoleSRE},
		// a specialist of a programming language or library (dev
		// osd-ethereal-lifestyle-webgl-threejs-specialist)
		{"Full/part-time Web GL/Three.JS specialist", RoleSoftwareEngineer},
		{"React Specialist", RoleSoftwareEngineer},
		{"Java Experte (m/w/d)", RoleSoftwareEngineer},
		{"SAP Specialist", RoleOther},
		{"SWIFT Payments Specialist", RoleOther},
		// a specialist of security is no engineer: no protocol role
		// (PROTOCOL.md, session 26)
		{"Java Security Specialist", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
