package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A key upgrade whose commit fails (a failure injected into that commit
// only), in a run where another source changes and is committed, leaves
// the run marker: the next run's recovery commits the renamed files, so
// git status ends clean and HEAD has the files under their new names.
// (Before, the run's own end took the marker away; the index on disk
// already held the new keys, so nothing upgraded or committed them again.)
func TestKeyUpgradeCommitFailureKeepsMarker(t *testing.T) {
	t.Parallel()
	var more atomic.Bool
	cfg := leverConfig(t, nil, func(w http.ResponseWriter, r *http.Request) {
		board := strings.TrimPrefix(r.URL.Path, "/v0/postings/")
		w.Header().Set("Content-Type", "application/json")
		if board == "lv" {
			fmt.Fprint(w, `[{"id":" 42 ","text":"Analyst","hostedUrl":"https://jobs.lever.co/lv/42"},{"id":"7","text":"Scientist","hostedUrl":"https://jobs.lever.co/lv/7"}]`)
			return
		}
		extra := ""
		if more.Load() {
			extra = `,{"id":"lw-2","text":"Analyst","hostedUrl":"https://jobs.lever.co/lw/2"}`
		}
		fmt.Fprintf(w, `[{"id":"lw-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/lw/1"}%s]`, extra)
	}, leverBoards("lv", "lw"))
	git := snapGit(t, cfg.Snapshots)
	runQuiet(t, cfg)

	// lv's folder as a build before trimmed keys left it: " 42 " kept
	// under model.PostingKey(" 42 "), its file named after that
	if oldKeyFolder(t, cfg.Snapshots, "lv", map[string]string{"42": " 42 "}) != 1 {
		t.Fatal("the old rule names the file alike: nothing to upgrade")
	}
	s := snapStore(t, cfg)
	newPath, oldPath := s.PostingPath("lv", "42"), s.PostingPath("lv", model.PostingKey(" 42 "))
	rel := func(p string) string { t.Helper(); return slashRel(t, cfg.Snapshots, p) }

	// the run: lv's upgrade commit fails, lw changes
	more.Store(true)
	r := quietRunner(t, cfg, Options{})
	injected := 0
	r.commits = failingCommits{next: r.commits, fail: func(msg string) error {
		if strings.HasPrefix(msg, snapshot.UpgradeCommitSubject) {
			injected++
			return errors.New("injected failure of the upgrade commit")
		}
		return nil
	}}
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if injected == 0 {
		t.Fatal("no upgrade commit was attempted")
	}
	if lv, lw := res.Sources[0], res.Sources[1]; lv.Err == nil || lw.Err != nil || lw.Added != 1 {
		t.Fatalf("want lv failed, lw added 1: %+v", res.Sources)
	}

	// the next run (no fault)
	runQuiet(t, cfg)
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("uncommitted after the second run:\n%s", st)
	}
	if files := git("ls-tree", "-r", "--name-only", "HEAD"); !strings.Contains(files, rel(newPath)+"\n") || strings.Contains(files, rel(oldPath)+"\n") {
		t.Errorf("HEAD does not have %s (instead of %s):\n%s", rel(newPath), rel(oldPath), files)
	}
}
