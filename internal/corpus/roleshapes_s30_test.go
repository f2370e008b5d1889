package corpus

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var roleShapes = flag.Bool("roleshapes", false, "print how the dev part's titles (role and levels) are read when boards decorate them in common ways")

// TestRoleShapesDev measures how a title's role is read when a board
// decorates the title as boards do: a gender note ("(m/w/d)", "(all
// genders)", "(f/m/x)"), a place or work mode after a dash or in
// parentheses ("- Remote", "(Berlin)", "| Hybrid"), a team after a comma
// or a colon, a requisition number ("[JR-1234]"), written in capitals.
// Each dev title whose role and levels normalize.Role and normalize.Levels
// read as labelled is decorated; right when both stay. It needs no test-part document.
// Dev only.
//
//	go test ./internal/corpus -run TestRoleShapesDev -v -args -roleshapes
func TestRoleShapesDev(t *testing.T) {
	if !*roleShapes {
		t.Skip("-roleshapes not given")
	}
	labels, _ := Load("testdata")
	seen := map[string]bool{}
	type tr struct {
		title, role string
		levels      []string
	}
	var titles []tr
	for _, l := range labels {
		if PartOf(l) != "dev" {
			continue
		}
		for _, p := range l.Postings {
			if seen[p.Title] || p.Role == "" || normalize.Role(p.Title) != p.Role || !slices.Equal(normalize.Levels(p.Title), p.Levels) && len(p.Levels)+len(normalize.Levels(p.Title)) > 0 {
				continue
			}
			seen[p.Title] = true
			titles = append(titles, tr{p.Title, p.Role, p.Levels})
		}
	}
	shapes := []struct {
		name string
		f    func(t string) string
	}{
		{"T (m/w/d)", func(t string) string { return t + " (m/w/d)" }},
		{"T (all genders)", func(t string) string { return t + " (all genders)" }},
		{"T (f/m/x)", func(t string) string { return t + " (f/m/x)" }},
		{"T - Remote", func(t string) string { return t + " - Remote" }},
		{"T (Berlin)", func(t string) string { return t + " (Berlin)" }},
		{"T | Hybrid", func(t string) string { return t + " | Hybrid" }},
		{"T, Payments Team", func(t string) string { return t + ", Payments Team" }},
		{"T [JR-1234]", func(t string) string { return t + " [JR-1234]" }},
		{"T - Stockholm, Sweden", func(t string) string { return t + " - Stockholm, Sweden" }},
		{"T IN CAPITALS", strings.ToUpper},
	}
	var sb strings.Builder
	var misses []string
	for _, s := range shapes {
		right := 0
		for _, x := range titles {
			v := s.f(x.title)
			got, lv := normalize.Role(v), normalize.Levels(v)
			if got == x.role && (slices.Equal(lv, x.levels) || len(lv)+len(x.levels) == 0) {
				right++
			} else {
				misses = append(misses, fmt.Sprintf("%-22s %q -> %q %v (want %q %v)", s.name, v, got, lv, x.role, x.levels))
			}
		}
		fmt.Fprintf(&sb, "%-22s %3d/%d (%.3f)\n", s.name, right, len(titles), float64(right)/float64(len(titles)))
	}
	for i, m := range misses {
		if i == 60 {
			break
		}
		sb.WriteString(m + "\n")
	}
	t.Logf("dev titles (%d, read right as written) decorated as boards do:\n%s", len(titles), sb.String())
}
