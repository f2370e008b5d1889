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

// A worker's poll jobs share one Runner and one write phase. A job's run
// returns only once its batch is in the database, also while another
// job's run still holds the write phase: River marks the job done when it
// returns, and a batch still in memory then was lost to a crash until the
// source's next poll (review s27).
func TestRunReturnsWithItsBatchWrittenWhileAnotherRunWrites(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	release := make(chan struct{})
	board := func(name string, wait bool) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if wait {
				<-release
			}
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `[{"id":"%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/%s/1","descriptionPlain":"SQL and Python"}]`, name, name)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	yml := "snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n"
	for _, n := range []string{"b1", "b2", "c"} {
		yml += fmt.Sprintf("  - {name: %s, type: lever, board: %s, url: %q}\n", n, n, board(n, n == "b2"))
	}
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, watch.Plugins())
	if err != nil {
		t.Fatal(err)
	}
	b1Ended := make(chan struct{})
	back := &failingBackend{
		Backend: NewBackend(ctx, s, map[string]string{"b1": "lever", "b2": "lever", "c": "lever"}, nil),
		ended: func(source string) {
			if source == "b1" {
				close(b1Ended)
			}
		},
	}
	r, err := watch.New(cfg, watch.Options{Backend: back, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	jobB := make(chan error, 1)
	go func() {
		_, err := r.Run(ctx, []config.Source{cfg.Sources[0], cfg.Sources[1]})
		jobB <- err
	}()
	<-b1Ended // job B holds the write phase: b1 written, b2 still fetching
	resC, err := r.Run(ctx, []config.Source{cfg.Sources[2]})
	if err != nil || resC.Failed() {
		t.Fatalf("job C: %v %+v", err, resC.Sources)
	}
	if _, found, err := back.Lookup("c", "c-1"); err != nil || !found {
		t.Errorf("job C's run returned (added %d) with its posting not in the database (found %v, %v): a crash now loses it", resC.Sources[0].Added, found, err)
	}
	close(release)
	if err := <-jobB; err != nil {
		t.Fatalf("job B: %v", err)
	}
	for _, id := range []string{"b1-1", "b2-1"} {
		if _, found, err := back.Lookup(id[:2], id); err != nil || !found {
			t.Errorf("posting %s of job B not stored (%v, %v)", id, found, err)
		}
	}
}
