package scrape

import (
	"errors"
	"slices"
	"testing"
)

func TestBoardError(t *testing.T) {
	if err := BoardError("greenhouse", "acme", &StatusError{URL: "u", Status: 404}); err.Error() != `greenhouse: board "acme": not found (404)` {
		t.Fatalf("404: %v", err)
	}
	if err := BoardError("lever", "x", ErrNotModified); !errors.Is(err, ErrNotModified) || err.Error() != ErrNotModified.Error() {
		t.Fatalf("304: %v", err)
	}
	cause := &StatusError{URL: "u", Status: 500}
	if err := BoardError("ashby", "b", cause); !errors.Is(err, cause) || err.Error() != `ashby: board "b": u: status 500 (Internal Server Error)` {
		t.Fatalf("500: %v", err)
	}
}

func TestLabelsAndDates(t *testing.T) {
	if got := AddLabels([]string{"Berlin"}, " Berlin ", "", "Paris", "Paris"); !slices.Equal(got, []string{"Berlin", "Paris"}) {
		t.Fatalf("AddLabels: %q", got)
	}
	if got := JoinNonEmpty("Berlin", " ", "", "Germany"); got != "Berlin, Germany" {
		t.Fatalf("JoinNonEmpty: %q", got)
	}
	for in, want := range map[string]string{"2026-08-05 10:10:39 UTC": "2026-08-05", "2026-08-05T10:10:39Z": "2026-08-05",
		"2026-13-05": "", "Posted 5 Days Ago": "", "": ""} {
		if got := DatePrefix(in); got != want {
			t.Errorf("DatePrefix(%q) = %q, want %q", in, got, want)
		}
	}
}
