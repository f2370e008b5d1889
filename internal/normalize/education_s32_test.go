package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestDegreeStudiedFor: a degree being studied for is no degree
// (PROTOCOL.md), also when its name has an apostrophe ("pursuing a
// Bachelor's degree": the look-back of four tokens stopped at the
// apostrophe's "s") and when studying is offered beside holding it
// ("currently studying or have a Máster ...": dev
// amazon-text-whs-intern-san-fernando-de-henares). Each of the first
// five read a required degree before rules 245; a degree held stays one.
func TestDegreeStudiedFor(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"You are currently studying or have a Máster de Prevención en Riesgos Laborales (MPRL)", nil},
		{"Currently pursuing a Bachelor's degree in Computer Science", nil},
		{"Currently studying or have completed a Bachelor's degree in Computer Science", nil},
		{"Enrolled in or recently graduated from a Master's program", nil},
		{"Pursuing or holding a Bachelor's degree in CS", nil},
		{"Bachelor's degree in Computer Science required", []string{"Bachelor's"}},
		{"You have a Master's degree and are pursuing a PhD", []string{"Master's"}},
	} {
		p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Intern", DescriptionText: "Requirements:\n- " + c.text + "\n"})
		if len(p.Education.Required) != len(c.want) || len(c.want) > 0 && p.Education.Required[0] != c.want[0] {
			t.Errorf("%q: required %v, want %v", c.text, p.Education.Required, c.want)
		}
	}
}
