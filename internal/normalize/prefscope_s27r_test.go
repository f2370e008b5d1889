package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review s27: prefScope reads a preference marker alone in parentheses
// after a short clause ("(ideally Looker)", "(nice to have)") as
// qualifying the whole sentence, also what follows the parentheses: the
// requirements named after them ("and strong Python skills") are read
// as preferred. Session 26 limited the scope for a long clause before
// the parentheses only.
func TestReview27_ParenthesisedMarkerQualifiesWhatFollowsIt(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text string
		req  []string
	}{
		{"Experience with a BI tool (ideally Looker) and with dbt and Snowflake.", []string{"dbt", "Snowflake"}},
		{"Experience with Docker (a big plus) and solid Linux skills.", []string{"Linux"}},
		{"Knowledge of a cloud platform (preferably AWS) and strong SQL skills.", []string{"SQL"}},
		{"Experience with Kafka (nice to have), and strong Python skills.", []string{"Python"}},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Engineer", DescriptionHTML: "<p>Requirements</p><ul><li>" + c.text + "</li></ul>"})
		for _, s := range c.req {
			if !slices.Contains(p.Skills.Required, s) {
				t.Errorf("%q: %s not required: %+v", c.text, s, p.Skills)
			}
		}
	}
}
