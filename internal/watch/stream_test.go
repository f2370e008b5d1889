package watch

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// twoSources is a runner over sources a and b, each on its own fake
// Eightfold server (their own politeness lanes), and a webhook.
func twoSources(t *testing.T) (r *Runner, cfg *config.Config, a, b *fake.Server, h *hook) {
	t.Helper()
	a = fake.New(t, "a.example", []fake.Job{job(1), job(2)})
	b = fake.New(t, "b.example", []fake.Job{job(3)})
	h = newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: a, type: eightfold, url: %q, domain: a.example}
  - {name: b, type: eightfold, url: %q, domain: b.example}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, a.URL, b.URL, h.URL)
	cfg = parseConfig(t, dir, yml, nil)
	r = quietRunner(t, cfg, Options{})
	return r, cfg, a, b, h
}

// waitFor answers b's list requests only once cond holds (or fails them
// after a minute: the run under test never got there).
func waitFor(cond func() bool) func(int) (int, string) {
	return func(int) (int, string) {
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if cond() {
				return 0, ""
			}
		}
		return http.StatusServiceUnavailable, "a's postings were never written while b was being fetched"
	}
}

// A source's postings are written as soon as its fetch ends, while the
// other sources are still being fetched (stream per source), and the run
// still makes one commit of both.
func TestSourceWrittenWhileOthersFetch(t *testing.T) {
	t.Parallel()
	r, cfg, _, b, h := twoSources(t)
	b.FailList(waitFor(func() bool { return r.store.Exists("a", "101") && r.store.Exists("a", "102") }))
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() {
		t.Fatalf("a source failed: %+v", res.Sources)
	}
	if res.Sources[0].Added != 2 || res.Sources[1].Added != 1 || res.Commit == "" {
		t.Fatalf("added %d and %d, commit %q", res.Sources[0].Added, res.Sources[1].Added, res.Commit)
	}
	if len(res.Events) != 3 || len(h.take()) != 3 {
		t.Fatalf("events %d", len(res.Events))
	}
	if !strings.HasPrefix(commitMessage(res), "a: 2 added; b: 1 added\n") {
		t.Fatalf("message %q", commitMessage(res))
	}
	if ok, _ := r.store.Interrupted(); ok {
		t.Fatal("run marker left after a committed run")
	}
}

// A signal after one source was written and while another is fetched
// stops the run: what was written stays, with the run marker, and the
// next run commits it and fetches the rest; every event goes out once.
func TestSignalBetweenSourcesLeavesWrittenSourceForNextRun(t *testing.T) {
	t.Parallel()
	r, cfg, _, b, h := twoSources(t)
	ctx, cancel := context.WithCancel(context.Background())
	b.FailList(waitFor(func() bool {
		if r.store.Exists("a", "102") && r.store.HasIndex("a") {
			cancel() // the signal, while b's list is on its way
			return true
		}
		return false
	}))
	res, err := r.Run(ctx, cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Interrupted || res.Commit != "" {
		t.Fatalf("interrupted %v, commit %q", res.Interrupted, res.Commit)
	}
	if ok, _ := r.store.Interrupted(); !ok {
		t.Fatal("no run marker after a run stopped with files written")
	}
	if n := len(h.take()); n != 0 {
		t.Fatalf("%d events delivered by a stopped run", n)
	}
	b.FailList(nil)
	res, err = r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() || res.Interrupted {
		t.Fatalf("next run: %v %+v", err, res.Sources)
	}
	// a's postings were committed by the recovery, b's by the run itself
	if res.Sources[0].Added != 0 || res.Sources[1].Added != 1 {
		t.Fatalf("next run added %d and %d", res.Sources[0].Added, res.Sources[1].Added)
	}
	if got := len(h.take()); got != 3 {
		t.Fatalf("%d events delivered, want 3 (a's two from the outbox, b's one)", got)
	}
	if ok, _ := r.store.Interrupted(); ok {
		t.Fatal("run marker left")
	}
	for _, id := range []string{"101", "102"} {
		if _, ok, err := r.repo.HeadFile(r.store.PostingPath("a", id)); err != nil || !ok {
			t.Fatalf("a/%s not committed: %v", id, err)
		}
	}
}

// The fetch workers: at least minSourceWorkers (never more than the
// sources), twice the lanes the config's hosts allow when that is more.
func TestSourceWorkers(t *testing.T) {
	t.Parallel()
	r := &Runner{cfg: &config.Config{}}
	if got := r.sourceWorkers(3); got != 3 {
		t.Fatalf("3 sources: %d workers", got)
	}
	if got := r.sourceWorkers(1000); got != minSourceWorkers {
		t.Fatalf("1,000 sources: %d workers", got)
	}
	r.cfg.HTTP.Hosts = map[string]config.HostLimit{"a": {Concurrency: 20}, "b": {}}
	if got := r.sourceWorkers(1000); got != 42 {
		t.Fatalf("1,000 sources, 21 lanes: %d workers", got)
	}
}
