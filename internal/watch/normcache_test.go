package watch

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// Runners with the same extra skills share one normalizer; other extra
// skills get their own, which knows them; a taxonomy that fails is not
// kept and fails again.
func TestNormalizerForIsSharedByItsSkills(t *testing.T) {
	extra := []normalize.SkillDef{{Name: "Flurbo", Category: "tools", Aliases: []string{"flurbo"}}}
	a, err := normalizerFor(nil)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := normalizerFor([]normalize.SkillDef{}); err != nil || b != a {
		t.Errorf("no extra skills: %p %v, want the same normalizer %p", b, err, a)
	}
	x, err := normalizerFor(extra)
	if err != nil {
		t.Fatal(err)
	}
	if x == a {
		t.Fatal("extra skills share the embedded taxonomy's normalizer")
	}
	if y, _ := normalizerFor([]normalize.SkillDef{{Name: "Flurbo", Category: "tools", Aliases: []string{"flurbo"}}}); y != x {
		t.Errorf("the same extra skills built another normalizer")
	}
	if z, _ := normalizerFor([]normalize.SkillDef{{Name: "Flurbo", Category: "tools", Aliases: []string{"flurb"}}}); z == x {
		t.Errorf("another alias got the same normalizer")
	}
	const text = "Requirements: Flurbo and Python."
	has := func(n *sharedNormalizer) bool {
		for _, s := range n.get().Skills(text) {
			if s == "Flurbo" {
				return true
			}
		}
		return false
	}
	if !has(x) || has(a) {
		t.Errorf("Flurbo found with the extra skill %v, without it %v", has(x), has(a))
	}
	bad := []normalize.SkillDef{{Name: "Broken", Category: ""}}
	for i := 0; i < 2; i++ {
		if n, err := normalizerFor(bad); err == nil || n != nil {
			t.Fatalf("try %d: a skill without category: %p %v", i, n, err)
		}
	}
}
