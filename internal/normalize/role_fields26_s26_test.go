package normalize

import "testing"

// Security titles of Danish, German, Norwegian and Swedish by their job
// noun, as the English ones (PROTOCOL.md, security titles): an engineer,
// architect or technician of security is a Security Engineer; an adviser,
// specialist, expert, analyst or officer of security is Other.
func TestNordicGermanSecurityNounsS26(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Sikkerhetsingeniør", RoleSecurityEngineer},
		{"IT-Sicherheitsingenieur (m/w/d)", RoleSecurityEngineer},
		{"Säkerhetsarkitekt", RoleSecurityEngineer},
		{"Säkerhetsguru", RoleSecurityEngineer}, // dev kits-sakerhetsguru
		{"Informasjonssikkerhetsrådgiver", RoleOther},
		{"IT-säkerhetsspecialist", RoleOther},
		{"IT-Sicherheitsexperte", RoleOther},
		{"Informationssicherheitsberater (m/w/d)", RoleOther},
		{"Sikkerhetsanalytiker", RoleOther},
		{"IT-sikkerhedsspecialist", RoleOther},
		{"Sikkerhetsvakt", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// A technical lead whose field words open with security is a security
// engineer (dev cjr-veeam-security-tech-lead), as a security-led engineer
// is; a tech lead of another field or a physical security lead is not.
func TestSecurityTechLeadS26(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Security Tech Lead", RoleSecurityEngineer},
		{"Security Technical Lead", RoleSecurityEngineer},
		{"Tech Lead", RoleSoftwareEngineer},
		{"Physical Security Tech Lead", RoleOther},
		{"Security Lead", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
