package watch

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

func headMessage(t *testing.T, dir string) (string, string) {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(ref.Hash())
	if err != nil {
		t.Fatal(err)
	}
	return ref.Hash().String(), c.Message
}

func outboxFiles(t *testing.T, snapshots string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(snapshots, ".watcher", "outbox", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Events a receiver could not take go out between runs, and the emptied
// outbox is committed.
func TestRedeliverBetweenRuns(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	h.setDown(true)
	r, cfg := newRunner(t, nf, h)
	r.outbox.BreakAfter = 100 // this test is about redelivery, not the circuit breaker
	if res := run(t, r, cfg); res.Pending != 2 {
		t.Fatalf("pending %d, want 2", res.Pending)
	}
	kept := outboxFiles(t, cfg.Snapshots)
	before, _ := headMessage(t, cfg.Snapshots)

	// still down: nothing delivered, the attempt is recorded and committed
	dr, err := r.Redeliver(context.Background())
	if err != nil || dr.Delivered != 0 || dr.Failed != 2 {
		t.Fatalf("redeliver while down: %+v, %v", dr, err)
	}
	if len(outboxFiles(t, cfg.Snapshots)) != 2 {
		t.Fatal("undelivered events left the outbox")
	}

	h.setDown(false)
	dr, err = r.Redeliver(context.Background())
	if err != nil || dr.Delivered != 2 {
		t.Fatalf("redeliver: %+v, %v", dr, err)
	}
	ids := h.take()
	if len(ids) != 2 {
		t.Fatalf("receiver got %v", ids)
	}
	for _, id := range ids {
		found := false
		for _, f := range kept {
			found = found || strings.TrimSuffix(filepath.Base(f), ".json") == id
		}
		if !found {
			t.Errorf("re-delivery used a new id %s (outbox had %v)", id, kept)
		}
	}
	if left := outboxFiles(t, cfg.Snapshots); len(left) != 0 {
		t.Fatalf("outbox still holds %v", left)
	}
	hash, msg := headMessage(t, cfg.Snapshots)
	if hash == before || msg != "watcher: notification outbox (2 delivered, 0 pending)\n" {
		t.Fatalf("commit %s %q", hash, msg)
	}
	if _, ok, _ := r.repo.HeadFile(filepath.ToSlash(filepath.Join(".watcher", "outbox", filepath.Base(kept[0])))); ok {
		t.Fatal("the delivered entry is still in HEAD")
	}

	// nothing owed: no delivery, no commit
	dr, err = r.Redeliver(context.Background())
	if err != nil || dr.Delivered != 0 || len(dr.Changed) != 0 {
		t.Fatalf("empty redeliver: %+v, %v", dr, err)
	}
	if h2, _ := headMessage(t, cfg.Snapshots); h2 != hash {
		t.Fatal("an empty redelivery made a commit")
	}
}

// The daemon delivers the outbox on its timer between scheduled runs and
// stops with it.
func TestDaemonRedeliversOnTimer(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	h.setDown(true)
	r, cfg := newRunner(t, nf, h)
	cfg.Schedule = "@every 1h"
	cfg.Outbox.RetryEvery = 20 * time.Millisecond
	// every tick tries: on a slow machine three ticks can fail before the
	// receiver is up, and the breaker's pause (its own tests) would
	// outlast the wait below
	r.outbox.BreakAfter = 100
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Daemon(ctx, cfg.Sources) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("daemon: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("the daemon did not stop")
		}
	}()
	wait := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	wait("the first run's events in the outbox", func() bool { return len(outboxFiles(t, cfg.Snapshots)) == 2 })
	h.setDown(false)
	var got []string
	wait("the redelivery", func() bool { got = append(got, h.take()...); return len(got) >= 2 })
	wait("the outbox to empty", func() bool { return len(outboxFiles(t, cfg.Snapshots)) == 0 })
	if len(got) != 2 {
		t.Fatalf("receiver got %v", got)
	}
}

// While a notifier is down, quiet runs and redelivery ticks retry it but
// commit nothing: attempt bookkeeping is no change.
func TestQuietRunsDoNotCommitWhileANotifierIsDown(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	h.setDown(true)
	r, cfg := newRunner(t, nf, h)
	r.outbox.BreakAfter = 100 // every pass tries (the breaker has its own tests)
	first := run(t, r, cfg)
	if first.Commit == "" || first.Pending != 2 {
		t.Fatalf("first run: commit %q, pending %d", first.Commit, first.Pending)
	}
	for i := 0; i < 3; i++ {
		if res := run(t, r, cfg); res.Commit != "" || res.Pending != 2 {
			t.Fatalf("quiet run %d: commit %q, pending %d", i, res.Commit, res.Pending)
		}
		dr, err := r.Redeliver(t.Context())
		if err != nil || len(dr.Changed) != 0 || dr.Failed == 0 {
			t.Fatalf("redelivery %d: %+v %v", i, dr, err)
		}
	}
	h.setDown(false)
	if res := run(t, r, cfg); res.DeliveryCommit == "" || res.Pending != 0 {
		t.Fatalf("once delivered, the emptied outbox is committed: commit %q, pending %d", res.DeliveryCommit, res.Pending)
	}
}
