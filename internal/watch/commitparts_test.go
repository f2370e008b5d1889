package watch

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A run that writes more than Options.CommitEvery paths commits them as it
// goes, at the end of a source, so that what waits for a commit stays
// bounded: here every source is its own commit, each commit's subject
// and body name only its own source, the run's Commits are those commits
// (the last is Commit), and the folder is clean after the run.
func TestRunCommitsInParts(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	r, cfg, _, _, h := twoSources(t)
	r.opts.CommitEvery = 1
	before := strings.Fields(gitOut(t, cfg.Snapshots, "rev-list", "--all"))
	res := run(t, r, cfg)
	if len(res.Commits) != 2 || res.Commit != res.Commits[1] {
		t.Fatalf("commits %v, commit %q: want two, the last one Commit", res.Commits, res.Commit)
	}
	log := strings.Fields(gitOut(t, cfg.Snapshots, "rev-list", "HEAD"))
	if got := len(log) - len(before); got != 2 {
		t.Fatalf("the run made %d commits, want 2 (one per source)", got)
	}
	if log[0] != res.Commits[1] || log[1] != res.Commits[0] {
		t.Fatalf("history %v, run's commits %v", log[:2], res.Commits)
	}
	var subjects []string
	for _, c := range res.Commits {
		msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B", c)
		subj, _, _ := strings.Cut(msg, "\n")
		subjects = append(subjects, subj)
		// each commit holds its own source's files and nothing of the other
		files := gitOut(t, cfg.Snapshots, "show", "--name-only", "--format=", c)
		src, _, _ := strings.Cut(subj, ":")
		other := map[string]string{"a": "b", "b": "a"}[src]
		if !strings.Contains(files, src+"/") || strings.Contains(files, other+"/") {
			t.Errorf("commit %s (%q) has files\n%s", c[:8], subj, files)
		}
	}
	slices.Sort(subjects)
	if want := []string{"a: 2 added", "b: 1 added"}; !slices.Equal(subjects, want) {
		t.Errorf("subjects %q, want %q", subjects, want)
	}
	if st := gitOut(t, cfg.Snapshots, "status", "--porcelain"); st != "" {
		t.Errorf("folder not clean after the run:\n%s", st)
	}
	if got := len(h.take()); got != 3 {
		t.Errorf("%d events delivered, want 3", got)
	}
	// under the default, the same kind of run is one commit
	r2, cfg2, _, _, _ := twoSources(t)
	if res := run(t, r2, cfg2); len(res.Commits) != 1 || res.Commits[0] != res.Commit {
		t.Errorf("default run: commits %v, commit %q: want one", res.Commits, res.Commit)
	}
}

// cancelOn is a log handler that cancels a context when a record with the
// given message is logged.
type cancelOn struct {
	slog.Handler
	msg    string
	cancel context.CancelFunc
	once   sync.Once
}

func (c *cancelOn) Handle(ctx context.Context, rec slog.Record) error {
	if rec.Message == c.msg {
		c.once.Do(c.cancel)
	}
	return nil
}
func (c *cancelOn) Enabled(context.Context, slog.Level) bool { return true }
func (c *cancelOn) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *cancelOn) WithGroup(string) slog.Handler            { return c }

// A run stopped (a signal) after one part was committed keeps the run
// marker; the next run commits what is left and reports nothing twice.
func TestRunStoppedAfterAPartIsFinished(t *testing.T) {
	t.Parallel()
	r, cfg, _, b, h := twoSources(t)
	r.opts.CommitEvery = 1
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.FailList(waitFor(func() bool { return ctx.Err() != nil })) // b's list only after the stop
	r.log = slog.New(&cancelOn{Handler: slog.DiscardHandler, msg: "committed a part of the run", cancel: cancel})
	res, err := r.Run(ctx, cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Commits) != 1 || res.Sources[0].Added != 2 || !res.Sources[1].Interrupted {
		t.Fatalf("first run: commits %v, sources %+v", res.Commits, res.Sources)
	}
	if gitOut(t, cfg.Snapshots, "ls-tree", "-r", "--name-only", "HEAD", "b") != "" {
		t.Fatal("b committed by the stopped run")
	}
	first := h.take()
	b.FailList(nil)
	r.log = slog.New(slog.DiscardHandler)
	res = run(t, r, cfg)
	if res.Sources[0].Added != 0 || res.Sources[1].Added != 1 {
		t.Fatalf("second run: %+v", res.Sources)
	}
	if gitOut(t, cfg.Snapshots, "ls-tree", "-r", "--name-only", "HEAD", "b") == "" {
		t.Fatal("b not committed by the next run")
	}
	if st := gitOut(t, cfg.Snapshots, "status", "--porcelain"); st != "" {
		t.Errorf("folder not clean:\n%s", st)
	}
	all := append(first, h.take()...)
	slices.Sort(all)
	if len(all) != 3 || len(slices.Compact(all)) != 3 {
		t.Errorf("events delivered %v, want 3 distinct", all)
	}
}
