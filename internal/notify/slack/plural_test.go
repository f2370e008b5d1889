package slack

import (
	"strings"
	"testing"
)

func TestMoreNotePlural(t *testing.T) {
	if got := moreNote(1, "postings", "https://example.com/h"); !strings.Contains(got, "1 more posting") || strings.Contains(got, "postings") {
		t.Errorf("one: %q", got)
	}
	if got := moreNote(2, "postings", "https://example.com/h"); !strings.Contains(got, "2 more postings") {
		t.Errorf("two: %q", got)
	}
}
