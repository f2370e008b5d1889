package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A snapshot folder whose .gitignore is the user's own (no line of the
// watcher's) gets the watcher's lines at the next run, after the user's,
// committed even when the run has nothing else to commit; the run after
// commits nothing.
func TestUserIgnoreFileGetsTheWatcherLinesCommitted(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	ignore := filepath.Join(cfg.Snapshots, ".gitignore")
	user := "# mine\n*.log\n"
	if err := os.WriteFile(ignore, []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, cfg.Snapshots, "add", ".gitignore")
	gitOut(t, cfg.Snapshots, "-c", "user.name=u", "-c", "user.email=u@localhost", "commit", "-q", "-m", "my own .gitignore")

	res := run(t, quietRunner(t, cfg, Options{}), cfg)
	if res.Commit == "" {
		t.Fatal("the .gitignore brought up to date was not committed")
	}
	got := readFile(t, ignore)
	if !strings.HasPrefix(got, user) || strings.Count(got, "\n.tmp-*\n") != 1 || strings.Count(got, "/.watcher/run-in-progress\n") != 1 {
		t.Fatalf(".gitignore:\n%s", got)
	}
	if head := gitOut(t, cfg.Snapshots, "show", "HEAD:.gitignore"); head != got {
		t.Fatalf("HEAD's .gitignore:\n%s\nthe file:\n%s", head, got)
	}
	checkSettled(t, cfg)
	if res := run(t, quietRunner(t, cfg, Options{}), cfg); res.Commit != "" {
		t.Fatal("the run after committed again")
	}
}
