package notify_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

func manyEventsS17(n int) []notify.Event {
	events := make([]notify.Event, n)
	for i := range events {
		events[i] = event(notify.PostingAdded, "big", fmt.Sprint(i), t0.Add(time.Duration(i)*time.Second))
	}
	return events
}

// Review s17 F24: one run adding more than max_pending events lost the
// oldest even for a healthy notifier (Add trimmed before any delivery).
// A notifier that takes its events loses none, however many one run adds.
func TestMaxPendingNeverDropsForHealthyNotifierS17(t *testing.T) {
	var logs bytes.Buffer
	o := open(t, t.TempDir())
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	o.MaxPending = 10
	a := &fake{name: "console"}
	routes := []notify.Route{{Notifier: a}}
	events := manyEventsS17(25)
	add(t, o, events, routes)
	if left, _ := o.Pending(); len(left) != 25 {
		t.Fatalf("Add kept %d of 25 events before any delivery", len(left))
	}
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.calls(); len(got) != 25 || got[0] != events[0].ID || res.Delivered != 25 {
		t.Errorf("delivered %d (notifier saw %d), want all 25, oldest first", res.Delivered, len(got))
	}
	if res.Trimmed != 0 || res.Dropped != 0 || strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("trimmed %d dropped %d, logs:\n%s", res.Trimmed, res.Dropped, logs.String())
	}
}

// The bound applies to what a failing notifier did not take: the oldest
// beyond max_pending are dropped for it alone (the healthy one got them
// all), counted in the result, one error and one ERROR line naming the
// notifier and the count.
func TestMaxPendingTrimsOnlyTheFailingNotifierS17(t *testing.T) {
	var logs bytes.Buffer
	o := open(t, t.TempDir())
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	o.MaxPending = 10
	o.BreakAfter = 100
	good := &fake{name: "good"}
	bad := &fake{name: "bad", fail: retry.Again(errors.New("status 503"), 0)}
	routes := []notify.Route{{Notifier: good}, {Notifier: bad}}
	events := manyEventsS17(25)
	add(t, o, events, routes)
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if len(good.calls()) != 25 {
		t.Errorf("healthy notifier got %d of 25", len(good.calls()))
	}
	if res.Trimmed != 15 || res.Dropped != 15 {
		t.Errorf("trimmed %d dropped %d, want 15 (25 owed, max_pending 10)", res.Trimmed, res.Dropped)
	}
	left, _ := o.Pending()
	if len(left) != 10 || left[0].ID != events[15].ID {
		t.Errorf("%d pending, want the newest 10", len(left))
	}
	var named bool
	for _, e := range res.Errors {
		if strings.Contains(e.Error(), "15 oldest undelivered events dropped for bad") {
			named = true
		}
	}
	if !named {
		t.Errorf("no error names the notifier and count: %v", res.Errors)
	}
	if strings.Count(logs.String(), "level=ERROR") != 1 || !strings.Contains(logs.String(), "notifier=bad dropped=15 max_pending=10") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// A pass stopped before the notifier was offered its events (ctx ended)
// drops nothing, whatever the count.
func TestMaxPendingKeepsWhatWasNotTriedS17(t *testing.T) {
	o := open(t, t.TempDir())
	o.MaxPending = 5
	a := &fake{name: "a", fail: retry.Again(errors.New("down"), 0)}
	routes := []notify.Route{{Notifier: a}}
	add(t, o, manyEventsS17(12), routes)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, _ := o.Deliver(ctx, routes)
	if left, _ := o.Pending(); len(left) != 12 || res.Trimmed != 0 {
		t.Errorf("%d of 12 pending, trimmed %d after a stopped pass, want none dropped", len(left), res.Trimmed)
	}
}
