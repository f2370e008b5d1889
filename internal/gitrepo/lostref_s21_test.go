package gitrepo

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLostRefWithoutReflogIsRefused: the watcher writes no reflog, so a
// branch ref that is gone (deleted, or its line lost from packed-refs)
// while the object store holds a commit with a parent is refused as
// damaged, also when the objects are packed; a branch whose only commit
// object is a root (a first commit stopped before its ref moved) is still
// unborn, and its next commit works (review s21 F2).
func TestLostRefWithoutReflogIsRefused(t *testing.T) {
	author := Author{Name: "w", Email: "w@example.com"}
	setup := func(t *testing.T, commits int) (*Repo, string) {
		dir := t.TempDir()
		r, err := OpenOwn(dir)
		if err != nil {
			t.Fatal(err)
		}
		for i := range commits {
			name := string(rune('a'+i)) + ".json"
			if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, ok, err := r.Commit([]string{name}, "add "+name, author, time.Unix(int64(1_700_000_000+i), 0)); err != nil || !ok {
				t.Fatalf("commit %s: %v %v", name, ok, err)
			}
		}
		if _, err := os.Stat(filepath.Join(r.commonDir, "logs")); err == nil {
			t.Fatal("the repository has a reflog: the case is the one without")
		}
		h, err := r.resolveHead()
		if err != nil {
			t.Fatal(err)
		}
		return r, r.refPath(h.ref)
	}
	commitNext := func(t *testing.T, r *Repo) (bool, error) {
		os.WriteFile(filepath.Join(r.root, "z.json"), []byte("z"), 0o644)
		r2, err := OpenOwn(r.root) // a new process, as the next run is
		if err != nil {
			return false, err
		}
		_, ok, err := r2.Commit([]string{"z.json"}, "add z", author, time.Unix(1_700_000_100, 0))
		return ok, err
	}
	t.Run("ref file deleted", func(t *testing.T) {
		r, ref := setup(t, 3)
		os.Remove(ref)
		ok, err := commitNext(t, r)
		if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), ref) {
			t.Fatalf("commit after the ref was lost: committed=%v err=%v; want it refused naming %s", ok, err, ref)
		}
	})
	t.Run("branch line lost from packed-refs, objects packed", func(t *testing.T) {
		gitBin, err := exec.LookPath("git")
		if err != nil {
			t.Skip("no git binary to pack with")
		}
		r, ref := setup(t, 3)
		for _, args := range [][]string{{"pack-refs", "--all"}, {"repack", "-a", "-d", "-q"}} {
			if out, err := exec.Command(gitBin, append([]string{"-C", r.root}, args...)...).CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		os.Remove(ref)
		os.WriteFile(filepath.Join(r.commonDir, "packed-refs"), []byte("# pack-refs with: peeled fully-peeled sorted \n"), 0o644)
		ok, err := commitNext(t, r)
		if err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Fatalf("commit after the packed ref was lost: committed=%v err=%v; want it refused", ok, err)
		}
	})
	t.Run("only a root commit: still unborn", func(t *testing.T) {
		r, ref := setup(t, 1)
		os.Remove(ref)
		// a commit stopped before its ref moved has recorded nothing
		os.Remove(r.lastMadePath())
		if ok, err := commitNext(t, r); err != nil || !ok {
			t.Fatalf("first commit after a stopped one: committed=%v err=%v", ok, err)
		}
	})
}

// An orphan branch (git checkout --orphan) in a repository whose other
// branch has a history is unborn, not a lost ref: its first commit works.
func TestOrphanBranchBesideAHistoryIsUnborn(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	for i, name := range []string{"a.txt", "b.txt"} {
		writeFile(t, filepath.Join(dir, name), name)
		git(t, dir, "add", name)
		git(t, dir, "-c", "user.name=u", "-c", "user.email=u@example.com", "commit", "-q", "-m", fmt.Sprint("c", i))
	}
	git(t, dir, "checkout", "-q", "--orphan", "snapshots")
	git(t, dir, "rm", "-rq", "--cached", ".")
	r := mustOpen(t, dir)
	writeFile(t, filepath.Join(dir, "s", "1.json"), "{}")
	if _, ok := mustCommit(t, r, []string{filepath.Join(dir, "s", "1.json")}, "first snapshot"); !ok {
		t.Fatal("nothing committed on the orphan branch")
	}
}
