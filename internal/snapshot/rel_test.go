package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The slash paths for committed copies are the Store's paths inside the
// folder, and Presence answers as Exists from one listing.
func TestRelPathsAndPresence(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"1", "../evil id"} {
		if got, want := filepath.Join(s.Dir, filepath.FromSlash(PostingRel("src", id))), s.PostingPath("src", id); got != want {
			t.Errorf("PostingRel(%q) = %s, want the PostingPath %s", id, got, want)
		}
	}
	if got, want := filepath.Join(s.Dir, filepath.FromSlash(IndexRel("src"))), s.IndexPath("src"); got != want {
		t.Errorf("IndexRel = %s, want the IndexPath %s", got, want)
	}
	if _, ok := DecodeIndex([]byte(`{"generation": 2}`)); ok {
		t.Error("an index without postings decoded")
	}
	if idx, ok := DecodeIndex([]byte(`{"generation": 2, "postings": {"1": {"hash": "h"}}}`)); !ok || idx.Generation != 2 || idx.Postings["1"].Hash != "h" {
		t.Errorf("DecodeIndex = %+v, %v", idx, ok)
	}

	if s.Presence("src")("1") {
		t.Error("Presence in a missing folder")
	}
	b, _ := model.Encode(model.Posting{ID: "../evil id", Source: "src"})
	if _, err := s.WritePosting("src", "../evil id", b); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(s.SourceDir("src"), PostingName("dir")), 0o755); err != nil {
		t.Fatal(err)
	}
	present := s.Presence("src")
	for _, c := range []struct {
		id   string
		want bool
	}{{"../evil id", true}, {"1", false}, {"dir", false}} {
		if got := present(c.id); got != c.want || c.id != "dir" && got != s.Exists("src", c.id) {
			t.Errorf("Presence(%q) = %v, want %v", c.id, got, c.want)
		}
	}
}
