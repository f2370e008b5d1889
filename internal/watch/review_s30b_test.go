package watch

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Review s30b F2: a dry run before the key upgrade, on a folder of the
// build before session 30 ("A.json"), when posting "A" really changed:
// it reads A's previous version under today's name (A__<hash>.json, not
// there until the upgrade), warns "stored snapshot unreadable and not in
// git" and reports the change "(previous snapshot unreadable)", without
// its diff; the real run compares with the old-named file and reports a
// proper change. 2d378191 covered the unchanged postings only.
func TestReviewS30bDryRunBeforeUpgradeComparesAChangedCapitalID(t *testing.T) {
	t.Parallel()
	var changed atomic.Bool
	board := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		req := "Excel."
		if changed.Load() {
			req = "Excel and SQL."
		}
		fmt.Fprintf(w, `[{"id":"A","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/A","descriptionPlain":"Requirements: %s"},
			{"id":"a","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/a","descriptionPlain":"Requirements: R."}]`, req)
	}
	cfg := keyedLever(t, map[string]string{"KEY": "k"}, "", board)
	runQuiet(t, cfg)
	dir := cfg.Snapshots
	git := snapGit(t, dir)
	// the folder as a build before session 30 left it: A.json, no names
	git("mv", "lv/"+snapshot.PostingName("A"), "lv/A.json")
	s := snapStore(t, cfg)
	idx, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	idx.Names = 0
	if _, err := s.SaveIndex("lv", idx); err != nil {
		t.Fatal(err)
	}
	commitAll(git, "an old build's folder")

	changed.Store(true)
	var logs bytes.Buffer
	dry, err := quietRunner(t, cfg, Options{DryRun: true, Logger: slog.New(slog.NewTextHandler(&logs, nil))}).Run(context.Background(), cfg.Sources)
	if err != nil || dry.Failed() {
		t.Fatalf("dry run: %v %+v", err, dry.Sources)
	}
	if strings.Contains(logs.String(), "unreadable") || strings.Contains(logs.String(), "missing") {
		t.Errorf("the dry run did not find A's previous version under its old name:\n%s", logs.String())
	}
}
