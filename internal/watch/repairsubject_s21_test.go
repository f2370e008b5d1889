package watch

import (
	"fmt"
	"strings"
	"testing"
)

// A run whose only news is many repairs (60 files deleted by hand,
// restored) counts them in the subject and names each in the body; a few
// are named in the subject as before (review s21 F8).
func TestCommitMessageCountsManyRepairs(t *testing.T) {
	t.Parallel()
	var notes []string
	for i := range 60 {
		notes = append(notes, fmt.Sprintf("%d.json was missing: restored", 1040+i))
	}
	msg := commitMessage(Result{Sources: []SourceResult{{Source: "acme", notes: notes}}})
	subject, body, _ := strings.Cut(msg, "\n\n")
	if subject != "acme: 60 repairs of the stored state" {
		t.Fatalf("subject %q", subject)
	}
	for _, n := range notes {
		if !strings.Contains(body, "acme: "+n+"\n") {
			t.Fatalf("body lacks %q:\n%s", n, body)
		}
	}
	few := commitMessage(Result{Sources: []SourceResult{{Source: "acme", notes: notes[:2]}}})
	if subject, _, _ := strings.Cut(few, "\n\n"); subject != "acme: 1040.json was missing: restored, 1041.json was missing: restored" {
		t.Fatalf("subject of two repairs %q", subject)
	}
}
