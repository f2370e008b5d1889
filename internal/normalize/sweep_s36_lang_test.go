package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 36, from a throw-away sweep of constructed postings in Swedish,
// Norwegian, Danish, French, Chinese and German (headings, inline wishes,
// years, degrees, pay). Pay: a Norwegian or Danish posting with no place
// read "kr" as Swedish kronor (the krona was the only default), and
// "kroner"/"kronor" written out were no currency. With no place at all,
// the posting's language says which crown, as it already said the yuan
// for a posting in Chinese; a place still says it first.
func TestKroneByLanguageS36(t *testing.T) {
	n := normalizer(t)
	pay := func(p model.Posting) string {
		var g []string
		for _, s := range p.Salary {
			g = append(g, fmt.Sprintf("%g-%g %s %s", s.Min, s.Max, s.Currency, s.Period))
		}
		return strings.Join(g, ";")
	}
	for _, c := range []struct {
		text   string
		places []string
		want   string
	}{
		{nbIntro + "Vi tilbyr\nLønn: 650 000 - 750 000 kr\n", nil, "650000-750000 NOK year"},
		{nbIntro + "Vi tilbyr\nMånedslønn 50 000 kr\n", nil, "50000-50000 NOK month"},
		{nbIntro + "Vi tilbyr\nLønnsramme: 550 000–650 000 kroner\n", nil, "550000-650000 NOK year"},
		{daIntro + "Vi tilbyder\nLøn: 45.000 kr. om måneden\n", nil, "45000-45000 DKK month"},
		{daIntro + "Vi tilbyder\nMånedsløn 40.000-50.000 kr\n", nil, "40000-50000 DKK month"},
		{svIntro + "Vi erbjuder\nMånadslön 45 000 kronor\n", nil, "45000-45000 SEK month"},
		{svIntro + "Vi erbjuder\nLön: 45 000 kr/mån\n", nil, "45000-45000 SEK month"},
		// a place says the crown before the language does
		{nbIntro + "Vi tilbyr\nMånedslønn 50 000 kr\n", []string{"Stockholm, Sweden"}, "50000-50000 SEK month"},
		{svIntro + "Vi erbjuder\nMånadslön 50 000 kr\n", []string{"Oslo, Norway"}, "50000-50000 NOK month"},
		// a text in another language, with no place: the krona as before
		{"We are a growing company.\n\nWhat we offer\nSalary: 45 000 kr per month\n", nil, "45000-45000 SEK month"},
		// "kroner" is no currency inside a word, nor without an amount
		{nbIntro + "Vi tilbyr\nGode kronerabatter og 5 000 kronersedler\n", nil, ""},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Utvikler", DescriptionText: c.text, Locations: c.places})
		if got := pay(p); got != c.want {
			t.Errorf("%q %v: pay %q, want %q", c.text, c.places, got, c.want)
		}
	}
	_ = slices.Contains[[]string]
}

const (
	svIntro = "Vi är ett växande teknikbolag i Göteborg och söker nu en utvecklare till vårt team. Du kommer att arbeta tillsammans med erfarna kollegor i en trevlig miljö.\n\n"
	nbIntro = "Vi er et voksende teknologiselskap i Oslo og ser nå etter en utvikler til teamet vårt. Du vil jobbe sammen med erfarne kolleger i et godt miljø.\n\n"
	daIntro = "Vi er en voksende teknologivirksomhed i København og søger nu en udvikler til vores team. Du kommer til at arbejde sammen med erfarne kolleger i et godt miljø.\n\n"
)
