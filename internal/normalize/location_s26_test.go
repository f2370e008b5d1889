package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A listing that names only a country, with a text that says the job is
// remote (a phrase of the work mode, in English or Portuguese): remote in
// that country (dev jr-devsquad-quality-assurance-engineer-jr,
// jr-rimini-street-security-product-services-engineer,
// jr-inevent-desenvolvedor-full-stack). A remote-first company says
// nothing of the job; a town in the listing keeps its office.
func TestCountryListingWithRemoteJobS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text, loc string
		remote    bool
	}{
		{"Here you will work remotely from anywhere in Brazil, you will have a flexible, dynamic, collaborative and intelligent environment.", "Brazil", true},
		{"This position reports directly to the Regional Manager and offers the flexibility to work remotely from a home office located within Brazil.", "Brazil", true},
		{"Ter um espírito hacker quando necessário; Esteja pronto para trabalhar remotamente em um ambiente UNIX e plataformas de versionamento de código (GIT).", "Brazil", true},
		{"We are a remote-first company with people in 12 countries.", "Brazil", false},
		{"Here you will work remotely from anywhere in Brazil.", "São Paulo, Brazil", false},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: tt.text, Locations: []string{tt.loc}})
		if len(p.Locations) != 1 || p.Locations[0].Remote != tt.remote || p.Locations[0].Country != "BR" {
			t.Errorf("%q with %q: %+v, want one place in BR, remote %v", tt.text, tt.loc, p.Locations, tt.remote)
		}
	}
}
