package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestEveryNameMatchesItself: an entry's name as written is one of its
// aliases, unless the entry is list-only ("~Name"). A case-sensitive alias
// that spells the name in other letters ("=UNIX" of Unix) makes the name
// case-sensitive too, so "=UNIX" alone left "Knowledge of Unix" unread
// (session 32: Unix, Db2, COMSOL).
func TestEveryNameMatchesItself(t *testing.T) {
	for _, s := range New(nil).Taxonomy().Skills() {
		ok := false
		for _, a := range aliasesOf(s) {
			ok = ok || a == s.Name || a == "="+s.Name || strings.EqualFold(a, "~"+s.Name)
		}
		if !ok {
			t.Errorf("%s: its name as written matches no alias of %q (add %q)", s.Name, s.Aliases, "="+s.Name)
		}
	}
}

// TestNamesInOtherCapitals: the three entries the rule above found, read in
// a requirements list in the spelling of their names and of their aliases.
func TestNamesInOtherCapitals(t *testing.T) {
	n := New(nil)
	for _, c := range []struct{ text, want string }{
		{"Knowledge of Unix and operating systems", "Unix"},
		{"Knowledge of UNIX", "Unix"},
		{"Experience with Db2 or Oracle", "Db2"},
		{"Experience with DB2 or Oracle", "Db2"},
		{"Simulation in COMSOL", "COMSOL"},
		{"Simulation in Comsol", "COMSOL"},
	} {
		p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements:\n- " + c.text + "\n"})
		found := false
		for _, s := range p.Skills.Required {
			found = found || s == c.want
		}
		if !found {
			t.Errorf("%q: required %v, want %s among them", c.text, p.Skills.Required, c.want)
		}
	}
}
