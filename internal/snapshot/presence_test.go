package snapshot

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A snapshot file removed after a run's listing, followed in the same run
// by another file and the index (which still names the removed one, as a
// run's index is built from answers taken before), leaves the folder's
// time before the index's: the next run must still see the file missing
// (Presence lists the folder), so that it writes it again.
func TestPresenceSeesFileRemovedBeforeIndexWrite(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "snaps"))
	if err != nil {
		t.Fatal(err)
	}
	idx := Index{Postings: map[string]Entry{}}
	write := func(id string) {
		t.Helper()
		b, err := model.Encode(model.Posting{ID: id, Source: "src"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.WritePosting("src", id, b); err != nil {
			t.Fatal(err)
		}
		idx.Postings[id] = Entry{Hash: model.Hash(b)}
	}
	write("1")
	write("2")
	if _, err := s.SaveIndex("src", idx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadIndex("src"); err != nil {
		t.Fatal(err)
	}
	if present := s.Presence("src"); !present("1") || !present("2") {
		t.Fatal("written files not present")
	}
	if err := os.Remove(s.PostingPath("src", "2")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // past the file system's clock tick
	write("3")
	if _, err := s.SaveIndex("src", idx); err != nil { // still names 2
		t.Fatal(err)
	}

	s2, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s2.LoadIndex("src"); err != nil {
		t.Fatal(err)
	}
	present := s2.Presence("src")
	if present("2") {
		t.Fatal("a snapshot file removed before the index was written is answered present")
	}
	if !present("1") || !present("3") {
		t.Fatal("files on disk answered missing")
	}
}
