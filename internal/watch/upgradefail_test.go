package watch

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A source whose key upgrade fails (its index replaced by a folder) is that
// source's failure alone: the other source is fetched, written and
// committed; the failed one has its error and its failed run record.
func TestKeyUpgradeFailureFailsOnlyItsSource(t *testing.T) {
	t.Parallel()
	var lvRequests atomic.Int32
	var more atomic.Bool
	cfg := leverConfig(t, nil, func(w http.ResponseWriter, r *http.Request) {
		board := strings.TrimPrefix(r.URL.Path, "/v0/postings/")
		if board == "lv" {
			lvRequests.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		extra := ""
		if more.Load() {
			extra = fmt.Sprintf(`,{"id":"%s-2","text":"Analyst","hostedUrl":"https://jobs.lever.co/%s/2"}`, board, board)
		}
		fmt.Fprintf(w, `[{"id":"%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/%s/1"}%s]`, board, board, extra)
	}, leverBoards("lw", "lv"))
	runQuiet(t, cfg)

	// lw's index becomes a folder; lv lists one more posting
	idx := filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("lw")))
	if err := os.Remove(idx); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(idx, 0o755); err != nil {
		t.Fatal(err)
	}
	more.Store(true)
	before := lvRequests.Load()
	git := snapGit(t, cfg.Snapshots)
	h0 := git("rev-parse", "HEAD")
	res, err := quietRunner(t, cfg, Options{}).Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatalf("run failed as a whole: %v", err)
	}
	if len(res.Sources) != 2 {
		t.Fatalf("sources %+v", res.Sources)
	}
	lw, lv := res.Sources[0], res.Sources[1]
	if lw.Source != "lw" || lw.Err == nil || !strings.Contains(lw.Err.Error(), "lw") {
		t.Errorf("lw: want its failure naming it, got %+v", lw)
	}
	if lv.Source != "lv" || lv.Err != nil || lv.Listed != 2 || lv.Added != 1 {
		t.Errorf("lv: want fetched, got %+v", lv)
	}
	if lvRequests.Load() == before {
		t.Errorf("lv was not fetched")
	}
	s := snapStore(t, cfg)
	if rec, ok, err := s.PeekRun("lw"); err != nil || !ok || rec.Outcome != snapshot.RunFailed {
		t.Errorf("lw run record %+v %v %v, want failed", rec, ok, err)
	}
	if rec, ok, err := s.PeekRun("lv"); err != nil || !ok || rec.Outcome != snapshot.RunOK {
		t.Errorf("lv run record %+v %v %v, want ok", rec, ok, err)
	}
	if res.Commit == "" || git("rev-parse", "HEAD") == h0 {
		t.Errorf("lv's change was not committed (commit %q)", res.Commit)
	}
}
