package watch

import (
	"fmt"
	"strings"
	"testing"
)

func TestCommitMessageFewSourcesKeepsPerSourceSubject(t *testing.T) {
	t.Parallel()
	res := Result{Sources: []SourceResult{
		{Source: "a", Added: 1, lines: []string{"+ 1 One"}},
		{Source: "b", Removed: 2, lines: []string{"- 2 Two"}},
		{Source: "c"},
	}}
	want := "a: 1 added; b: 2 removed\n\na:\n+ 1 One\n\nb:\n- 2 Two\n"
	if got := commitMessage(res); got != want {
		t.Fatalf("message\n%q\nwant\n%q", got, want)
	}
}

func TestCommitMessageManySourcesHasShortSubject(t *testing.T) {
	t.Parallel()
	var res Result
	for i := range 1000 {
		res.Sources = append(res.Sources, SourceResult{Source: fmt.Sprintf("board-%d", i), Added: 20, lines: []string{fmt.Sprintf("+ %d Posting", i)}})
	}
	res.Sources[7].Removed = 3
	res.Sources = append(res.Sources, SourceResult{Source: "quiet"}, SourceResult{Source: "down", health: "failed"})
	msg := commitMessage(res)
	subject, rest, _ := strings.Cut(msg, "\n\n")
	if subject != "1,001 sources: 20,000 added, 3 removed; 1 with a health change" {
		t.Fatalf("subject %q", subject)
	}
	lines := strings.Split(rest, "\n")
	if lines[0] != "board-0: 20 added" || lines[7] != "board-7: 20 added, 3 removed" || lines[1000] != "down: failed" || lines[1001] != "" || lines[1002] != "board-0:" || lines[1003] != "+ 0 Posting" {
		t.Fatalf("body starts %q ... %q %q %q %q %q", lines[0], lines[7], lines[1000], lines[1001], lines[1002], lines[1003])
	}
	if !strings.HasSuffix(msg, "+ 999 Posting\n") {
		t.Fatalf("body ends %q", msg[len(msg)-40:])
	}
}

func TestThousands(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 20000: "20,000", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
