package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// caseBoard is a lever listing whose ids have capital letters, two of
// them differing in case alone ("A" and "a").
func caseBoard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `[{"id":"JR-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/1","descriptionPlain":"Requirements: Python."},
			{"id":"A","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/A","descriptionPlain":"Requirements: Excel."},
			{"id":"a","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/a","descriptionPlain":"Requirements: R."},
			{"id":"7","text":"Manager","hostedUrl":"https://jobs.lever.co/acme/7","descriptionPlain":"You lead."}]`)
}

// A folder written before NamesRule (session 30), where an id with
// capital letters was its own file name ("A.json" beside "a.json": one
// file on macOS and Windows), is renamed once: its files move to today's
// names in one commit of their own, no event, the index records the rule,
// and the next run has nothing to do.
func TestCaseNamedFolderUpgradesWithoutChanges(t *testing.T) {
	t.Parallel()
	cfg := keyedLever(t, map[string]string{"KEY": "k"}, "", caseBoard)
	runQuiet(t, cfg)
	dir := cfg.Snapshots
	git := snapGit(t, dir)
	names := map[string]bool{}
	for _, id := range []string{"JR-1", "A", "a", "7"} {
		n := snapshot.PostingName(id)
		if names[strings.ToLower(n)] {
			t.Fatalf("%q's file %q is another id's where case does not count", id, n)
		}
		names[strings.ToLower(n)] = true
	}
	if n := snapshot.PostingName("A"); n == "A.json" || !strings.HasPrefix(n, "A__") {
		t.Fatalf("PostingName(A) = %q", n)
	}
	// the folder as a build before session 30 left it
	src := filepath.Join(dir, "lv")
	for _, id := range []string{"JR-1", "A"} {
		git("mv", "lv/"+snapshot.PostingName(id), "lv/"+id+".json")
	}
	editIndex(t, dir, "lv", func(idx map[string]any) {
		if idx["names"] != float64(snapshot.NamesRule) {
			t.Fatalf("a new folder's index has names %v, want %d", idx["names"], snapshot.NamesRule)
		}
		delete(idx, "names")
		idx["normalizer"] = "an-older-normalizer" // as an older build's index: every posting is compared again
	})
	commitAll(git, "an old build's folder")

	// a dry run first: no change, and no file taken for missing (they
	// are there under the names the rename moves them from)
	var logs bytes.Buffer
	head := git("rev-parse", "HEAD")
	dry, err := quietRunner(t, cfg, Options{DryRun: true, Logger: slog.New(slog.NewTextHandler(&logs, nil))}).Run(context.Background(), cfg.Sources)
	if err != nil || dry.Failed() || len(dry.Events) != 0 {
		t.Fatalf("dry run: %v %+v %+v", err, dry.Sources, dry.Events)
	}
	if strings.Contains(logs.String(), "missing") || git("rev-parse", "HEAD") != head || git("status", "--porcelain") != "" {
		t.Errorf("the dry run took a file for missing, wrote or committed:\n%s", logs.String())
	}

	res := runQuiet(t, cfg)
	for _, sr := range res.Sources {
		if sr.Added+sr.Removed+sr.Changed+sr.Missing != 0 {
			t.Errorf("the run after the rename reports changes: %+v", sr)
		}
	}
	if len(res.Events) != 0 {
		t.Errorf("events after the rename: %+v", res.Events)
	}
	// the rename's commit, then the run's own (the older normalizer's
	// index makes it commit the new version)
	if subj := git("log", "-2", "--format=%s"); !strings.HasPrefix(strings.Split(subj, "\n")[1], snapshot.UpgradeCommitSubject) {
		t.Errorf("last commits %q, want the upgrade's before the run's", subj)
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("uncommitted after the rename:\n%s", st)
	}
	if moves := git("show", "--name-status", "-M", "--format=", "HEAD~1"); strings.Count(moves, "R100") != 2 {
		t.Errorf("the rename commit is not two renames:\n%s", moves)
	}
	for _, id := range []string{"JR-1", "A", "a", "7"} {
		if _, err := os.Stat(filepath.Join(src, snapshot.PostingName(id))); err != nil {
			t.Errorf("posting %q: %v", id, err)
		}
	}
	for _, old := range []string{"JR-1.json", "A.json"} {
		if _, err := os.Stat(filepath.Join(src, old)); err == nil {
			t.Errorf("%s is still there", old)
		}
	}
	s := snapStore(t, cfg)
	st, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	if st.Names != snapshot.NamesRule || len(st.Postings) != 4 {
		t.Errorf("index after the rename: names %d, %d postings", st.Names, len(st.Postings))
	}
	head = git("rev-parse", "HEAD")
	res = runQuiet(t, cfg)
	if len(res.Events) != 0 || git("rev-parse", "HEAD") != head {
		t.Errorf("a second run after the rename made events %v or a commit", res.Events)
	}
}

// An index without the naming rule's record whose files already have
// today's names (the capital ids' files were hashed by the older rule
// too, as "A b" was) moves no file: the upgrade's commit says that it
// only records the rule, not "1 path" as if a file had moved (review
// s30b F4).
func TestUpgradeThatMovesNoFileSaysSo(t *testing.T) {
	t.Parallel()
	cfg := keyedLever(t, map[string]string{"KEY": "k"}, "", caseBoard)
	runQuiet(t, cfg)
	dir := cfg.Snapshots
	git := snapGit(t, dir)
	editIndex(t, dir, "lv", func(idx map[string]any) { delete(idx, "names") })
	commitAll(git, "an index without the naming rule")
	res := runQuiet(t, cfg)
	if len(res.Events) != 0 {
		t.Errorf("events: %+v", res.Events)
	}
	msg := git("log", "-1", "--format=%B")
	if !strings.HasPrefix(msg, snapshot.UpgradeCommitSubject) {
		t.Fatalf("last commit %q, want the upgrade's", msg)
	}
	if files := git("show", "--name-only", "--format=", "HEAD"); strings.TrimSpace(files) != snapshot.IndexRel("lv") {
		t.Fatalf("the upgrade commit holds %q, want the index alone", files)
	}
	if strings.Contains(msg, "1 path") || !strings.Contains(msg, "No file moved") {
		t.Errorf("the upgrade's message speaks of moved files:\n%s", msg)
	}
}

// editIndex rewrites a source's index file in the snapshot folder dir
// through edit, as JSON, the way an older build or a hand would leave it.
func editIndex(t *testing.T, dir, source string, edit func(map[string]any)) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(snapshot.IndexRel(source)))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var idx map[string]any
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	edit(idx)
	if b, err = json.MarshalIndent(idx, "", " "); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
