package normalize

import "testing"

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
