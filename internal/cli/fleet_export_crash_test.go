package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportGitKilledIsRepaired: an export-git process SIGKILLed after it
// began writing files and before its commit leaves the folder's run
// marker; the next export sees it and commits what the dead one wrote
// (files whose bytes already equal the database's, which it would not
// write again) with its own changes: the repository is clean, HEAD holds
// the database's postings, the marker is gone.
func TestExportGitKilledIsRepaired(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL and the watcher as a process")
	}
	t.Parallel()
	const n = 1500
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	mirror := filepath.Join(filepath.Dir(cfg), "mirror")
	jobs := func(round int) []fleetJob {
		out := make([]fleetJob, n)
		for i := range out {
			out[i] = fleetPosting(i+1, fmt.Sprintf("Data Engineer %d round %d", i+1, round))
			out[i].Updated = fmt.Sprintf("2026-11-%02dT10:00:00Z", 10+round)
		}
		return out
	}
	board.set(jobs(0)...)
	if code, stdout, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runIn(t, cfg, "export-git", "--to", mirror); code != 0 {
		t.Fatalf("export-git: exit %d\n%s\n%s", code, stdout, stderr)
	}
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", mirror}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	first := strings.TrimSpace(git("rev-parse", "HEAD"))
	marker := filepath.Join(mirror, ".watcher", "run-in-progress")
	acme := filepath.Join(mirror, "acme")

	killed := false
	for round := 1; round <= 3 && !killed; round++ {
		board.set(jobs(round)...)
		if code, stdout, stderr := runIn(t, cfg, "run"); code != 0 {
			t.Fatalf("run %d: exit %d\n%s\n%s", round, code, stdout, stderr)
		}
		before, err := os.Stat(acme)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(watcherBinary(t), "export-git", "-c", cfg, "--to", mirror)
		cmd.Env = append(os.Environ(), asWatcher+"=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// kill it once the marker is there and a posting file has been
		// replaced (the folder's modification time moved)
	wait:
		for {
			select {
			case err := <-done:
				t.Logf("round %d: the export ended before it could be killed (%v): again", round, err)
				break wait
			default:
			}
			if _, err := os.Stat(marker); err == nil {
				if fi, err := os.Stat(acme); err == nil && fi.ModTime().After(before.ModTime()) {
					_ = cmd.Process.Signal(syscall.SIGKILL)
					<-done
					killed = true
					break wait
				}
			}
		}
	}
	if !killed {
		t.Fatal("the export was never caught between its first write and its commit")
	}
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("the killed export left no marker: %v", err)
	}
	if head := strings.TrimSpace(git("rev-parse", "HEAD")); head != first {
		t.Logf("the killed export committed (%s) before it died: the repair has less to do", head)
	}
	code, stdout, stderr := runIn(t, cfg, "export-git", "--to", mirror)
	if code != 0 || !strings.Contains(stdout, "the last export stopped before its commit") {
		t.Fatalf("export-git after the kill: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("the marker is still there after the repair: %v", err)
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("the repository is not clean after the repair:\n%s", st[:min(len(st), 2000)])
	}
	// HEAD has the database's postings: the last round's titles
	files := strings.Fields(git("ls-tree", "--name-only", "HEAD", "acme/"))
	postings := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".json") {
			postings++
		}
	}
	if postings != n {
		t.Errorf("HEAD has %d posting files, want %d", postings, n)
	}
	var last int
	for round := 1; round <= 3; round++ {
		if strings.Contains(git("show", "HEAD:acme/1.json"), fmt.Sprintf("round %d", round)) {
			last = round
		}
	}
	if !strings.Contains(git("show", fmt.Sprintf("HEAD:acme/%d.json", n)), fmt.Sprintf("round %d", last)) || last == 0 {
		t.Errorf("HEAD's postings are not all of the last round (%d)", last)
	}
}
