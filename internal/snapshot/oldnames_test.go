package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// writeOldFolder writes source "lv" as a build before d86d7b3 left it:
// "7" named after its key, "42" and "x y" in files named after the
// listing's untrimmed id, with no index (it is rebuilt).
func writeOldFolder(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(s.SourceDir("lv"), 0o755); err != nil {
		t.Fatal(err)
	}
	for raw, key := range map[string]string{"7": "7", " 42 ": "42", "x y ": "x y"} {
		b, err := model.Encode(model.Posting{ID: key, Source: "lv", Title: "job " + key})
		if err != nil {
			t.Fatal(err)
		}
		name := PostingName(model.PostingKey(raw))
		if raw != key && name == PostingName(key) {
			t.Fatalf("%q: the old name is the new one", raw)
		}
		if err := os.WriteFile(filepath.Join(s.SourceDir("lv"), name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// A folder not upgraded yet (read before a run of this build) still has
// every posting open: Postings and a rebuilt index read the old-named
// files under their keys.
func TestOldNamedFilesAreOpen(t *testing.T) {
	s := writeOldFolder(t)
	ps, err := s.Postings("lv")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	if len(ids) != 3 || ids[0] != "42" || ids[1] != "7" || ids[2] != "x y" {
		t.Errorf("Postings = %q, want [42 7 x y]", ids)
	}
	idx, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"42", "7", "x y"} {
		if _, ok := idx.Postings[k]; !ok {
			t.Errorf("rebuilt index has no %q: %v", k, idx.Postings)
		}
	}
	if len(idx.Postings) != 3 {
		t.Errorf("rebuilt index: %d entries, want 3", len(idx.Postings))
	}
}

// Two files of one key (the old name beside the key's): one posting, the
// file named after the key.
func TestOldAndNewNameOfOneKey(t *testing.T) {
	s := writeOldFolder(t)
	b, err := model.Encode(model.Posting{ID: "42", Source: "lv", Title: "job 42 now"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.PostingPath("lv", "42"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Postings("lv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || ps[0].Title != "job 42 now" {
		t.Errorf("Postings = %+v, want 3 with 42 from its key's file", ps)
	}
	idx, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	if got := idx.Postings["42"].Hash; got != model.Hash(b) {
		t.Errorf("rebuilt entry of 42: hash %s, want its key's file's %s", got, model.Hash(b))
	}
}
