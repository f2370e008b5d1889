package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A folder whose committed .gitignore predates the lock's and the run
// records' lines gets them at the next run, and a run with nothing else to
// commit commits the file; a later quiet run (another process, which left
// the file as it was) commits nothing.
func TestOlderIgnoreFileIsCommittedOnAQuietRun(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()

	ignore := filepath.Join(cfg.Snapshots, ".gitignore")
	old := "# written by careers-watcher: files of a run in progress, never committed\n.tmp-*\n/.watcher/run-in-progress\n"
	if err := os.WriteFile(ignore, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	repo, err := gitrepo.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := repo.Commit([]string{ignore}, "an older version's .gitignore", gitrepo.Author{Name: "t", Email: "t@example.com"}, time.Now()); err != nil || !ok {
		t.Fatalf("commit the older .gitignore: %v %v", ok, err)
	}

	r2 := quietRunner(t, cfg, Options{})
	res := run(t, r2, cfg)
	if res.Commit == "" {
		t.Fatal("the quiet run that brought the .gitignore up to date committed nothing")
	}
	repo, err = gitrepo.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	head, ok, err := repo.HeadFile(ignore)
	now, _ := os.ReadFile(ignore)
	if err != nil || !ok || string(head) != string(now) || !strings.Contains(string(now), "/.watcher/lock\n") {
		t.Fatalf("HEAD's .gitignore %q (%v %v), the file %q", head, ok, err, now)
	}

	r3 := quietRunner(t, cfg, Options{})
	if res := run(t, r3, cfg); res.Commit != "" {
		t.Fatalf("a quiet run after it committed %s", res.Commit)
	}
	if n := len(h.take()); n != 0 {
		t.Fatalf("%d events from quiet runs", n)
	}
}
