package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review26b: aiAsTool reads any "AI-<tool word>" as the use of tools;
// building AI capabilities or AI workflows into a product is the field asked for.
func TestReview26b_BuildingAIPoweredProductsIsTheField(t *testing.T) {
	n := New(nil)
	for _, item := range []string{
		"Experience designing and building AI workflows for our customers",
		"Experience building AI capabilities into our platform",
	} {
		text := "Requirements:\n\n- " + item + "\n- Strong communication skills\n"
		p := n.Normalize("s", "Acme", model.Raw{ID: "1", Title: "Software Engineer", DescriptionText: text})
		if !slices.Contains(p.Skills.Required, "Artificial Intelligence") {
			t.Errorf("%q: Artificial Intelligence not required: %+v", item, p.Skills)
		}
	}
}
