package teams

import (
	"strings"
	"testing"
)

func TestMoreNotePlural(t *testing.T) {
	if got := note(1, "postings", "https://example.com/h"); !strings.Contains(got, "1 more posting") || strings.Contains(got, "postings") {
		t.Errorf("one: %q", got)
	}
	if got := note(2, "postings", "https://example.com/h"); !strings.Contains(got, "2 more postings") {
		t.Errorf("two: %q", got)
	}
}
