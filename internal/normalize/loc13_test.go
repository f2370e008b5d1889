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
