package lever

import (
	"slices"
	"testing"
)

// A bare "Remote" location takes the posting's country field (Lever's
// answers carry "country": "US" beside the categories, as the fixture of
// /work/shared/fixtures/careerkit/lever.json does); other labels stay.
func TestRemoteTakesCountryField(t *testing.T) {
	p := posting{ID: "x", Text: "Engineer", Country: "US",
		Categories: categories{AllLocations: []string{"Remote", "New York, NY"}}}
	if got := raw(p).Locations; !slices.Equal(got, []string{"Remote, US", "New York, NY"}) {
		t.Errorf("locations = %q", got)
	}
	p.Country = ""
	if got := raw(p).Locations; !slices.Equal(got, []string{"Remote", "New York, NY"}) {
		t.Errorf("no country: locations = %q", got)
	}
}
