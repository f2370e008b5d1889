package normalize

import (
	"strings"
	"testing"
)

// Session 24 made BenchmarkNormalize faster without changing any output.
// These tests hold the fast paths to the forms they replaced.

// collapseInto must write what collapse makes of the same bytes, and leave
// the texts it returned before as they were while the arena grows.
func TestS24CollapseIntoMatchesCollapse(t *testing.T) {
	var arena strings.Builder // no Grow: every case may move the buffer
	var got, want []string
	for _, s := range collapseCases {
		got = append(got, collapseInto(&arena, []byte(s)))
		want = append(want, collapse(s))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("collapseInto(%q) = %q, want %q", collapseCases[i], got[i], want[i])
		}
	}
}

func FuzzS24CollapseInto(f *testing.F) {
	for _, s := range collapseCases {
		f.Add(s, "a  b")
	}
	f.Fuzz(func(t *testing.T, s, s2 string) {
		var arena strings.Builder
		first := collapseInto(&arena, []byte(s))
		second := collapseInto(&arena, []byte(s2))
		if first != collapse(s) || second != collapse(s2) {
			t.Fatalf("collapseInto(%q, %q) = %q, %q, want %q, %q", s, s2, first, second, collapse(s), collapse(s2))
		}
	})
}
