package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 22 (issue 9, corpus round s22): French posting fields of the dev
// document multi-text-directeur-technique (the multi cooperative's
// "Directrice / Directeur technique"): the French director word of a
// title, "Bac +5" written with one space, and an experience field whose
// number is a lower bound ("Expérience : > 3 ans").

func TestFrenchDirectorLevelS22(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"Directrice / Directeur technique", []string{"Director"}},
		{"Directeur technique", []string{"Director"}},
		// unchanged: no director word
		{"Développeur·euse fullstack", nil},
	}
	for _, tt := range tests {
		got := Levels(tt.title)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Levels(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestExperienceFieldLowerBoundS22(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: none
	}{
		{"- **Expérience** : > 3 ans", 3},
		{"Expérience : > 3 ans", 3},
		{"Experience ≥ 2 years", 2},
		// a bound that is not about experience stays no minimum
		{"Durée du contrat : > 2 ans", -1},
		{"Période d'essai : > 3 mois", -1},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		switch {
		case tt.want < 0 && got != nil:
			t.Errorf("MinYears(%q) = %d, want none", tt.text, *got)
		case tt.want >= 0 && (got == nil || *got != tt.want):
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, got, tt.want)
		}
	}
}

func TestFrenchBacPlusSpacingS22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"- **Niveau d'études** : Bac +5 / Master", []string{"Master's"}, nil},
		{"Niveau d'études : Bac+ 3 en informatique", []string{"Bachelor's"}, nil},
		// unchanged: a two-year diploma is no degree
		{"Niveau d'études : Bac +2", nil, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Développeur", DescriptionText: "Profil recherché\n" + tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// The French field of the schooling asked ("Niveau d'études : Bac +5 /
// Master", the dev document multi-text-directeur-technique, which states
// it in a closing list after "Informations complémentaires") asks for the
// degree whatever the part it stands in.
func TestFrenchEducationFieldS22(t *testing.T) {
	n := New(nil)
	text := "Informations complémentaires\n\nEnvoyez-nous un CV.\n\n- **Type de contrat** : CDI\n- **Lieu** : Paris, France (75011)\n- **Niveau d'études** : Bac +5 / Master\n- **Expérience** : > 3 ans"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Directeur technique", DescriptionText: text})
	if !sameDegrees(p.Education.Required, []string{"Master's"}) {
		t.Errorf("required %v preferred %v, want [Master's]", p.Education.Required, p.Education.Preferred)
	}
	// unchanged: études that are no field of schooling asked
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Développeur", DescriptionText: "Informations complémentaires\n\nNous finançons vos études de master."})
	if len(p.Education.Required) != 0 {
		t.Errorf("études of a benefit: required %v, want none", p.Education.Required)
	}
}
