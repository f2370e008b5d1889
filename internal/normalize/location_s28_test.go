package normalize

import (
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
