package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Review s30b F1: a folder with an old-named file ("A.json") and a
// new-named file ("A__<hash>.json") of one id, as a build before session
// 30 leaves it when it runs on a folder this build upgraded (a rollback,
// or an older worker): the older build took A__<hash>.json for a stray
// file and kept the posting's newer version in A.json, the one the index
// entry's hash names. The key upgrade keeps the file "already named
// right" (the stale version) and removes the newer one, in a commit that
// says no posting changed; the index entry's hash then names a version
// no file holds, and `show`'s history puts the change at the next run's
// "no snapshot changed" commit.
func TestReviewS30bUpgradeKeepsTheIndexedVersionOfTwoFiles(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir := s.SourceDir("lv")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stale, err := model.Encode(model.Posting{ID: "A", Source: "lv", Title: "Analyst", Description: "Excel."})
	if err != nil {
		t.Fatal(err)
	}
	newer, err := model.Encode(model.Posting{ID: "A", Source: "lv", Title: "Analyst", Description: "Excel and SQL."})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, PostingName("A")), stale, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "A.json"), newer, 0o644); err != nil {
		t.Fatal(err)
	}
	// the older build's index: no names, the entry names the newer version
	idx := Index{Normalizer: "v1", Generation: 2, Postings: map[string]Entry{"A": {Stamp: "s", Hash: model.Hash(newer), Size: int64(len(newer))}}}
	if _, err := s.SaveIndex("lv", idx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpgradeKeys("lv", nil); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, PostingName("A")))
	if err != nil {
		t.Fatal(err)
	}
	after, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	if e := after.Postings["A"]; model.Hash(got) != e.Hash {
		t.Errorf("after the upgrade %s holds the stale version (%d bytes), the index entry's hash names another version (the removed A.json's)", PostingName("A"), len(got))
	}
}
