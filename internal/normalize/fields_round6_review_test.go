package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The review of round 6: the cues "work in", "working in" and "team in"
// with the world table read tool names and ordinary words of running
// text as towns; single common words of ATS labels were read as world
// towns; a listed name came back through its diacritic-free alias. The
// sentences were written for the test from the review's report.

// A place after a cue in running text is a town of the city table (or a
// Nordic one), never a world-table name, nor the first word of a
// taxonomy tool name; after "work in" and "team in" nor a town that runs
// on into a capitalised name ("Palo Alto Networks").
func TestCuedPlacesNotWorldOrTools(t *testing.T) {
	us := []model.Location{{Country: "US"}}
	for _, c := range []struct {
		locs []model.Location
		text string
		bad  string
	}{
		{nil, "You will work in Apex and Lightning Web Components.", "Apex"},
		{us, "You will work in Apex and Lightning Web Components.", "Apex"},
		{nil, "You will work in Phoenix LiveView every day.", "Phoenix"},
		{us, "You will work in Phoenix LiveView every day.", "Phoenix"},
		{nil, "You will work in Palo Alto Networks firewalls.", "Palo Alto"},
		{us, "You will work in Palo Alto Networks firewalls.", "Palo Alto"},
		{nil, "You will be working in Delta Lake and Spark.", "Delta"},
		{nil, "You will be working in Federal agencies.", "Federal"},
		{nil, "You will work in Lens and other tools.", "Lens"},
		{nil, "You will work in Normal shifts.", "Normal"},
		{us, "You will work in Normal shifts.", "Normal"},
	} {
		for _, l := range placesOf(c.locs, nil, "Engineer", c.text, "en") {
			if l.City == c.bad {
				t.Errorf("placesOf(%v, %q) has %+v", c.locs, c.text, l)
			}
		}
	}
	// a town of the city table after the cue is still read
	got := placesOf(nil, nil, "Engineer", "You will work in Berlin with our data team.", "en")
	if len(got) != 1 || got[0].City != "Berlin" || got[0].Country != "DE" {
		t.Errorf("work in Berlin: %+v", got)
	}
	// a strong cue's town may run on into a capitalised name
	got = placesOf(nil, nil, "Engineer", "You will be based in London Bridge.", "en")
	if len(got) != 1 || got[0].City != "London" || got[0].Country != "GB" {
		t.Errorf("based in London Bridge: %+v", got)
	}
	// a tool name after the cue, and the town after it: the town
	got = placesOf(nil, nil, "Engineer", "You will work in Phoenix LiveView in our office in Berlin.", "en")
	if len(got) != 1 || got[0].City != "Berlin" {
		t.Errorf("work in Phoenix LiveView ... office in Berlin: %+v", got)
	}
}

// A whole label of one common word is no small world town alone ("Gap");
// with its country beside it it is, and large ones ("Nice") and towns not
// named as words ("Eibergen") are named alone.
func TestWorldLabelsOfCommonWords(t *testing.T) {
	for _, label := range []string{"Federal", "Hybrid - Federal", "Gap", "Lens", "Goes", "Apex", "Summit", "Normal", "Kota"} {
		if l := Location(label); l.City != "" || l.Country != "" {
			t.Errorf("Location(%q) = %+v, want no town", label, l)
		}
	}
	for label, want := range map[string]model.Location{
		"Nice":              {City: "Nice", Region: "Provence-Alpes-Côte d'Azur", Country: "FR"},
		"Tours":             {City: "Tours", Region: "Centre-Val de Loire", Country: "FR"},
		"Lens, France":      {City: "Lens", Region: "Hauts-de-France", Country: "FR"},
		"Goes, Netherlands": {City: "Goes", Region: "Zeeland", Country: "NL"},
		"Winterthur":        {City: "Winterthur", Region: "Zurich", Country: "CH"},
		"Eibergen":          {City: "Eibergen", Region: "Gelderland", Country: "NL"}, // fronteers-deli-home-software-engineer-front-end
	} {
		if got := Location(label); got != want {
			t.Errorf("Location(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// A name notWorldCity lists stays out through its diacritic-free alias
// ("Kotā" of Chhattisgarh is "kota", which the list holds).
func TestNotWorldCityAlias(t *testing.T) {
	if l, ok := worldPlace("Kota", ""); ok {
		t.Errorf("worldPlace(Kota) = %+v", l)
	}
	if l, ok := worldPlace("Kotā", "IN"); !ok || l.City != "Kotā" {
		t.Errorf("worldPlace(Kotā, IN) = %+v, %v", l, ok)
	}
}
