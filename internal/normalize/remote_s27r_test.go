package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review s27: jobRemote's remoteLimits are looked for 80 bytes either
// side of every remote word, as bare words: a "no", "not", "up to" or
// "não" of another clause or sentence that limits something else (travel,
// relocation, an office, agencies) makes a job whose text says it is
// remote no remote job, and a country-only listing loses its remote work.
func TestReview27_RemoteJobBesideAnotherClausesLimit(t *testing.T) {
	n := New(nil)
	for _, c := range []struct{ country, text string }{
		{"Poland", "You will work remotely from anywhere in Poland, with travel up to 10% for team offsites."},
		{"Poland", "You will work remotely from anywhere in Poland. We do not have an office."},
		{"Poland", "Work remotely from anywhere in Poland. No agencies, please."},
		{"Poland", "100% remote: there is no office to commute to."},
		{"Brazil", "Você vai trabalhar 100% remoto, de qualquer lugar do Brasil. Não é necessário morar em São Paulo."},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: c.text, Locations: []string{c.country}})
		if len(p.Locations) != 1 || !p.Locations[0].Remote {
			t.Errorf("%q with %q: %+v, want remote work in that country", c.text, c.country, p.Locations)
		}
	}
}
