package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// git runs the git binary in dir and returns its trimmed output.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git binary")
	}
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v in %s: %v\n%s", args, dir, err, out)
	}
	return strings.TrimSpace(string(out))
}

// gitStatus is `git status --porcelain` in dir, "" when there is no git
// binary to ask.
func gitStatus(t *testing.T, dir string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		return ""
	}
	return gitIn(t, dir, "status", "--porcelain", "--untracked-files=all")
}

// cloneLike makes a git repository with the project's shipped config.yaml
// and .gitignore committed, as a clone of this project is, with the
// source's URL pointed at nf and extra appended to the git section.
func cloneLike(t *testing.T, nf *fake.Server, gitExtra string) (dir, cfg string) {
	t.Helper()
	dir = t.TempDir()
	shipped, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yml := string(shipped)
	for old, new := range map[string]string{
		"url: https://explore.jobs.netflix.net": "url: " + nf.URL,
		"per_host_delay: 1s":                    "per_host_delay: 1ms",
		"  commit: true\n":                      "  commit: true\n" + gitExtra,
	} {
		if !strings.Contains(yml, old) {
			t.Fatalf("shipped config.yaml has no %q", old)
		}
		yml = strings.Replace(yml, old, new, 1)
	}
	ignore, err := os.ReadFile("../../.gitignore")
	if err != nil {
		t.Fatal(err)
	}
	cfg = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), ignore, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("WATCHER_SNAPSHOTS", "")
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", "config.yaml", ".gitignore")
	gitIn(t, dir, "commit", "-q", "-m", "project")
	return dir, cfg
}

// The README's first command, run in a clone of this project, commits into
// the snapshot folder's own repository: the clone's HEAD stays, and its
// git status stays clean (the .gitignore ignores the snapshot folder).
func TestRunInACloneKeepsItsHistory(t *testing.T) {
	nf := fake.New(t, "netflix.com", []fake.Job{netflixJob(1), netflixJob(2)})
	dir, cfg := cloneLike(t, nf, "")
	head := gitIn(t, dir, "rev-parse", "HEAD")

	for i := range 2 {
		if i == 1 {
			nf.SetJobs([]fake.Job{netflixJob(1)})
		}
		code, stdout, stderr := runIn(t, cfg, "run")
		if code != 0 || (i == 0) != strings.Contains(stdout, "netflix-data-insights") {
			t.Fatalf("run %d: exit %d\nstdout: %s\nstderr: %s", i+1, code, stdout, stderr)
		}
		if got := gitIn(t, dir, "rev-parse", "HEAD"); got != head {
			t.Fatalf("run %d moved the clone's HEAD: %s -> %s\n%s", i+1, head, got, gitIn(t, dir, "log", "--oneline", "-3"))
		}
		if st := gitIn(t, dir, "status", "--porcelain", "--untracked-files=all"); st != "" {
			t.Fatalf("run %d: the clone's git status is not clean:\n%s", i+1, st)
		}
	}
	snaps := filepath.Join(dir, "snapshots")
	if top := gitIn(t, snaps, "rev-parse", "--show-toplevel"); !sameDir(t, top, snaps) {
		t.Fatalf("snapshot repository root %s, want %s", top, snaps)
	}
	if n := gitIn(t, snaps, "log", "--format=%s"); !strings.Contains(n, "netflix-data-insights: 2 added") {
		t.Fatalf("snapshot repository log lacks the first run's commit:\n%s", n)
	}
	if st := gitIn(t, snaps, "status", "--porcelain", "--untracked-files=all"); st != "" {
		t.Fatalf("snapshot repository not clean:\n%s", st)
	}
}

// git.repository: enclosing commits into the repository that holds the
// snapshot folder, as a data repository keeping config and snapshots
// together wants.
func TestRunEnclosingRepository(t *testing.T) {
	nf := fake.New(t, "netflix.com", []fake.Job{netflixJob(1)})
	dir, cfg := cloneLike(t, nf, "  repository: enclosing\n")
	// a data repository tracks its snapshots: drop the ignore rule
	os.WriteFile(filepath.Join(dir, ".gitignore"), nil, 0o644)
	gitIn(t, dir, "commit", "-q", "-am", "track snapshots")
	head := gitIn(t, dir, "rev-parse", "HEAD")
	if code, _, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if got := gitIn(t, dir, "rev-parse", "HEAD~1"); got != head {
		t.Fatalf("want one commit on top of %s in the enclosing repository, got parent %s", head, got)
	}
	if _, err := os.Lstat(filepath.Join(dir, "snapshots", ".git")); !os.IsNotExist(err) {
		t.Fatalf("snapshots/.git exists (%v): no repository of its own wanted", err)
	}
	if st := gitIn(t, dir, "status", "--porcelain", "--untracked-files=all"); st != "" {
		t.Fatalf("git status not clean:\n%s", st)
	}

	// Switching such a repository to the default refuses, naming the key,
	// instead of starting a second history inside the first.
	yml, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(yml), "  repository: enclosing\n", "", 1)), 0o644)
	code, _, stderr := runIn(t, cfg, "run")
	if code != 1 || !strings.Contains(stderr, "git.repository: enclosing") {
		t.Fatalf("exit %d, want 1 and a hint naming git.repository\n%s", code, stderr)
	}
	if _, err := os.Lstat(filepath.Join(dir, "snapshots", ".git")); !os.IsNotExist(err) {
		t.Fatalf("a refused run created snapshots/.git (%v)", err)
	}
}

func sameDir(t *testing.T, a, b string) bool {
	t.Helper()
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ra == rb
}

func TestValidateGitRepository(t *testing.T) {
	t.Parallel()
	code, stdout, stderr, _ := runYAML(t, "git:\n  repository: parent\nsources:\n  - {name: a, type: lever, board: a}\n", "validate")
	if code != 2 || !strings.Contains(stdout+stderr, `config.yaml:2: git.repository: must be "own"`) {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// After every kind of run the snapshot repository's git status is clean,
// so that a CI job's `git pull --rebase` before its push works: a first
// run, a quiet one, one with a change, one whose source fails, and one
// whose notification stays pending in the outbox.
func TestSnapshotRepositoryCleanAfterEveryRun(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	snaps := filepath.Join(e.dir, "snaps")
	clean := func(what string) {
		t.Helper()
		if st := gitIn(t, snaps, "status", "--porcelain", "--untracked-files=all", "--ignored=no"); st != "" {
			t.Fatalf("after %s: git status in the snapshot repository:\n%s", what, st)
		}
	}
	steps := []struct {
		what  string
		setup func()
		code  int
	}{
		{"a first run", func() {}, 0},
		{"a quiet run", func() {}, 0},
		{"a run with a change", func() {
			j := netflixJob(2)
			j.Name = "Staff Data Engineer (L6)"
			j.TUpdate++
			e.nf.SetJobs([]fake.Job{netflixJob(1), j, netflixJob(3)})
		}, 0},
		{"a quiet run after a change", func() {}, 0},
		{"a failing run", func() { e.nf.FailList(func(int) (int, string) { return 500, "down" }) }, 1},
		{"a second failing run", func() {}, 1},
		{"a run with the webhook down (outbox pending)", func() {
			e.nf.FailList(nil)
			e.nf.SetJobs([]fake.Job{netflixJob(1), netflixJob(3), netflixJob(4)})
			e.hook.Close()
		}, 0},
		{"a quiet run with the outbox pending", func() {}, 0},
	}
	for _, s := range steps {
		s.setup()
		code, _, stderr := e.run(t, "run")
		if code != s.code {
			t.Fatalf("%s: exit %d, want %d\n%s", s.what, code, s.code, stderr)
		}
		clean(s.what)
	}
}

// New rules (here: a skill added to the taxonomy) that change no snapshot
// still move the index to the new normalizer in a commit: the next run is
// quiet again (no detail request) and git status stays clean throughout.
func TestNormalizerMoveIsCommitted(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	snaps := filepath.Join(e.dir, "snaps")
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	head := gitIn(t, snaps, "rev-parse", "HEAD")
	b, err := os.ReadFile(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "taxonomy:\n  skills:\n    - {name: Zzyzx Engine, category: data, aliases: [\"zzyzx engine\"]}\n"...)
	if err := os.WriteFile(e.cfg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, wantDetails := range []bool{true, false, false} {
		_, before := e.nf.Count()
		code, stdout, stderr := e.run(t, "run")
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s", i, code, stderr)
		}
		if strings.TrimSpace(stdout) != "" {
			t.Errorf("run %d: no posting changed, yet stdout says %q", i, stdout)
		}
		if _, after := e.nf.Count(); (after > before) != wantDetails {
			t.Errorf("run %d: detail requests %d -> %d, want new ones: %v", i, before, after, wantDetails)
		}
		if st := gitIn(t, snaps, "status", "--porcelain", "--untracked-files=all"); st != "" {
			t.Fatalf("run %d: git status:\n%s", i, st)
		}
	}
	subj := gitIn(t, snaps, "log", "-1", "--format=%s")
	if gitIn(t, snaps, "rev-parse", "HEAD") == head || !strings.Contains(subj, "no snapshot changed") {
		t.Errorf("the move to the new normalizer was not committed: last subject %q", subj)
	}
}

// A folder made by an older version, whose committed .gitignore lacks lines
// this version adds: the next run, quiet or not, leaves git status clean.
func TestOlderIgnoreFileIsBroughtUpToDate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1)})
	snaps := filepath.Join(e.dir, "snaps")
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	ignore := filepath.Join(snaps, ".gitignore")
	b, err := os.ReadFile(ignore)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.Contains(l, "runs") { // as a version before run records wrote it
			kept = append(kept, l)
		}
	}
	if err := os.WriteFile(ignore, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, snaps, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "an older .gitignore")
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("quiet run: exit %d\n%s", code, stderr)
	}
	if st := gitIn(t, snaps, "status", "--porcelain", "--untracked-files=all"); st != "" {
		t.Fatalf("git status after the quiet run:\n%s", st)
	}
	if subj := gitIn(t, snaps, "log", "-1", "--format=%s"); !strings.Contains(subj, ".gitignore brought up to date") {
		t.Errorf("last commit %q", subj)
	}
}
