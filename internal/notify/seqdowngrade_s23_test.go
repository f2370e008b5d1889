package notify_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// TestDowngradedRunsEntryKeepsItsPlace_s23r: a run of this version records
// a posting's A -> B (seq 1), its notifier is down; the user goes back to
// the previous release for a while, whose run records B -> C an hour later
// without seq (and does not rewrite the first file: the notifier's circuit
// is open, or the run was stopped before delivery); back on this version,
// the outbox delivers B -> C before A -> B, an order neither release makes
// alone (the older one sorted by timestamp). An entry without seq comes
// first only when it was written before every entry with one.
func TestDowngradedRunsEntryKeepsItsPlace(t *testing.T) {
	dir := t.TempDir()
	a := &fake{name: "a"}
	routes := []notify.Route{{Notifier: a}}

	o := open(t, dir)
	o.Now = func() time.Time { return t0 }
	first := event("posting.changed", "s", "1", t0)
	first.ID = "evt_first"
	add(t, o, []notify.Event{first}, routes)

	// the older release's run, an hour later
	o = open(t, dir)
	o.Now = func() time.Time { return t0.Add(time.Hour) }
	second := event("posting.changed", "s", "1", t0.Add(time.Hour))
	second.ID = "evt_second"
	add(t, o, []notify.Event{second}, routes)
	stripSeq(t, filepath.Join(dir, second.ID+".json"))

	o = open(t, dir)
	o.Now = func() time.Time { return t0.Add(2 * time.Hour) }
	if _, err := o.Deliver(context.Background(), routes); err != nil {
		t.Fatal(err)
	}
	if got, want := a.calls(), []string{first.ID, second.ID}; !slices.Equal(got, want) {
		t.Fatalf("delivered %v, want %v (the older release's later entry went first)", got, want)
	}
}
