package notify_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// flaky fails its first call with a retryable error (one 503 from a load
// balancer) and takes every later one; it records what it took.
type flaky struct {
	mu    sync.Mutex
	calls int
	took  []string
}

func (f *flaky) Name() string { return "hooks" }
func (f *flaky) Notify(_ context.Context, e notify.Event) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.calls == 1 {
		return retry.Again(errors.New(`webhook "hooks": status 503`), 0)
	}
	f.took = append(f.took, e.ID)
	return nil
}

// TestOneTransientFailureKeepsOrder_s23r: README ("Webhooks"): "Events are
// delivered in the order the runs recorded them ... so a clock stepped
// back between two runs cannot put a posting's later change before its
// earlier one". One transient 503 on a posting's first change (A -> B)
// is enough to break that: the pass goes on to the same posting's next
// change (B -> C), which is taken, and A -> B comes in the next pass,
// after it. The receiver ends on B while the board says C.
func TestOneTransientFailureKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	n := &flaky{}
	routes := []notify.Route{{Notifier: n}}
	o := open(t, dir)
	o.Now = func() time.Time { return t0 }
	ab := event("posting.changed", "s", "1", t0)
	ab.ID = "evt_ab"
	add(t, o, []notify.Event{ab}, routes)
	o.Now = func() time.Time { return t0.Add(time.Hour) }
	bc := event("posting.changed", "s", "1", t0.Add(time.Hour))
	bc.ID = "evt_bc"
	add(t, o, []notify.Event{bc}, routes)

	for i := range 2 {
		o.Now = func() time.Time { return t0.Add(time.Duration(2+i) * time.Hour) }
		_, _ = o.Deliver(context.Background(), routes)
	}
	if want := []string{ab.ID, bc.ID}; !slices.Equal(n.took, want) {
		t.Fatalf("receiver took %v, want %v: a posting's later change went before its earlier one", n.took, want)
	}
}
