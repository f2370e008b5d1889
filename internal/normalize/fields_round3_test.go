package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Nordic places as the corpus's dev documents write them (the slug in the
// comment), and the address forms of the places data (places_nordic.txt).
func TestNordicPlaces(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	tests := []struct {
		label string
		want  []model.Location
	}{
		// localities that are not municipalities: their county
		{"Storsteinnes", []model.Location{L("Storsteinnes", "Troms", "NO", false)}},               // balsfjord-kommune-fagleder-boligtjenesten
		{"Mosjøen", []model.Location{L("Mosjøen", "Nordland", "NO", false)}},                      // byggmakker-flokkmann-butikkmedarbeider-sport
		{"Gardermoen", []model.Location{L("Gardermoen", "Akershus", "NO", false)}},                // digitale-gardermoen-erp-konsulent
		{"Mehamn", []model.Location{L("Mehamn", "Finnmark", "NO", false)}},                        // finnmark-fisk-administrasjonsmedarbeider
		{"Aarhus, Denmark", []model.Location{L("Aarhus", "Central Denmark Region", "DK", false)}}, // steno-aarhus-research-software-engineer
		{"Göteborg", []model.Location{L("Gothenburg", "Västra Götaland", "SE", false)}},           // variant-text-utvecklare-stockholm-goteborg
		// postal codes and street addresses are not the city
		{"2300 København S", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"Vesterbrogade 10, 1620 København V", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"DK-2800 Kongens Lyngby", []model.Location{L("Kongens Lyngby", "Capital Region of Denmark", "DK", false)}},
		{"Storgata 1, 0155 Oslo", []model.Location{L("Oslo", "Oslo", "NO", false)}},
		{"114 55 Stockholm", []model.Location{L("Stockholm", "Stockholm County", "SE", false)}},
		{"Odense C", []model.Location{L("Odense", "Region of Southern Denmark", "DK", false)}},
		// municipalities, regions, counties
		{"Bærum kommune", []model.Location{L("Bærum", "Akershus", "NO", false)}},
		{"Københavns Kommune", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"Göteborgs kommun", []model.Location{L("Gothenburg", "Västra Götaland", "SE", false)}},
		{"Kongens Lyngby, Region Hovedstaden, Danmark", []model.Location{L("Kongens Lyngby", "Capital Region of Denmark", "DK", false)}},
		{"Region Midtjylland", []model.Location{L("", "Central Denmark Region", "DK", false)}},
		{"Skåne län", []model.Location{L("", "Skåne", "SE", false)}},
		{"Bergen, Hordaland", []model.Location{L("Bergen", "Vestland", "NO", false)}}, // the county of 2024
		{"Sandvika, Akershus", []model.Location{L("Sandvika", "Akershus", "NO", false)}},
		// the whole country; work modes and remote words of the Nordic languages
		{"Hele Danmark", []model.Location{L("", "", "DK", false)}},
		{"Hele landet", nil},
		{"Stockholm, distans", []model.Location{L("Stockholm", "Stockholm County", "SE", true)}},
		{"Oslo (hybrid)", []model.Location{L("Oslo", "Oslo", "NO", false)}},
		{"Fjernarbejde", []model.Location{{Remote: true}}},
		// not Nordic: unchanged
		{"Salem, OR", []model.Location{L("Salem", "Oregon", "US", false)}},
		{"Berlin, Germany", []model.Location{L("Berlin", "Berlin", "DE", false)}},
	}
	for _, tt := range tests {
		got := locations([]string{tt.label})
		want := tt.want
		if want == nil {
			want = []model.Location{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("locations(%q) = %+v, want %+v", tt.label, got, want)
		}
	}
}
