package snapshot

import (
	"os"
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
