package urlpath

import (
	"testing"

	whatwgurl "github.com/nlnwa/whatwg-url/url"
)

// TestDotSegments: a dot value escaped by Segment is still a dot segment
// for the WHATWG parser colly sends with (the path loses a segment), so
// Dot reports it and SegmentChecked refuses it; other values keep their
// segment.
func TestDotSegments(t *testing.T) {
	p := whatwgurl.NewParser(whatwgurl.WithPercentEncodeSinglePercentSign())
	path := func(seg string) string {
		u, err := p.Parse("https://h.example/v1/boards/" + seg + "/jobs")
		if err != nil {
			t.Fatal(err)
		}
		return u.Pathname()
	}
	for _, v := range []string{".", "..", "%2e", "%2E%2e", ".%2E", "%2e."} {
		if !Dot(v) {
			t.Errorf("Dot(%q) = false", v)
		}
		if got, err := SegmentChecked(v); err == nil {
			t.Errorf("SegmentChecked(%q) = %q, want an error", v, got)
		}
	}
	// what Dot protects against: the unchecked Segment of ".." loses the board
	if got := path(Segment("..")); got != "/v1/jobs" {
		t.Errorf("path with Segment(\"..\") = %q, want /v1/jobs (the traversal Dot exists for)", got)
	}
	for _, v := range []string{"...", "a.b", "acme", "%2e%2e%2e", "..a", "a+b"} {
		if Dot(v) {
			t.Errorf("Dot(%q) = true", v)
		}
		s, err := SegmentChecked(v)
		if err != nil {
			t.Errorf("SegmentChecked(%q): %v", v, err)
			continue
		}
		if got, want := path(s), "/v1/boards/"+s+"/jobs"; got != want {
			t.Errorf("path with %q = %q, want %q", v, got, want)
		}
	}
}
