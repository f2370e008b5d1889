package gitrepo

import (
	"errors"
	"path/filepath"
	"testing"
)

// The read API walks a folder's history with paths relative to the folder,
// wherever the work tree starts, and creates nothing.
func TestHistoryReadsAFolder(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "snapshots")
	if _, err := OpenHistory("", dir); !errors.Is(err, ErrNoRepository) {
		t.Fatalf("no repository: %v, want ErrNoRepository", err)
	}
	r := mustOpen(t, root)
	h, err := OpenHistory("", dir)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := h.Head(); err != nil || c != nil {
		t.Fatalf("unborn branch: head %v, %v", c, err)
	}
	a := filepath.Join(dir, "acme", "1.json")
	writeFile(t, a, "one\n")
	first, _ := mustCommit(t, r, []string{a}, "first")
	writeFile(t, a, "two\n")
	b := filepath.Join(dir, "acme", "2.json")
	writeFile(t, b, "b\n")
	second, _ := mustCommit(t, r, []string{a, b}, "second")

	h, err = OpenHistory(root, dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := h.Head()
	if err != nil || head == nil || head.Hash.String() != second || !head.When.Equal(testWhen) {
		t.Fatalf("head %+v, %v; want %s at %s", head, err, second, testWhen)
	}
	e, ok, err := h.Lookup(head, "acme")
	if err != nil || !ok || !e.Dir {
		t.Fatalf("acme in head: %+v %v %v", e, ok, err)
	}
	files, err := h.Folder(e.Hash)
	if err != nil || len(files) != 2 || files[0].Name != "1.json" || !files[0].File || files[1].Name != "2.json" {
		t.Fatalf("folder: %+v %v", files, err)
	}
	if data, err := h.Blob(files[0].Hash); err != nil || string(data) != "two\n" || files[0].Hash != BlobHash([]byte("two\n")) {
		t.Fatalf("blob: %q %v", data, err)
	}
	parent, err := h.Parent(head)
	if err != nil || parent == nil || parent.Hash.String() != first || h.Cut(parent) {
		t.Fatalf("parent %+v, %v; want %s", parent, err, first)
	}
	if _, ok, err := h.Lookup(parent, "acme/2.json"); ok || err != nil {
		t.Fatalf("2.json in the first commit: %v %v", ok, err)
	}
	if root, err := h.Parent(parent); root != nil || err != nil {
		t.Fatalf("parent of the root commit: %v %v", root, err)
	}
	if _, err := OpenHistory(root, t.TempDir()); err == nil {
		t.Fatal("a folder outside the work tree was accepted")
	}
}
