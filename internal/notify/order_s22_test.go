package notify_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// Two events of one posting made within one second (A -> B by one run,
// back to A by the next, as two runs stopped in a row make them) carry the
// same whole-second timestamp: the outbox lists and delivers them in the
// order they were recorded, not by their ids (the recovery finishes the
// last of them; a receiver keeps the last it got).
func TestEventsOfOneSecondKeepTheirOrder(t *testing.T) {
	for _, ids := range [][2]string{{"evt_zzzz", "evt_aaaa"}, {"evt_aaaa", "evt_zzzz"}} {
		dir := t.TempDir()
		o := open(t, dir)
		clock := t0.Add(300 * time.Millisecond)
		o.Now = func() time.Time { return clock }
		a := &fake{name: "a"}
		routes := []notify.Route{{Notifier: a}}
		first, second := event("posting.changed", "s", "1", t0), event("posting.changed", "s", "1", t0)
		first.ID, second.ID = ids[0], ids[1]
		add(t, o, []notify.Event{first}, routes)
		clock = clock.Add(time.Millisecond)
		add(t, o, []notify.Event{second}, routes)

		got, err := o.RecordedSince(t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != ids[0] || got[1].ID != ids[1] {
			t.Fatalf("RecordedSince lists %v, want %v in that order", eventIDs(got), ids)
		}
		if _, err := o.Deliver(context.Background(), routes); err != nil {
			t.Fatal(err)
		}
		if calls := a.calls(); !slices.Equal(calls, ids[:]) {
			t.Fatalf("delivered %v, want %v in that order", calls, ids)
		}
	}
}

func eventIDs(evs []notify.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}
