package snapshot

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// decodeThin gives what thin(model.Decode) gives: a posting with every
// field the README shows, one with none, an older file with nulls.
func TestDecodeThinIsThinOfDecode(t *testing.T) {
	full := model.Posting{ID: "1", Source: "s", Company: "Acme", Title: "Data Engineer (L5)", URL: "https://x.example/1",
		Levels: []string{"senior"}, Locations: []model.Location{{City: "Los Gatos", Country: "United States"}}, Workplace: "hybrid",
		Salary:      []model.Salary{{Currency: "USD", Min: 100000, Max: 200000, Period: "year"}},
		Skills:      model.Skills{Required: []string{"Python"}, Preferred: []string{"Go"}, Mentioned: []string{"SQL"}},
		Description: "<p>Build pipelines.</p>"}
	var cases [][]byte
	for _, p := range []model.Posting{full, {ID: "2", Title: "Empty"}} {
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, b)
	}
	// an older file: nulls, a field since renamed, no skills
	cases = append(cases, []byte(`{"id":"3","title":"Old","levels":null,"locations":null,"salary":null,"team":"x","description":["a"]}`))
	for i, b := range cases {
		want, err := model.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeThin(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, thin(want)) {
			t.Fatalf("case %d:\n%+v\nwant\n%+v", i, got, thin(want))
		}
	}
}
