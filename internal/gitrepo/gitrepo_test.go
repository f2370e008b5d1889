package gitrepo

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

var (
	testAuthor = Author{Name: "careers-watcher", Email: "watcher@localhost"}
	testWhen   = time.Date(2026, 11, 25, 20, 0, 0, 0, time.FixedZone("", 3600))
)

// needGit skips the test when the git binary is not installed.
func needGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
}

// gitOut runs git in dir with a neutral configuration and returns stdout.
func gitOut(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"HOME="+dir, "XDG_CONFIG_HOME="+dir,
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=User", "GIT_AUTHOR_EMAIL=user@example.com",
		"GIT_COMMITTER_NAME=User", "GIT_COMMITTER_EMAIL=user@example.com",
	)
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("git %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return strings.TrimSpace(gitOut(t, dir, args...))
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustOpen(t testing.TB, dir string) *Repo {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return r
}

func mustCommit(t testing.TB, r *Repo, paths []string, msg string) (string, bool) {
	t.Helper()
	h, ok, err := r.Commit(paths, msg, testAuthor, testWhen)
	if err != nil {
		t.Fatalf("Commit(%v): %v", paths, err)
	}
	return h, ok
}

// checkClean runs git fsck --strict and expects a clean git status.
func checkClean(t testing.TB, dir string) {
	t.Helper()
	// Before `git status` refreshes the index: the stat data Commit wrote
	// must let git trust the entries without rehashing the files.
	if df := git(t, dir, "diff-files", "--name-only"); df != "" {
		t.Errorf("git diff-files (stat-dirty entries) = %q", df)
	}
	git(t, dir, "fsck", "--strict", "--no-progress")
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("git status --porcelain = %q, want clean", st)
	}
}

const (
	pathX     = "snapshots/src-a/x.json"
	pathY     = "snapshots/src-a/y.json"
	pathState = "snapshots/.watcher/state/src-a.json"
	pathB     = "snapshots/src-b/b.json"
)

func TestFirstCommitInitialisesRepo(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, pathX), "{\"id\": \"x\"}\n")
	writeFile(t, filepath.Join(dir, pathState), "{}\n")

	r := mustOpen(t, dir)
	if r.Root() != dir {
		t.Errorf("Root() = %q, want %q", r.Root(), dir)
	}
	if fi, err := os.Stat(filepath.Join(dir, ".git")); err != nil || !fi.IsDir() {
		t.Fatalf("no .git directory after Open: %v", err)
	}
	// Absolute and relative paths are both accepted.
	h, ok := mustCommit(t, r, []string{filepath.Join(dir, pathX), pathState}, "snapshot: src-a")
	if !ok || len(h) != 40 {
		t.Fatalf("Commit = %q, %v; want a new commit", h, ok)
	}
	checkClean(t, dir)
	if got := git(t, dir, "rev-parse", "HEAD"); got != h {
		t.Errorf("HEAD = %s, want %s", got, h)
	}
	if got := git(t, dir, "symbolic-ref", "HEAD"); got != "refs/heads/main" {
		t.Errorf("HEAD -> %s, want refs/heads/main", got)
	}
	if got := git(t, dir, "log", "--format=%an <%ae>|%cn|%ad|%B", "--date=iso"); got != "careers-watcher <watcher@localhost>|careers-watcher|2026-11-25 20:00:00 +0100|snapshot: src-a" {
		t.Errorf("git log = %q", got)
	}
	if got := git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); got != pathState+"\n"+pathX {
		t.Errorf("ls-tree = %q", got)
	}
	if got := git(t, dir, "rev-list", "--count", "HEAD"); got != "1" {
		t.Errorf("commit count = %s, want 1 (no parent)", got)
	}
	// A second Open finds the repository it created.
	r2 := mustOpen(t, filepath.Join(dir, "snapshots"))
	if r2.Root() != dir {
		t.Errorf("reopened Root() = %q, want %q", r2.Root(), dir)
	}
}

func TestSecondCommitOnlyTheChanges(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, pathX), "x1\n")
	writeFile(t, filepath.Join(dir, pathY), "y1\n")
	writeFile(t, filepath.Join(dir, pathB), "b1\n")
	r := mustOpen(t, dir)
	first, _ := mustCommit(t, r, []string{pathX, pathY, pathB}, "first")

	writeFile(t, filepath.Join(dir, pathX), "x2\n")                       // changed
	writeFile(t, filepath.Join(dir, pathState), "{\"run\": 1}\n")         // added, new nested dirs
	writeFile(t, filepath.Join(dir, "snapshots/src-a.json"), "sorting\n") // added next to dir "src-a"
	writeFile(t, filepath.Join(dir, "snapshots/src-a-b/z.json"), "z\n")   // added, sorts after "src-a/"
	if err := os.Remove(filepath.Join(dir, pathY)); err != nil {          // removed
		t.Fatal(err)
	}
	paths := []string{pathX, pathY, pathState, "snapshots/src-a.json", "snapshots/src-a-b/z.json", pathB}
	second, ok := mustCommit(t, r, paths, "second")
	if !ok || second == first {
		t.Fatalf("second commit = %s, %v", second, ok)
	}
	checkClean(t, dir)
	got := git(t, dir, "show", "--name-status", "--format=", "HEAD")
	want := strings.Join([]string{
		"A\t" + pathState,
		"A\tsnapshots/src-a-b/z.json",
		"A\tsnapshots/src-a.json",
		"M\t" + pathX,
		"D\t" + pathY,
	}, "\n")
	if sortLines(got) != sortLines(want) {
		t.Errorf("git show --name-status:\n%s\nwant:\n%s", got, want)
	}
	if p := git(t, dir, "rev-parse", "HEAD^"); p != first {
		t.Errorf("parent = %s, want %s", p, first)
	}
	// The untouched subtree is reused.
	if a, b := git(t, dir, "rev-parse", first+":snapshots/src-b"), git(t, dir, "rev-parse", "HEAD:snapshots/src-b"); a != b {
		t.Errorf("src-b tree changed: %s -> %s", a, b)
	}
	data, ok, err := r.HeadFile(pathX)
	if err != nil || !ok || string(data) != "x2\n" {
		t.Errorf("HeadFile(%s) = %q, %v, %v", pathX, data, ok, err)
	}
	if _, ok, err := r.HeadFile(pathY); ok || err != nil {
		t.Errorf("HeadFile(removed) = %v, %v; want absent", ok, err)
	}
	if _, ok, err := r.HeadFile("snapshots/src-a"); ok || err != nil {
		t.Errorf("HeadFile(directory) = %v, %v; want absent", ok, err)
	}
}

func sortLines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(l)
	return strings.Join(l, "\n")
}

func TestNoChangeNoCommit(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	r := mustOpen(t, dir)
	// Nothing to commit on an unborn branch.
	if h, ok := mustCommit(t, r, []string{"snapshots/none.json"}, "nothing"); ok || h != "" {
		t.Errorf("commit of absent path on unborn branch = %q, %v", h, ok)
	}
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	h1, _ := mustCommit(t, r, []string{pathX}, "first")
	h2, ok := mustCommit(t, r, []string{pathX, "snapshots/none.json"}, "again")
	if ok || h2 != h1 {
		t.Errorf("no-change commit = %s, %v; want %s, false", h2, ok, h1)
	}
	// Rewriting identical content (new mtime) is no change either.
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	if _, ok := mustCommit(t, r, []string{pathX}, "again"); ok {
		t.Error("identical content made a commit")
	}
	if n := git(t, dir, "rev-list", "--count", "HEAD"); n != "1" {
		t.Errorf("commits = %s, want 1", n)
	}
	checkClean(t, dir)
}

func TestKeepsOtherStagedChanges(t *testing.T) {
	t.Parallel()
	needGit(t)
	for _, version := range []string{"2", "3", "4"} {
		t.Run("index-v"+version, func(t *testing.T) { testKeepsOtherStaged(t, version) })
	}
}

func testKeepsOtherStaged(t *testing.T, version string) {
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "master")
	writeFile(t, filepath.Join(dir, "README.md"), "readme\n")
	writeFile(t, filepath.Join(dir, "config.yaml"), "a: 1\n")
	writeFile(t, filepath.Join(dir, pathX), "x0\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "initial")
	writeFile(t, filepath.Join(dir, "staged.txt"), "staged\n")
	git(t, dir, "add", "staged.txt")
	writeFile(t, filepath.Join(dir, "config.yaml"), "a: 2\n") // modified, not staged
	git(t, dir, "update-index", "--index-version", version)
	if version == "3" {
		// An entry with extended flags.
		writeFile(t, filepath.Join(dir, "later.txt"), "later\n")
		git(t, dir, "add", "-N", "later.txt")
	}

	writeFile(t, filepath.Join(dir, pathX), "x1\n")
	writeFile(t, filepath.Join(dir, pathState), "s\n")
	r := mustOpen(t, filepath.Join(dir, "snapshots"))
	if r.Root() != dir {
		t.Fatalf("Root() = %q, want %q", r.Root(), dir)
	}
	if _, ok := mustCommit(t, r, []string{pathX, pathState}, "snapshots"); !ok {
		t.Fatal("no commit")
	}
	git(t, dir, "fsck", "--strict", "--no-progress")
	if got := git(t, dir, "symbolic-ref", "HEAD"); got != "refs/heads/master" {
		t.Errorf("HEAD -> %s", got)
	}
	if got := git(t, dir, "diff", "--cached", "--name-only"); got != "staged.txt" {
		t.Errorf("staged after commit = %q, want staged.txt", got)
	}
	wantStatus := "M config.yaml\nA  staged.txt"
	if version == "3" {
		wantStatus = "M config.yaml\n A later.txt\nA  staged.txt"
	}
	if got := git(t, dir, "status", "--porcelain"); got != wantStatus {
		t.Errorf("status = %q, want %q", got, wantStatus)
	}
	if got := git(t, dir, "show", "--name-status", "--format=", "HEAD"); sortLines(got) != sortLines("A\t"+pathState+"\nM\t"+pathX) {
		t.Errorf("commit content = %q", got)
	}
	// git can go on committing on top (the dropped cache tree is rebuilt).
	git(t, dir, "commit", "-q", "-m", "user commit")
	if got := git(t, dir, "show", "--name-status", "--format=", "HEAD"); got != "A\tstaged.txt" {
		t.Errorf("user's commit = %q", got)
	}
}

func TestMissingIndexIsFilledFromHead(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(dir, "README.md"), "readme\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "initial")
	if err := os.Remove(filepath.Join(dir, ".git", "index")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{pathX}, "snap")
	git(t, dir, "fsck", "--strict", "--no-progress")
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("git status --porcelain = %q, want clean", st)
	}
}

func TestOpenFindsOuterRepository(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	nested := filepath.Join(dir, "data", "snapshots")
	if err := os.MkdirAll(nested, 0o755); err != nil {
		t.Fatal(err)
	}
	r := mustOpen(t, nested)
	if r.Root() != dir {
		t.Fatalf("Root() = %q, want %q", r.Root(), dir)
	}
	if _, err := os.Stat(filepath.Join(nested, ".git")); !os.IsNotExist(err) {
		t.Errorf("Open created a nested repository: %v", err)
	}
	writeFile(t, filepath.Join(nested, "a.json"), "a\n")
	mustCommit(t, r, []string{filepath.Join(nested, "a.json")}, "nested")
	if got := git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); got != "data/snapshots/a.json" {
		t.Errorf("ls-tree = %q", got)
	}
	checkClean(t, dir)
}

func TestOpenRequiresExistingDir(t *testing.T) {
	t.Parallel()
	if _, err := Open(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.HasPrefix(err.Error(), "gitrepo: ") {
		t.Errorf("Open(missing) error = %v", err)
	}
}

func TestRemovingLastFileDropsFolder(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	writeFile(t, filepath.Join(dir, pathB), "b\n")
	writeFile(t, filepath.Join(dir, pathState), "s\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{pathX, pathB, pathState}, "first")

	os.RemoveAll(filepath.Join(dir, "snapshots", "src-a"))
	os.RemoveAll(filepath.Join(dir, "snapshots", ".watcher"))
	mustCommit(t, r, []string{pathX, pathState}, "drop src-a")
	if got := git(t, dir, "ls-tree", "-r", "-t", "--name-only", "HEAD"); got != "snapshots\nsnapshots/src-b\n"+pathB {
		t.Errorf("ls-tree = %q", got)
	}
	checkClean(t, dir)

	// Removing everything leaves the empty tree.
	os.RemoveAll(filepath.Join(dir, "snapshots"))
	if _, ok := mustCommit(t, r, []string{pathB}, "drop all"); !ok {
		t.Fatal("no commit")
	}
	if got := git(t, dir, "rev-parse", "HEAD^{tree}"); got != emptyTree.String() {
		t.Errorf("tree = %s, want the empty tree", got)
	}
	checkClean(t, dir)
}

func TestDirectoryReplacedByFile(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a/b/c.json"), "c\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{"a/b/c.json"}, "first")
	os.RemoveAll(filepath.Join(dir, "a", "b"))
	writeFile(t, filepath.Join(dir, "a/b"), "now a file\n")
	mustCommit(t, r, []string{"a/b", "a/b/c.json"}, "second")
	if got := git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); got != "a/b" {
		t.Errorf("ls-tree = %q", got)
	}
	checkClean(t, dir)
}

func TestChangedSince(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	r := mustOpen(t, dir)
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	writeFile(t, filepath.Join(dir, pathY), "y\n")
	writeFile(t, filepath.Join(dir, pathB), "b\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), "n\n")

	// Unborn branch: everything on disk is new.
	got, err := r.ChangedSince("snapshots")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{pathX, pathY, pathB}; !reflect.DeepEqual(got, want) {
		t.Errorf("ChangedSince before any commit = %q, want %q", got, want)
	}
	mustCommit(t, r, []string{pathX, pathY, pathB, "notes.txt"}, "first")
	if got, err := r.ChangedSince(""); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince after commit = %q, %v; want none", got, err)
	}

	// The crash: files written, no commit.
	writeFile(t, filepath.Join(dir, pathX), "x2\n")
	writeFile(t, filepath.Join(dir, pathState), "s\n")
	os.Remove(filepath.Join(dir, pathY))
	writeFile(t, filepath.Join(dir, pathB), "b\n") // rewritten, same content
	writeFile(t, filepath.Join(dir, "notes.txt"), "n2\n")

	got, err = r.ChangedSince("snapshots")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{pathState, pathX, pathY}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ChangedSince(snapshots) = %q, want %q", got, want)
	}
	got, err = r.ChangedSince(filepath.Join(dir, "snapshots", "src-a"))
	if err != nil || !reflect.DeepEqual(got, []string{pathX, pathY}) {
		t.Errorf("ChangedSince(abs src-a) = %q, %v", got, err)
	}
	got, err = r.ChangedSince("")
	if err != nil || !reflect.DeepEqual(got, []string{"notes.txt", pathState, pathX, pathY}) {
		t.Errorf("ChangedSince(\"\") = %q, %v", got, err)
	}
	// A prefix that no longer exists on disk lists what HEAD had there.
	os.RemoveAll(filepath.Join(dir, "snapshots", "src-b"))
	got, err = r.ChangedSince("snapshots/src-b")
	if err != nil || !reflect.DeepEqual(got, []string{pathB}) {
		t.Errorf("ChangedSince(deleted dir) = %q, %v", got, err)
	}

	// Recovery commits exactly what ChangedSince found; the tree then
	// matches the disk.
	got, _ = r.ChangedSince("snapshots")
	mustCommit(t, r, got, "recover")
	if got, err := r.ChangedSince("snapshots"); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince after recovery = %q, %v", got, err)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "M notes.txt" {
		t.Errorf("status = %q", st)
	}
}

func TestPathsOutsideWorkTree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := mustOpen(t, filepath.Join(dir))
	outside := filepath.Join(filepath.Dir(dir), "elsewhere.json")
	for _, p := range []string{outside, "../x.json", "snapshots/../../x.json", ".git/config", "sub/.git/x", dir, ""} {
		_, _, err := r.Commit([]string{p}, "bad", testAuthor, testWhen)
		if err == nil || !strings.HasPrefix(err.Error(), "gitrepo: ") {
			t.Errorf("Commit(%q) error = %v, want a gitrepo error", p, err)
		}
	}
	if _, _, err := r.HeadFile(outside); err == nil {
		t.Error("HeadFile(outside) succeeded")
	}
	if _, err := r.ChangedSince("../"); err == nil {
		t.Error("ChangedSince(../) succeeded")
	}
	if _, _, err := r.Commit(nil, "", testAuthor, testWhen); err == nil {
		t.Error("empty message accepted")
	}
}

func TestSymlinkedRootPath(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "real")
	writeFile(t, filepath.Join(dir, "a.json"), "a\n")
	link := filepath.Join(base, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	r := mustOpen(t, dir)
	if _, ok := mustCommit(t, r, []string{filepath.Join(link, "a.json")}, "via link"); !ok {
		t.Error("no commit")
	}
}

func TestDetachedHead(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	r := mustOpen(t, dir)
	first, _ := mustCommit(t, r, []string{pathX}, "first")
	git(t, dir, "checkout", "-q", "--detach")
	writeFile(t, filepath.Join(dir, pathX), "x2\n")
	h, ok := mustCommit(t, r, []string{pathX}, "detached")
	if !ok {
		t.Fatal("no commit")
	}
	if got := git(t, dir, "rev-parse", "HEAD"); got != h {
		t.Errorf("HEAD = %s, want %s", got, h)
	}
	if got := git(t, dir, "rev-parse", "main"); got != first {
		t.Errorf("main moved to %s", got)
	}
	checkClean(t, dir)
}

func TestLinkedWorktree(t *testing.T) {
	t.Parallel()
	needGit(t)
	base := t.TempDir()
	main := filepath.Join(base, "main")
	writeFile(t, filepath.Join(main, "README.md"), "r\n")
	r := mustOpen(t, main)
	mustCommit(t, r, []string{"README.md"}, "first")
	wt := filepath.Join(base, "wt")
	git(t, main, "worktree", "add", "-q", "-b", "snap", wt)

	rw := mustOpen(t, wt)
	if rw.Root() != wt {
		t.Fatalf("Root() = %q, want %q", rw.Root(), wt)
	}
	writeFile(t, filepath.Join(wt, pathX), "x\n")
	h, ok := mustCommit(t, rw, []string{pathX}, "in worktree")
	if !ok {
		t.Fatal("no commit")
	}
	if got := git(t, main, "rev-parse", "snap"); got != h {
		t.Errorf("branch snap = %s, want %s", got, h)
	}
	checkClean(t, wt)
	checkClean(t, main)

	// A .git file that points nowhere is a clear error.
	bad := filepath.Join(base, "bad")
	writeFile(t, filepath.Join(bad, ".git"), "gitdir: /nonexistent/dir\n")
	if _, err := Open(bad); err == nil || !strings.Contains(err.Error(), "gitrepo: open ") {
		t.Errorf("Open(bad .git file) error = %v", err)
	}
}

func TestLockedIndexFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := mustOpen(t, dir)
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	lock := filepath.Join(dir, ".git", "index.lock")
	writeFile(t, lock, "")
	_, _, err := r.Commit([]string{pathX}, "m", testAuthor, testWhen)
	if err == nil || !strings.Contains(err.Error(), "index.lock") {
		t.Fatalf("Commit with index.lock = %v", err)
	}
	os.Remove(lock)
	if _, ok := mustCommit(t, r, []string{pathX}, "m"); !ok {
		t.Error("no commit after the lock went away")
	}
}

func TestManyCommitsHistory(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	r := mustOpen(t, dir)
	for i := range 5 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("snapshots/s/%d.json", i)), fmt.Sprint(i))
		writeFile(t, filepath.Join(dir, pathX), fmt.Sprint(i))
		mustCommit(t, r, []string{pathX, fmt.Sprintf("snapshots/s/%d.json", i)}, fmt.Sprintf("run %d", i))
	}
	if n := git(t, dir, "rev-list", "--count", "HEAD"); n != "5" {
		t.Errorf("commits = %s", n)
	}
	checkClean(t, dir)
}

func TestUnbornMaster(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "master")
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	r := mustOpen(t, dir)
	if _, ok, err := r.HeadFile(pathX); ok || err != nil {
		t.Errorf("HeadFile on unborn branch = %v, %v", ok, err)
	}
	h, ok := mustCommit(t, r, []string{pathX}, "first")
	if !ok {
		t.Fatal("no commit")
	}
	if got := git(t, dir, "rev-parse", "refs/heads/master"); got != h {
		t.Errorf("master = %s, want %s", got, h)
	}
	checkClean(t, dir)
}

func TestUnmergedIndexRefused(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(dir, "c.txt"), "c\n")
	blob := git(t, dir, "hash-object", "-w", "c.txt")
	cmd := exec.Command("git", "update-index", "--index-info")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(fmt.Sprintf("100644 %s 1\tc.txt\n100644 %s 2\tc.txt\n", blob, blob))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("update-index: %v\n%s", err, out)
	}
	writeFile(t, filepath.Join(dir, pathX), "x\n")
	r := mustOpen(t, dir)
	_, _, err := r.Commit([]string{pathX}, "m", testAuthor, testWhen)
	if err == nil || !strings.Contains(err.Error(), "unmerged") {
		t.Fatalf("Commit with unmerged index = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "index.lock")); !os.IsNotExist(err) {
		t.Errorf("index.lock left behind: %v", err)
	}
	if _, err := exec.Command("git", "-C", dir, "rev-parse", "--verify", "-q", "HEAD").Output(); err == nil {
		t.Error("a commit was made")
	}
}

func TestCommitAfterUserGC(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	r := mustOpen(t, dir)
	for i := range 3 {
		writeFile(t, filepath.Join(dir, pathX), fmt.Sprint(i))
		writeFile(t, filepath.Join(dir, pathB), "b\n")
		mustCommit(t, r, []string{pathX, pathB}, fmt.Sprintf("run %d", i))
	}
	// The same Repo keeps working after git packs and prunes the loose
	// objects it had read (and cached the pack list before).
	if _, _, err := r.HeadFile(pathX); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "gc", "-q", "--prune=now")
	r.trees = nil // drop the memo so trees are read from the pack
	writeFile(t, filepath.Join(dir, pathY), "y\n")
	if _, ok := mustCommit(t, r, []string{pathY}, "after gc"); !ok {
		t.Fatal("no commit")
	}
	if data, ok, err := r.HeadFile(pathB); err != nil || !ok || string(data) != "b\n" {
		t.Errorf("HeadFile after gc = %q, %v, %v", data, ok, err)
	}
	if got, err := r.ChangedSince(""); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince after gc = %q, %v", got, err)
	}
	checkClean(t, dir)
}

func TestHashObjectMatchesGoGit(t *testing.T) {
	t.Parallel()
	for _, data := range []string{"", "x\n", strings.Repeat("abc", 1000)} {
		if got, want := hashObject(plumbing.BlobObject, []byte(data)), plumbing.ComputeHash(plumbing.BlobObject, []byte(data)); got != want {
			t.Errorf("hashObject(%q) = %s, want %s", data, got, want)
		}
	}
}

func TestRemoveLocksSince(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "a.json")
	os.WriteFile(f, []byte("1\n"), 0o644)
	if _, _, err := r.Commit([]string{f}, "one", Author{Name: "t", Email: "t@x"}, time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(dir, ".git", "index.lock")
	old := time.Now().Add(-time.Hour)
	os.WriteFile(lock, nil, 0o644)
	os.Chtimes(lock, old, old)
	// a lock older than the interrupted run is someone else's: kept
	if removed, err := r.RemoveLocksSince(time.Now().Add(-time.Minute)); err != nil || len(removed) != 0 {
		t.Fatalf("removed %v, %v", removed, err)
	}
	os.WriteFile(f, []byte("2\n"), 0o644)
	if _, _, err := r.Commit([]string{f}, "two", Author{Name: "t", Email: "t@x"}, time.Unix(2, 0)); err == nil {
		t.Fatal("commit with a held index.lock succeeded")
	}
	// one made after the run started by another process (a live git: a
	// user's pull or commit in the folder) is not the dead run's: kept
	// (review s22 F8)
	os.Chtimes(lock, time.Now(), time.Now())
	if removed, err := r.RemoveLocksSince(old.Add(-time.Second)); err != nil || len(removed) != 0 {
		t.Fatalf("removed %v, %v: another process's lock", removed, err)
	}
	// one a watcher made and was killed holding (its commit never ended):
	// removed by the next process
	os.Remove(lock)
	if _, err := r.lockIndex("a.json"); err != nil {
		t.Fatal(err)
	}
	r2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if removed, err := r2.RemoveLocksSince(old.Add(-time.Second)); err != nil || len(removed) != 1 {
		t.Fatalf("removed %v, %v", removed, err)
	}
	if _, ok, err := r2.Commit([]string{f}, "two", Author{Name: "t", Email: "t@x"}, time.Unix(2, 0)); err != nil || !ok {
		t.Fatalf("commit after removing the stale lock: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", ownLocksFile)); err == nil {
		t.Fatal("the record of held locks stays after the commit")
	}
}
