package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 30: "you have" of the candidate in German, French and Spanish
// ("Du hast", "Vous avez", "Tu as", "Tienes", "Cuentas con") and "You
// hold" ask for what they name, as "You have" does, in a part no heading
// classifies, as does "Du är"/"Du er" before a schooling in Swedish,
// Norwegian and Danish ("Du är civilingenjör", "Du er utdannet ...")
// (TestEducationShapesDev: 57 -> 66 of 66 of PROTOCOL.md's degree names
// read).
func TestYouHaveInOtherLanguages(t *testing.T) {
	n := New(nil)
	for s, want := range map[string]string{
		"You hold a BA in Economics.":             "Bachelor's",
		"Du hast eine Promotion in Informatik.":   "PhD",
		"Vous avez un master en informatique.":    "Master's",
		"Tu as une licence en informatique.":      "Bachelor's",
		"Tienes una licenciatura en informática.": "Bachelor's",
		"Cuentas con un máster en informática.":   "Master's",
		"Du är civilingenjör inom datateknik.":    "Master's",
		"Du er utdannet sivilingeniør.":           "Master's",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "We are a growing team.\n" + s + "\nWe offer a good salary."})
		if !slices.Equal(p.Education.Required, []string{want}) || len(p.Education.Preferred) > 0 {
			t.Errorf("%q: education %+v, want %s required", s, p.Education, want)
		}
	}
	// the same words elsewhere ask nothing: "as" in English, "vous" without "avez"
	p := n.Normalize("s", "c", model.Raw{ID: "2", Title: "Engineer", DescriptionText: "We are a growing team.\nAs a Master's student you would join us for a summer.\nWe offer a good salary."})
	if len(p.Education.Required) > 0 {
		t.Errorf("English 'as': education %+v, want none required", p.Education)
	}
}

// Session 30: a one-letter name inside an acronym written with dots
// ("the H.E.A.R.T. of Hirevue", "C.A.R.E.") is no language; one that ends
// a sentence ("Python and R.") still is.
func TestDottedAcronymIsNoLanguage(t *testing.T) {
	n := New(nil)
	for s, want := range map[string][]string{
		"Requirements\nYou embody our values, the H.E.A.R.T. of our team, and know Python.": {"Python"},
		"Requirements\nYou live our C.A.R.E. values and know Python.":                       {"Python"},
		"Requirements\nExperience with Python and R.":                                       {"Python", "R"},
		"Requirements\nExperience with C. You know Python.":                                 {"C", "Python"},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: s})
		if !slices.Equal(p.Skills.Required, want) {
			t.Errorf("%q: required %v, want %v", s, p.Skills.Required, want)
		}
	}
}
