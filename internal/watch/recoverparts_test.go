package watch

import (
	"context"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A recovery over a folder of more files than a part commits in parts:
// every part that holds some of the stopped run's files makes a commit
// that says which part it is, the parts together commit every file the
// stopped run left (the work tree is clean after them), and the next run
// still reports each change once, as the one-commit recovery does.
func TestRecoveryCommitsInParts(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	var jobs, changed []fake.Job
	for i := 1; i <= 12; i++ {
		jobs = append(jobs, job(i))
		changed = append(changed, retitled(i))
	}
	nf, h := fake.New(t, "netflix.com", jobs), newHook(t)
	r, cfg := newRunner(t, nf, h)
	r.opts.CommitEvery = 1 // a recovery part of 4 paths
	run(t, r, cfg)
	if got := h.take(); len(got) != 12 {
		t.Fatalf("first run: %d events", len(got))
	}
	dir := cfg.Snapshots
	before := strings.TrimSpace(gitOut(t, dir, "rev-parse", "HEAD"))
	nf.SetJobs(changed)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := r.back
	r.back = &stopAfterWrites{Backend: store, n: 9, cancel: cancel}
	res, err := r.Run(ctx, cfg.Sources)
	r.back = store
	if err != nil || !res.Interrupted {
		t.Fatalf("stopped run: interrupted %v, error %v", res.Interrupted, err)
	}
	if ok, _ := r.store.Interrupted(); !ok {
		t.Fatal("no run marker after a run stopped while writing")
	}
	dirty := strings.Fields(gitOut(t, dir, "status", "--porcelain", "--untracked-files=all"))
	if len(dirty) == 0 {
		t.Fatal("the stopped run left nothing to recover")
	}
	if got := h.take(); len(got) != 0 {
		t.Fatalf("a stopped run delivered %d events", len(got))
	}

	res = run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 12 || s.Added+s.Removed != 0 {
		t.Fatalf("next run: %d changed, %d added, %d removed; want 12 changed", s.Changed, s.Added, s.Removed)
	}
	if st := gitOut(t, dir, "status", "--porcelain", "--untracked-files=all"); strings.TrimSpace(st) != "" {
		t.Fatalf("work tree not clean after the recovery and the run:\n%s", st)
	}
	// the commits since the first run, oldest first: the recovery's parts,
	// then the run's
	hashes := strings.Fields(gitOut(t, dir, "rev-list", "--reverse", before+"..HEAD"))
	var parts []string
	recovered := map[string]bool{}
	for _, c := range hashes {
		msg := gitOut(t, dir, "log", "-1", "--format=%B", c)
		if !strings.HasPrefix(msg, "watcher: finish an interrupted run") {
			continue
		}
		if !strings.Contains(msg, "\nPart ") || !strings.Contains(msg, " of the folder's ") {
			t.Errorf("recovery commit %s does not say its part:\n%s", c, msg)
		}
		parts = append(parts, c)
		for _, f := range strings.Fields(gitOut(t, dir, "diff-tree", "--no-commit-id", "--name-only", "-r", c)) {
			recovered[f] = true
		}
	}
	if len(parts) < 2 {
		t.Fatalf("%d recovery commits, want the stopped run's files in at least 2 parts (commits %v)", len(parts), hashes)
	}
	last := hashes[len(hashes)-1]
	if msg := gitOut(t, dir, "log", "-1", "--format=%s", last); !strings.HasPrefix(msg, "nf: 12 changed") {
		t.Errorf("the last commit is %q, want the run's", msg)
	}
	// each file the stopped run left modified or new is in a part
	for i := 0; i+1 < len(dirty); i += 2 {
		f := dirty[i+1]
		if strings.HasPrefix(f, ".watcher/") && (strings.Contains(f, "/runs/") || strings.HasSuffix(f, ".lock")) {
			continue
		}
		if !recovered[f] && !strings.Contains(f, "marker") {
			t.Errorf("%s (%s after the stopped run) is in no recovery part", f, dirty[i])
		}
	}
	if ids := h.take(); len(ids) != 12 {
		t.Errorf("%d events after the recovery, want 12 (once each)", len(ids))
	}
}
