package filter

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestSkillFilterWidensToNarrowerEntries: taxonomy round 9 split distinct
// products out of other entries' aliases (PyTorch Lightning out of
// PyTorch, Helm out of Kubernetes); a filter on the broader entry still
// takes a posting that names only the narrower one, the other way round
// does not hold, and an unrelated skill matches nothing.
func TestSkillFilterWidensToNarrowerEntries(t *testing.T) {
	posting := func(req ...string) *model.Posting {
		return &model.Posting{Skills: model.Skills{Required: req}}
	}
	for _, c := range []struct {
		name string
		f    Filter
		p    *model.Posting
		want bool
	}{
		{"all PyTorch takes PyTorch Lightning", Filter{SkillsAll: []string{"PyTorch"}}, posting("PyTorch Lightning"), true},
		{"any kubernetes takes Helm", Filter{SkillsAny: []string{"kubernetes"}}, posting("Helm"), true},
		{"all Gradient Boosting takes LightGBM", Filter{SkillsAll: []string{"Gradient Boosting"}}, posting("LightGBM"), true},
		{"narrower does not take broader", Filter{SkillsAll: []string{"Helm"}}, posting("Kubernetes"), false},
		{"unrelated", Filter{SkillsAny: []string{"PyTorch"}}, posting("TensorFlow"), false},
		{"all of two, one only through its parent", Filter{SkillsAll: []string{"Kubernetes", "Go"}}, posting("Helm"), false},
	} {
		c2, err := c.f.Compile()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := c2.MatchPosting(c.p); got != c.want {
			t.Errorf("%s: match %v, want %v", c.name, got, c.want)
		}
	}
}
