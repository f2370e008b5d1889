package watch

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// stopAfterWrites is the snapshot store of a run that a signal stops
// after its n-th posting file is written (the write phase stops at the
// next posting boundary).
type stopAfterWrites struct {
	snapshot.Backend
	n      int
	cancel func()
}

func (s *stopAfterWrites) WritePosting(source, id string, data []byte) (string, error) {
	p, err := s.Backend.WritePosting(source, id, data)
	if s.n--; s.n == 0 {
		s.cancel()
	}
	return p, err
}

// retitled is job(i) with a new title (and update stamp).
func retitled(i int) fake.Job {
	j := job(i)
	j.TUpdate++
	j.Name = strings.Replace(j.Name, "Data Scientist", "Staff Data Scientist", 1)
	return j
}

// A run stopped after rewriting some of the changed postings' files (and
// before saving the index and committing) is finished by the next run: the
// recovery commits those files, and the next run's commit still reports
// every posting as changed, with its change lines, compared with the
// version of the last commit (not the file the stopped run rewrote, which
// would make a true change look like a quiet re-normalization). Each event
// reaches the webhook once; a dry run in between says the same.
func TestChangesOfAStoppedWriteAreReportedAsChanges(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{job(1), job(2), job(3), job(4)}
	nf, h := fake.New(t, "netflix.com", jobs), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	if got := h.take(); len(got) != 4 {
		t.Fatalf("first run: %d events", len(got))
	}
	nf.SetJobs([]fake.Job{retitled(1), retitled(2), retitled(3), retitled(4)})

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := r.back
	r.back = &stopAfterWrites{Backend: store, n: 2, cancel: cancel}
	res, err := r.Run(ctx, cfg.Sources)
	r.back = store
	if err != nil || !res.Interrupted {
		t.Fatalf("stopped run: interrupted %v, error %v", res.Interrupted, err)
	}
	if ok, _ := r.store.Interrupted(); !ok {
		t.Fatal("no run marker after a run stopped while writing")
	}
	rewritten := 0
	for _, id := range []string{"101", "102", "103", "104"} {
		p, _, err := r.store.Read("nf", id)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(p.Title, "Staff ") {
			rewritten++
		}
	}
	if rewritten != 2 {
		t.Fatalf("the stopped run rewrote %d files, want 2", rewritten)
	}
	if got := h.take(); len(got) != 0 {
		t.Fatalf("a stopped run delivered %d events", len(got))
	}

	dry, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	dres, err := dry.Run(context.Background(), cfg.Sources)
	if err != nil || dres.Failed() {
		t.Fatalf("dry run: %v %+v", err, dres.Sources)
	}
	if got := DryRunText(dres); !strings.HasPrefix(got, "nf: would be 4 changed\n") {
		t.Fatalf("dry run after the stopped run:\n%s", got)
	}

	res = run(t, r, cfg)
	s := res.Sources[0]
	if s.Changed != 4 || s.Rewrites != 0 || s.Added+s.Removed != 0 {
		t.Fatalf("next run: %d changed, %d re-normalized, %d added, %d removed; want 4 changed", s.Changed, s.Rewrites, s.Added, s.Removed)
	}
	dir := cfg.Snapshots
	msgs := strings.Split(gitOut(t, dir, "log", "-2", "--format=%B%x00"), "\x00")
	if !strings.HasPrefix(strings.TrimSpace(msgs[1]), "watcher: finish an interrupted run") {
		t.Fatalf("the recovery commit is not the one before the run's:\n%s", msgs[1])
	}
	msg := strings.TrimSpace(msgs[0])
	if subj, _, _ := strings.Cut(msg, "\n"); subj != "nf: 4 changed" {
		t.Fatalf("subject %q, want %q; message:\n%s", subj, "nf: 4 changed", msg)
	}
	for i := 1; i <= 4; i++ {
		want := "Staff Data Scientist " + string(rune('0'+i))
		if !strings.Contains(msg, "~ 10"+string(rune('0'+i))+" "+want) {
			t.Fatalf("no change line for posting 10%d in:\n%s", i, msg)
		}
	}
	if n := strings.Count(msg, "\n  title Data Scientist "); n != 4 {
		t.Fatalf("%d title change lines, want 4:\n%s", n, msg)
	}
	ids := h.take()
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	if len(ids) != 4 || len(slices.Compact(sorted)) != 4 {
		t.Fatalf("the webhook got %d events (%d distinct), want each of the 4 changes once", len(ids), len(slices.Compact(sorted)))
	}
	if got := run(t, r, cfg); got.Commit != "" || len(h.take()) != 0 {
		t.Fatal("the run after committed or sent again")
	}
}
