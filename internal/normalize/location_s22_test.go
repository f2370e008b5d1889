package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestRemoteCountryList_s22: "Remote" with the countries in a sentence,
// listed one by one: one remote entry a country (PROTOCOL.md, Remote
// places); one country or an area keeps the rules before.
func TestRemoteCountryList_s22(t *testing.T) {
	n := New(nil)
	r := func(c string) model.Location { return model.Location{Country: c, Remote: true} }
	tests := []struct {
		labels []string
		text   string
		want   []model.Location
	}{
		{[]string{"Remote"}, "Candidates must be located in Germany, Austria or Switzerland.", []model.Location{r("AT"), r("CH"), r("DE")}},
		{nil, "We're remote-first and hire across the US and Canada.", []model.Location{r("CA"), r("US")}},
		{[]string{"Remote"}, "This is a remote role open to candidates based in the United Kingdom or Ireland.", []model.Location{r("GB"), r("IE")}},
		// unchanged: one country, an area, worldwide
		{[]string{"Remote"}, "You must be eligible to work in the US.", []model.Location{r("US")}},
		{[]string{"Remote"}, "We hire in the EU.", []model.Location{{Remote: true}}},
		{[]string{"Remote"}, "Remote worldwide; our team sits in Germany and France.", []model.Location{{Remote: true}}},
		// a "Remote" label beside an office label stays without a country
		{[]string{"New York, NY", "Remote"}, "About us.", []model.Location{{Remote: true}, {City: "New York", Region: "New York", Country: "US"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Designer", Locations: tt.labels, DescriptionText: tt.text})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("%q %q -> %+v, want %+v", tt.labels, tt.text, p.Locations, tt.want)
		}
	}
}

// TestRemoteModeField_s22: a field line giving remote work the whole
// working time names a remote place when nothing else names one (dev
// ferchau-text-experte-fuer-einfuehrung-integration-von-sap-successfactors:
// "* Remote: 100% Homeoffice"); a share under 100 % does not.
func TestRemoteModeField_s22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		want []model.Location
	}{
		{"* Projektstart: 01.11.2025, spätestens zum 01.01.2026\n* Projektdauer: 3 Monate\n* Remote: 100% Homeoffice\n\nKontaktperson: Branch Manager", []model.Location{{Remote: true}}},
		{"Homeoffice: 100 %", []model.Location{{Remote: true}}},
		{"* Remote: 80% Homeoffice", nil},
		{"Homeoffice: 2 Tage pro Woche, 100 Mitarbeitende", nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "SAP Berater", DescriptionText: tt.text})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Locations, tt.want)
		}
	}
}

// TestCuedTownList_s22: two towns joined after a workplace cue are each a
// workplace ("based in Berlin or Munich"); Swedish and Norwegian "sit in"
// is such a cue, as Danish "sidder i". (Three or more stay a list of the
// company's offices, officeList.)
func TestCuedTownList_s22(t *testing.T) {
	n := New(nil)
	munich := model.Location{City: "Munich", Region: "Bavaria", Country: "DE"}
	berlin := model.Location{City: "Berlin", Region: "Berlin", Country: "DE"}
	tests := []struct {
		text string
		want []model.Location
	}{
		{"You will be based in Berlin or Munich.", []model.Location{berlin, munich}},
		{"Du kan sitte i Bergen eller Oslo.", []model.Location{{City: "Bergen", Region: "Vestland", Country: "NO"}, {City: "Oslo", Region: "Oslo", Country: "NO"}}},
		{"You will be based in Munich.", []model.Location{munich}},
		// not a town: "sitta i ett team"
		{"Du kommer att sitta i ett team med fem utvecklare.", nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Utvecklare", DescriptionText: tt.text})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Locations, tt.want)
		}
	}
}

// TestAreaLabels_s22: a country named with "-based", "-wide" or "weit";
// metropolitan areas that lie in one state; towns in brackets given as
// examples (dev randstad-text-itsm-servicenow-implementation-specialist:
// "Standorte:\nRuhrgebiet (Essen, Dortmund usw.)" beside "100 % Remote").
func TestAreaLabels_s22(t *testing.T) {
	tests := []struct {
		label string
		want  []model.Location
	}{
		{"Remote (Germany-based)", []model.Location{{Country: "DE", Remote: true}}},
		{"Remote - UK based", []model.Location{{Country: "GB", Remote: true}}},
		{"Deutschlandweit", []model.Location{{Country: "DE"}}},
		{"Germany-wide", []model.Location{{Country: "DE"}}},
		{"Ruhrgebiet (Essen, Dortmund usw.)", []model.Location{{Region: "North Rhine-Westphalia", Country: "DE"}}},
		{"Rhein-Main-Gebiet", []model.Location{{Region: "Hesse", Country: "DE"}}},
		// a part of the US named by its coast or time zones is the US
		{"US - East Coast (Remote)", []model.Location{{Country: "US", Remote: true}}},
		{"Remote - US East", []model.Location{{Country: "US", Remote: true}}},
		{"Remote (US time zones)", []model.Location{{Country: "US", Remote: true}}},
		// unchanged: brackets that name the place; a time zone alone
		{"Remote (CET +/- 2h)", []model.Location{{Remote: true}}},
		{"Cyprus (Limassol)", []model.Location{{City: "Limassol", Region: "Limassol", Country: "CY"}}},
	}
	for _, tt := range tests {
		if got := Locations(tt.label); !sameLocations(got, tt.want) {
			t.Errorf("Locations(%q) = %+v, want %+v", tt.label, got, tt.want)
		}
	}
	n := New(nil)
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "ITSM / ServiceNow Implementation Specialist (m/w/d)", Workplace: "100 % Remote",
		DescriptionText: "Standorte:\nRuhrgebiet (Essen, Dortmund usw.)\n\nUnsere Anforderungen\n• Mehrjährige Erfahrung mit ServiceNow"})
	if want := []model.Location{{Region: "North Rhine-Westphalia", Country: "DE", Remote: true}}; !sameLocations(p.Locations, want) {
		t.Errorf("randstad -> %+v, want %+v", p.Locations, want)
	}
}
