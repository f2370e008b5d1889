package normalize

import (
	"reflect"
	"slices"
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

// Catalan postings (the dev document codec-text-desenvolupadora-front-end,
// Còdec's "Còdec busca desenvolupadora"): the Catalan developer noun, the
// requirements heading "Quins són els requisits tècnics de la feina?" and
// the nice-to-have heading "Què valorem?".
func TestCatalanPostingS22(t *testing.T) {
	for _, title := range []string{"Còdec busca desenvolupadora", "Desenvolupador web"} {
		if got := Role(title); got != RoleSoftwareEngineer {
			t.Errorf("Role(%q) = %q, want %q", title, got, RoleSoftwareEngineer)
		}
	}
	n := New(nil)
	text := "Quins són els requisits tècnics de la feina?\n\n" +
		"* La feina requereix coneixements i experiència en programació web en algun o ambdós d'aquests àmbits:\n" +
		"\t* HTML5, CSS i PHP en el context de la programació amb Wordpress.\n" +
		"\t* Frameworks de desenvolupament amb JavaScript com React, Vue o d'altres.\n\n" +
		"Què valorem?\n\n" +
		"* Experiència amb Docker.\n"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Còdec busca desenvolupadora", DescriptionText: text})
	for _, s := range []string{"PHP", "WordPress", "JavaScript", "React", "Vue"} {
		if !slices.Contains(p.Skills.Required, s) {
			t.Errorf("%s not required: required %v, mentioned %v", s, p.Skills.Required, p.Skills.Mentioned)
		}
	}
	if !slices.Contains(p.Skills.Preferred, "Docker") {
		t.Errorf("Docker not preferred: preferred %v, mentioned %v", p.Skills.Preferred, p.Skills.Mentioned)
	}
	// unchanged: a Spanish heading keeps its reading
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Desarrollador", DescriptionText: "Requisitos\n\n* Experiencia con PHP.\n"})
	if !slices.Contains(p.Skills.Required, "PHP") {
		t.Errorf("Spanish requisitos: required %v", p.Skills.Required)
	}
}

// A workplace field whose label is in Markdown emphasis ("- **Lieu** :
// Paris, France (75011)" of the dev document multi-text-directeur-technique)
// names the workplace as the plain label does, and French "Télétravail
// total possible" offers fully remote work beside it (PROTOCOL.md: the
// office and a remote entry in its country).
func TestEmphasisedPlaceFieldS22(t *testing.T) {
	n := New(nil)
	paris := model.Location{City: "Paris", Region: "Île-de-France", Country: "FR"}
	tests := []struct {
		text string
		want []model.Location
	}{
		{"Informations complémentaires\n\n- **Type de contrat** : CDI\n- **Lieu** : Paris, France (75011)\n- **Télétravail total possible**",
			[]model.Location{paris, {Country: "FR", Remote: true}}},
		{"Informations complémentaires\n\n- **Lieu** : Paris, France (75011)", []model.Location{paris}},
		{"Details\n\n- **Standort**: Hamburg", []model.Location{{City: "Hamburg", Region: "Hamburg", Country: "DE"}}},
		// unchanged: télétravail as a perk of some days is no remote entry
		{"Informations\n\n- **Lieu** : Paris\n- Deux jours de télétravail par semaine", []model.Location{paris}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Développeur", DescriptionText: tt.text})
		if !reflect.DeepEqual(p.Locations, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Locations, tt.want)
		}
	}
}

// A place field whose value is a sentence ("* Ort: Unser Büro ist in
// Berlin - dort arbeiten wir mindestens einmal die Woche gemeinsam" of the
// dev document okfde-text-prototype-fund-programmmanagement) names the
// town after the workplace cue in it; a value that names no town still
// names none.
func TestSentencePlaceFieldS22(t *testing.T) {
	n := New(nil)
	berlin := model.Location{City: "Berlin", Region: "Berlin", Country: "DE"}
	tests := []struct {
		text string
		want []model.Location
	}{
		{"Zahlen, Daten, Fakten:\n\n* Gehalt: nach TV-L E12/S1\n* Ort: Unser Büro ist in Berlin - dort arbeiten wir mindestens  einmal die Woche gemeinsam.",
			[]model.Location{berlin}},
		{"Details\n\n- Location: Our office is in Berlin, where we meet weekly.", []model.Location{berlin}},
		{"Details\n\n- Ort: Berlin", []model.Location{berlin}},
		// unchanged: a sentence with no cue and no town
		{"Details\n\n- Ort: nach Absprache", nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Mitarbeiter:in", DescriptionText: tt.text})
		if len(p.Locations) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(p.Locations, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Locations, tt.want)
		}
	}
}

// German "Programmmanagement" (one word, three m) as the title names the
// function, as "Projektmanagement" does ("Programmmanagement (Prototype
// Fund)" of the dev document okfde-text-prototype-fund-programmmanagement).
func TestGermanProgrammManagementRoleS22(t *testing.T) {
	for _, title := range []string{"Programmmanagement (Prototype Fund)", "Programmmanager:in", "Projektmanagement (m/w/d)"} {
		if got := Role(title); got != RoleProgramManager {
			t.Errorf("Role(%q) = %q, want Program Manager", title, got)
		}
	}
}
