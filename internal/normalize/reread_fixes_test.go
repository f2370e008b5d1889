package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// "som har jobbet N år" is the candidate's only when the sentence seeks
// someone ("Vi ser etter en designer, som har jobbet ..."); a team's or
// colleagues' years are no minimum (code re-read of rules 39).
func TestNordicYearsWorkedByOthers(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // -1: none
	}{
		{"Vi er et team av utviklere som har jobbet 15 år sammen.", -1},
		{"Du får kollegaer som har arbeidet 20 år i bransjen.", -1},
		{"Vi søker en utvikler som har jobbet 4 år med Java.", 4},
		{"Vi ser etter en designer, som har jobbet fem seks år eller med ett eller flere av følgende områder:", 5},
	} {
		got := MinYears(c.text)
		if c.want < 0 && got != nil || c.want >= 0 && (got == nil || *got != c.want) {
			t.Errorf("MinYears(%q) = %v, want %d", c.text, deref(got), c.want)
		}
	}
}

// A paragraph that states requirements while naming the application ("To
// apply for this role you must have ...") keeps its skills required; one
// that tells how to apply ("To apply, please email ...") asks nothing.
func TestApplyParagraphThatRequires(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Requirements\nTo apply for this role you must have 5+ years of experience with Python, Kubernetes and PostgreSQL.\n", []string{"Kubernetes", "PostgreSQL", "Python"}},
		{"Requirements\nWhen applying for this position you should have strong Java and Spring skills.\n", []string{"Java", "Spring"}},
		{"Requirements\nYou know Go.\n\nTo apply, please email your CV and a link to your Python code.\n", []string{"Go"}},
		{"Requirements\nYou know Go.\n\nHow to apply: send a sample of your Python code.\n", []string{"Go"}},
	} {
		got := New(nil).Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: c.text}).Skills
		if !reflect.DeepEqual(got.Required, c.want) {
			t.Errorf("%q: required %v, want %v (all: %+v)", c.text, got.Required, c.want, got)
		}
	}
}

// Places joined by "or" (or an and-word read as one) with the country
// written once at the end are each a city of that country: "Lyon et
// Paris, France" was the city "Lyon or Paris".
func TestPlacesWithSharedCountry(t *testing.T) {
	for label, want := range map[string][]string{
		"Lyon et Paris, France":     {"Lyon FR", "Paris FR"},
		"Lyon or Paris, France":     {"Lyon FR", "Paris FR"},
		"Nijmegen en Eindhoven, NL": {"Nijmegen NL", "Eindhoven NL"},
		"London or Berlin":          {"London GB", "Berlin DE"},
	} {
		var got []string
		for _, l := range Locations(label) {
			got = append(got, l.City+" "+l.Country)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Locations(%q) = %v, want %v", label, got, want)
		}
	}
}
