package snapshot

import (
	"reflect"
	"strings"
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
	// the description member's text inside strings (escaped: no match)
	tricky := full
	tricky.Title = "T,\n  \"description\": [\"x\"]}"
	tricky.Skills.Required = []string{"\",\n  \"description\": "}
	tricky.Description = "x\",\n  \"description\": \"y\n" + full.Description
	for _, p := range []model.Posting{full, {ID: "2", Title: "Empty"}, tricky} {
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, b)
	}
	// an older file: nulls, a field since renamed, no skills
	cases = append(cases, []byte(`{"id":"3","title":"Old","levels":null,"locations":null,"salary":null,"team":"x","description":["a"]}`))
	// SnapshotFormat 1, indented: the description one string
	cases = append(cases, []byte("{\n  \"id\": \"4\",\n  \"title\": \"One\",\n  \"levels\": [\n    \"junior\"\n  ],\n  \"description\": \"a\\nb\"\n}\n"))
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

// decodeThin of a posting with a 7 KB description, as a first cycle's
// README rows decode each written snapshot.
func BenchmarkDecodeThin(b *testing.B) {
	p := model.Posting{ID: "1", Company: "Acme", Title: "Data Engineer", URL: "https://x.example/1",
		Levels: []string{"senior"}, Locations: []model.Location{{City: "Los Gatos", Country: "US"}},
		Skills:      model.Skills{Required: []string{"Python", "SQL"}, Mentioned: []string{"Go"}},
		Description: strings.Repeat("Build pipelines in Spark and SQL, and explain them to leadership. ", 100)}
	data, err := model.Encode(p)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := decodeThin(data); err != nil {
			b.Fatal(err)
		}
	}
}
