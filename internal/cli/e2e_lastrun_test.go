package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/serve"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// TestStatusLastRunAndLastSuccess: real runs keep a local run record per
// source (never committed, never in git status); status shows its last run
// and last success; a failing run moves the first and keeps the second; a
// dry run touches neither.
func TestStatusLastRunAndLastSuccess(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	snaps := filepath.Join(e.dir, "snaps")
	const src = "netflix-data-insights"
	record := (&snapshot.Store{Dir: snaps}).RunPath(src)
	status := func(what string) serve.Status {
		t.Helper()
		code, out, stderr := e.run(t, "status", "--json")
		if code != 0 {
			t.Fatalf("%s: status --json: exit %d\n%s", what, code, stderr)
		}
		var sts []serve.Status
		if err := json.Unmarshal([]byte(out), &sts); err != nil || len(sts) != 1 {
			t.Fatalf("%s: status --json: %v\n%s", what, err, out)
		}
		if !strings.Contains(out, `"last_run"`) || !strings.Contains(out, `"last_success"`) {
			t.Fatalf("%s: status --json lacks last_run or last_success:\n%s", what, out)
		}
		return sts[0]
	}
	clean := func(what string) {
		t.Helper()
		if st := gitIn(t, snaps, "status", "--porcelain", "--untracked-files=all", "--ignored=no"); st != "" {
			t.Fatalf("after %s: git status in the snapshot repository:\n%s", what, st)
		}
		if files := gitIn(t, snaps, "ls-files"); strings.Contains(files, "runs/") {
			t.Fatalf("after %s: a run record is committed:\n%s", what, files)
		}
	}
	run := func(what string, want int, args ...string) {
		t.Helper()
		if code, _, stderr := e.run(t, append([]string{"run"}, args...)...); code != want {
			t.Fatalf("%s: exit %d, want %d\n%s", what, code, want, stderr)
		}
	}

	// before any run: no record, "-" in the table
	if code, _, stderr := e.run(t, "run", "--dry-run"); code != 0 {
		t.Fatalf("dry run on an empty folder: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(record); !os.IsNotExist(err) {
		t.Fatalf("a dry run wrote the run record: %v", err)
	}

	before := time.Now()
	run("a first run", 0)
	clean("a first run")
	s := status("a first run")
	if s.LastRun == nil || s.LastSuccess == nil || !s.LastRun.Equal(*s.LastSuccess) || s.LastRun.Before(before) || s.LastRun.After(time.Now()) {
		t.Fatalf("after a first run: last run %v, last success %v", s.LastRun, s.LastSuccess)
	}
	code, out, _ := e.run(t, "status")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], "LAST RUN") || !strings.Contains(lines[0], "LAST SUCCESS") {
		t.Fatalf("status table:\n%s", out)
	}
	// source type company health, then last run, last success, last change
	// (two fields each), open postings
	if f := strings.Fields(lines[1]); len(f) < 11 || f[4] != s.LastRun.UTC().Format("2006-01-02") || f[6] != f[4] || f[10] != "2" {
		t.Fatalf("status row %q", lines[1])
	}

	run("a quiet run", 0)
	clean("a quiet run")
	quiet := status("a quiet run")
	if quiet.LastRun == nil || !quiet.LastRun.After(*s.LastRun) || !quiet.LastSuccess.Equal(*quiet.LastRun) {
		t.Fatalf("a quiet run did not move last run and last success: %v %v (before %v)", quiet.LastRun, quiet.LastSuccess, s.LastRun)
	}

	// a dry run leaves the record as it is
	rec, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	run("a dry run", 0, "--dry-run")
	if again, err := os.ReadFile(record); err != nil || !bytes.Equal(again, rec) {
		t.Fatalf("a dry run changed the run record: %v\n%s\n->\n%s", err, rec, again)
	}

	// a failing run: last run moves, last success stays
	e.nf.FailList(func(int) (int, string) { return 500, "down" })
	run("a failing run", 1)
	clean("a failing run")
	failed := status("a failing run")
	if failed.Health != "failing" || failed.LastRun == nil || !failed.LastRun.After(*quiet.LastRun) ||
		failed.LastSuccess == nil || !failed.LastSuccess.Equal(*quiet.LastSuccess) {
		t.Fatalf("after a failing run: health %s, last run %v, last success %v (last success before %v)", failed.Health, failed.LastRun, failed.LastSuccess, quiet.LastSuccess)
	}
	if b, err := os.ReadFile(record); err != nil || !strings.Contains(string(b), `"outcome": "failed"`) {
		t.Fatalf("run record after a failing run: %v\n%s", err, b)
	}

	// a clone of the repository (a fresh CI checkout) has no record: "-"
	clone := filepath.Join(t.TempDir(), "clone")
	gitIn(t, e.dir, "clone", "-q", snaps, clone)
	f, err := serve.NewFolder(clone, []serve.SourceConfig{{Name: src, Type: "eightfold"}})
	if err != nil {
		t.Fatal(err)
	}
	sts, err := f.Statuses()
	if err != nil || len(sts) != 1 || sts[0].LastRun != nil || sts[0].LastSuccess != nil || sts[0].LastChange == nil {
		t.Fatalf("a fresh clone: %v %+v", err, sts)
	}
}
