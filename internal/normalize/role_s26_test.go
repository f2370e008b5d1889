package normalize

import "testing"

// Security titles by their job noun (PROTOCOL.md, written down in session
// 26 from the dev labels of session 24): an engineer of security is a
// Security Engineer; an analyst, specialist or consultant of security,
// and an engineer of physical security, are Other.
func TestSecurityTitlesByJobNounS26(t *testing.T) {
	tests := []struct{ title, want string }{
		// dev labels
		{"Information Security Specialist", RoleOther},
		{"Senior Solutions Architect - Security Specialist", RoleOther},
		{"Staff Security Analyst, Customer Assurance", RoleOther},
		{"Security Analyst - Governance, Risk, and Compliance (West)", RoleOther},
		{"Lead Physical Security Engineer", RoleOther},
		{"Physical Security and Safety Specialist", RoleOther},
		{"Cybersecurity Consultant – Palo Alto Networks (m/w/d)", RoleOther},
		{"Application Security Engineer", RoleSecurityEngineer},
		{"Senior Security Operations Engineer I", RoleSecurityEngineer},
		{"Offensive Security Engineer", RoleSecurityEngineer},
		{"Security Champion (m/w/d)", RoleSecurityEngineer},
		// the same nouns in other languages
		{"Analyste SOC N2 (H/F)", RoleOther},
		{"Analista de Ciberseguridad", RoleOther},
		{"Ingeniero de Ciberseguridad", RoleSecurityEngineer},
		{"Penetration Tester", RoleSecurityEngineer},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
