package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestPackSetFindsGitsPacks: the objects of a pack git wrote are found, a missing object and one
// sharing the first 8 bytes of a packed name are not, and a commit writing
// a blob a pack holds writes no loose object.
func TestPackSetFindsGitsPacks(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	gitOut(t, dir, "init", "-q", "-b", "main")
	var paths []string
	for i := range 40 {
		p := fmt.Sprintf("f%02d.txt", i)
		writeFile(t, filepath.Join(dir, p), strings.Repeat(fmt.Sprintf("line %d\n", i), 50))
		paths = append(paths, p)
	}
	gitOut(t, dir, append([]string{"add", "--"}, paths...)...)
	gitOut(t, dir, "commit", "-q", "-m", "first")
	gitOut(t, dir, "repack", "-a", "-d", "-q")
	packDir := filepath.Join(dir, ".git", "objects", "pack")
	objs := strings.Fields(gitOut(t, dir, "rev-list", "--objects", "--no-object-names", "HEAD"))
	if len(objs) != 42 { // 40 blobs, a tree, a commit
		t.Fatalf("objects: %d", len(objs))
	}
	set, err := loadPackSet(packDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objs {
		if ok, err := set.has(plumbing.NewHash(o)); err != nil || !ok {
			t.Fatalf("packed %s: %v %v", o, ok, err)
		}
	}
	near := plumbing.NewHash(objs[0])
	near[19] ^= 1
	if ok, err := set.has(near); err != nil || ok {
		t.Fatalf("%s (shares the first 19 bytes of a packed name): %v %v", near, ok, err)
	}
	if ok, err := set.has(hashObject(plumbing.BlobObject, []byte("nowhere\n"))); err != nil || ok {
		t.Fatalf("missing object: %v %v", ok, err)
	}

	// a file whose blob is packed: committed, no loose object
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "copy.txt"), strings.Repeat("line 3\n", 50))
	if _, ok, err := r.Commit([]string{"copy.txt"}, "copy", testAuthor, testWhen); err != nil || !ok {
		t.Fatalf("commit: %v %v", ok, err)
	}
	h := hashObject(plumbing.BlobObject, []byte(strings.Repeat("line 3\n", 50))).String()
	if _, err := os.Stat(filepath.Join(dir, ".git", "objects", h[:2], h[2:])); !os.IsNotExist(err) {
		t.Fatalf("a packed blob was written loose: %v", err)
	}
	gitOut(t, dir, "fsck", "--strict")
}

// TestPackSetKnowsItsOwnPacks: objects of a pack this process wrote are
// found by the next commit without listing the folder again, and a
// commit's pack holds no object an earlier pack has.
func TestPackSetKnowsItsOwnPacks(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range 3 * packMin {
		p := fmt.Sprintf("s/%04d.json", i)
		writeFile(t, filepath.Join(dir, p), fmt.Sprintf("{\"n\": %d}\n", i))
		paths = append(paths, p)
	}
	if _, ok, err := r.Commit(paths[:packMin+10], "one", testAuthor, testWhen); err != nil || !ok {
		t.Fatalf("commit: %v %v", ok, err)
	}
	if r.packs == nil {
		// the first existence check loads the (empty) pack list
		t.Fatal("no pack set after a packing commit")
	}
	// the same contents under new names, and new ones: only the new go
	for i := range paths {
		writeFile(t, filepath.Join(dir, "t", fmt.Sprintf("%04d.json", i)), fmt.Sprintf("{\"n\": %d}\n", i))
		paths = append(paths, fmt.Sprintf("t/%04d.json", i))
	}
	if _, ok, err := r.Commit(paths, "two", testAuthor, testWhen); err != nil || !ok {
		t.Fatalf("commit: %v %v", ok, err)
	}
	total := 0
	for _, p := range r.packs.packs {
		total += len(p.prefixes)
	}
	// first pack: 110 blobs, 2 trees, a commit; second: 190 blobs, 2 trees
	// (t is s's tree: the same names and contents), a commit
	if len(r.packs.packs) != 2 || total != 113+193 {
		t.Fatalf("packs: %d, packed objects: %d, want 2 and %d", len(r.packs.packs), total, 113+193)
	}
	out := gitOut(t, dir, "count-objects", "-v")
	if !strings.Contains(out, "in-pack: 306\n") || !strings.Contains(out, "count: 0\n") {
		t.Fatalf("git count-objects:\n%s", out)
	}
	gitOut(t, dir, "fsck", "--strict")
}
