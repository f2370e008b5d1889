package watch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
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
guard: {shrink_pause: 1ms}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
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
	t.Parallel()
	keep := job(2) // the listing never drops to zero: that would be suspicious
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), keep}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	if got := h.take(); len(got) != 2 {
		t.Fatalf("first run: %d events", len(got))
	}
	var ids [][]string
	for round := 0; round < 2; round++ {
		nf.SetJobs([]fake.Job{keep})
		run(t, r, cfg) // missing once: removal pending (debounce)
		if got := h.take(); len(got) != 0 {
			t.Fatalf("round %d: a posting missing from one run was reported: %v", round, got)
		}
		run(t, r, cfg) // missing twice: removed
		removed := h.take()
		nf.SetJobs([]fake.Job{job(1), keep})
		run(t, r, cfg)
		added := h.take()
		if len(removed) != 1 || len(added) != 1 {
			t.Fatalf("round %d: removed %v added %v", round, removed, added)
		}
		ids = append(ids, []string{removed[0], added[0]})
	}
	if ids[0][0] == ids[1][0] || ids[0][1] == ids[1][1] {
		t.Fatalf("a second occurrence reused an event id: %v", ids)
	}
}

// A posting missing from one run and back in the next is no event at all.
func TestRemovalDebounce(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	nf.SetJobs([]fake.Job{job(2)})
	res := run(t, r, cfg)
	if res.Sources[0].Missing != 1 || res.Commit == "" {
		t.Fatalf("missing %d, commit %q: the pending removal must be recorded in history", res.Sources[0].Missing, res.Commit)
	}
	if _, err := os.Stat(filepath.Join(cfg.Snapshots, "nf", "101.json")); err != nil {
		t.Fatal("the snapshot of a posting missing once was removed")
	}
	nf.SetJobs([]fake.Job{job(1), job(2)})
	res = run(t, r, cfg)
	if got := h.take(); len(got) != 0 || res.Sources[0].Added != 0 {
		t.Fatalf("a posting back inside the debounce window gave events %v", got)
	}
}

// The health of a source: source.failed once after three failed runs in a
// row, source.recovered on the first success after; a listing that drops
// to zero is held as suspicious, reported once, and changes nothing.
func TestSourceHealthAndSuspiciousShrink(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	nf.FailList(func(int) (int, string) { return 500, "down" })
	for i := 1; i <= 4; i++ {
		res, err := r.Run(context.Background(), cfg.Sources)
		if err != nil || !res.Failed() {
			t.Fatalf("failing run %d: %v %+v", i, err, res)
		}
	}
	if got := h.take(); len(got) != 1 {
		t.Fatalf("%d events after 4 failed runs, want one source.failed", len(got))
	}
	nf.FailList(nil)
	run(t, r, cfg)
	if got := h.take(); len(got) != 1 {
		t.Fatalf("%d events on recovery, want one source.recovered", len(got))
	}

	nf.SetJobs(nil) // an empty listing where there were two postings
	for i := 0; i < 2; i++ {
		res, err := r.Run(context.Background(), cfg.Sources)
		if err != nil || !res.Failed() || !strings.Contains(res.Sources[0].Err.Error(), "came back empty") {
			t.Fatalf("empty listing, run %d: %v %+v", i, err, res.Sources)
		}
	}
	if got := h.take(); len(got) != 1 {
		t.Fatalf("%d events for a listing held as suspicious twice, want one source.suspicious", len(got))
	}
	files, _ := filepath.Glob(filepath.Join(cfg.Snapshots, "nf", "*.json"))
	if len(files) != 2 {
		t.Fatalf("a suspicious listing changed the snapshot: %d files", len(files))
	}
}

// Events that cannot be delivered stay in the outbox, are committed with the
// snapshots (so a one-shot CI job keeps them), and go out on a later run
// with the same webhook-id.
func TestUndeliveredEventsSurviveAndKeepTheirID(t *testing.T) {
	t.Parallel()
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
	r2 := quietRunner(t, cfg, Options{})
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
	if res.Commit != "" || res.DeliveryCommit == "" {
		t.Fatalf("nothing changed upstream, so only the emptied outbox is committed: commit %q, delivery commit %q", res.Commit, res.DeliveryCommit)
	}
	// and nothing more next time
	res = run(t, r2, cfg)
	if len(h.take()) != 0 || res.Commit != "" || res.DeliveryCommit != "" {
		t.Fatal("a quiet run sent events or committed")
	}
}

// A run that stopped after writing its files and before committing them
// (here: the commit fails on a held git lock) is finished by the next run:
// its files are committed, nothing is reported twice.
func TestInterruptedRunIsCommittedNextTime(t *testing.T) {
	t.Parallel()
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
	// nothing is delivered before it is committed
	if got := h.take(); len(got) != 0 {
		t.Fatalf("the interrupted run delivered %d events before committing them, want 0", len(got))
	}
	store := snapStore(t, cfg)
	if ok, _ := store.Interrupted(); !ok {
		t.Fatal("no marker after a run that did not commit")
	}
	os.Remove(lock)
	r2 := quietRunner(t, cfg, Options{})
	res := run(t, r2, cfg)
	if got := h.take(); len(got) != 2 {
		t.Fatalf("the next run delivered %d events of the interrupted run, want 2 (once each)", len(got))
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
	// ignored files are listed too: the writer lock is one, never committed
	changedPaths = slices.DeleteFunc(changedPaths, snapshot.Transient)
	if err != nil || len(changedPaths) != 0 {
		t.Fatalf("uncommitted after recovery: %v %v", changedPaths, err)
	}
}

// A run killed between moving the branch and rewriting the git index
// leaves the index behind HEAD; the next run puts it right, so that `git
// status` shows a clean snapshot directory.
func TestRecoveryRepairsAStaleGitIndex(t *testing.T) {
	t.Parallel()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git binary to check the index with")
	}
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	indexFile := filepath.Join(cfg.Snapshots, ".git", "index")
	before, err := os.ReadFile(indexFile)
	if err != nil {
		t.Fatal(err)
	}
	changed := job(1)
	changed.TUpdate++
	changed.Name = "Staff Data Scientist (L6)"
	nf.SetJobs([]fake.Job{changed, job(2), job(3)})
	run(t, r, cfg)
	// the crash: the old index back, the run marker left
	os.WriteFile(indexFile, before, 0o644)
	store := snapStore(t, cfg)
	store.BeginWrite()
	status := func() string {
		out, err := exec.Command(gitBin, "-C", cfg.Snapshots, "status", "--porcelain").CombinedOutput()
		if err != nil {
			t.Fatalf("git status: %v %s", err, out)
		}
		return string(out)
	}
	if status() == "" {
		t.Fatal("the simulated crash left a clean status: the test tests nothing")
	}
	run(t, r, cfg)
	if s := status(); s != "" {
		t.Fatalf("after recovery git status shows:\n%s", s)
	}
}

// allow_shrink and remove_after on a source: an emptied listing is taken as
// it is, and removals are reported on the first run they are missing from.
func TestSourceGuardOverrides(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com, allow_shrink: true, remove_after: 1}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	run(t, r, cfg)
	h.take()
	nf.SetJobs(nil)
	res := run(t, r, cfg)
	if res.Sources[0].Removed != 2 || len(h.take()) != 2 {
		t.Fatalf("removed %d: an allowed shrink with remove_after 1 must remove both at once", res.Sources[0].Removed)
	}
}
