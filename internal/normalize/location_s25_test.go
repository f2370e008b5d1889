package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A listing's label that is a list of countries gives one entry per
// country, not city/country pairs ("Argentina, Australia" is not the city
// Argentina in Australia). Labels from dev postings (jr-*, Himalayas).
func TestCountryListLabelS25(t *testing.T) {
	cases := []struct {
		label string
		want  []string
	}{
		{"Argentina, Australia, Brazil, Canada, France, Germany, India, Italy, Mexico, Netherlands, Poland, Spain, Sweden, Ukraine, United Kingdom, United States",
			[]string{"AR", "AU", "BR", "CA", "FR", "DE", "IN", "IT", "MX", "NL", "PL", "ES", "SE", "UA", "GB", "US"}},
		{"Australia, Brazil, Canada, China, France, Germany, India, Japan, United Kingdom, United States",
			[]string{"AU", "BR", "CA", "CN", "FR", "DE", "IN", "JP", "GB", "US"}},
	}
	for _, c := range cases {
		got := Locations(c.label)
		var ccs []string
		for _, l := range got {
			if l.City != "" || l.Region != "" || l.Remote {
				t.Errorf("Locations(%q): %+v is more than a country", c.label, l)
			}
			ccs = append(ccs, l.Country)
		}
		if !reflect.DeepEqual(ccs, c.want) {
			t.Errorf("Locations(%q) countries = %v, want %v", c.label, ccs, c.want)
		}
	}
	// city and country pairs are still pairs
	got := Locations("Berlin, Germany, Munich, Germany")
	if len(got) != 2 || got[0].City != "Berlin" || got[1].City != "Munich" {
		t.Errorf("Locations(pairs) = %+v", got)
	}
	if got := Locations("Singapore, Singapore"); len(got) != 1 || got[0].Country != "SG" {
		t.Errorf("Locations(Singapore, Singapore) = %+v", got)
	}
}

// Sentences that say the job itself is remote make the listing's places
// remote; the LinkedIn tag and a title's remote segment do so for places
// that are countries alone. Sentences and titles from dev postings.
func TestRemoteJobStatementsS25(t *testing.T) {
	cases := []struct {
		name, title, text string
		labels            []string
		want              []model.Location
	}{
		{"currently remote", "Solutions Engineer, Auckland",
			"This role is currently remote, but candidates must be based in Auckland, New Zealand. The role will transition to a hybrid working model once an office is established in Auckland.",
			[]string{"New Zealand"}, []model.Location{{City: "Auckland", Region: "Auckland", Country: "NZ", Remote: true}}},
		{"a remote position", "Threat Detection Analyst (Japanese Speaking)",
			"This position is a remote position based out of (locality), with the possibility of becoming a hybrid position as Fastly expands its presence in the region.",
			[]string{"Tokyo, Japan"}, []model.Location{{City: "Tokyo", Region: "Tokyo", Country: "JP", Remote: true}}},
		{"LinkedIn tag", "Mobile Engineer (Brazil, All Levels)",
			"Sezzle is revolutionizing the shopping experience.\n#Li-remote #Full-time",
			[]string{"Brazil"}, []model.Location{{Country: "BR", Remote: true}}},
		{"LinkedIn tag read as a heading", "Security Engineer",
			"As a remote-first company, we believe diverse backgrounds matter.\n# LI-REMOTE",
			[]string{"Germany | France"}, []model.Location{{Country: "DE", Remote: true}, {Country: "FR", Remote: true}}},
		{"LinkedIn tag beside an office town is not remote work there", "Software Engineer",
			"We build a terminal.\n#LI-Remote",
			[]string{"New York, New York"}, []model.Location{{City: "New York", Region: "New York", Country: "US"}}},
		{"a remote-first company is not a remote job", "Security Engineer",
			"As a remote-first company, we believe diverse backgrounds matter.",
			[]string{"Germany"}, []model.Location{{Country: "DE"}}},
		{"title segment", "Senior Data Engineer |  Engenheiro de Dados Sênior (Remoto)",
			"A Dadosfera é uma plataforma de dados.",
			[]string{"Brazil"}, []model.Location{{Country: "BR", Remote: true}}},
		{"title segment beside a town keeps the town", "Data Engineer (Remote)",
			"Our office is in Oslo.",
			[]string{"Oslo, Norway"}, []model.Location{{City: "Oslo", Region: "Oslo", Country: "NO"}}},
	}
	for _, c := range cases {
		got := textLocations(locations(c.labels), c.labels, c.title, c.text, "en")
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// A German postal zone as the workplace field's value ("Einsatzort:\nD1",
// dev solcom-text-bauleiter-elektrosanierung) is Germany, no town.
func TestGermanPostalZoneFieldS25(t *testing.T) {
	text := "Projektbeschreibung:\nBauleitung einer Elektrosanierung.\n\nEinsatzort:\nD1\n\nStarttermin:\nasap"
	got := textLocations(nil, nil, "Bauleiter Elektrosanierung (m/w/d)", text, "de")
	if want := []model.Location{{Country: "DE"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for v, want := range map[string]bool{"D1": true, "D7, D8": true, "D1/D2": true, "DE": false, "D10": false, "Düsseldorf": false} {
		if got := germanPostalZones(v); got != want {
			t.Errorf("germanPostalZones(%q) = %v, want %v", v, got, want)
		}
	}
}
