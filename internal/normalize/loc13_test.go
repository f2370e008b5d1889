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
