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

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/pgtest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// review s27b: a source whose batch the database never recorded (it was
// lost mid-run) must not keep its events in the run's result, or watcher
// run --json prints events the database never recorded. Since session 28
// (ApplySource) each source's batch is applied as the source ends; here
// the database is lost right at a's end, so a's own apply fails: a's
// events leave the result and its SourceResult carries the refusal.
// (Before, the test lost the database at x's failure; with ApplySource a
// was written by then and the test always skipped.)
func TestReview27b_DroppedRunHidesARefusedEndedSource(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dsn := pgtest.DBFrom(t, "pgstore_migrated", func(ctx context.Context, dsn string) error {
		pool, err := pgxpool.New(ctx, dsn)
		if err != nil {
			return err
		}
		defer pool.Close()
		_, err = MigrateUp(ctx, pool, nil)
		return err
	})
	s, err := Open(ctx, dsn, nil) // the run's, lost mid-run
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	check, err := Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(check.Close)
	aEnded := make(chan struct{})
	board := func(name string, wait bool) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if wait {
				<-aEnded
			}
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `[{"id":"%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/%s/1","descriptionPlain":"SQL and Python"}]`, name, name)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	yml := "snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n"
	for _, n := range []string{"a", "x"} {
		yml += fmt.Sprintf("  - {name: %s, type: lever, board: %s, url: %q}\n", n, n, board(n, n == "x"))
	}
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, watch.Plugins())
	if err != nil {
		t.Fatal(err)
	}
	back := &failingBackend{ // its database lost as a ends: a's apply fails
		Backend: NewBackend(ctx, s, map[string]string{"a": "lever", "x": "lever"}, nil),
		fail:    "x",
		ended: func(source string) {
			if source == "a" {
				s.Close()
				close(aEnded)
			}
		},
	}
	r, err := watch.New(cfg, watch.Options{Backend: back, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(ctx, cfg.Sources)
	if err == nil {
		t.Fatalf("run: no error, want x's injected write failure: %+v", res.Sources)
	}
	_, found, lerr := NewBackend(ctx, check, map[string]string{"a": "lever"}, nil).Lookup("a", "a-1")
	if lerr != nil {
		t.Fatal(lerr)
	}
	if found {
		t.Fatal("a's batch is in the database, although the database was lost before a's apply")
	}
	aEvents := 0
	for _, ev := range res.Events {
		if ev.Data.Source == "a" {
			aEvents++
		}
	}
	if aEvents > 0 {
		t.Errorf("a's batch was never applied, but the result keeps its %d events", aEvents)
	}
	for _, sr := range res.Sources {
		if sr.Source == "a" && sr.Err == nil {
			t.Errorf("a's result carries no error, although its batch was refused: %+v", sr)
		}
	}
}
