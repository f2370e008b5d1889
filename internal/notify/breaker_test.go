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

// clock is a settable time for the outbox.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func fill(t *testing.T, o *notify.Outbox, routes []notify.Route, n int) []notify.Event {
	t.Helper()
	events := make([]notify.Event, n)
	for i := range events {
		events[i] = event(notify.PostingAdded, "x", fmt.Sprint(i), t0.Add(time.Duration(i)*time.Second))
	}
	add(t, o, events, routes)
	return events
}

// A notifier that keeps failing is tried BreakAfter times, then paused:
// the other events are held without an attempt, one log line says so, and
// after the pause one probe is made; a success closes the circuit.
func TestBreakerPausesAFailingNotifier(t *testing.T) {
	dir := t.TempDir()
	var logs bytes.Buffer
	clk := &clock{t0.Add(time.Minute)}
	o := open(t, dir)
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	o.Now = clk.now
	o.BreakAfter = 3
	down := &fake{name: "down", fail: retry.Again(errors.New(`webhook "down": connection refused`), 0)}
	routes := []notify.Route{{Notifier: down}}
	fill(t, o, routes, 100)

	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(down.calls()); n != 3 {
		t.Errorf("%d attempts on a dead notifier, want 3 (break_after)", n)
	}
	if res.Failed != 3 || res.Held != 97 || res.Delivered != 0 || res.Dropped != 0 {
		t.Errorf("result %+v", res)
	}
	if lines := strings.Count(logs.String(), "\n"); lines > 2 {
		t.Errorf("%d log lines for one dead notifier, want at most 2 (circuit open, summary):\n%s", lines, logs.String())
	}
	if !strings.Contains(logs.String(), "circuit open") {
		t.Errorf("no line says the circuit opened:\n%s", logs.String())
	}

	// still paused: no attempt at all, and nothing logged
	logs.Reset()
	res, _ = o.Deliver(context.Background(), routes)
	if n := len(down.calls()); n != 3 || res.Held != 100 {
		t.Errorf("paused notifier: %d attempts in all, result %+v", n, res)
	}
	if logs.Len() != 0 {
		t.Errorf("a paused notifier logged:\n%s", logs.String())
	}

	// the pause ends: one probe, which fails, and a longer pause
	clk.t = clk.t.Add(31 * time.Second)
	res, _ = o.Deliver(context.Background(), routes)
	if n := len(down.calls()); n != 4 || res.Failed != 1 || res.Held != 99 {
		t.Errorf("probe: %d attempts in all, result %+v", n, res)
	}
	clk.t = clk.t.Add(31 * time.Second)
	if res, _ = o.Deliver(context.Background(), routes); res.Held != 100 {
		t.Errorf("the second pause should be longer (60s): %+v", res)
	}

	// back up: the next probe succeeds, the circuit closes, all go out
	down.setFail(nil)
	logs.Reset()
	clk.t = clk.t.Add(time.Minute)
	res, _ = o.Deliver(context.Background(), routes)
	if res.Delivered != 100 || res.Held != 0 {
		t.Errorf("after recovery: %+v", res)
	}
	if !strings.Contains(logs.String(), "circuit closed") {
		t.Errorf("no line says the circuit closed:\n%s", logs.String())
	}
}

// A receiver that asks for a wait (Retry-After) is left alone until then:
// one attempt, no waiting inside the pass.
func TestRetryAfterPausesWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	clk := &clock{t0.Add(time.Minute)}
	o := open(t, dir)
	o.Now = clk.now
	busy := &fake{name: "busy", fail: retry.Again(errors.New(`webhook "busy": status 429`), time.Hour)}
	routes := []notify.Route{{Notifier: busy}}
	fill(t, o, routes, 20)
	start := time.Now()
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(busy.calls()); n != 1 || res.Failed != 1 || res.Held != 19 {
		t.Errorf("%d attempts, result %+v; want one attempt and the rest held", n, res)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the pass waited %v for a Retry-After of an hour", d)
	}
	clk.t = clk.t.Add(59 * time.Minute)
	if res, _ = o.Deliver(context.Background(), routes); res.Held != 20 || len(busy.calls()) != 1 {
		t.Errorf("tried again before the asked hour: %+v", res)
	}
	busy.setFail(nil)
	clk.t = clk.t.Add(2 * time.Minute)
	if res, _ = o.Deliver(context.Background(), routes); res.Delivered != 20 {
		t.Errorf("after the hour: %+v", res)
	}
}

// A permanent answer (410 Gone, other 4xx) stops retries of that event on
// that notifier at once and is reported; the other notifiers still get it.
func TestPermanentFailureDropsTheEventForThatNotifier(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	gone := &fake{name: "gone", fail: errors.New(`webhook "gone": status 410`)}
	ok := &fake{name: "ok"}
	routes := []notify.Route{{Notifier: gone}, {Notifier: ok}}
	events := fill(t, o, routes, 2)
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Dropped != 2 || res.Delivered != 2 || len(res.Errors) != 2 || !strings.Contains(res.Errors[0].Error(), "permanent") || !strings.Contains(res.Errors[0].Error(), events[0].ID) {
		t.Errorf("result %+v", res)
	}
	if left, _ := o.Pending(); len(left) != 0 {
		t.Errorf("%d events left after a permanent failure", len(left))
	}
	if res, _ := o.Deliver(context.Background(), routes); len(gone.calls()) != 2 || res.Failed+res.Dropped != 0 {
		t.Errorf("tried a dropped event again: %d calls, %+v", len(gone.calls()), res)
	}
}

// An attempt that gets no answer within the budget is cancelled, and the
// notifier's other events wait for the next pass: a hanging receiver costs
// a pass one budget, not one timeout per event.
func TestBudgetBoundsAHangingNotifier(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	o.Budget = 100 * time.Millisecond
	hang := &fake{name: "hang"}
	hang.hook = func(notify.Event) {}
	routes := []notify.Route{{Notifier: hanging{hang}}, {Notifier: &fake{name: "ok"}}}
	fill(t, o, routes, 50)
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(hang.calls()); n != 1 {
		t.Errorf("%d attempts on a hanging notifier in one pass, want 1", n)
	}
	if res.Delivered != 50 || res.Failed != 1 || res.Held != 49 {
		t.Errorf("result %+v: the healthy notifier must get all 50", res)
	}
	if !strings.Contains(res.Errors[0].Error(), "delivery budget") {
		t.Errorf("error %v does not name the budget", res.Errors[0])
	}
}

// hanging answers only when its context ends.
type hanging struct{ *fake }

func (h hanging) Notify(ctx context.Context, e notify.Event) error {
	h.fake.mu.Lock()
	h.fake.got = append(h.fake.got, e.ID)
	h.fake.mu.Unlock()
	<-ctx.Done()
	return retry.Again(fmt.Errorf("webhook %q: %w", h.name, ctx.Err()), 0)
}

// The outbox keeps at most max_pending events per failing notifier: after
// a pass it failed, the oldest are dropped for that notifier (deleted when
// nobody else is owed them), with one log line. Add drops none (review s17
// F24: see maxpending_s17_test.go).
func TestOutboxIsBoundedPerNotifier(t *testing.T) {
	dir := t.TempDir()
	var logs bytes.Buffer
	o := open(t, dir)
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	o.MaxPending = 3
	a := &fake{name: "a", fail: retry.Again(errors.New("down"), 0)}
	routes := []notify.Route{{Notifier: a}}
	events := fill(t, o, routes, 5)
	if left, _ := o.Pending(); len(left) != 5 {
		t.Fatalf("Add kept %d events, want all 5 (nothing tried yet)", len(left))
	}
	if _, err := o.Deliver(context.Background(), routes); err != nil {
		t.Fatal(err)
	}
	left, err := o.Pending()
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 3 || left[0].ID != events[2].ID || left[2].ID != events[4].ID {
		ids := []string{}
		for _, e := range left {
			ids = append(ids, e.ID)
		}
		t.Errorf("kept %v, want the newest 3", ids)
	}
	if strings.Count(logs.String(), "oldest events dropped") != 1 || !strings.Contains(logs.String(), "dropped=2") {
		t.Errorf("logs:\n%s", logs.String())
	}
}
