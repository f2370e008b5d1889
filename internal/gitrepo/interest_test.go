package gitrepo

import (
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing"
)

// The matcher agrees with the definition for paths given in any order and
// more than once, with names that sort around "/" ('-', '.', '0'), as
// TestInterestMatchesDefinition checks for sorted, unique paths.
func TestInterestUnsortedPaths(t *testing.T) {
	t.Parallel()
	parts := []string{"a", "a-", "a.b", "a0", "b", "ab"}
	rng := rand.New(rand.NewPCG(7, 13))
	randPath := func() string {
		p := make([]string, 1+rng.IntN(4))
		for i := range p {
			p[i] = parts[rng.IntN(len(parts))]
		}
		return strings.Join(p, "/")
	}
	for round := range 300 {
		var names, rels []string
		for range 50 {
			names = append(names, randPath())
		}
		slices.Sort(names)
		names = slices.Compact(names)
		for range 1 + rng.IntN(8) {
			rels = append(rels, randPath())
		}
		if len(rels) > 1 {
			rels = append(rels, rels[0])
		}
		in := newInterest(rels)
		for _, name := range names {
			want := false
			for _, rel := range rels {
				want = want || name == rel || strings.HasPrefix(name, rel+"/")
				for d := path.Dir(rel); d != "."; d = path.Dir(d) {
					want = want || name == d
				}
			}
			if got := in.match([]byte(name)); got != want {
				t.Fatalf("round %d: rels %q, name %q: match %v, want %v", round, rels, name, got, want)
			}
		}
	}
}

// compareSlashed orders as comparing the strings with a "/" appended.
func TestCompareSlashed(t *testing.T) {
	t.Parallel()
	words := []string{"", "a", "a-", "a-b", "a.b", "a/", "a/b", "a0", "ab", "b", "a/-", "a//"}
	for _, a := range words {
		for _, b := range words {
			if got, want := compareSlashed(a, b), strings.Compare(a+"/", b+"/"); got != want {
				t.Errorf("compareSlashed(%q, %q) = %d, want %d", a, b, got, want)
			}
			if got, want := slashedAtMost(a, []byte(b)), a+"/" <= b; got != want {
				t.Errorf("slashedAtMost(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// newInterest keeps the callers' strings: its allocations do not grow
// with the number of paths (a few slices), where copies were three a path.
func TestInterestCopiesNoPaths(t *testing.T) {
	rels := make([]string, 2000)
	for i := range rels {
		rels[i] = fmt.Sprintf("snapshots/board-%04d/%012d.json", i/50, i)
	}
	allocs := testing.AllocsPerRun(5, func() { newInterest(rels) })
	if allocs > 20 {
		t.Errorf("newInterest of %d paths: %.0f allocations, want a few slices", len(rels), allocs)
	}
}
