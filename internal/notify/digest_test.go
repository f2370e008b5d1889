package notify_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// digester records its digests (source: ids) and fails for the sources in
// failFor.
type digester struct {
	name    string
	mu      sync.Mutex
	failFor map[string]bool
	digests []string
	single  int // Notify calls (must stay 0: the outbox uses NotifyDigest)
}

func (d *digester) Name() string { return d.name }
func (d *digester) Notify(context.Context, notify.Event) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.single++
	return nil
}
func (d *digester) NotifyDigest(_ context.Context, source string, events []notify.Event) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	d.digests = append(d.digests, source+": "+strings.Join(ids, " "))
	if d.failFor[source] {
		return retry.Again(errors.New(`slack "d": status 503`), 0)
	}
	return nil
}
func (d *digester) take() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := d.digests
	d.digests = nil
	return out
}

var (
	_ notify.Notifier = (*digester)(nil)
	_ notify.Digester = (*digester)(nil)
)

func TestDeliverGroupsDigestsBySource(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	d, plain := &digester{name: "d"}, &fake{name: "plain"}
	routes := []notify.Route{{Notifier: d}, {Notifier: plain}}
	// added out of order: delivery order is timestamp, then id
	a3 := event(notify.PostingAdded, "a", "3", t0.Add(2*time.Minute))
	a1 := event(notify.PostingAdded, "a", "1", t0)
	b1 := event(notify.PostingRemoved, "b", "1", t0.Add(time.Minute))
	a2 := event(notify.PostingChanged, "a", "2", t0.Add(time.Minute))
	b2 := event(notify.SourceFailed, "b", "", t0.Add(3*time.Minute))
	add(t, o, []notify.Event{a3, a1, b1, a2, b2}, routes)
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a: " + a1.ID + " " + a2.ID + " " + a3.ID, "b: " + b1.ID + " " + b2.ID}
	if got := d.take(); !slices.Equal(got, want) {
		t.Errorf("digests:\n%q\nwant\n%q", got, want)
	}
	if d.single != 0 {
		t.Errorf("the digester got %d single Notify calls", d.single)
	}
	mid := []string{a2.ID, b1.ID} // same timestamp: by id
	slices.Sort(mid)
	if got, want := plain.calls(), []string{a1.ID, mid[0], mid[1], a3.ID, b2.ID}; !slices.Equal(got, want) {
		t.Errorf("per-event notifier got %v, want %v", got, want)
	}
	if res.Delivered != 10 || res.Failed != 0 || len(res.Changed) != 5 {
		t.Errorf("result %+v", res)
	}
	if left := files(t, dir); len(left) != 0 {
		t.Errorf("outbox not empty: %v", left)
	}
}

func TestDeliverDigestFailureKeepsTheGroup(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	d := &digester{name: "d", failFor: map[string]bool{"a": true}}
	plain := &fake{name: "plain"}
	routes := []notify.Route{{Notifier: d}, {Notifier: plain}}
	a1 := event(notify.PostingAdded, "a", "1", t0)
	a2 := event(notify.PostingAdded, "a", "2", t0)
	b1 := event(notify.PostingAdded, "b", "1", t0)
	add(t, o, []notify.Event{a1, a2, b1}, routes)
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Delivered != 4 || res.Failed != 2 || len(res.Errors) != 1 {
		t.Fatalf("result %+v", res)
	}
	if msg := res.Errors[0].Error(); !strings.Contains(msg, `2 events of source "a"`) || !strings.Contains(msg, a1.ID) || !strings.Contains(msg, "status 503") {
		t.Errorf("error %q", msg)
	}
	for _, e := range []notify.Event{a1, a2} {
		s := readStored(t, filepath.Join(dir, e.ID+".json"))
		if !slices.Equal(s.Owed, []string{"d"}) || s.Attempts != 1 || !strings.Contains(s.LastError, "status 503") {
			t.Errorf("%s stored %+v", e.ID, s)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, b1.ID+".json")); !os.IsNotExist(err) {
		t.Error("the delivered group's file is still there")
	}
	d.take()

	// A later run adds two more events of a; the receiver is back: the
	// kept group and the new events go out in one digest, in the order
	// recorded: the earlier run's first, then the later run's by their
	// timestamps (a0's is older than a1's: a clock stepped back).
	a0 := event(notify.PostingRemoved, "a", "0", t0.Add(-time.Hour))
	a9 := event(notify.PostingRemoved, "a", "9", t0.Add(time.Hour))
	add(t, o, []notify.Event{a9, a0}, []notify.Route{{Notifier: d}})
	d.mu.Lock()
	d.failFor = nil
	d.mu.Unlock()
	if _, err := o.Deliver(context.Background(), routes); err != nil {
		t.Fatal(err)
	}
	if got, want := d.take(), []string{"a: " + a1.ID + " " + a2.ID + " " + a0.ID + " " + a9.ID}; !slices.Equal(got, want) {
		t.Errorf("digests %q, want %q", got, want)
	}
	if left := files(t, dir); len(left) != 0 {
		t.Errorf("outbox not empty: %v", left)
	}
}

func TestDeliverDigestStopsWithContext(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	d := &digester{name: "d"}
	routes := []notify.Route{{Notifier: d}}
	e := event(notify.PostingAdded, "a", "1", t0)
	add(t, o, []notify.Event{e}, routes)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := o.Deliver(ctx, routes); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if got := d.take(); len(got) != 0 {
		t.Errorf("digests sent after cancel: %q", got)
	}
	if s := readStored(t, filepath.Join(dir, e.ID+".json")); s.Attempts != 0 || !slices.Equal(s.Owed, []string{"d"}) {
		t.Errorf("stored %+v", s)
	}
}

func posting(id, title string, levels []string, skills ...string) *model.Posting {
	return &model.Posting{ID: id, Source: "a", Title: title, Role: "Machine Learning Engineer", Levels: levels,
		Skills: model.Skills{Required: skills}}
}

func TestRouteFilter(t *testing.T) {
	ml, err := filter.Filter{Levels: []string{"L5+"}, SkillsAll: []string{"PyTorch"}}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(typ, id string, p *model.Posting) notify.Event {
		e := event(typ, "a", id, t0)
		e.Data.Posting = p
		return e
	}
	senior := mk(notify.PostingAdded, "1", posting("1", "ML Engineer (L6)", []string{"L6"}, "Python", "PyTorch"))
	junior := mk(notify.PostingAdded, "2", posting("2", "ML Engineer (L4)", []string{"L4"}, "PyTorch"))
	noTorch := mk(notify.PostingAdded, "3", posting("3", "ML Engineer (L5)", []string{"L5"}, "TensorFlow"))
	failed := event(notify.SourceFailed, "a", "", t0)

	tests := []struct {
		route notify.Route
		e     notify.Event
		want  bool
	}{
		{notify.Route{Filter: ml}, senior, true},
		{notify.Route{Filter: ml}, junior, false},
		{notify.Route{Filter: ml}, noTorch, false},
		{notify.Route{Filter: ml}, failed, true}, // source.* events pass content filters
		{notify.Route{Filter: ml, Events: []string{notify.PostingRemoved}}, senior, false},
		{notify.Route{Filter: ml, Sources: []string{"b"}}, senior, false},
		{notify.Route{}, junior, true}, // nil filter: all
	}
	for i, tt := range tests {
		if got := tt.route.Match(tt.e); got != tt.want {
			t.Errorf("%d: Match(%s) = %v, want %v", i, tt.e.Type+" "+tt.e.ID, got, tt.want)
		}
	}

	// The outbox never stores an event no route's filter takes, and owes a
	// stored event only to the notifiers whose filter takes it.
	dir := t.TempDir()
	o := open(t, dir)
	mlN, all := &fake{name: "ml"}, &fake{name: "all"}
	routes := []notify.Route{{Notifier: mlN, Filter: ml}, {Notifier: all, Events: []string{notify.SourceFailed}}}
	written, err := o.Add([]notify.Event{senior, junior, noTorch, failed}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 2 {
		t.Fatalf("written %v, want the senior posting and the failure", written)
	}
	if s := readStored(t, filepath.Join(dir, senior.ID+".json")); !slices.Equal(s.Owed, []string{"ml"}) {
		t.Errorf("senior owed to %v", s.Owed)
	}
	if s := readStored(t, filepath.Join(dir, failed.ID+".json")); !slices.Equal(s.Owed, []string{"ml", "all"}) {
		t.Errorf("failure owed to %v", s.Owed)
	}
}
