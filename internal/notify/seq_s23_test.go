package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// A posting's A -> B recorded by one run at 10:00:05, its return B -> A by
// the next run after the clock was stepped back 10 s (NTP), both pending
// (the notifier was down): the outbox delivers them in the order they were
// recorded, not by their timestamps, so the receiver ends where the
// platform is. Each run opens the outbox anew, as a new process does; a
// failed delivery, which rewrites the files, keeps the order.
func TestClockSteppedBackKeepsRecordOrder(t *testing.T) {
	dir := t.TempDir()
	down := &fake{name: "a", fail: retry.Again(errors.New("status 503"), 0)}
	routes := []notify.Route{{Notifier: down}}

	clock := t0.Add(5 * time.Second)
	first := event("posting.changed", "s", "1", clock)
	first.ID = "evt_zzzz_a_to_b"
	run1 := open(t, dir)
	run1.Now = func() time.Time { return clock }
	add(t, run1, []notify.Event{first}, routes)
	if _, err := run1.Deliver(context.Background(), routes); err != nil {
		t.Logf("delivery down, as meant: %v", err)
	}

	clock = t0.Add(-5 * time.Second) // stepped back
	second := event("posting.changed", "s", "1", clock)
	second.ID = "evt_aaaa_b_to_a"
	run2 := open(t, dir)
	run2.Now = func() time.Time { return clock }
	add(t, run2, []notify.Event{second}, routes)

	want := []string{first.ID, second.ID}
	pending, err := run2.Pending()
	if err != nil {
		t.Fatal(err)
	}
	if got := eventIDs(pending); !slices.Equal(got, want) {
		t.Fatalf("pending %v, want %v (the order recorded)", got, want)
	}
	up := &fake{name: "a"}
	run3 := open(t, dir)
	run3.Now = func() time.Time { return t0.Add(time.Hour) }
	if res, err := run3.Deliver(context.Background(), []notify.Route{{Notifier: up}}); err != nil || res.Delivered != 2 {
		t.Fatalf("delivered %d of 2: %v", res.Delivered, err)
	}
	if got := up.calls(); !slices.Equal(got, want) {
		t.Fatalf("delivered %v, want %v (the order recorded)", got, want)
	}
}

// A folder where an entry has no seq (an older release wrote it, before
// or after entries with one: a downgrade, an older daemon beside a newer
// run) is ordered by the clock alone, as that release did; the next entry
// added still counts on from the highest seq in the folder.
func TestFolderWithEntriesWithoutSeqFollowsTheClock(t *testing.T) {
	dir := t.TempDir()
	a := &fake{name: "a"}
	routes := []notify.Route{{Notifier: a}}
	o := open(t, dir)
	o.Now = func() time.Time { return t0 }
	late := event("posting.changed", "s", "1", t0.Add(time.Hour))
	late.ID = "evt_late"
	early := event("posting.changed", "s", "2", t0)
	early.ID = "evt_early"
	add(t, o, []notify.Event{late}, routes)
	add(t, o, []notify.Event{early}, routes)
	stripSeq(t, filepath.Join(dir, early.ID+".json"))
	setSeq(t, filepath.Join(dir, late.ID+".json"), 41)

	o = open(t, dir)
	o.Now = func() time.Time { return t0 }
	last := event("posting.changed", "s", "3", t0.Add(2*time.Hour))
	last.ID = "evt_aaa_last"
	add(t, o, []notify.Event{last}, routes)
	if got := readSeq(t, filepath.Join(dir, last.ID+".json")); got != 42 {
		t.Errorf("new entry's seq %d, want 42 (one more than the folder's highest)", got)
	}
	if _, err := o.Deliver(context.Background(), routes); err != nil {
		t.Fatal(err)
	}
	if got, want := a.calls(), []string{early.ID, late.ID, last.ID}; !slices.Equal(got, want) {
		t.Fatalf("delivered %v, want %v (by the clock)", got, want)
	}
}

func rawEntry(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func writeEntry(t *testing.T, path string, m map[string]any) {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func stripSeq(t *testing.T, path string) {
	m := rawEntry(t, path)
	if _, ok := m["seq"]; !ok {
		t.Fatalf("%s has no seq", path)
	}
	delete(m, "seq")
	writeEntry(t, path, m)
}

func setSeq(t *testing.T, path string, n int) {
	m := rawEntry(t, path)
	m["seq"] = n
	writeEntry(t, path, m)
}

func readSeq(t *testing.T, path string) int {
	n, _ := rawEntry(t, path)["seq"].(float64)
	return int(n)
}

// The daemon keeps one outbox for its life; a manual run in another
// process adds entries between two of its runs: the daemon's next entry
// still counts on from the manual run's, not from its own last one.
func TestSeqCountsOnFromAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	routes := []notify.Route{{Notifier: &fake{name: "a"}}}
	daemon, manual := open(t, dir), open(t, dir)
	ids := []string{"evt_daemon1", "evt_manual", "evt_daemon2"}
	for i, o := range []*notify.Outbox{daemon, manual, daemon} {
		e := event("posting.changed", "s", "1", t0)
		e.ID = ids[i]
		add(t, o, []notify.Event{e}, routes)
		if got := readSeq(t, filepath.Join(dir, e.ID+".json")); got != i+1 {
			t.Fatalf("%s has seq %d, want %d", e.ID, got, i+1)
		}
	}
}
