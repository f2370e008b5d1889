package pgstore

import (
	"context"
	"errors"
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

// failingBackend is a worker's Backend whose writes of one source fail
// (a posting the buffer refuses, a poll job's deadline mid-write) and that
// says when a source's run has ended its writes. lose, when set, is
// called at the failure too (the database lost: a connection, a
// failover).
type failingBackend struct {
	*Backend
	fail  string
	lose  func()
	ended func(source string)
}

func (f *failingBackend) WritePosting(source, id string, data []byte) (string, error) {
	if source == f.fail {
		if f.lose != nil {
			f.lose()
		}
		return "", errors.New("injected write failure")
	}
	return f.Backend.WritePosting(source, id, data)
}

func (f *failingBackend) EndSource(source string) {
	f.Backend.EndSource(source)
	if f.ended != nil {
		f.ended(source)
	}
}

// review s27: a worker's poll jobs share one Runner and so one write
// phase. Job B's run ends its source a1 (EndSource) while its other
// source is still fetching; job A's run of source x then fails mid-write
// (dropWrite: owed). When B's run ends, the write phase's count drops to
// zero, EndWrite is skipped because a write was dropped, and the next
// BeginWrite drops the buffer: B's good batch is never written, although
// B's run returned no error and reported its postings added (so the job
// is completed and its events counted).
func TestReview27_FailedOverlappingRunLosesAnotherRunsBatch(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	release := make(chan struct{})
	// a server per board: one host's requests wait for each other
	board := func(name string, wait bool) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if wait {
				<-release
			}
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `[{"id":"%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/%s/1","descriptionPlain":"SQL and Python"},
				{"id":"%s-2","text":"Analyst","hostedUrl":"https://jobs.lever.co/%s/2","descriptionPlain":"SQL"}]`, name, name, name, name)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	yml := "snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n"
	for _, n := range []string{"a1", "a2", "x"} {
		yml += fmt.Sprintf("  - {name: %s, type: lever, board: %s, url: %q}\n", n, n, board(n, n == "a2"))
	}
	// (after the servers: a cleanup closing a2's first would wait on it)
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
	a1Ended := make(chan struct{})
	back := &failingBackend{
		Backend: NewBackend(ctx, s, map[string]string{"a1": "lever", "a2": "lever", "x": "lever"}, nil),
		fail:    "x",
		ended: func(source string) {
			if source == "a1" {
				close(a1Ended)
			}
		},
	}
	r, err := watch.New(cfg, watch.Options{Backend: back, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	type out struct {
		res watch.Result
		err error
	}
	jobB := make(chan out, 1)
	go func() {
		res, err := r.Run(ctx, []config.Source{cfg.Sources[0], cfg.Sources[1]})
		jobB <- out{res, err}
	}()
	<-a1Ended // job B has written a1; a2 still fetches
	if resA, err := r.Run(ctx, []config.Source{cfg.Sources[2]}); err == nil {
		t.Fatalf("job A's run of x: no error, want the injected write failure: %+v", resA)
	}
	close(release)
	b := <-jobB
	if b.err != nil || b.res.Failed() {
		t.Fatalf("job B: %v %+v", b.err, b.res.Sources)
	}
	for _, id := range []string{"a1-1", "a2-1"} {
		src := id[:2]
		_, found, err := back.Lookup(src, id)
		if err != nil {
			t.Fatal(err)
		}
		if !found {
			t.Errorf("posting %s of job B's run not stored, though the run returned no error (added %d); a failed overlapping run dropped its batch", id, b.res.Sources[0].Added)
		}
	}
}
