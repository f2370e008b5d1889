package serve

import (
	"os/exec"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A cursor's commit is checked against the HEAD's chain as the cache knows
// it: a run's commit on top keeps the older cursors good, and a reset makes
// a commit the cache had walked a bad cursor.
func TestEventsCursorFollowsTheHeadsChainAcrossCommitsAndResets(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	post := func(id string) []string {
		return writePostings(t, st, model.Posting{ID: id, Title: "Job " + id, Role: "Software Engineer"})
	}
	base := commitPaths(t, f, "acme: base", when, post("1")...)
	second := commitPaths(t, f, "acme: second", when.Add(time.Hour), post("2")...)
	h := New(f, "", nil).Handler()
	status := func(cursor string) int {
		t.Helper()
		resp, body := fetch(t, h, "/api/v1/events?before="+cursor)
		if resp.StatusCode != 200 && resp.StatusCode != 400 {
			t.Fatalf("before=%s: %d %s", cursor[:8], resp.StatusCode, body)
		}
		return resp.StatusCode
	}
	if got := status(second); got != 200 {
		t.Fatalf("before=second (the HEAD): %d, want 200", got)
	}
	third := commitPaths(t, f, "acme: third", when.Add(2*time.Hour), post("3")...)
	for _, c := range []string{third, second, base} {
		if got := status(c); got != 200 {
			t.Errorf("after a commit on top: before=%s: %d, want 200", c[:8], got)
		}
	}
	if out, err := exec.Command("git", "-C", f.Dir, "reset", "-q", "--hard", base).CombinedOutput(); err != nil {
		t.Fatalf("git reset: %v %s", err, out)
	}
	commitPaths(t, f, "acme: other", when.Add(3*time.Hour), post("4")...)
	for _, c := range []string{third, second} {
		if got := status(c); got != 400 {
			t.Errorf("after a reset: before=%s (reset away, walked before): %d, want 400", c[:8], got)
		}
	}
	if got := status(base); got != 200 {
		t.Errorf("after a reset: before=base (still on the chain): %d, want 200", got)
	}
}
