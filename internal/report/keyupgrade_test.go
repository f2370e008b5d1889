package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The commit of the key upgrade (snapshot files moved from the names of
// the rule before d86d7b3 to their keys' names, no posting changed) opens
// and closes nothing in the trend; a real change beside it still counts.
func TestTrendKeyUpgradeIsNoChange(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	repo, err := gitrepo.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "snapshots")
	write := func(name string, p model.Posting) string {
		t.Helper()
		p.Source = "acme"
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "acme", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	commit := func(m time.Month, d int, msg string, paths ...string) {
		t.Helper()
		if _, ok, err := repo.Commit(paths, msg, gitrepo.Author{Name: "w", Email: "w@localhost"}, day(m, d, 9)); err != nil || !ok {
			t.Fatalf("commit %q: %v %v", msg, ok, err)
		}
	}
	py := model.Skills{Required: []string{"Python"}}
	ids := map[string]string{" 42 ": "42", "x y ": "x y", "7": "7"}
	var paths []string
	for raw, key := range ids {
		paths = append(paths, write(snapshot.PostingName(model.PostingKey(raw)), model.Posting{ID: key, Title: "job " + key, Skills: py}))
	}
	commit(1, 20, "acme: 3 added", paths...) // before the window: the baseline
	commit(2, 3, "acme: 1 added", write("8.json", model.Posting{ID: "8", Title: "job 8", Skills: py}))
	var moves []string
	for raw, key := range ids {
		from, to := snapshot.PostingName(model.PostingKey(raw)), snapshot.PostingName(key)
		if from == to {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "acme", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(dir, "acme", from)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "acme", to), b, 0o644); err != nil {
			t.Fatal(err)
		}
		moves = append(moves, filepath.Join(dir, "acme", from), filepath.Join(dir, "acme", to))
	}
	if len(moves) != 4 {
		t.Fatalf("%d paths moved, want 4", len(moves))
	}
	commit(2, 10, snapshot.UpgradeCommitSubject, moves...)

	r, err := Build(Options{SnapshotDir: dir, Since: fixtureSince, Now: fixtureNow, Category: testCategory})
	if err != nil {
		t.Fatal(err)
	}
	tr := r.Trend
	if !tr.Available || tr.Opened != 1 || tr.Closed != 0 || tr.Start != 3 || tr.End != 4 {
		t.Errorf("trend: available %v opened %d closed %d start %d end %d; want opened 1 closed 0 start 3 end 4 (notes %v)",
			tr.Available, tr.Opened, tr.Closed, tr.Start, tr.End, r.Notes)
	}
}
