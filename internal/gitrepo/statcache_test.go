package gitrepo

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// A file whose stat data is its index entry's is taken from the index
// (not read); one whose stat data moved, or that is racily clean, is read.
func TestIndexStatCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "a.json")
	if err := os.WriteFile(p, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Minute)
	if err := os.Chtimes(p, past, past); err != nil { // older than the index written next
		t.Fatal(err)
	}
	author := Author{Name: "t", Email: "t@example.com"}
	if _, _, err := r.Commit([]string{p}, "one", author, time.Now()); err != nil {
		t.Fatal(err)
	}
	want := hashObject(plumbing.BlobObject, []byte("one\n"))
	lookup := func() (plumbing.Hash, bool) {
		t.Helper()
		il, err := r.lockIndex()
		if err != nil {
			t.Fatal(err)
		}
		defer il.release()
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		return il.clean("a.json", statOf(fi), fi.Mode())
	}
	if h, ok := lookup(); !ok || h != want {
		t.Fatalf("unchanged file: %v %v, want the entry's blob %v", h, ok, want)
	}
	// same size, new content and time: read
	if err := os.WriteFile(p, []byte("two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := lookup(); ok {
		t.Fatal("a rewritten file taken from the index")
	}
	// An mtime not older than the index that records it: racily clean
	// (git's case of a file written in the index's second). The file's
	// time is set ahead rather than hoping both land in one second.
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(p, future, future); err != nil {
		t.Fatal(err)
	}
	hash, committed, err := r.Commit([]string{p}, "two", author, time.Now())
	if err != nil || !committed {
		t.Fatalf("commit two: %v %v", committed, err)
	}
	if _, ok := lookup(); ok {
		t.Fatal("a racily clean entry trusted")
	}
	if b, ok, err := r.HeadFile(p); err != nil || !ok || string(b) != "two\n" {
		t.Fatalf("HEAD %s has %q %v %v", hash, b, ok, err)
	}
	// nothing changed since: the next commit of the path makes none
	if _, committed, err := r.Commit([]string{p}, "again", author, time.Now()); err != nil || committed {
		t.Fatalf("commit of an unchanged file: %v %v", committed, err)
	}
}
