package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A run the daemon makes records when the daemon runs the source next:
// its schedule's next time from the daemon's start, not an interval after
// the run's end (a long run would put status's NEXT RUN late; review s22b
// R11). A manual run records none.
func TestDaemonRecordsItsNextRun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		fmt.Fprint(w, `{"jobs":[{"id":1,"title":"Data Engineer","content":"x"}]}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := parseConfig(t, dir, fmt.Sprintf(`snapshots: snaps
schedule: "@every 1h"
sources:
  - {name: a, type: greenhouse, board: a, url: %q}
`, srv.URL), nil)
	store := &snapshot.Store{Dir: filepath.Join(dir, "snaps")}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := quietRunner(t, cfg, Options{})
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- r.Daemon(ctx, cfg.Sources) }()
	// the first run's record, polled (no timing is asserted)
	var rec snapshot.RunRecord
	for deadline := time.Now().Add(20 * time.Second); ; {
		var ok bool
		var err error
		if rec, ok, err = store.PeekRun("a"); err != nil {
			t.Fatal(err)
		} else if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no run record after 20 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	end := time.Now()
	// cron's @every counts from the daemon's start, in whole seconds
	lo, hi := start.Add(time.Hour-time.Second), end.Add(time.Hour)
	if rec.NextRun.Before(lo) || rec.NextRun.After(hi) {
		t.Fatalf("next run %s, want an hour after the daemon's start (%s..%s)", rec.NextRun, lo, hi)
	}

	// a manual run records no next run
	if _, err := quietRunner(t, cfg, Options{}).Run(context.Background(), cfg.Sources); err != nil {
		t.Fatal(err)
	}
	if rec, ok, err := store.PeekRun("a"); err != nil || !ok || !rec.NextRun.IsZero() {
		t.Fatalf("after a manual run: %+v, %v, %v; want no next run", rec, ok, err)
	}
}
