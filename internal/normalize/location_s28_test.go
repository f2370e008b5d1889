package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Workday-style paths with a country's alpha-3 code first, over the whole
// code list ATS paths use and with a region between ("AUS - NSW -
// Sydney", "IND - Karnataka - Bengaluru"), and a US state's code that is
// also a time zone's ("Berlin, CT": Connecticut, not Germany).
func TestCodePathsAndStateCodesS28(t *testing.T) {
	for _, tt := range []struct {
		label string
		want  model.Location
	}{
		{"ARE - Dubai", model.Location{City: "Dubai", Region: "Dubai", Country: "AE"}},
		{"AUS - NSW - Sydney", model.Location{City: "Sydney", Region: "New South Wales", Country: "AU"}},
		{"IND - Karnataka - Bengaluru", model.Location{City: "Bengaluru", Region: "Karnataka", Country: "IN"}},
		{"USA - CA - San Jose", model.Location{City: "San Jose", Region: "California", Country: "US"}},
		{"NZL - Auckland", model.Location{City: "Auckland", Region: "Auckland", Country: "NZ"}},
		{"Berlin, CT", model.Location{City: "Berlin", Region: "Connecticut", Country: "US"}},
		{"Berlin, DE", model.Location{City: "Berlin", Region: "Berlin", Country: "DE"}},
		{"Remote (CT)", model.Location{Remote: true}},
		{"Remote - US (ET)", model.Location{Country: "US", Remote: true}},
	} {
		if got := Location(tt.label); got != tt.want {
			t.Errorf("Location(%q) = %+v, want %+v", tt.label, got, tt.want)
		}
	}
}

// Text with no location field of the platform: a "Locations:" line may
// name more than three places (jr-r2's "Locations: Buenos Aires, São
// Paulo, Santiago de Chile, Bogotá."), "Office:" is a workplace field, and
// "work from our Palo Alto or Berlin offices" (cjr-inceptive) names the
// offices one works from.
func TestTextPlacesS28(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text string
		want []string // City|Country
	}{
		{"Career growth within R2\nLocations: Buenos Aires, São Paulo, Santiago de Chile, Bogotá.\nOriginally posted on Himalayas",
			[]string{"Buenos Aires|AR", "São Paulo|BR", "Santiago|CL", "Bogotá|CO"}},
		{"Locations: Berlin, Paris, London, Madrid", []string{"Berlin|DE", "Madrid|ES", "Paris|FR", "London|GB"}},
		{"Office: Amsterdam, Netherlands (hybrid)", []string{"Amsterdam|NL"}},
		{"We value the benefits of in-person collaboration and expect candidates to primarily work from our Palo Alto or Berlin offices.",
			[]string{"Berlin|DE", "Palo Alto|US"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: tt.text})
		var got []string
		for _, l := range p.Locations {
			got = append(got, l.City+"|"+l.Country)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%.50q: locations %v, want %v", tt.text, got, tt.want)
		}
	}
}
