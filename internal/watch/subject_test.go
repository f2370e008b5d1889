package watch

import "testing"

// A source with both posting changes and a health change is named once in
// the subject.
func TestCommitSubjectNamesASourceOnce(t *testing.T) {
	t.Parallel()
	res := Result{Sources: []SourceResult{
		{Source: "gh-sec", Added: 1, health: "fetched again after 2 failed runs", lines: []string{"+ 1 One"}},
		{Source: "down", health: "failed"},
	}}
	want := "gh-sec: 1 added, fetched again after 2 failed runs; down: failed\n\ngh-sec:\n+ 1 One\n"
	if got := commitMessage(res); got != want {
		t.Fatalf("message\n%q\nwant\n%q", got, want)
	}
}
