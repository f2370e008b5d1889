package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A sentence that waives the degree asks for none, whatever marker it
// also carries (PROTOCOL.md: "degrees are great, but not required" is no
// degree). Review s28 F1: the first was read as a preferred Bachelor's,
// the second as a required one.
func TestWaivedDegreeIsNoDegree(t *testing.T) {
	n := normalizer(t)
	none := model.Education{Required: []string{}, Preferred: []string{}}
	for _, tt := range []struct {
		name, text string
		want       model.Education
	}{
		{"great but not required", "Requirements:\n- 3+ years of Python\n- Degrees are great, but not required", none},
		{"don't need a degree", "What we look for:\n- You don't need a degree to apply, just curiosity and SQL", none},
		{"degree optional", "Requirements:\n- Strong SQL skills\n- Computer Science degree optional", none},
		// the degree stays where only its field is free
		{"field free", "Requirements:\n- A bachelor's degree; your education is not required to be in IT",
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"a plus", "Requirements:\n- A Computer Science degree is a plus",
			model.Education{Required: []string{}, Preferred: []string{"Bachelor's"}}},
	} {
		p := n.Normalize("s", "c", model.Raw{DescriptionText: tt.text, Locations: []string{"London, UK"}})
		if !reflect.DeepEqual(p.Education, tt.want) {
			t.Errorf("%s: education = %+v, want %+v", tt.name, p.Education, tt.want)
		}
	}
}
