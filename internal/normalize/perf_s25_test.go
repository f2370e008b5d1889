package normalize

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Session 25 made BenchmarkNormalize faster without changing any output.
// These tests hold the fast paths to the forms they replaced, on every
// line of the corpus documents (titles, labels and sentences of real
// postings) and on fuzz inputs.

// corpusLinesS25 are the lines of the corpus documents, the titles of the
// in-repo postings and a few made-up titles.
func corpusLinesS25(t testing.TB) []string {
	t.Helper()
	lines := []string{"", "L5", "l5", "L 5", "Level 5/6", "LEVEL 7", "Research Scientist 5/6", "Engineer (5/6)",
		"Engineer L4-L5", "L5/6", "Lead L9", "leveL3", "Levels 4", "level\u00a04", "L\u0035"}
	for _, name := range postingNames(t) {
		lines = append(lines, loadRaw(t, name).Title)
	}
	files, err := filepath.Glob(filepath.Join("..", "corpus", "testdata", "docs", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents: %v", err)
	}
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(d), "\n")...)
	}
	return lines
}

// levelsRef is Levels as it was before it ran each pattern only on titles
// that hold what its matches hold.
func levelsRef(title string) []string {
	if !strings.ContainsAny(title, "345678") {
		return seniority(title)
	}
	set := map[string]bool{}
	addDigits := func(s string) {
		for _, d := range reDigit.FindAllString(s, -1) {
			set["L"+d] = true
		}
	}
	for _, m := range reLLevel.FindAllString(title, -1) {
		addDigits(m)
	}
	for _, m := range reWordLevel.FindAllStringSubmatch(title, -1) {
		addDigits(m[1] + m[2])
	}
	for _, m := range reBareLevels.FindAllStringSubmatch(title, -1) {
		lo, hi := m[1][0], m[2][0]
		if hi >= lo && hi-lo <= 2 {
			set["L"+m[1]] = true
			set["L"+m[2]] = true
		}
	}
	if len(set) > 0 {
		out := make([]string, 0, len(set))
		for l := range set {
			out = append(out, l)
		}
		sort.Strings(out)
		return out
	}
	return seniority(title)
}

func TestS25LevelsMatchesRef(t *testing.T) {
	n := 0
	for _, l := range corpusLinesS25(t) {
		got, want := Levels(l), levelsRef(l)
		if !equalStrings(got, want) {
			t.Errorf("Levels(%q) = %q, want %q", l, got, want)
		}
		if len(want) > 0 && want[0][0] == 'L' && want[0][1] >= '3' && want[0][1] <= '8' {
			n++
		}
	}
	if n < 5 {
		t.Errorf("%d lines with numbered levels, want 5 or more: the test reads too few", n)
	}
}

func FuzzS25Levels(f *testing.F) {
	for _, s := range []string{"Research Scientist/Engineer (L5/L6)", "Level 5/6", "leVel 4", "Engineer 5/6 - ML", "Senior L7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Levels(s), levelsRef(s); !equalStrings(got, want) {
			t.Fatalf("Levels(%q) = %q, want %q", s, got, want)
		}
	})
}

// The prefilters are necessary conditions of the patterns: a match of
// each holds what its filter looks for.
func TestS25LevelFiltersHoldEveryMatch(t *testing.T) {
	for _, c := range []struct {
		re     *regexp.Regexp
		filter func(string) bool
	}{
		{reLLevel, lDigit},
		{reWordLevel, func(s string) bool { return containsFoldASCII(s, "level") }},
		{reBareLevels, func(s string) bool { return strings.Contains(s, "/") }},
	} {
		for _, l := range corpusLinesS25(t) {
			for _, m := range c.re.FindAllString(l, -1) {
				if !c.filter(m) {
					t.Errorf("%v matches %q in %q, which its filter rejects", c.re, m, l)
				}
			}
		}
	}
}
