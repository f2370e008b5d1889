package fleet

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A folder written before posting keys were trimmed (a file named after
// the untrimmed id " 42 ", its snapshot's id "42") imports that posting,
// and the commit that moved the file to its key's name
// (snapshot.UpgradeKeys) is no change; a real change after it is one.
func TestImportFollowsPostingsAcrossTheKeyUpgrade(t *testing.T) {
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name string, p model.Posting) {
		t.Helper()
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "lv"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "lv", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	oldName := snapshot.PostingName(model.PostingKey(" 42 "))
	if oldName == snapshot.PostingName("42") {
		t.Fatalf("the old rule names %q as the new one does", oldName)
	}
	write(oldName, model.Posting{ID: "42", Source: "lv", Title: "Analyst"})
	write("7.json", model.Posting{ID: "7", Source: "lv", Title: "Scientist"})
	git("add", "-A")
	git("commit", "-q", "-m", "lv: 2 added")
	git("mv", "lv/"+oldName, "lv/42.json")
	git("commit", "-q", "-m", snapshot.UpgradeCommitSubject)
	write("7.json", model.Posting{ID: "7", Source: "lv", Title: "Senior Scientist"})
	git("commit", "-q", "-am", "lv: 1 changed")

	hist, err := gitrepo.OpenHistory("", dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := hist.Head()
	if err != nil {
		t.Fatal(err)
	}
	var commits []*gitrepo.Commit
	for c := head; c != nil; {
		commits = append([]*gitrepo.Commit{c}, commits...)
		if c, err = hist.Parent(c); err != nil {
			t.Fatal(err)
		}
	}
	batches, err := sourceHistory(hist, commits, config.Source{Name: "lv", Type: "lever"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	type change struct {
		id   string
		kind string
	}
	var got [][]change
	for _, b := range batches {
		var cs []change
		for _, c := range b.Changes {
			cs = append(cs, change{c.PostingID, c.Kind})
		}
		got = append(got, cs)
	}
	want := [][]change{{{"42", pgstore.Added}, {"7", pgstore.Added}}, {{"7", pgstore.Changed}}}
	if len(got) != len(want) {
		t.Fatalf("batches %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("batch %d: %v, want %v", i, got[i], want[i])
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("batch %d: %v, want %v", i, got[i], want[i])
			}
		}
	}
}
