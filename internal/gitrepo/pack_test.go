package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A commit of packMin new objects or more writes them as one pack with its
// index, no loose object: git reads every object (fsck --strict, the files
// at HEAD), the next commits (few new objects, however many paths: loose)
// build on its trees.
func TestManyPathsArePacked(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	author := Author{Name: "t", Email: "t@example.com"}
	var paths []string
	for i := range packMin + 20 {
		p := filepath.Join(dir, fmt.Sprintf("src-%d", i%7), fmt.Sprintf("p%03d.json", i))
		// one large blob: its size takes several bytes of the entry header
		body := fmt.Sprintf("posting %d\n", i)
		if i == 3 {
			body = strings.Repeat("long description ", 20_000)
		}
		writeFile(t, p, body)
		paths = append(paths, p)
	}
	if _, committed, err := r.Commit(paths, "first cycle", author, time.Now()); err != nil || !committed {
		t.Fatalf("commit: %v %v", committed, err)
	}
	objects := func() (loose int, packs []string) {
		t.Helper()
		ents, _ := os.ReadDir(filepath.Join(dir, ".git", "objects"))
		for _, e := range ents {
			if len(e.Name()) == 2 {
				sub, _ := os.ReadDir(filepath.Join(dir, ".git", "objects", e.Name()))
				loose += len(sub)
			}
		}
		packs, _ = filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*"))
		return loose, packs
	}
	loose, packs := objects()
	if loose != 0 || len(packs) != 2 || !strings.HasSuffix(packs[0], ".idx") || !strings.HasSuffix(packs[1], ".pack") {
		t.Fatalf("after a commit of %d paths: %d loose objects, pack folder %v", len(paths), loose, packs)
	}
	git(t, dir, "fsck", "--strict")
	if n := git(t, dir, "count-objects", "-v"); !strings.Contains(n, "in-pack: 129") || !strings.Contains(n, "garbage: 0") {
		t.Fatalf("count-objects (120 blobs, 8 trees, 1 commit):\n%s", n)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Fatalf("git status after the packed commit:\n%s", st)
	}
	if got := gitOut(t, dir, "show", "HEAD:src-3/p003.json"); got != strings.Repeat("long description ", 20_000) {
		t.Fatalf("the large blob read back: %d bytes", len(got))
	}

	// a small commit on top: loose objects, trees read from the pack
	writeFile(t, paths[5], "changed\n")
	if _, committed, err := r.Commit(paths[5:6], "one change", author, time.Now()); err != nil || !committed {
		t.Fatalf("small commit: %v %v", committed, err)
	}
	if loose, packs := objects(); loose == 0 || len(packs) != 2 {
		t.Fatalf("after a small commit: %d loose objects, pack folder %v", loose, packs)
	}
	// a fresh Repo (a new process) reads the pack too
	r2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		os.Remove(p)
	}
	if _, committed, err := r2.Commit(paths, "all removed", author, time.Now()); err != nil || !committed {
		t.Fatalf("removal commit: %v %v", committed, err)
	}
	git(t, dir, "fsck", "--strict")
	// 120 paths named, a few new objects (trees, the commit): loose
	if _, packs := objects(); len(packs) != 2 {
		t.Fatalf("a commit of many paths and few new objects packed: %v", packs)
	}
	if ls := git(t, dir, "ls-tree", "-r", "HEAD"); ls != "" {
		t.Fatalf("HEAD after removing every path:\n%s", ls)
	}
	if got := git(t, dir, "show", "HEAD~1:src-5/p005.json"); got != "changed" {
		t.Fatalf("HEAD~1 has %q", got)
	}

	// a commit refused on the way leaves no pack, finished or not
	if err := os.Symlink(t.TempDir(), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r2.Commit(append(paths, filepath.Join(dir, "linked", "x.json")), "refused", author, time.Now()); err == nil {
		t.Fatal("a path beyond a symbolic link committed")
	}
	if _, packs := objects(); len(packs) != 2 {
		t.Fatalf("after a refused commit, the pack folder has %v", packs)
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, ".git", "objects", "pack")); len(ents) != 2 {
		t.Fatalf("a refused commit left files in the pack folder: %v", ents)
	}
}
