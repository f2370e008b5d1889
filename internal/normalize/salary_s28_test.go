package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// "266,66 kr timen": a Nordic hourly pay said without "i" or "per"
// (variant-text-sommerjobb-utvikler-2022); "timen" elsewhere in the
// sentence is no period.
func TestSpokenHourlyPayS28(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text string
		want []model.Salary
	}{
		{"Lønna trenger du heller ikke å lure på. Du får 266,66 kr timen, og til sammen 59998 og femti øre. Perfekt rett under fribeløpet!",
			[]model.Salary{{Min: 266.66, Max: 266.66, Currency: "NOK", Period: "hour"}}},
		{"Lön: 180 kr timmen.", []model.Salary{{Min: 180, Max: 180, Currency: "SEK", Period: "hour"}}},
		// a monthly pay, with the hour spoken of after it
		{"Lønn: 45 000 kr i måneden, og vi tar timen for timen.", []model.Salary{{Min: 45000, Max: 45000, Currency: "NOK", Period: "month"}}},
	} {
		loc := "Oslo, Norway"
		if tt.want[0].Currency == "SEK" {
			loc = "Stockholm, Sweden"
		}
		p := n.Normalize("s", "c", model.Raw{Title: "Utvikler", DescriptionText: tt.text, Locations: []string{loc}})
		if !reflect.DeepEqual(p.Salary, tt.want) {
			t.Errorf("%.50q: salary %+v, want %+v", tt.text, p.Salary, tt.want)
		}
	}
}
