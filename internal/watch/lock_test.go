package watch

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// While a daemon's run holds the snapshot folder, another process's run is
// refused (no wait) or waits until the daemon's run ends (as `watcher run
// --wait` does between two cycles); the runs of one process share the
// lock; the refused run leaves no marker to recover.
func TestRunsWaitForTheFolder(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1)}), newHook(t)
	daemon, cfg := newRunner(t, nf, h)
	daemon.opts.LockWait = -1
	release, err := daemon.hold(context.Background(), "daemon")
	if err != nil {
		t.Fatal(err)
	}
	// a second run of the same process goes on: one holder per process
	if _, err := daemon.Run(context.Background(), cfg.Sources); err != nil {
		t.Fatalf("a run of the holding process: %v", err)
	}
	h.take()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	manual, err := New(cfg, Options{Logger: logger, Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = manual.Run(context.Background(), cfg.Sources)
	var busy *snapshot.BusyError
	if !errors.As(err, &busy) || busy.Command != "daemon" || busy.PID == 0 {
		t.Fatalf("run on a held folder: %v, want a BusyError naming the daemon", err)
	}
	if ok, _ := manual.store.Interrupted(); ok {
		t.Fatal("the refused run left a run marker")
	}
	waiting, err := New(cfg, Options{Logger: logger, Retry: retry.Policy{Attempts: 1}, LockWait: -1})
	if err != nil {
		t.Fatal(err)
	}
	j := job(1)
	j.TUpdate++
	j.Name = "Senior Data Scientist (L5)"
	nf.SetJobs([]fake.Job{j})
	done := make(chan error, 1)
	go func() {
		_, err := waiting.Run(context.Background(), cfg.Sources)
		done <- err
	}()
	// the waiting run cannot have fetched: nothing of it is here yet
	if got := h.take(); len(got) != 0 {
		t.Fatalf("the waiting run delivered %v before the lock was free", got)
	}
	release()
	if err := <-done; err != nil {
		t.Fatalf("the waiting run: %v", err)
	}
	if got := h.take(); len(got) != 1 {
		t.Fatalf("the waiting run delivered %v, want the one change", got)
	}
}
