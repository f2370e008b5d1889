package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 3 on skills (issue 9). The sentences are real: they come from
// documents of dev half "a" of the real-world corpus (internal/corpus,
// DevHalves), each named by its slug. Every rule was kept only when dev
// half "b", never read case by case, did not get worse.

type skillCase struct {
	name string
	raw  model.Raw
	want model.Skills
}

func checkSkills(t *testing.T, tests []skillCase) {
	t.Helper()
	for _, tt := range tests {
		got := skillsOf(t, tt.raw)
		got.Mentioned = nil
		if tt.want.Required == nil {
			tt.want.Required = []string{}
		}
		if tt.want.Preferred == nil {
			tt.want.Preferred = []string{}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestOrdinaryWordAliasesAreCaseSensitive(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// hobbii-warehouse-team-lead: the shop sells yarn
			name: "yarn the product",
			raw:  model.Raw{DescriptionText: "Who are you:\n- At Hobbii we sell yarn to tens of thousands of customers every month\n- building something from scratch should delight you"},
		},
		{
			name: "YARN the resource manager",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Experience with Hadoop YARN or Kubernetes schedulers"},
			want: model.Skills{Required: []string{"Hadoop", "Kubernetes"}},
		},
	})
}

func TestPostalDistrictIsNotALanguage(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// aarhus-university-ultrafast-photoelectron-spectroscopy
			name: "Aarhus C",
			raw:  model.Raw{DescriptionText: "Qualifications\n- Place of work is Ny Munkegade 120, Aarhus C\n- Experience in C and Python"},
			want: model.Skills{Required: []string{"C", "Python"}},
		},
		{
			name: "a city before a list of languages",
			raw:  model.Raw{DescriptionText: "Requirements:\n- In Oslo: C, Go or Rust"},
			want: model.Skills{Required: []string{"C", "Go", "Rust"}},
		},
	})
}

func TestOfficeAndDesignProducts(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// dinex-nvh-test-engineer
			name: "MS Office package",
			raw:  model.Raw{DescriptionHTML: "<p><strong>Qualifications</strong></p><ul><li>Good English skills both written and oral</li><li>Good level with MS Office package</li></ul>"},
			want: model.Skills{Required: []string{"Microsoft Office"}},
		},
		{
			// cargill-elektriker-bergneset
			name: "CAD in a Norwegian list",
			raw:  model.Raw{DescriptionHTML: "<p><strong>Kvalifikasjoner</strong></p><ul><li>Erfaring med vedlikeholdssystemer</li><li>Erfaring med CAD for el-tegning </li><li>Gode IT-ferdigheter</li></ul>"},
			want: model.Skills{Required: []string{"CAD"}},
		},
		{
			// MS still names the degree elsewhere; "cad" in lower case is no product
			name: "MS degree and a cad",
			raw:  model.Raw{DescriptionText: "Requirements:\n- MS in Computer Science\n- Don't be a cad"},
		},
	})
}

func TestNorwegianHeadings(t *testing.T) {
	tests := []struct {
		heading string
		want    class
	}{
		{"Kvalifikasjonskrav", clsRequired},                       // kongsvinger-kommune-pedagogisk-radgiver
		{"Utdanningskrav", clsRequired},                           // finnmark-fisk-administrasjonsmedarbeider ("Utdanningskrav: Relevant bachelor")
		{"Ansvar og hovedoppgaver:", clsMentioned},                // finnmark-fisk-administrasjonsmedarbeider
		{"Hovedoppgaver.", clsMentioned},                          // balsfjord-kommune-fagleder-boligtjenesten
		{"Ansvar og myndighet.", clsMentioned},                    // balsfjord-kommune-fagleder-boligtjenesten
		{"Arbeidstid:", clsMentioned},                             // balsfjord-kommune-fagleder-boligtjenesten
		{"Søknadsfrist: tirsdag 14. november 2017", clsMentioned}, // balsfjord-kommune-fagleder-boligtjenesten
		{"Kontaktperson", clsMentioned},                           // finnmark-fisk-administrasjonsmedarbeider
		{"Annet", clsMentioned},                                   // kongsvinger-kommune-pedagogisk-radgiver
		{"Informasjon", clsMentioned},                             // kongsvinger-kommune-pedagogisk-radgiver
		{"Søknad", clsMentioned},                                  // kongsvinger-kommune-pedagogisk-radgiver
		{"Ønskede kvalifikasjoner", clsPreferred},                 // finnmark-fisk-administrasjonsmedarbeider
		{"Kvalifikasjoner", clsRequired},                          // cargill-elektriker-bergneset
	}
	for _, tt := range tests {
		if got := classifyHeading(tt.heading, true); got != tt.want {
			t.Errorf("%q: got class %d, want %d", tt.heading, got, tt.want)
		}
	}
	// kongsvinger-kommune-pedagogisk-radgiver: "Annet" after the
	// requirements ends them; what the text names there is not asked for
	checkSkills(t, []skillCase{{
		name: "Annet ends the requirements",
		raw: model.Raw{DescriptionText: "Kvalifikasjonskrav\n- Erfaring fra pedagogisk arbeid i Visma\nAnnet\n" +
			"Kongsvinger kommune ønsker å gjenspeile befolkningen, og bruker SAP i forvaltningen."},
		want: model.Skills{Required: []string{"Visma"}},
	}})
}

func TestNordicSkillCues(t *testing.T) {
	// tromso-kommune-driftsleder-byggdrift ("Fortrolig med IKT/FDV som
	// arbeidsverktøy") and balsfjord-kommune-veileder-nav ("gode digitale
	// ferdigheter"), with a product in place of the practice: in a part no
	// heading classifies, the sentence asks for the tool
	checkSkills(t, []skillCase{{
		name: "fortrolig med, ferdigheter i",
		raw:  model.Raw{DescriptionText: "Om stillingen\nFortrolig med AutoCAD som arbeidsverktøy.\nDu må ha gode ferdigheter i Excel.\nVi bruker Jira."},
		want: model.Skills{Required: []string{"AutoCAD", "Excel"}},
	}})
}
