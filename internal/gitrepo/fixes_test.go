package gitrepo

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// stagedRacy makes other.txt a racily clean index entry, the way a user's
// `git add` followed by an edit in the same second does: staged with
// content "AAAA", the index written in the same second as the file's mtime,
// then the content replaced by "BBBB" (same size, same mtime, same inode).
// ctime is not trusted in the repository, so only git's racy-git check can
// tell that the file changed.
func stagedRacy(t *testing.T, dir string) {
	t.Helper()
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "config", "core.trustctime", "false")
	writeFile(t, filepath.Join(dir, "snap.json"), "s\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "initial")

	mtime := time.Now().Add(-time.Hour).Truncate(time.Second).Add(300 * time.Millisecond)
	other := filepath.Join(dir, "other.txt")
	writeFile(t, other, "AAAA\n")
	chtimes(t, other, mtime)
	git(t, dir, "add", "other.txt")
	chtimes(t, filepath.Join(dir, ".git", "index"), mtime.Add(500*time.Millisecond))
	writeFile(t, other, "BBBB\n")
	chtimes(t, other, mtime)
	// git sees the change: the entry is racy, so it compares the content.
	// (diff-files does not rewrite the index.)
	if got := git(t, dir, "diff-files", "--name-only"); got != "other.txt" {
		t.Fatalf("setup: git diff-files = %q, want other.txt", got)
	}
}

func chtimes(t *testing.T, path string, mtime time.Time) {
	t.Helper()
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// An entry Commit copies from the index read must stay visible to git as
// possibly modified when it was racily clean in that index: the new index is
// newer than the entry, so git would trust its stat data.
func TestRacilyCleanEntrySmudged(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	stagedRacy(t, dir)

	writeFile(t, filepath.Join(dir, "snap.json"), "s2\n")
	r := mustOpen(t, dir)
	if _, ok := mustCommit(t, r, []string{"snap.json"}, "snap"); !ok {
		t.Fatal("no commit")
	}
	if got := git(t, dir, "diff-files", "--name-only"); got != "other.txt" {
		t.Errorf("git diff-files after Commit = %q, want other.txt (the edit after staging)", got)
	}
	if got := git(t, dir, "status", "--porcelain"); got != "AM other.txt" {
		t.Errorf("git status after Commit = %q, want \"AM other.txt\"", got)
	}
	// The staged content is unchanged.
	if got := git(t, dir, "show", ":other.txt"); got != "AAAA" {
		t.Errorf("staged other.txt = %q", got)
	}
}

// Racily clean entries whose file did not change stay trusted (they are
// checked like git does), also with many of them (beyond the budget of
// files checked, they are smudged: git rehashes them, and finds them clean).
func TestRacilyCleanUnchangedEntries(t *testing.T) {
	t.Parallel()
	needGit(t)
	for _, n := range []int{1, racyCheckFiles + 8} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			git(t, dir, "init", "-q", "-b", "main")
			mtime := time.Now().Add(-time.Hour).Truncate(time.Second).Add(300 * time.Millisecond)
			for i := range n {
				p := filepath.Join(dir, "data", fmt.Sprintf("%03d.txt", i))
				writeFile(t, p, fmt.Sprintf("%d\n", i))
				chtimes(t, p, mtime)
			}
			git(t, dir, "add", ".")
			git(t, dir, "commit", "-q", "-m", "initial")
			chtimes(t, filepath.Join(dir, ".git", "index"), mtime)

			writeFile(t, filepath.Join(dir, pathX), "x\n")
			r := mustOpen(t, dir)
			mustCommit(t, r, []string{pathX}, "snap")
			df := git(t, dir, "diff-files", "--name-only")
			if n == 1 && df != "" {
				t.Errorf("git diff-files = %q, want none (the racy entry was checked)", df)
			}
			if n > 1 && len(strings.Fields(df)) != n-racyCheckFiles {
				t.Errorf("git diff-files lists %d entries, want the %d beyond the budget", len(strings.Fields(df)), n-racyCheckFiles)
			}
			if st := git(t, dir, "status", "--porcelain"); st != "" {
				t.Errorf("git status = %q, want clean", st)
			}
		})
	}
}

// Committing a missing path below a tracked file names nothing: the file
// stays.
func TestRemovedPathBelowFileKeepsFile(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a"), "a\n")
	writeFile(t, filepath.Join(dir, "d/f"), "f\n")
	r := mustOpen(t, dir)
	first, _ := mustCommit(t, r, []string{"a", "d/f"}, "first")

	if h, ok := mustCommit(t, r, []string{"a/x", "d/f/g/h"}, "nothing"); ok || h != first {
		t.Errorf("Commit(a/x, d/f/g/h) = %s, %v; want no commit", h, ok)
	}
	writeFile(t, filepath.Join(dir, "b"), "b\n")
	mustCommit(t, r, []string{"a/x", "b"}, "b")
	if got := git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); got != "a\nb\nd/f" {
		t.Errorf("ls-tree = %q, want a, b, d/f", got)
	}
	checkClean(t, dir)
}

// A path through a symlinked directory is refused, not committed as a tree
// replacing the symlink.
func TestPathBeyondSymlinkRefused(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "real/f.json"), "f\n")
	if err := os.Symlink("real", filepath.Join(dir, "link")); err != nil {
		t.Skip("no symlinks:", err)
	}
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "initial")
	head := git(t, dir, "rev-parse", "HEAD")

	writeFile(t, filepath.Join(dir, "real/g.json"), "g\n")
	r := mustOpen(t, dir)
	for _, p := range []string{"link/g.json", filepath.Join(dir, "link", "g.json")} {
		_, _, err := r.Commit([]string{p}, "via link", testAuthor, testWhen)
		if err == nil || !strings.Contains(err.Error(), "beyond a symbolic link") || !strings.Contains(err.Error(), "link/g.json") {
			t.Errorf("Commit(%s) error = %v, want \"link/g.json is beyond a symbolic link\"", p, err)
		}
	}
	if got := git(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("HEAD moved to %s", got)
	}
	if got := git(t, dir, "ls-tree", "HEAD", "link"); !strings.HasPrefix(got, "120000 blob") {
		t.Errorf("link in HEAD = %q, want the symlink", got)
	}
	// The real path commits.
	mustCommit(t, r, []string{"real/g.json"}, "real")
	checkClean(t, dir)
}

// A tracked directory replaced by a symlink: the files HEAD has below it are
// gone from the work tree (git status shows them deleted), and the paths
// ChangedSince lists for it commit.
func TestTrackedDirReplacedBySymlink(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "snap/d/x.json"), "x\n")
	writeFile(t, filepath.Join(dir, "other/x.json"), "o\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{"snap/d/x.json", "other/x.json"}, "first")
	os.RemoveAll(filepath.Join(dir, "snap/d"))
	if err := os.Symlink("../other", filepath.Join(dir, "snap/d")); err != nil {
		t.Skip("no symlinks:", err)
	}
	got, err := r.ChangedSince("")
	if want := []string{"snap/d", "snap/d/x.json"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ChangedSince = %q, %v; want %q", got, err, want)
	}
	mustCommit(t, r, got, "recover")
	if got := git(t, dir, "ls-tree", "-r", "HEAD", "snap"); !strings.HasPrefix(got, "120000 blob") || strings.Contains(got, "\n") {
		t.Errorf("snap in HEAD = %q, want only the symlink snap/d", got)
	}
	if got, err := r.ChangedSince(""); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince after recovery = %q, %v", got, err)
	}
	checkClean(t, dir)
}

// Open through a symlinked folder finds the repository of the real folder:
// it neither creates a nested repository nor uses the repository of the
// link's parents; paths under the link (as the caller spells them) work.
func TestOpenThroughSymlinkedDir(t *testing.T) {
	t.Parallel()
	needGit(t)
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	writeFile(t, filepath.Join(repo, "README.md"), "r\n")
	git(t, repo, "init", "-q", "-b", "main")
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "initial")
	if err := os.MkdirAll(filepath.Join(repo, "data", "snaps"), 0o755); err != nil {
		t.Fatal(err)
	}
	outer := filepath.Join(base, "outer") // another repository holding the link
	if err := os.MkdirAll(outer, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, outer, "init", "-q", "-b", "main")
	for _, tc := range []struct{ name, link string }{
		{"no repository above the link", filepath.Join(base, "link")},
		{"link inside another repository", filepath.Join(outer, "link")},
	} {
		link := tc.link
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(link)
			if err := os.Symlink(filepath.Join(repo, "data", "snaps"), link); err != nil {
				t.Skip("no symlinks:", err)
			}
			r := mustOpen(t, link)
			if r.Root() != repo {
				t.Errorf("Root() = %q, want %q", r.Root(), repo)
			}
			for _, p := range []string{filepath.Join(repo, "data", "snaps", ".git"), filepath.Join(repo, "data", ".git")} {
				if _, err := os.Lstat(p); !os.IsNotExist(err) {
					t.Errorf("Open created %s: %v", p, err)
				}
			}
			writeFile(t, filepath.Join(link, "a.json"), "a "+link+"\n")
			writeFile(t, filepath.Join(link, "b.json"), "b "+link+"\n")
			// A path under the unresolved link, and one relative to Root.
			mustCommit(t, r, []string{filepath.Join(link, "a.json"), "data/snaps/b.json"}, "via link")
			if got := git(t, repo, "ls-tree", "-r", "--name-only", "HEAD"); got != "README.md\ndata/snaps/a.json\ndata/snaps/b.json" {
				t.Errorf("ls-tree = %q", got)
			}
			if data, ok, err := r.HeadFile(filepath.Join(link, "a.json")); err != nil || !ok || string(data) != "a "+link+"\n" {
				t.Errorf("HeadFile(via link) = %q, %v, %v", data, ok, err)
			}
			if got, err := r.ChangedSince(link); err != nil || len(got) != 0 {
				t.Errorf("ChangedSince(link) = %q, %v", got, err)
			}
			checkClean(t, repo)
		})
	}
	if got := git(t, outer, "status", "--porcelain"); got != "?? link" {
		t.Errorf("outer repository status = %q", got)
	}

	// A symlink naming the root itself is kept as the caller's root.
	rootLink := filepath.Join(base, "rootlink")
	if err := os.Symlink(repo, rootLink); err != nil {
		t.Fatal(err)
	}
	if r := mustOpen(t, filepath.Join(rootLink, "data")); r.Root() != rootLink {
		t.Errorf("Root() via a link to the root = %q, want %q", r.Root(), rootLink)
	}
}

// The executable bit is recorded like git does (the owner's bit), in the
// tree and in the index.
func TestExecutableBit(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	run := filepath.Join(dir, "run.sh")
	writeFile(t, run, "#!/bin/sh\n")
	os.Chmod(run, 0o755)
	writeFile(t, filepath.Join(dir, "plain"), "p\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "initial")

	writeFile(t, run, "#!/bin/sh\necho\n")
	writeFile(t, filepath.Join(dir, "new.sh"), "n\n")
	os.Chmod(filepath.Join(dir, "new.sh"), 0o744)
	writeFile(t, filepath.Join(dir, "other-x"), "o\n")
	os.Chmod(filepath.Join(dir, "other-x"), 0o645) // not the owner's: git says 644
	os.Chmod(filepath.Join(dir, "plain"), 0o700)
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{"run.sh", "new.sh", "other-x", "plain"}, "snap")
	want := map[string]string{"run.sh": "100755", "new.sh": "100755", "other-x": "100644", "plain": "100755"}
	for _, l := range strings.Split(git(t, dir, "ls-tree", "HEAD"), "\n") {
		f := strings.Fields(l)
		if want[f[3]] != f[0] {
			t.Errorf("tree: %s has mode %s, want %s", f[3], f[0], want[f[3]])
		}
	}
	for _, l := range strings.Split(git(t, dir, "ls-files", "-s"), "\n") {
		f := strings.Fields(l)
		if want[f[3]] != f[0] {
			t.Errorf("index: %s has mode %s, want %s", f[3], f[0], want[f[3]])
		}
	}
	checkClean(t, dir)

	// ChangedSince sees a mode change, and Commit records it.
	os.Chmod(run, 0o644)
	if got, err := r.ChangedSince(""); err != nil || !reflect.DeepEqual(got, []string{"run.sh"}) {
		t.Errorf("ChangedSince after chmod -x = %q, %v", got, err)
	}
	if _, ok := mustCommit(t, r, []string{"run.sh"}, "chmod"); !ok {
		t.Error("mode change made no commit")
	}
	if got := git(t, dir, "ls-tree", "HEAD", "run.sh"); !strings.HasPrefix(got, "100644 ") {
		t.Errorf("run.sh after chmod -x = %q", got)
	}
	checkClean(t, dir)

	// core.fileMode=false: the bit on disk is not trusted, the recorded
	// mode stays.
	git(t, dir, "config", "core.fileMode", "false")
	r = mustOpen(t, dir)
	os.Chmod(run, 0o755)
	writeFile(t, filepath.Join(dir, "new.sh"), "n2\n")
	os.Chmod(filepath.Join(dir, "new.sh"), 0o644)
	mustCommit(t, r, []string{"run.sh", "new.sh"}, "no filemode")
	if got := git(t, dir, "ls-tree", "HEAD", "run.sh", "new.sh"); !strings.HasPrefix(got, "100755 ") || !strings.Contains(got, "\n100644 ") {
		t.Errorf("with core.fileMode=false, modes = %q, want new.sh 100755 and run.sh 100644 kept", got)
	}
	if got, err := r.ChangedSince(""); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince with core.fileMode=false = %q, %v", got, err)
	}
	checkClean(t, dir)
}

// Every path ChangedSince lists can be committed, after which it lists
// nothing: recovery after a crash cannot fail forever.
func TestChangedSinceAgreesWithCommit(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "snap/x"), "x\n")
	writeFile(t, filepath.Join(dir, "snap/d/a.json"), "a\n")
	writeFile(t, filepath.Join(dir, "snap/d/b.json"), "b\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{"snap/x", "snap/d/a.json", "snap/d/b.json"}, "first")

	// A file replaced by a directory.
	os.Remove(filepath.Join(dir, "snap/x"))
	writeFile(t, filepath.Join(dir, "snap/x/n.json"), "n\n")
	// A folder git never tracks (".git" in another case).
	writeFile(t, filepath.Join(dir, "snap/.Git/z"), "z\n")
	writeFile(t, filepath.Join(dir, ".GIT"), "z\n")
	// A special file.
	if err := syscall.Mkfifo(filepath.Join(dir, "snap/fifo"), 0o644); err != nil {
		t.Log("no fifo:", err)
	}

	got, err := r.ChangedSince("")
	if want := []string{"snap/x", "snap/x/n.json"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ChangedSince = %q, %v; want %q", got, err, want)
	}
	if _, ok := mustCommit(t, r, got, "recover"); !ok {
		t.Fatal("no commit")
	}
	if got := git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); got != "snap/d/a.json\nsnap/d/b.json\nsnap/x/n.json" {
		t.Errorf("ls-tree = %q", got)
	}
	if got, err := r.ChangedSince(""); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince after recovery = %q, %v", got, err)
	}
	// Commit refuses the ".Git" paths ChangedSince skipped.
	if _, _, err := r.Commit([]string{"snap/.Git/z"}, "m", testAuthor, testWhen); err == nil {
		t.Error("Commit(snap/.Git/z) succeeded")
	}

	// A path that is a tracked directory: no file there, the files below
	// stay (in the tree and in the index).
	if _, ok := mustCommit(t, r, []string{"snap/d", "snap/fifo"}, "dir"); ok {
		t.Error("committing a directory's path made a commit")
	}
	if got := git(t, dir, "ls-files"); got != "snap/d/a.json\nsnap/d/b.json\nsnap/x/n.json" {
		t.Errorf("ls-files = %q", got)
	}
	// A directory replacing a file, committed alone (its files later).
	os.Remove(filepath.Join(dir, "snap/d/b.json"))
	writeFile(t, filepath.Join(dir, "snap/d/b.json/c.json"), "c\n")
	mustCommit(t, r, []string{"snap/d/b.json"}, "b gone")
	if got := git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); got != "snap/d/a.json\nsnap/x/n.json" {
		t.Errorf("ls-tree = %q", got)
	}
	mustCommit(t, r, []string{"snap/d/b.json/c.json"}, "c")
	if got, err := r.ChangedSince("snap"); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince at the end = %q, %v", got, err)
	}
	if st := git(t, dir, "status", "--porcelain", "--untracked-files=no"); st != "" {
		t.Errorf("git status = %q", st)
	}
}

// A version 4 index is written back with every entry's flags, including
// assume-unchanged (which go-git's decoder drops) and skip-worktree.
func TestIndexV4KeepsFlags(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	for _, p := range []string{"a.txt", "lib/long/path/one.txt", "lib/long/path/two.txt", "lib/long/paths.txt", "lib/x", "z.txt"} {
		writeFile(t, filepath.Join(dir, p), p+"\n")
	}
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "initial")
	git(t, dir, "update-index", "--index-version", "4")
	git(t, dir, "update-index", "--assume-unchanged", "lib/long/path/two.txt")
	git(t, dir, "update-index", "--skip-worktree", "z.txt")
	before := git(t, dir, "ls-files", "-v", "-s")

	writeFile(t, filepath.Join(dir, pathX), "x\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{pathX}, "snap")
	got := git(t, dir, "ls-files", "-v", "-s")
	wantLines := strings.Split(before+"\nH 100644 "+git(t, dir, "rev-parse", "HEAD:"+pathX)+" 0\t"+pathX, "\n")
	gotLines := strings.Split(got, "\n")
	if sortLines(strings.Join(gotLines, "\n")) != sortLines(strings.Join(wantLines, "\n")) {
		t.Errorf("git ls-files -v -s after Commit:\n%s\nwant:\n%s", got, strings.Join(wantLines, "\n"))
	}
	git(t, dir, "fsck", "--strict", "--no-progress")
}

// An index left behind HEAD by a process killed between moving the branch
// and writing the index: an entry for a file deleted in HEAD and on disk.
// ChangedSince lists it, and committing it puts the index right.
func TestChangedSinceListsStaleIndexEntries(t *testing.T) {
	t.Parallel()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("needs git")
	}
	dir := t.TempDir()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "s", "a.json"), filepath.Join(dir, "s", "b.json")
	os.MkdirAll(filepath.Join(dir, "s"), 0o755)
	os.WriteFile(a, []byte("a\n"), 0o644)
	os.WriteFile(b, []byte("b\n"), 0o644)
	author := Author{Name: "t", Email: "t@example.com"}
	if _, _, err := r.Commit([]string{a, b}, "one", author, time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
	os.Remove(b)
	if _, _, err := r.Commit([]string{b}, "two", author, time.Unix(2, 0)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ".git", "index"), before, 0o644) // the kill
	got, err := r.ChangedSince("s")
	if err != nil || len(got) != 1 || got[0] != "s/b.json" {
		t.Fatalf("ChangedSince = %v, %v; want [s/b.json]", got, err)
	}
	if _, _, err := r.Commit([]string{filepath.Join(dir, got[0])}, "fix", author, time.Unix(3, 0)); err != nil {
		t.Fatal(err)
	}
	if out, _ := exec.Command(gitBin, "-C", dir, "status", "--porcelain").CombinedOutput(); len(out) != 0 {
		t.Fatalf("git status after the fix:\n%s", out)
	}
}
