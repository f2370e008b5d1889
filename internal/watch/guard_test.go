package watch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// gh is a Greenhouse board API that answers conditional requests with 304.
type gh struct {
	*httptest.Server
	mu   sync.Mutex
	ids  []int
	fail bool
	n304 int
}

func newGH(t *testing.T, ids ...int) *gh {
	g := &gh{ids: ids}
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.fail {
			w.WriteHeader(500)
			return
		}
		var jobs []map[string]any
		for _, id := range g.ids {
			jobs = append(jobs, map[string]any{"id": id, "title": fmt.Sprintf("Data Engineer %d", id),
				"updated_at": "2025-01-01T00:00:00Z", "absolute_url": fmt.Sprintf("https://x.example/%d", id),
				"content": "&lt;p&gt;SQL and Python&lt;/p&gt;"})
		}
		b, _ := json.Marshal(map[string]any{"jobs": jobs})
		sum := sha256.Sum256(b)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			g.n304++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	}))
	t.Cleanup(g.Close)
	return g
}

func (g *gh) set(ids ...int) { g.mu.Lock(); g.ids = ids; g.mu.Unlock() }

func ghRunner(t *testing.T, dir string, g *gh, h *hook) (*Runner, *config.Config) {
	t.Helper()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: acme, type: greenhouse, board: acme, url: %q}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, g.URL, h.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	return r, cfg
}

// A 304 after a run that saw a posting missing keeps it missing: the
// removal is reported when the debounce is through, not hidden.
func Test304KeepsCountingARemoval(t *testing.T) {
	t.Parallel()
	g, h := newGH(t, 1, 2, 3), newHook(t)
	r, cfg := ghRunner(t, t.TempDir(), g, h)
	run(t, r, cfg)
	if n := len(h.take()); n != 3 {
		t.Fatalf("first run: %d events", n)
	}
	g.set(1, 2) // posting 3 closes for good
	for i := 0; i < 5; i++ {
		res := run(t, r, cfg)
		t.Logf("run %d: missing=%d removed=%d commit=%q", i+1, res.Sources[0].Missing, res.Sources[0].Removed, res.Commit)
	}
	g.mu.Lock()
	t.Logf("304 answers: %d", g.n304)
	g.mu.Unlock()
	if got := h.take(); len(got) != 1 {
		t.Fatalf("posting 3 gone for 5 runs (remove_after 2): %d removed events, want 1", len(got))
	}
}

// A suspicious (shrunk) listing saves no validators: the next run sees the
// listing again instead of a 304 that would pass for recovery.
func TestSuspiciousListingIsNotRecoveredByA304(t *testing.T) {
	t.Parallel()
	ids := []int{}
	for i := 1; i <= 20; i++ {
		ids = append(ids, i)
	}
	g, h := newGH(t, ids...), newHook(t)
	r, cfg := ghRunner(t, t.TempDir(), g, h)
	run(t, r, cfg)
	h.take()
	g.set(1, 2, 3) // shrinks by 85%: suspicious
	res, _ := r.Run(context.Background(), cfg.Sources)
	t.Logf("run 2: err=%v", res.Sources[0].Err)
	res, _ = r.Run(context.Background(), cfg.Sources)
	t.Logf("run 3: err=%v commit=%q", res.Sources[0].Err, res.Commit)
	idx, _ := r.store.LoadIndex("acme")
	t.Logf("index after run 3: suspicious=%v postings=%d", idx.Suspicious, len(idx.Postings))
	if res.Sources[0].Err == nil {
		t.Fatalf("the listing is still shrunk (3 of 20) but run 3 was accepted (304 on validators saved by the suspicious run)")
	}
	if got := h.take(); len(got) != 1 {
		t.Fatalf("%d events for a listing held as suspicious twice, want one source.suspicious", len(got))
	}
}

// In one-shot CI only the committed repository survives: the failure
// streak is committed, so source.failed goes out after fail_after jobs.
func TestFailureStreakSurvivesOneShotJobs(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	g, h := newGH(t, 1, 2), newHook(t)
	dir := t.TempDir()
	r, cfg := ghRunner(t, dir, g, h)
	run(t, r, cfg)
	h.take()
	g.mu.Lock()
	g.fail = true
	g.mu.Unlock()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git to reset the checkout between jobs")
	}
	for i := 1; i <= 6; i++ {
		// a fresh CI job: checkout of the last commit
		snaps := cfg.Snapshots
		for _, args := range [][]string{{"reset", "-q", "--hard"}, {"clean", "-qfdx"}} {
			if out, err := exec.Command("git", append([]string{"-C", snaps}, args...)...).CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v %s", args, err, out)
			}
		}
		r, _ := ghRunner(t, dir, g, h)
		res, err := r.Run(context.Background(), cfg.Sources)
		idx, _ := r.store.LoadIndex("acme")
		t.Logf("CI job %d: err=%v failed=%v commit=%q failures-on-disk=%d", i, err, res.Failed(), res.Commit, idx.Failures)
	}
	if got := h.take(); len(got) != 1 {
		t.Fatalf("6 failed CI runs in a row (fail_after 3): %d events, want one source.failed", len(got))
	}
}

// A run stopped by SIGTERM is no failure of the source: three of them
// queue no source.failed.
func TestShutdownIsNotAFailure(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	for i := 0; i < 3; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the daemon is stopping
		res, err := r.Run(ctx, cfg.Sources)
		t.Logf("stopped run %d: err=%v source err=%v", i+1, err, res.Sources[0].Err)
	}
	pending, _ := r.outbox.Pending()
	for _, e := range pending {
		t.Logf("outbox: %s %s", e.Type, e.Data.Error)
	}
	if len(pending) > 0 {
		t.Fatalf("three interrupted runs queued %d source events", len(pending))
	}
}

// A run stopped during the pause before a shrunk listing is fetched again
// is no failure either, and the streak's end gets a commit subject of its
// own.
func TestStoppedDuringShrinkPauseIsNotAFailure(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nguard: {shrink_pause: 1h}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\nnotifiers:\n  - {name: hooks, type: webhook, url: %q}\n", nf.URL, h.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	run(t, r, cfg)
	nf.SetJobs(nil) // empty: the run waits an hour before fetching again
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{}, 1)
	nf.Config.Handler = afterList(nf.Config.Handler, served)
	go func() {
		<-served
		time.Sleep(100 * time.Millisecond) // let the run reach its hour-long pause
		cancel()
	}()
	res, err := r.Run(ctx, cfg.Sources)
	if err != nil || res.Commit != "" {
		t.Fatalf("stopped run: %v, commit %q", err, res.Commit)
	}
	if idx, _ := r.store.LoadIndex("nf"); idx.Failures != 0 {
		t.Fatalf("a stopped run counted as a failure: %+v", idx)
	}
}

// afterList signals once a listing page was served.
func afterList(next http.Handler, served chan<- struct{}) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if r.URL.Path == "/api/apply/v2/jobs" {
			select {
			case served <- struct{}{}:
			default:
			}
		}
	})
}
