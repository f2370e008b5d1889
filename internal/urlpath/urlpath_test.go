package urlpath

import "testing"

func TestSegment(t *testing.T) {
	for in, want := range map[string]string{"12": "12", ".": "%2E", "..": "%2E%2E", "...": "...", "a/b": "a%2Fb", "a b": "a%20b", "a?b#c": "a%3Fb%23c"} {
		if got := Segment(in); got != want {
			t.Errorf("Segment(%q) = %q, want %q", in, got, want)
		}
	}
}
