package snapshot

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestForeignReadmeIsKept: a README.md in a source's folder that the
// watcher did not write (a data repository's own notes) is kept and said
// (ForeignReadmeError), not replaced (review s32 F8); one the watcher
// wrote is rewritten as the postings change.
func TestForeignReadmeIsKept(t *testing.T) {
	s := acmeStore(t)
	b, err := model.Encode(model.Posting{ID: "1", Source: "acme", Title: "Data Engineer"})
	if err != nil {
		t.Fatal(err)
	}
	idx := Index{Postings: map[string]Entry{"1": {Hash: model.Hash(b)}}}
	notes := "# my handwritten notes\nimportant\n"
	if err := os.WriteFile(s.ReadmePath("acme"), []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	paths, err := s.WriteReadme("acme", map[string][]byte{"1": b}, nil, idx)
	var foreign *ForeignReadmeError
	if !errors.As(err, &foreign) || foreign.Path != s.ReadmePath("acme") || len(paths) != 0 {
		t.Fatalf("paths %v, err %v; want a ForeignReadmeError naming the file", paths, err)
	}
	if got, _ := os.ReadFile(s.ReadmePath("acme")); string(got) != notes {
		t.Fatalf("the notes were replaced: %q", got)
	}
	// the watcher's own README is rewritten
	if err := os.Remove(s.ReadmePath("acme")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteReadme("acme", map[string][]byte{"1": b}, nil, idx); err != nil {
		t.Fatal(err)
	}
	b2, err := model.Encode(model.Posting{ID: "1", Source: "acme", Title: "Staff Data Engineer"})
	if err != nil {
		t.Fatal(err)
	}
	idx.Postings["1"] = Entry{Hash: model.Hash(b2)}
	if _, err := s.WriteReadme("acme", map[string][]byte{"1": b2}, nil, idx); err != nil {
		t.Fatalf("the watcher's own README: %v", err)
	}
	if got, _ := os.ReadFile(s.ReadmePath("acme")); !strings.Contains(string(got), "Staff Data Engineer") {
		t.Fatalf("the watcher's README was not rewritten:\n%s", got)
	}
}

// TestReadmeLinkIsNotFollowed: a README.md that is a symbolic link is not
// read for the watcher's mark (the file it names may be anyone's): the
// write is refused as any write through a link is, the linked file
// untouched.
func TestReadmeLinkIsNotFollowed(t *testing.T) {
	s := acmeStore(t)
	outside := t.TempDir() + "/notes.md"
	if err := os.WriteFile(outside, []byte("# elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, s.ReadmePath("acme")); err != nil {
		t.Skip(err)
	}
	b, err := model.Encode(model.Posting{ID: "1", Source: "acme", Title: "Data Engineer"})
	if err != nil {
		t.Fatal(err)
	}
	idx := Index{Postings: map[string]Entry{"1": {Hash: model.Hash(b)}}}
	_, err = s.WriteReadme("acme", map[string][]byte{"1": b}, nil, idx)
	var foreign *ForeignReadmeError
	if err == nil || errors.As(err, &foreign) || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("a linked README.md: %v, want the refusal of a write through a link", err)
	}
	if got, _ := os.ReadFile(outside); string(got) != "# elsewhere\n" {
		t.Fatalf("the linked file changed: %q", got)
	}
}

// TestForeignReadmeIsNotOwned: a run's recovery commits only the watcher's
// own files: a README.md of the folder's owner is not one (an uncommitted
// edit of theirs went into the recovery's commit); the watcher's own
// README.md, and one deleted, are.
func TestForeignReadmeIsNotOwned(t *testing.T) {
	s := acmeStore(t)
	source := func(name string) bool { return name == "acme" }
	path := s.ReadmePath("acme")
	if !s.Owned(path, source) {
		t.Error("a README.md not there (deleted) is not owned")
	}
	if err := os.WriteFile(path, []byte("# my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s.Owned(path, source) {
		t.Error("the owner's README.md is taken for the watcher's")
	}
	if err := os.WriteFile(path, SourceReadme("acme", nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if !s.Owned(path, source) {
		t.Error("the watcher's README.md is not owned")
	}
}

// acmeStore is a store in a new folder with the folder of source "acme".
func acmeStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(s.SourceDir("acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	return s
}
