package scrape

import (
	"net/url"
	"testing"
)

// TestSegment: a platform's id put into a path can never be a dot segment
// (which a server resolves to the parent resource), and other values are
// escaped as url.PathEscape escapes them.
func TestSegment(t *testing.T) {
	for in, want := range map[string]string{
		".":         "%2E",
		"..":        "%2E%2E",
		"...":       "...",
		"a/b":       "a%2Fb",
		"%2e%2e":    "%252e%252e",
		"abc-123":   "abc-123",
		"x y":       "x%20y",
		"../secret": "..%2Fsecret",
	} {
		got := Segment(in)
		if got != want {
			t.Errorf("Segment(%q) = %q, want %q", in, got, want)
		}
		if in == "." || in == ".." {
			continue
		}
		if dec, err := url.PathUnescape(got); err != nil || dec != in {
			t.Errorf("Segment(%q) decodes to %q, %v", in, dec, err)
		}
	}
}
