package watch

import (
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// An adapter's state is saved only after a successful run, and a runner
// that runs again (the daemon) starts from it.
func TestAdapterStateSavedOnlyOnSuccess(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	path := r.store.StatePath("nf")
	run(t, r, cfg)
	if b, err := os.ReadFile(path); err != nil || strings.TrimSpace(string(b)) != `{"interface":"apply"}` {
		t.Fatalf("state %q, %v", b, err)
	}
	if evs := h.take(); len(evs) != 2 {
		t.Fatalf("%d events", len(evs))
	}

	// The tenant moves to pcsx and its listing fails: the run fails, the
	// state stays. (A failed detail alone no longer fails a run.)
	nf.SetInterfaces(fake.PCSXOnly)
	jobs := []fake.Job{job(1), job(2), job(3)}
	nf.SetJobs(jobs)
	nf.FailList(func(int) (int, string) { return 500, "oops" })
	res, err := r.Run(t.Context(), cfg.Sources)
	if err != nil || !res.Failed() {
		t.Fatalf("run: %v, failed %v", err, res.Failed())
	}
	if b, _ := os.ReadFile(path); strings.TrimSpace(string(b)) != `{"interface":"apply"}` {
		t.Fatalf("a failed run changed the state: %s", b)
	}

	// It works again: the new posting is added, the others give no event,
	// the state names pcsx.
	nf.FailList(nil)
	run(t, r, cfg)
	evs := h.take()
	if len(evs) != 1 || !r.store.Exists("nf", "103") {
		t.Fatalf("events %v, want the one added posting", evs)
	}
	if b, _ := os.ReadFile(path); strings.TrimSpace(string(b)) != `{"interface":"pcsx"}` {
		t.Fatalf("state %s", b)
	}
	al, _ := nf.CountIn(fake.ApplyOnly)
	run(t, r, cfg)
	if al2, _ := nf.CountIn(fake.ApplyOnly); al2 != al || len(h.take()) != 0 {
		t.Fatalf("the next run asked the refused interface %d times", al2-al)
	}
}
