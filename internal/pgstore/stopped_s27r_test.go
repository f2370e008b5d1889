package pgstore

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// stopInWrites is a Backend whose first posting write of one source
// stops the run (a signal, a poll job's deadline) at that moment.
type stopInWrites struct {
	*Backend
	source string
	cancel context.CancelFunc
}

func (s *stopInWrites) WritePosting(source, id string, data []byte) (string, error) {
	if source == s.source {
		s.cancel()
	}
	return s.Backend.WritePosting(source, id, data)
}

// review s27: a run stopped while it writes a source (SIGINT, a poll
// job's deadline) has that source's buffer discarded in the database's
// write phase: its events are never recorded, no deliver job is enqueued
// (the next run detects them again). The run's Result still holds the
// events it buffered before the stop, and `watcher run --json` (store:
// postgres) prints Result.Events: events on stdout that the database
// never recorded. (With the files store they are in the outbox: printing
// them is right there.)
func TestReview27_StoppedSourcesEventsAreNotInTheResult(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id":"x-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/x/1","descriptionPlain":"SQL"},
			{"id":"x-2","text":"Analyst","hostedUrl":"https://jobs.lever.co/x/2","descriptionPlain":"SQL"}]`)
	}))
	t.Cleanup(srv.Close)
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: x, type: lever, board: x, url: %q}\n", srv.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, watch.Plugins())
	if err != nil {
		t.Fatal(err)
	}
	back := &stopInWrites{Backend: NewBackend(context.Background(), s, map[string]string{"x": "lever"}, nil), source: "x", cancel: cancel}
	r, err := watch.New(cfg, watch.Options{Backend: back, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(ctx, cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"x-1", "x-2"} {
		if _, found, err := back.Lookup("x", id); err != nil || found {
			t.Fatalf("posting %s stored %v (%v): the stop did not stop the source's write, the test shows nothing", id, found, err)
		}
	}
	var n int
	if err := s.pool.QueryRow(context.Background(), `SELECT count(*) FROM events WHERE source = 'x'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	for _, ev := range res.Events {
		if ev.Data.Source == "x" {
			t.Errorf("the result holds event %s (%s) of the stopped source, which the database never recorded (%d events of x recorded)", ev.ID, ev.Type, n)
		}
	}
}
