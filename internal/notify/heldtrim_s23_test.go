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

// poisonS23b answers 503 to one event while sick and takes every other.
type poisonS23b struct {
	mu   sync.Mutex
	bad  string
	sick bool
	took []string
}

func (p *poisonS23b) Name() string { return "hooks" }
func (p *poisonS23b) Notify(_ context.Context, e notify.Event) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sick && e.ID == p.bad {
		return retry.Again(errors.New(`webhook "hooks": status 503`), 0)
	}
	p.took = append(p.took, e.ID)
	return nil
}

// Review s23b: since 8019197 a posting's events behind a failed one are
// held (never offered) but marked missed, so trim takes them for events
// the notifier "failed to take": with max_pending 2, one 503 on a
// posting's first change drops that posting's next change too, which the
// notifier was never offered, although it took every other event. The
// receiver, healthy on the next pass, gets C and D but never B.
func TestHeldEventsAreNotTrimmed(t *testing.T) {
	o := open(t, t.TempDir())
	o.MaxPending = 2
	n := &poisonS23b{bad: "evt_a", sick: true}
	routes := []notify.Route{{Notifier: n}}
	var ids []string
	for i, id := range []string{"evt_a", "evt_b", "evt_c", "evt_d"} {
		at := t0.Add(time.Duration(i) * time.Hour)
		o.Now = func() time.Time { return at }
		e := event("posting.changed", "s", "1", at)
		e.ID = id
		ids = append(ids, id)
		add(t, o, []notify.Event{e}, routes)
	}
	o.Now = func() time.Time { return t0.Add(5 * time.Hour) }
	_, _ = o.Deliver(context.Background(), routes)
	n.sick = false
	o.Now = func() time.Time { return t0.Add(6 * time.Hour) }
	_, _ = o.Deliver(context.Background(), routes)
	if !slices.Contains(n.took, "evt_b") {
		t.Fatalf("receiver took %v of %v: evt_b, held behind evt_a's 503 and never offered, was trimmed as if the notifier had failed it", n.took, ids)
	}
}
