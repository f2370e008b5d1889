package watch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// hook is a webhook receiver that can be switched down.
type hook struct {
	*httptest.Server
	mu   sync.Mutex
	down bool
	ids  []string
}

func newHook(t *testing.T) *hook {
	h := &hook{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.down {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		h.ids = append(h.ids, r.Header.Get("webhook-id"))
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hook) setDown(v bool) { h.mu.Lock(); h.down = v; h.mu.Unlock() }
func (h *hook) take() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.ids
	h.ids = nil
	return out
}

func job(i int) fake.Job {
	return fake.Job{ID: int64(100 + i), Name: fmt.Sprintf("Data Scientist %d (L4)", i), TCreate: 1760000000, TUpdate: 1760000000,
		Description: "<p><strong>Requirements</strong></p><ul><li>SQL and Python</li></ul>"}
}

func newRunner(t *testing.T, nf *fake.Server, h *hook) (*Runner, *config.Config) {
	t.Helper()
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return r, cfg
}

func run(t *testing.T, r *Runner, cfg *config.Config) Result {
	t.Helper()
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() {
		t.Fatalf("source failed: %v", res.Sources[0].Err)
	}
	return res
}

// A posting that closes and reopens with the same content is a new event
// each time: receivers that drop repeated webhook-ids must not miss it.
func TestReopenedPostingGetsNewEventIDs(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	first := h.take()
	nf.SetJobs(nil)
	run(t, r, cfg)
	removed1 := h.take()
	nf.SetJobs([]fake.Job{job(1)})
	run(t, r, cfg)
	second := h.take()
	nf.SetJobs(nil)
	run(t, r, cfg)
	removed2 := h.take()
	if len(first) != 1 || len(second) != 1 || len(removed1) != 1 || len(removed2) != 1 {
		t.Fatalf("events: %v %v %v %v", first, removed1, second, removed2)
	}
	if first[0] == second[0] || removed1[0] == removed2[0] {
		t.Fatalf("a second occurrence reused an event id: added %s/%s removed %s/%s", first[0], second[0], removed1[0], removed2[0])
	}
}

// Events that cannot be delivered stay in the outbox, are committed with the
// snapshots (so a one-shot CI job keeps them), and go out on a later run
// with the same webhook-id.
func TestUndeliveredEventsSurviveAndKeepTheirID(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	h.setDown(true)
	r, cfg := newRunner(t, nf, h)
	res := run(t, r, cfg)
	if res.Pending != 2 || res.Commit == "" {
		t.Fatalf("pending %d commit %q, want 2 pending and a commit", res.Pending, res.Commit)
	}
	outbox, _ := filepath.Glob(filepath.Join(cfg.Snapshots, ".watcher", "outbox", "*.json"))
	if len(outbox) != 2 {
		t.Fatalf("outbox holds %d files", len(outbox))
	}
	committed, ok, err := r.repo.HeadFile(filepath.ToSlash(filepath.Join(".watcher", "outbox", filepath.Base(outbox[0]))))
	if err != nil || !ok || len(committed) == 0 {
		t.Fatalf("outbox entry not committed: %v %v", ok, err)
	}
	// a new process: nothing changed upstream, the receiver is back
	h.setDown(false)
	r2, _ := newRunner2(t, cfg)
	res = run(t, r2, cfg)
	ids := h.take()
	if len(ids) != 2 || res.Pending != 0 {
		t.Fatalf("delivered %v, pending %d", ids, res.Pending)
	}
	for _, p := range outbox {
		if !strings.Contains(p, ids[0]) && !strings.Contains(p, ids[1]) {
			t.Fatalf("re-delivery used new ids %v, outbox had %v", ids, outbox)
		}
	}
	if res.Commit == "" {
		t.Fatal("the emptied outbox was not committed")
	}
	// and nothing more next time
	res = run(t, r2, cfg)
	if len(h.take()) != 0 || res.Commit != "" {
		t.Fatal("a quiet run sent events or committed")
	}
}

func newRunner2(t *testing.T, cfg *config.Config) (*Runner, error) {
	return New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
}

// A run that stopped after writing its files and before committing them
// (here: the commit fails on a held git lock) is finished by the next run:
// its files are committed, nothing is reported twice.
func TestInterruptedRunIsCommittedNextTime(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	changed := job(1)
	changed.TUpdate++
	changed.Name = "Senior Data Scientist (L5)"
	nf.SetJobs([]fake.Job{changed, job(2)})
	lock := filepath.Join(cfg.Snapshots, ".git", "index.lock")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Run(context.Background(), cfg.Sources); err == nil {
		t.Fatal("run with a held git lock succeeded")
	}
	if got := h.take(); len(got) != 2 {
		t.Fatalf("the interrupted run delivered %d events, want 2", len(got))
	}
	store, _ := snapshot.Open(cfg.Snapshots)
	if ok, _ := store.Interrupted(); !ok {
		t.Fatal("no marker after a run that did not commit")
	}
	os.Remove(lock)
	r2, _ := newRunner2(t, cfg)
	res := run(t, r2, cfg)
	if got := h.take(); len(got) != 0 {
		t.Fatalf("the next run re-sent %d events", len(got))
	}
	if ok, _ := store.Interrupted(); ok {
		t.Fatal("marker still there")
	}
	if res.Sources[0].Added+res.Sources[0].Changed+res.Sources[0].Removed != 0 {
		t.Fatalf("the next run reported changes again: %+v", res.Sources[0])
	}
	for _, f := range []string{"nf/101.json", "nf/102.json"} {
		got, ok, err := r2.repo.HeadFile(f)
		if err != nil || !ok {
			t.Fatalf("%s not committed: %v", f, err)
		}
		disk, _ := os.ReadFile(filepath.Join(cfg.Snapshots, filepath.FromSlash(f)))
		if !bytes.Equal(got, disk) {
			t.Fatalf("%s: HEAD differs from the file", f)
		}
	}
	changedPaths, err := r2.repo.ChangedSince("")
	if err != nil || len(changedPaths) != 0 {
		t.Fatalf("uncommitted after recovery: %v %v", changedPaths, err)
	}
}
