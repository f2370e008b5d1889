package notify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// fake is a notifier that records the ids it was given and fails while
// fail is set.
type fake struct {
	name string
	mu   sync.Mutex
	fail error
	got  []string
	hook func(notify.Event)
}

func (f *fake) Name() string { return f.name }
func (f *fake) Notify(ctx context.Context, e notify.Event) error {
	if f.hook != nil {
		f.hook(e)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, e.ID)
	if f.fail != nil {
		return f.fail
	}
	return ctx.Err()
}
func (f *fake) setFail(err error) { f.mu.Lock(); f.fail = err; f.mu.Unlock() }
func (f *fake) calls() []string   { f.mu.Lock(); defer f.mu.Unlock(); return slices.Clone(f.got) }

var t0 = time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)

func event(typ, src, posting string, at time.Time) notify.Event {
	e := notify.Event{
		ID:        notify.EventID(typ, src, posting),
		Type:      typ,
		Timestamp: at,
		Data:      notify.Data{Source: src},
	}
	if strings.HasPrefix(typ, "posting.") {
		e.Data.Posting = &model.Posting{ID: posting, Source: src, Title: "Job " + posting}
	} else {
		e.Data.Error = "status 503"
	}
	return e
}

func open(t *testing.T, dir string) *notify.Outbox {
	t.Helper()
	o, err := notify.OpenOutbox(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	o.Logger = quiet()
	return o
}

// add adds events for routes to o; an error fails the test.
func add(t *testing.T, o *notify.Outbox, events []notify.Event, routes []notify.Route) {
	t.Helper()
	if _, err := o.Add(events, routes); err != nil {
		t.Fatal(err)
	}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

type stored struct {
	ID        string          `json:"id"`
	Event     json.RawMessage `json:"event"`
	Owed      []string        `json:"owed"`
	Attempts  int             `json:"attempts"`
	LastError string          `json:"last_error"`
	First     *time.Time      `json:"first_attempt"`
	Last      *time.Time      `json:"last_attempt"`
}

func readStored(t *testing.T, path string) stored {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s stored
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

func TestAddIdempotent(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	a, b := &fake{name: "a"}, &fake{name: "b"}
	routes := []notify.Route{
		{Notifier: a},
		{Notifier: b, Events: []string{notify.PostingAdded}},
		{Notifier: a, Sources: []string{"x"}}, // same notifier twice: owed once
	}
	e1 := event(notify.PostingAdded, "x", "1", t0)
	e2 := event(notify.PostingRemoved, "x", "2", t0)
	written, err := o.Add([]notify.Event{e1, e2}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 2 {
		t.Fatalf("written = %v", written)
	}
	p1 := filepath.Join(dir, e1.ID+".json")
	if written[0] != p1 {
		t.Errorf("written[0] = %s, want %s", written[0], p1)
	}
	if s := readStored(t, p1); !slices.Equal(s.Owed, []string{"a", "b"}) || s.ID != e1.ID || s.Attempts != 0 {
		t.Errorf("stored %+v", s)
	}
	if s := readStored(t, filepath.Join(dir, e2.ID+".json")); !slices.Equal(s.Owed, []string{"a"}) {
		t.Errorf("removed event owed to %v, want [a]", s.Owed)
	}
	before, _ := os.ReadFile(p1)

	// Same ids again (even with other content, from a fresh process): nothing written.
	e1b := e1
	e1b.Data.Error = "other"
	written, err = open(t, dir).Add([]notify.Event{e1b, e2}, routes)
	if err != nil || len(written) != 0 {
		t.Fatalf("second Add: written %v, err %v", written, err)
	}
	after, _ := os.ReadFile(p1)
	if !bytes.Equal(before, after) {
		t.Error("existing file rewritten")
	}

	// No matching route: not stored. Bad id: reported, others stored.
	none := event(notify.SourceFailed, "y", "", t0)
	bad := event(notify.PostingAdded, "x", "3", t0)
	bad.ID = "../escape"
	good := event(notify.PostingAdded, "x", "4", t0)
	written, err = o.Add([]notify.Event{none, bad, good}, routes[1:])
	if err == nil || !strings.Contains(err.Error(), "../escape") {
		t.Errorf("bad id: err = %v", err)
	}
	if len(written) != 1 || filepath.Base(written[0]) != good.ID+".json" {
		t.Errorf("written = %v", written)
	}
	if len(files(t, dir)) != 3 {
		t.Errorf("files = %v", files(t, dir))
	}
}

func TestDeliverRemovesDelivered(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	a, b := &fake{name: "a"}, &fake{name: "b"}
	routes := []notify.Route{{Notifier: a}, {Notifier: b}}
	later := event(notify.PostingAdded, "x", "1", t0.Add(time.Minute))
	early := event(notify.PostingRemoved, "x", "2", t0)
	add(t, o, []notify.Event{later, early}, routes)
	pend, err := o.Pending()
	if err != nil || len(pend) != 2 || pend[0].ID != early.ID || pend[1].ID != later.ID {
		t.Fatalf("Pending = %v, %v", pend, err)
	}
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Delivered != 4 || res.Failed != 0 || len(res.Errors) != 0 || len(res.Changed) != 2 {
		t.Errorf("result %+v", res)
	}
	if want := []string{early.ID, later.ID}; !slices.Equal(a.calls(), want) || !slices.Equal(b.calls(), want) {
		t.Errorf("order: a %v, b %v, want %v", a.calls(), b.calls(), want)
	}
	if f := files(t, dir); len(f) != 0 {
		t.Errorf("files left: %v", f)
	}
	res, err = o.Deliver(context.Background(), routes)
	if err != nil || res.Delivered+res.Failed+len(res.Changed) != 0 {
		t.Errorf("empty outbox: %+v, %v", res, err)
	}
}

func TestDeliverFailingNotifierKeepsEntry(t *testing.T) {
	dir := t.TempDir()
	a, b := &fake{name: "a"}, &fake{name: "b", fail: retry.Again(errors.New(`webhook "b": status 503`), 0)}
	routes := []notify.Route{{Notifier: a}, {Notifier: b}}
	e := event(notify.PostingChanged, "x", "1", t0)
	o := open(t, dir)
	add(t, o, []notify.Event{e}, routes)
	res, err := open(t, dir).Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Delivered != 1 || res.Failed != 1 || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "status 503") || !strings.Contains(res.Errors[0].Error(), e.ID) {
		t.Errorf("result %+v", res)
	}
	path := filepath.Join(dir, e.ID+".json")
	s := readStored(t, path)
	if !slices.Equal(s.Owed, []string{"b"}) || s.Attempts != 1 || s.LastError != `webhook "b": status 503` || s.First == nil || s.Last == nil {
		t.Errorf("stored %+v", s)
	}
	if !slices.Equal(res.Changed, []string{path}) {
		t.Errorf("Changed = %v", res.Changed)
	}

	// b comes back: only b is tried, and the file goes away.
	b.setFail(nil)
	res, err = open(t, dir).Deliver(context.Background(), routes)
	if err != nil || res.Delivered != 1 || res.Failed != 0 {
		t.Errorf("second Deliver: %+v, %v", res, err)
	}
	if len(a.calls()) != 1 || len(b.calls()) != 2 {
		t.Errorf("calls: a %v, b %v", a.calls(), b.calls())
	}
	if f := files(t, dir); len(f) != 0 {
		t.Errorf("files left: %v", f)
	}
}

func TestDeliverDropsUnconfiguredNotifier(t *testing.T) {
	dir := t.TempDir()
	a, gone := &fake{name: "a"}, &fake{name: "gone"}
	o := open(t, dir)
	e := event(notify.PostingAdded, "x", "1", t0)
	add(t, o, []notify.Event{e}, []notify.Route{{Notifier: a}, {Notifier: gone}})
	res, err := o.Deliver(context.Background(), []notify.Route{{Notifier: a}})
	if err != nil || res.Delivered != 1 || len(res.Changed) != 1 {
		t.Errorf("%+v, %v", res, err)
	}
	if f := files(t, dir); len(f) != 0 {
		t.Errorf("files left: %v", f)
	}
}

// TestDeliverAcrossRestarts: a receiver that fails its first requests, and
// a fresh outbox (a new process) for each delivery pass. Every event ends up
// delivered, with the same webhook-id and body on every try.
func TestDeliverAcrossRestarts(t *testing.T) {
	const failFirst = 7
	var mu sync.Mutex
	n := 0
	seen := map[string][][]byte{} // webhook-id -> bodies
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		n++
		fail := n <= failFirst
		id := r.Header.Get("webhook-id")
		seen[id] = append(seen[id], body)
		mu.Unlock()
		if fail {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	dir := t.TempDir()
	mkRoutes := func() []notify.Route {
		hook, err := webhook.New(webhook.Options{
			Name: "hooks", URL: srv.URL, Secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
			Client: srv.Client(), Logger: quiet(),
			Retry: retry.Policy{Attempts: 2, Base: time.Millisecond, Max: time.Millisecond},
		})
		if err != nil {
			t.Fatal(err)
		}
		return []notify.Route{{Notifier: hook}}
	}

	var events []notify.Event
	for i := range 5 {
		events = append(events, event(notify.PostingAdded, "x", fmt.Sprint(i), t0.Add(time.Duration(i)*time.Second)))
	}
	events[2].Data.Changes = []model.Change{{Field: "salary.max", Old: 1.5e5, New: 720000}, {Field: "title", Old: "a", New: "b"}}
	if _, err := open(t, dir).Add(events, mkRoutes()); err != nil {
		t.Fatal(err)
	}
	passes := 0
	for ; passes < 20; passes++ {
		o := open(t, dir) // a restart: nothing kept in memory
		pend, err := o.Pending()
		if err != nil {
			t.Fatal(err)
		}
		if len(pend) == 0 {
			break
		}
		if _, err := o.Deliver(context.Background(), mkRoutes()); err != nil {
			t.Fatal(err)
		}
	}
	if passes < 2 {
		t.Errorf("done after %d passes; the receiver failures were not exercised", passes)
	}
	if f := files(t, dir); len(f) != 0 {
		t.Fatalf("files left after %d passes: %v", passes, f)
	}
	mu.Lock()
	defer mu.Unlock()
	if n <= failFirst {
		t.Fatalf("only %d requests", n)
	}
	var ids []string
	for id := range seen {
		ids = append(ids, id)
	}
	var want []string
	redelivered := 0
	for _, e := range events {
		want = append(want, e.ID)
		bodies := seen[e.ID]
		if len(bodies) > 1 {
			redelivered++
		}
		first, _ := notify.Body(e)
		for i, b := range bodies {
			if !bytes.Equal(b, first) {
				t.Errorf("event %s try %d: body\n%s\nwant\n%s", e.ID, i, b, first)
			}
		}
	}
	sort.Strings(ids)
	sort.Strings(want)
	if !slices.Equal(ids, want) {
		t.Errorf("receiver saw ids %v, want %v", ids, want)
	}
	if redelivered == 0 {
		t.Error("no event was re-delivered")
	}
}

func TestDeliverExpires(t *testing.T) {
	dir := t.TempDir()
	clock := t0
	o, err := notify.OpenOutbox(dir, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	o.Logger = quiet()
	o.Now = func() time.Time { return clock }
	down := &fake{name: "down", fail: retry.Again(errors.New(`webhook "down": status 502`), 0)}
	routes := []notify.Route{{Notifier: down}}
	old := event(notify.PostingAdded, "x", "old", t0)
	add(t, o, []notify.Event{old}, routes)
	if res, _ := o.Deliver(context.Background(), routes); res.Failed != 1 {
		t.Fatalf("first pass %+v", res)
	}
	clock = t0.Add(25 * time.Hour)
	fresh := event(notify.PostingAdded, "x", "fresh", clock)
	add(t, o, []notify.Event{fresh}, routes)
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Expired != 1 || res.Failed != 1 {
		t.Errorf("result %+v", res)
	}
	var expiredErr error
	for _, e := range res.Errors {
		if strings.Contains(e.Error(), "expired") {
			expiredErr = e
		}
	}
	if expiredErr == nil || !strings.Contains(expiredErr.Error(), old.ID) || !strings.Contains(expiredErr.Error(), "down") || !strings.Contains(expiredErr.Error(), "status 502") {
		t.Errorf("expiry not reported: %v", res.Errors)
	}
	if !slices.Contains(res.Changed, filepath.Join(dir, old.ID+".json")) {
		t.Errorf("Changed = %v", res.Changed)
	}
	if got := down.calls(); slices.Equal(got, []string{old.ID, fresh.ID}) == false {
		t.Errorf("calls %v: the expired event must not be tried again", got)
	}
	if f := files(t, dir); !slices.Equal(f, []string{fresh.ID + ".json"}) {
		t.Errorf("files = %v", f)
	}
}

func TestDeliverCorruptFile(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	a := &fake{name: "a"}
	routes := []notify.Route{{Notifier: a}}
	e := event(notify.PostingAdded, "x", "1", t0)
	add(t, o, []notify.Event{e}, routes)
	bad := filepath.Join(dir, "evt_broken.json")
	if err := os.WriteFile(bad, []byte(`{"id": "evt_broken", "event": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Pending(); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("Pending error = %v, want one naming %s", err, bad)
	}
	res, err := o.Deliver(context.Background(), routes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Delivered != 1 || !slices.Equal(a.calls(), []string{e.ID}) {
		t.Errorf("the good event was not delivered: %+v", res)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), bad) {
		t.Errorf("errors %v should name %s", res.Errors, bad)
	}
	if !slices.Contains(res.Changed, bad) || !slices.Contains(res.Changed, bad+".corrupt") {
		t.Errorf("Changed = %v", res.Changed)
	}
	if f := files(t, dir); !slices.Equal(f, []string{"evt_broken.json.corrupt"}) {
		t.Errorf("files = %v", f)
	}
	if pend, err := o.Pending(); err != nil || len(pend) != 0 {
		t.Errorf("Pending after = %v, %v", pend, err)
	}
}

func TestDeliverStopsWhenContextEnds(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := &fake{name: "a"}
	a.hook = func(notify.Event) { cancel() } // the process is told to stop during the first delivery
	routes := []notify.Route{{Notifier: a}}
	e1 := event(notify.PostingAdded, "x", "1", t0)
	e2 := event(notify.PostingAdded, "x", "2", t0.Add(time.Second))
	add(t, o, []notify.Event{e1, e2}, routes)
	_, err := o.Deliver(ctx, routes)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if got := a.calls(); !slices.Equal(got, []string{e1.ID}) {
		t.Errorf("calls %v: nothing should be tried after the context ended", got)
	}
	pend, _ := o.Pending()
	if len(pend) != 2 {
		t.Errorf("pending %d, want 2 (the interrupted and the untried event stay)", len(pend))
	}
}

func TestPendingRoundTrip(t *testing.T) {
	dir := t.TempDir()
	o := open(t, dir)
	years := 5
	e := event(notify.PostingChanged, "x", "1", t0)
	e.Data.Posting.MinYearsExperience = &years
	e.Data.Posting.Salary = []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}}
	e.Data.Previous = &model.Posting{ID: "1", Title: "<old> & title"}
	e.Data.Changes = []model.Change{
		{Field: "skills.required", New: "PyTorch"},
		{Field: "min_years_experience", Old: 3, New: 9007199254740993},
	}
	add(t, o, []notify.Event{e}, []notify.Route{{Notifier: &fake{name: "a"}}})
	pend, err := open(t, dir).Pending()
	if err != nil || len(pend) != 1 {
		t.Fatal(pend, err)
	}
	want, _ := notify.Body(e)
	got, _ := notify.Body(pend[0])
	if !bytes.Equal(got, want) {
		t.Errorf("body after the outbox:\n%s\nwant\n%s", got, want)
	}
	if pend[0].ID != e.ID {
		t.Errorf("id %q", pend[0].ID)
	}
}
