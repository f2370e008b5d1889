package snapshot

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Presence does not list a folder that has not changed since the index
// LoadIndex read was written (shown here by a file taken away with the
// folder's time put back: the answer is the index's, no listing was
// made), and lists one that changed after it: a snapshot file removed
// after the index is seen missing.
func TestPresenceSkipsListingOfUnchangedFolder(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "snaps"))
	if err != nil {
		t.Fatal(err)
	}
	idx := Index{Postings: map[string]Entry{}}
	for _, id := range []string{"1", "2"} {
		b, err := model.Encode(model.Posting{ID: id, Source: "src"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.WritePosting("src", id, b); err != nil {
			t.Fatal(err)
		}
		idx.Postings[id] = Entry{Hash: model.Hash(b)}
	}
	if _, err := s.SaveIndex("src", idx); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	setTimes := func(path string, at time.Time) {
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
	}
	// the index written after the folder's last change, as a run does
	setTimes(s.SourceDir("src"), past)
	setTimes(s.IndexPath("src"), past.Add(time.Second))
	if _, err := s.LoadIndex("src"); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.PostingPath("src", "2")); err != nil {
		t.Fatal(err)
	}
	setTimes(s.SourceDir("src"), past) // as if the folder had not changed
	if present := s.Presence("src"); !present("1") || !present("2") {
		t.Fatal("an unchanged folder was listed (or its index not believed)")
	}

	// the folder changed after the index: listed, the removed file missing
	setTimes(s.SourceDir("src"), time.Now())
	if present := s.Presence("src"); !present("1") || present("2") {
		t.Fatal("a folder changed after its index: the removed file is not seen missing")
	}
	// no index read (rebuilt): listed
	s2, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	setTimes(s.SourceDir("src"), past)
	if present := s2.Presence("src"); present("2") {
		t.Fatal("a store that read no index did not list the folder")
	}
}
