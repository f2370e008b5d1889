package normalize

import "testing"

// Session 20 (issue 9): job nouns of other languages name the same roles
// as their English forms already do: an administrator of systems or a
// cloud engineer is an operations job (as "Systems Administrator" and
// "Cloud Engineer"), an engineer of machine learning or of research, a
// cybersecurity engineer (a SOC analyst is Other since session 26), a manager of projects or
// products, a BI analyst or developer and a UX researcher, whatever the
// language of the title.
func TestRoleNounsOfOtherLanguagesS20(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Systemadministratör till IT-avdelningen", RoleSRE},
		{"Systemadministratorin (m/w/d) Linux", RoleSRE},
		{"Administrador de sistemas Linux", RoleSRE},
		{"Amministratore di sistema", RoleSRE},
		{"Systeembeheerder", RoleSRE},
		{"Ingénieur Cloud AWS (H/F)", RoleSRE},
		{"Machine Learning Ingenieur (m/w/d)", RoleMLEngineer},
		{"Ingénieur en apprentissage automatique", RoleMLEngineer},
		{"Ingeniero de Machine Learning", RoleMLEngineer},
		{"Maskininlärningsingenjör", RoleMLEngineer},
		{"Ingeniero de Ciberseguridad", RoleSecurityEngineer},
		{"Analyste SOC N2 (H/F)", RoleOther}, // an analyst is no engineer (PROTOCOL.md, session 26)
		{"Ingénieur Cybersécurité", RoleSecurityEngineer},
		{"Gestor de proyectos TI", RoleProgramManager},
		{"Jefe de Producto Digital", RoleProductManager},
		{"Forschungsingenieur Robotik (m/w/d)", RoleResearchEngineer},
		{"Ingénieur de recherche en traitement du signal", RoleResearchEngineer},
		{"UX-forskare", RoleUXResearcher},
		{"BI-Analyst (m/w/d)", RoleDataAnalyst},
		{"BI-utvecklare", RoleAnalyticsEngineer},
		// unchanged: the English forms and nouns that already had a role
		{"Systems Administrator", RoleSRE},
		{"Cloud Engineer", RoleSRE},
		{"Projektledare IT", RoleProgramManager},
		{"Produktägare", RoleProductManager},
		{"Systemutvecklare", RoleSoftwareEngineer},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// Leaders of a group, unit or department of software work in German and
// Nordic titles are engineering managers, as "Teamleiter
// Softwareentwicklung" and "Avdelingsleder IT" already were; business
// analysts and data architects of other languages are what their English
// forms are.
func TestLeadersAndAnalystsOfOtherLanguagesS20(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Gruppchef systemutveckling", RoleEngineeringManager},
		{"Enhetschef IT", RoleEngineeringManager},
		{"Gruppenleiter Softwareentwicklung (m/w/d)", RoleEngineeringManager},
		{"Afdelingsleder IT-udvikling", RoleEngineeringManager},
		{"Affärsanalytiker", RoleDataAnalyst},
		{"Forretningsanalytiker", RoleDataAnalyst},
		{"Dataarkitekt", RoleDataEngineer},
		// unchanged
		{"Teamleiter Softwareentwicklung", RoleEngineeringManager},
		{"Enhetschef äldreomsorg", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// An engineer whose field, named beside the job noun, is not software is
// no software engineer, in English ("Engineer, Power Electronics") and in
// Nordic and German titles ("Ingeniør bygg", "Ingeniør – elektro"), as
// "Elektroingeniør" and "Electrical Engineer" already were.
func TestEngineersOfOtherFieldsS20(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Engineer, Power Electronics", RoleOther},
		{"Ingeniør bygg", RoleOther},
		{"Ingeniør – elektro", RoleOther},
		{"Ingenieur Versorgungstechnik (m/w/d)", RoleOther},
		// unchanged
		{"Ingeniør innen programvare", RoleSoftwareEngineer},
		{"Engineer, Data Platform", RoleDataEngineer},
		{"Elektroingeniør", RoleOther},
		{"Test Automation Engineer", RoleSoftwareEngineer},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
