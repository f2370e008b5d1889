package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// The recovery after a stopped run commits the files the stopped run
// wrote, and only the watcher's own: a user's file in the snapshot folder
// (an .env its .gitignore excludes, notes, a file in a folder of its own
// or in the source's folder) was committed with them, and pushed with
// git.push (review s22 F9).
func TestRecoveryCommitsOnlyTheWatchersFiles(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	dir := cfg.Snapshots
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), append(ignore, ".env.local\n*.secret\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, dir, "-c", "user.name=u", "-c", "user.email=u@example.com", "commit", "-qam", "ignore my secrets")
	users := map[string]string{
		".env.local":      "TOKEN=hunter2hunter2",
		"nf/key.secret":   "s",
		"mynotes.txt":     "notes",
		"private/a.json":  "{}",
		".watcher/mine.x": "x",
		"nf/notes.txt":    "n",
	}
	for p, c := range users {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	nf.SetJobs([]fake.Job{retitled(1), retitled(2)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	run(t, r, cfg)
	tree := gitOut(t, dir, "log", "--name-only", "--format=", "-3")
	for p := range users {
		if strings.Contains(tree, p) {
			t.Errorf("%s committed:\n%s", p, tree)
		}
	}
	if !strings.Contains(tree, "nf/101.json") {
		t.Errorf("the stopped run's file not committed:\n%s", tree)
	}
	if msg := gitOut(t, dir, "log", "--format=%s", "-3"); !strings.Contains(msg, "finish an interrupted run") {
		t.Fatalf("no recovery commit:\n%s", msg)
	}
}
