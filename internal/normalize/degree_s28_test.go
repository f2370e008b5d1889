package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// "Degree" alone is a Bachelor's in any country (PROTOCOL.md, written
// down in session 24 from the US labels huckberry-workable and
// djangocon21us-six-feet-up-senior-project-manager); the protocol's
// exceptions stay no degree in the US too.
func TestDegreeAloneInTheUSIsABachelors(t *testing.T) {
	n := normalizer(t)
	none := model.Education{Required: []string{}, Preferred: []string{}}
	for _, tt := range []struct {
		name, text string
		want       model.Education
	}{
		{"huckberry-workable", "Requirements:\n- Degree in Apparel/Fashion Design or equivalent industry experience",
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"six-feet-up, a plus", "What we're looking for:\n- A Computer Science degree or related field is a plus",
			model.Education{Required: []string{}, Preferred: []string{"Bachelor's"}}},
		{"a two-year degree", "Requirements:\n- Minimum of a two-year degree in a technical field", none},
		{"pursuing a degree", "Requirements:\n- Currently pursuing a degree in Computer Science", none},
	} {
		p := n.Normalize("s", "c", model.Raw{DescriptionText: tt.text, Locations: []string{"Austin, TX"}})
		if !reflect.DeepEqual(p.Education, tt.want) {
			t.Errorf("%s: education = %+v, want %+v", tt.name, p.Education, tt.want)
		}
	}
}
