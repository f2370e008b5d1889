package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// An upgrade stopped after it moved a file (rewritten: its id was not its
// key) and before it wrote the index is finished by the next call, and the
// index's entry then has the hash of the file as it is now, not the old
// file's.
func TestUpgradeKeysResumedRehashesMovedFiles(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "snaps"))
	if err != nil {
		t.Fatal(err)
	}
	// the folder as an old build left it: the file named after the
	// listing's id, which its snapshot holds untrimmed
	oldKey := model.PostingKey(" 42 ")
	old, err := model.Encode(model.Posting{ID: " 42 ", Source: "lv", Title: "Analyst"})
	if err != nil {
		t.Fatal(err)
	}
	oldPath, err := s.WritePosting("lv", oldKey, old)
	if err != nil {
		t.Fatal(err)
	}
	if oldPath == s.PostingPath("lv", "42") {
		t.Fatalf("the old name is the new one")
	}
	if _, err := s.SaveIndex("lv", Index{Postings: map[string]Entry{oldKey: {Hash: model.Hash(old)}}}); err != nil {
		t.Fatal(err)
	}

	// the first call's work on the files, then the stop: the file under
	// its key, rewritten with it, the old one gone; the index as it was
	moved, err := model.Encode(model.Posting{ID: "42", Source: "lv", Title: "Analyst"})
	if err != nil {
		t.Fatal(err)
	}
	if model.Hash(moved) == model.Hash(old) {
		t.Fatal("the rewritten file has the old hash: the test shows nothing")
	}
	if _, err := s.WritePosting("lv", "42", moved); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(oldPath); err != nil {
		t.Fatal(err)
	}
	if !s.NeedsKeyUpgrade("lv", nil) {
		t.Fatal("the stopped upgrade is not seen as needed")
	}

	if _, err := s.UpgradeKeys("lv", nil); err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	e, ok := idx.Postings["42"]
	if !ok || len(idx.Postings) != 1 {
		t.Fatalf("index after the resumed upgrade: %+v", idx.Postings)
	}
	b, err := os.ReadFile(s.PostingPath("lv", "42"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Hash != model.Hash(b) {
		t.Errorf("index hash %s, the file's %s (the old file's %s)", e.Hash, model.Hash(b), model.Hash(old))
	}
	if s.NeedsKeyUpgrade("lv", nil) {
		t.Errorf("still needs the upgrade")
	}
}
