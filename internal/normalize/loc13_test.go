package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A country beside an area wider than a country gives the country; the
// area names no place (PROTOCOL.md, "Ukraine/Europe"). An area alone stays
// an area.
func TestLoc13CountryBesideArea(t *testing.T) {
	for _, c := range []struct {
		label string
		want  []model.Location
	}{
		{"Ukraine/Europe", []model.Location{{Country: "UA"}}},
		{"Europe / Ukraine", []model.Location{{Country: "UA"}}},
		{"Poland, EMEA", []model.Location{{Country: "PL"}}},
		{"Remote - Ukraine/Europe", []model.Location{{Country: "UA", Remote: true}}},
		{"London / EMEA", []model.Location{{City: "London", Region: "England", Country: "GB"}}},
		{"Spain, Portugal, Europe", []model.Location{{Country: "ES"}, {Country: "PT"}}},
		{"Remote - Europe", []model.Location{{Remote: true}}},
		{"Europe, European Union", []model.Location{{Name: "Europe, European Union"}}},
		{"Germany/Austria", []model.Location{{Country: "DE"}, {Country: "AT"}}},
	} {
		if got := Locations(c.label); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Locations(%q) = %+v, want %+v", c.label, got, c.want)
		}
	}
}

// The text's own location field that says only "Remote" makes the
// places remote, as a platform's remote field does; a location field
// naming a town, a share under 100% and "remote" in running text do not.
func TestLoc13RemoteLocationField(t *testing.T) {
	ua := []model.Location{{Country: "UA"}}
	for _, c := range []struct {
		text string
		want []model.Location
	}{
		{"* **Duration:** 3 Months\n* **Location:** Remote\n", []model.Location{{Country: "UA", Remote: true}}},
		{"Arbeitsort: 100 % Remote\n", []model.Location{{Country: "UA", Remote: true}}},
		{"Location: Kyiv\nWe work remote on Fridays.\n", []model.Location{{City: "Kyiv", Region: "Kyiv", Country: "UA"}}},
		{"Standort: 60 % Remote\n", ua},
		{"Some of our team is remote.\n", ua},
	} {
		locs := append([]model.Location(nil), ua...)
		if got := textLocations(locs, []string{"Ukraine"}, "Engineer", c.text, "en"); !reflect.DeepEqual(got, c.want) {
			t.Errorf("textLocations(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

// A workplace field's value on the line after its word, a field naming a
// country only, and a field word run together with the value before it
// by a lost line break name the workplace.
func TestLoc13FieldValues(t *testing.T) {
	for _, c := range []struct {
		text string
		want []model.Location
	}{
		{"Stellentyp:\nfreiberuflich\n\nEinsatzort:\nDeutschland\n\nStarttermin:\nasap", []model.Location{{Country: "DE"}}},
		{"Einsatzort:\nMünchen\n", []model.Location{{City: "Munich", Region: "Bavaria", Country: "DE"}}},
		{"Projektdauer: 6 MonateProjektauslastung: VollzeitProjektstandort: Köln\n",
			[]model.Location{{City: "Cologne", Region: "North Rhine-Westphalia", Country: "DE"}}},
		// a field word with its value missing, then another field: nothing
		{"Einsatzort:\nStarttermin: asap\n", nil},
		// two countries: no country
		{"Einsatzort: Deutschland oder Österreich\n", nil},
	} {
		if got := textPlaces(c.text, ""); !reflect.DeepEqual(got, c.want) {
			t.Errorf("textPlaces(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
	// a strong field lookup (beside a listing's town) takes no country
	if got := workplaceFields("Einsatzort: Deutschland\n", "DE"); got != nil {
		t.Errorf("workplaceFields = %+v, want none", got)
	}
}
