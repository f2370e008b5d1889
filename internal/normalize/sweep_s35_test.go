package normalize

import (
	"fmt"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 35, from a throw-away sweep of the taxonomy's own aliases in
// other spellings: 26 British spellings of American ones ("modeling",
// "-ization", "centered") that no entry lists, 2 of them matched. The
// taxonomy had listed British spellings one by one ("data modelling",
// "threat modelling"); now an alias written the American way also matches
// its British spelling (spelling.go), unless that spelling is another
// entry's alias. Case-sensitive aliases, a product's own spelling, do not.
func TestBritishSpellingsS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct{ text, want string }{
		{"containerisation", "Containerization"},
		{"attribution modelling", "Marketing Science"},
		{"uplift modelling", "Causal Inference"},
		{"convex optimisation", "Mathematical Optimization"},
		{"model quantisation", "Quantization"},
		{"matrix factorisation", "Recommender Systems"},
		{"a query optimiser", "Query Optimization"},
		{"containerised services", "Containerization"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: fmt.Sprintf("Requirements:\n- Experience with %s\n- Strong communication skills\n", c.text)})
		if !slices.Contains(p.Skills.Required, c.want) {
			t.Errorf("%q: required %v, want %s", c.text, p.Skills.Required, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"data modeling", "data modelling"},
		{"human-centered design", "human-centred design"},
		{"labeled data", "labelled data"},
		{"analyze", "analyse"},
		{"behavioral science", "behavioural science"},
		{"size", ""}, {"resize", ""}, {"prize", ""}, {"seize", ""}, {"feeling", ""}, {"wheeling", ""},
		{"python", ""},
	} {
		if got := britishSpelling(c.in); got != c.want {
			t.Errorf("britishSpelling(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
