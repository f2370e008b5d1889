package watch

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s20 F14: `run --dry-run` after a run stopped in its write phase
// previewed every change whose file that run had rewritten as "~ ...
// (previous snapshot not found)": the dry run opened no history, so it
// could not find the committed version the real run compares with. It
// reads the history now (read only, as the real run's comparison does):
// the preview has the real run's change lines, and says that the stopped
// run's files wait for the next run.
func TestDryRunAfterAStoppedRunComparesWithTheCommittedCopyS21(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3), job(4)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	nf.SetJobs([]fake.Job{retitled(1), retitled(2), retitled(3), retitled(4)})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := r.back
	r.back = &stopAfterWrites{Backend: store, n: 2, cancel: cancel}
	if res, err := r.Run(ctx, cfg.Sources); err != nil || !res.Interrupted {
		t.Fatalf("stopped run: interrupted %v, error %v", res.Interrupted, err)
	}
	r.back = store
	head := gitOut(t, cfg.Snapshots, "rev-parse", "HEAD")

	dry, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	dres, err := dry.Run(context.Background(), cfg.Sources)
	if err != nil || dres.Failed() {
		t.Fatalf("dry run: %v %+v", err, dres.Sources)
	}
	text := DryRunText(dres)
	if strings.Contains(text, "not found") || strings.Count(text, "\n    title Data Scientist ") != 4 {
		t.Fatalf("dry run after the stopped run: want 4 changes from the committed titles:\n%s", text)
	}
	if !strings.Contains(text, "a stopped run's files wait for the next run") {
		t.Fatalf("the dry run does not say a recovery is pending:\n%s", text)
	}
	if got := gitOut(t, cfg.Snapshots, "rev-parse", "HEAD"); got != head {
		t.Fatal("the dry run committed")
	}
	if ok, _ := r.store.Interrupted(); !ok {
		t.Fatal("the dry run removed the run marker")
	}
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 4 {
		t.Fatalf("next run: %+v", s)
	}
	if msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B"); strings.Count(msg, "\n  title Data Scientist ") != 4 {
		t.Fatalf("the real run's commit:\n%s", msg)
	}
}
