package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 30: a label that names its country before its place ("Sweden -
// Solna", "Germany, Kaarst"), as some boards write them, is the place in
// that country (TestLocationShapesDev: 97 of 141 dev places read right
// in either shape, now 141). Two countries, a country and a region, and a
// country and remote work stay what they were. A city in a label written
// in capitals is written as names are.
func TestCountryFirstLabels(t *testing.T) {
	for label, want := range map[string]string{
		"Sweden - Solna":             "Solna|Stockholm County|SE",
		"Germany, Kaarst":            "Kaarst|North Rhine-Westphalia|DE",
		"Norway – Os":                "Os|Innlandet|NO",
		"Croatia - Split":            "Split||HR",
		"Denmark, Kolding":           "Kolding|Region of Southern Denmark|DK",
		"Germany, Austria":           "||DE ||AT",
		"Germany - Remote":           "||DE:remote",
		"United States - California": "|California|US",
		// a label in capitals names the city as it is written
		"SPLIT, CROATIA":             "Split||HR",
		"FRANKFURT AM MAIN, GERMANY": "Frankfurt am Main|Hesse|DE",
		"BOGOTÁ, COLOMBIA":           "Bogotá|Bogota|CO",
		"NYC":                        "New York|New York|US",
	} {
		got := ""
		for i, l := range Locations(label) {
			if i > 0 {
				got += " "
			}
			got += l.City + "|" + l.Region + "|" + l.Country
			if l.Remote {
				got += ":remote"
			}
		}
		if got != want {
			t.Errorf("Locations(%q) = %q, want %q", label, got, want)
		}
	}
}

// Session 30: a description's line that opens with a pin ("📍 Berlin,
// Germany", "📍 Location: Remote") names the workplace as a location
// field does, and a town the place table lacks is read after a place cue
// when its country follows it ("This role is based in Kaarst, Germany.").
func TestPinAndCuedTownWithCountry(t *testing.T) {
	n := New(nil)
	for text, want := range map[string]string{
		"📍 Berlin, Germany":                                    "Berlin|Berlin|DE",
		"📍 Aarhus, Denmark":                                    "Aarhus|Central Denmark Region|DK",
		"📍 Location: Remote":                                   "||:remote",
		"This role is based in Kaarst, Germany.":               "Kaarst|North Rhine-Westphalia|DE",
		"This role is based in Salt Lake City, United States.": "Salt Lake City|Utah|US",
		"This role is based in Colombelles, France.":           "Colombelles||FR",
		// a town and a name that is no country: not read
		"This role is based in Springfield, Acme Corp.": "",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer",
			DescriptionText: "About us\nWe build software for people all over the world.\n" + text + "\nRequirements\n- 3+ years with Python\n"})
		got := ""
		for i, l := range p.Locations {
			if i > 0 {
				got += " "
			}
			got += l.City + "|" + l.Region + "|" + l.Country
			if l.Remote {
				got += ":remote"
			}
		}
		if got != want {
			t.Errorf("%q: locations %q, want %q", text, got, want)
		}
	}
}
