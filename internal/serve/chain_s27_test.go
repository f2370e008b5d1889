package serve

import (
	"net/url"
	"os/exec"
	"strings"
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

// A cursor in no form a page gives is a 400 before any walk: "." (which
// read as no cursor, the history from its HEAD again), a commit part that
// is no hash, an event part that is no event id (review s27 F2).
func TestEventsCursorOfNoFormIsABadCursorWithoutAWalk(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	head := commitPaths(t, f, "acme: base", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		writePostings(t, st, model.Posting{ID: "1", Title: "Job", Role: "Software Engineer"})...)
	f.walks = make(chan struct{}) // no place for a walk: a read that walks is a 503
	h := New(f, "", nil).Handler()
	for _, before := range []string{".", "junk.evt_x", head[:39] + ".evt_x", head + ".junk", strings.ToUpper(head) + ".evt_x"} {
		resp, body := fetch(t, h, "/api/v1/events?before="+url.QueryEscape(before))
		if resp.StatusCode != 400 {
			t.Errorf("before=%q: %d %s, want 400 without a walk", before, resp.StatusCode, body)
		}
		if !strings.Contains(body, "not a cursor of this API") {
			t.Errorf("before=%q: %s, want the error to say it is no cursor (not that no event was found)", before, body)
		}
	}
	if resp, _ := fetch(t, h, "/api/v1/events?before="+head); resp.StatusCode != 503 {
		t.Errorf("before=HEAD with no place for a walk: %d, want 503 (the test's premise)", resp.StatusCode)
	}
}
