package snapshot

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// LoadIndex tells an unreadable index file (rebuilt from the files) from
// a missing one, so that the pipeline can warn and commit the rebuilt one.
func TestLoadIndexTellsAnUnreadableIndex(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p := model.Posting{ID: "a1", Source: "src", Title: "Data Engineer"}
	p.Canonical()
	b, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WritePosting("src", "a1", b); err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex("src")
	if err != nil || !idx.Rebuilt || idx.Unreadable || idx.Postings["a1"].Hash != model.Hash(b) {
		t.Fatalf("no index: %+v, %v; want rebuilt, not unreadable", idx, err)
	}
	if _, err := s.SaveIndex("src", idx); err != nil {
		t.Fatal(err)
	}
	if idx, err := s.LoadIndex("src"); err != nil || idx.Rebuilt || idx.Unreadable {
		t.Fatalf("saved index: %+v, %v", idx, err)
	}
	if err := os.WriteFile(s.IndexPath("src"), []byte(`{"postings": {"a1": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err = s.LoadIndex("src")
	if err != nil || !idx.Rebuilt || !idx.Unreadable || idx.Postings["a1"].Hash != model.Hash(b) {
		t.Fatalf("torn index: %+v, %v; want rebuilt from the files, unreadable", idx, err)
	}
	if !idx.Same(Index{Normalizer: idx.Normalizer, Generation: idx.Generation, Incidents: idx.Incidents, Postings: idx.Postings}) {
		t.Fatal("Unreadable (never stored) made indexes differ")
	}
}

// A snapshot file that is there but does not decode is not a closed
// posting: Lookup says the file is unreadable, naming it (the read
// commands print that); Sizes and Holds tell it from the version an index
// entry names without decoding it.
func TestUnreadableSnapshotFile(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p := model.Posting{ID: "a1", Source: "src", Title: "Data Engineer"}
	p.Canonical()
	b, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	path, err := s.WritePosting("src", "a1", b)
	if err != nil {
		t.Fatal(err)
	}
	if size, there := s.Sizes("src")("a1"); !there || size != int64(len(b)) {
		t.Fatalf("Sizes = %d, %v; want %d", size, there, len(b))
	}
	if _, there := s.Sizes("src")("a2"); there {
		t.Fatal("Sizes found a file that is not there")
	}
	if size, ok := s.Holds("src", "a1", model.Hash(b)); !ok || size != int64(len(b)) {
		t.Fatalf("Holds = %d, %v", size, ok)
	}
	if err := os.WriteFile(path, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Holds("src", "a1", model.Hash(b)); ok {
		t.Fatal("Holds: a torn file holds the version")
	}
	if size, _ := s.Sizes("src")("a1"); size != int64(len(b)/2) {
		t.Fatalf("Sizes = %d after the tear", size)
	}
	_, ok, err := s.Lookup("src", "a1")
	if ok || !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Lookup of a torn file: ok %v, error %v; want ErrUnreadable naming %s", ok, err, path)
	}
	if _, _, err := s.Read("src", "a1"); !errors.Is(err, ErrUnreadable) {
		t.Fatalf("Read of a torn file: %v", err)
	}
	if _, ok, err := s.Lookup("src", "gone"); ok || err != nil {
		t.Fatalf("Lookup of no file: %v, %v; want not open, no error", ok, err)
	}
}
