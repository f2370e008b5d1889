package watch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A key upgrade whose commit fails (a failure injected into that commit
// only), in a run where another source changes and is committed, leaves
// the run marker: the next run's recovery commits the renamed files, so
// git status ends clean and HEAD has the files under their new names.
// (Before, the run's own end took the marker away; the index on disk
// already held the new keys, so nothing upgraded or committed them again.)
func TestKeyUpgradeCommitFailureKeepsMarker(t *testing.T) {
	var more atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: lv, type: lever, board: lv, url: %q}\n  - {name: lw, type: lever, board: lw, url: %q}\n", srv.URL, srv.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), func(string) (string, bool) { return "", false }, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", cfg.Snapshots}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	runQuiet(t, cfg)

	// lv's folder as a build before trimmed keys left it: " 42 " kept
	// under model.PostingKey(" 42 "), its file named after that
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	newPath, oldPath := s.PostingPath("lv", "42"), s.PostingPath("lv", model.PostingKey(" 42 "))
	if newPath == oldPath {
		t.Fatal("the old rule names the file alike: nothing to upgrade")
	}
	rel := func(p string) string {
		t.Helper()
		r, err := filepath.Rel(cfg.Snapshots, p)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(r)
	}
	git("mv", rel(newPath), rel(oldPath))
	idxPath := filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("lv")))
	var idx map[string]any
	b, err := os.ReadFile(idxPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	entries := idx["postings"].(map[string]any)
	entries[model.PostingKey(" 42 ")] = entries["42"]
	delete(entries, "42")
	if b, err = json.MarshalIndent(idx, "", " "); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(idxPath, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "-A")
	git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "an old build's folder")

	// the run: lv's upgrade commit fails, lw changes
	more.Store(true)
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	injected := 0
	r.commitFault = func(msg string) error {
		if strings.HasPrefix(msg, snapshot.UpgradeCommitSubject) {
			injected++
			return errors.New("injected failure of the upgrade commit")
		}
		return nil
	}
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
