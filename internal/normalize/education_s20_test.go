package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 20 (issue 9): degrees as other countries name them
// (PROTOCOL.md, Education): German compounds of a field or school with
// "Studium" and the Promotion, the Spanish título written without its
// accent, the French licence, mastère and doctorat, Norwegian "master i"
// and the Swedish civilingenjör programme.
func TestDegreesOfOtherCountriesS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"Abgeschlossenes Informatikstudium oder vergleichbare Qualifikation.", []string{"Bachelor's"}, nil},
		{"Abgeschlossenes Fachhochschulstudium der Informatik.", []string{"Bachelor's"}, nil},
		{"Promotion in Informatik oder Physik wünschenswert.", nil, []string{"PhD"}},
		{"Eine Promotion ist von Vorteil.", nil, []string{"PhD"}},
		{"Titulo universitario en Ingeniería Informática.", []string{"Bachelor's"}, nil},
		{"Licence en informatique ou équivalent.", []string{"Bachelor's"}, nil},
		{"Mastère spécialisé en data science.", []string{"Master's"}, nil},
		{"Titulaire d'un doctorat en informatique.", []string{"PhD"}, nil},
		{"Doctorat en apprentissage automatique apprécié.", nil, []string{"PhD"}},
		{"Master i informatikk er en fordel.", nil, []string{"Master's"}},
		{"Du har en civilingenjörsutbildning inom datateknik.", []string{"Master's"}, nil},
		// unchanged: two-year French diplomas are no degree
		{"BTS ou DUT en informatique.", nil, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements\n" + tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

func sameDegrees(got, want []string) bool {
	if len(got) == 0 && len(want) == 0 {
		return true
	}
	return reflect.DeepEqual(got, want)
}

// The school named with its alternative ("Høyskole / Universitet", the
// NAV education-level field; "Universitet eller högskola") is a
// university degree, Bachelor's (PROTOCOL.md, Nordic university levels).
func TestNordicSchoolPairsS20(t *testing.T) {
	n := New(nil)
	for _, text := range []string{
		"Kvalifikasjoner\nUtdanningsnivå: Høyskole / Universitet",
		"Kvalifikasjoner\nUtdanning fra høyskole eller universitet",
		"Krav\nUtbildning: Högskola/universitet",
		"Kvalifikationer\nUtbildning: Universitet eller högskola",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Rådgiver", Locations: []string{"Oslo"}, DescriptionText: text})
		if !sameDegrees(p.Education.Required, []string{"Bachelor's"}) || len(p.Education.Preferred) > 0 {
			t.Errorf("%q -> %v %v, want [Bachelor's] []", text, p.Education.Required, p.Education.Preferred)
		}
	}
}

// A vocational route listed beside the school pair, each an item of the
// NAV level field, gives nothing (PROTOCOL.md: "Fagskole / Fagbrev"
// beside "Høyskole / Universitet").
func TestNordicSchoolPairBesideVocationalS20(t *testing.T) {
	n := New(nil)
	text := "Kvalifikasjoner\n- Utdanningsnivå: Fagskole / Fagbrev (2 år)\n- Høyskole / Universitet"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Driftsleder", Locations: []string{"Tromsø"}, DescriptionText: text})
	if len(p.Education.Required) > 0 || len(p.Education.Preferred) > 0 {
		t.Errorf("%q -> %v %v, want nothing", text, p.Education.Required, p.Education.Preferred)
	}
}
