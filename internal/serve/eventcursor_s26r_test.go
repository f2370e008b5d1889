package serve

import (
	"encoding/json"
	"os/exec"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// review26b: a cursor naming a commit that is in the repository but not
// in the HEAD's history (a commit amended or reset away and not yet
// collected, or one on another branch) is read from: the page serves
// events the history never had. Such a cursor should be a bad cursor
// (400), or be sought from the HEAD like a collected commit.
func TestReview26b_CursorOffHeadHistoryServesForeignEvents(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	base := commitPaths(t, f, "acme: base", when, writePostings(t, st, model.Posting{ID: "1", Title: "Base", Role: "Software Engineer"})...)
	gone := commitPaths(t, f, "acme: gone", when.Add(time.Hour), writePostings(t, st, model.Posting{ID: "2", Title: "Gone", Role: "Software Engineer"})...)
	if out, err := exec.Command("git", "-C", f.Dir, "reset", "-q", "--hard", base).CombinedOutput(); err != nil {
		t.Fatalf("git reset: %v %s", err, out)
	}
	commitPaths(t, f, "acme: kept", when.Add(2*time.Hour), writePostings(t, st, model.Posting{ID: "3", Title: "Kept", Role: "Software Engineer"})...)

	h := New(f, "", nil).Handler()
	resp, body := fetch(t, h, "/api/v1/events?before="+gone)
	if resp.StatusCode == 400 {
		return
	}
	var l EventList
	if err := json.Unmarshal([]byte(body), &l); err != nil {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	for _, e := range l.Events {
		if e.Commit == gone {
			t.Errorf("before=%s (a commit reset away): served event %s of that commit, which the HEAD's history never had", gone[:8], e.ID)
		}
	}
}
