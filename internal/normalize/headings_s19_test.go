package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Headings of conditions of success, UK criteria on their own, US federal
// KSAs and German "what convinces us" open requirement sections; a
// hyphenated "Plus-Punkte" is "Pluspunkte"; "Essential functions" (duties)
// is no requirement heading.
func TestHeadingsS19(t *testing.T) {
	for h, want := range map[string]class{
		"To succeed in this role":   clsRequired,
		"To be successful":          clsRequired,
		"Essential:":                clsRequired,
		"Desirable:":                clsPreferred,
		"KSAs":                      clsRequired,
		"Womit du uns überzeugst":   clsRequired,
		"Damit überzeugen Sie uns:": clsRequired,
		"Plus-Punkte":               clsPreferred,
	} {
		if got := classifyHeading(h, true); got != want {
			t.Errorf("classifyHeading(%q) = %v, want %v", h, got, want)
		}
	}
	if got := classifyHeading("Essential Functions", true); got == clsRequired {
		t.Errorf("classifyHeading(%q) = required: duties, not requirements", "Essential Functions")
	}
}

// In a posting: the items under such a heading are required skills.
func TestSucceedHeadingFilesRequiredS19(t *testing.T) {
	n := normalizer(t)
	p := n.Normalize("s", "c", model.Raw{DescriptionHTML: `<p>About the team</p><p>We build pipelines in Go.</p><p><b>To succeed in this role</b></p><ul><li>Airflow</li><li>dbt</li></ul><p><b>Essential:</b></p><ul><li>Snowflake</li></ul><p><b>Desirable:</b></p><ul><li>Looker</li></ul>`})
	want := model.Skills{Required: []string{"Airflow", "Snowflake", "dbt"}, Preferred: []string{"Looker"}, Mentioned: []string{"Go"}}
	if !reflect.DeepEqual(p.Skills, want) {
		t.Errorf("skills = %+v, want %+v", p.Skills, want)
	}
}

// Project management titles as German names the function, as Dutch and
// Chinese write them, and the lead forms; "Business Development" stays no
// program manager.
func TestProjectRolesS19(t *testing.T) {
	for title, want := range map[string]string{
		"Projektleitung Digitalisierung (m/w/d)": RoleProgramManager,
		"Projectleider ICT":                      RoleProgramManager,
		"Senior Project Lead, Data Platform":     RoleProgramManager,
		"项目经理":                                   RoleProgramManager,
		"Kierownik projektu IT":                  RoleProgramManager,
		"KI-Entwickler (m/w/d)":                  RoleMLEngineer,
		"Ingénieur IA":                           RoleMLEngineer,
		// an officer or adviser of security is no engineer (PROTOCOL.md)
		"IT-Sicherheitsbeauftragter (m/w/d)": RoleOther,
		"Informasjonssikkerhetsrådgiver":     RoleOther,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
	if got := Role("Business Development Lead"); got == RoleProgramManager {
		t.Errorf("Role(%q) = %q", "Business Development Lead", got)
	}
}
