package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

func dirty(s *Store) (inPhase, isDirty bool) {
	batches.Lock()
	defer batches.Unlock()
	b, ok := batches.m[s.Dir]
	return ok, ok && b.dirty
}

// A write phase defers the fsyncs of its files to the index save, the
// commit and EndWrite; files outside the phase (or outside the folder) are
// written durably at once.
func TestWritePhaseSyncsInBatches(t *testing.T) {
	if !atomicfile.CanSyncFS {
		t.Skip("no syncfs here: every write keeps its fsync")
	}
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	post := s.PostingPath("src", "1")
	if err := WriteFile(post, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	if in, _ := dirty(s); in {
		t.Fatal("a write outside a phase opened one")
	}
	if err := s.BeginWrite(); err != nil {
		t.Fatal(err)
	}
	if in, d := dirty(s); !in || d {
		t.Fatalf("after BeginWrite: in phase %v, dirty %v; want true, false", in, d)
	}
	// a sibling folder whose name starts with the store's is not inside it
	if markDirty(s.Dir + "x" + string(filepath.Separator) + "f.json") {
		t.Error("a path in a sibling folder counted as inside the store")
	}
	if _, d := dirty(s); d {
		t.Fatal("a sibling's write made the phase dirty")
	}
	if err := WriteFile(post, []byte("{\"a\": 1}\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(post); string(b) != "{\"a\": 1}\n" {
		t.Fatalf("content %q after an unsynced write", b)
	}
	if _, d := dirty(s); !d {
		t.Fatal("an unsynced write did not mark the phase dirty")
	}
	if _, err := s.SaveIndex("src", Index{Postings: map[string]Entry{"1": {Hash: "h"}}}); err != nil {
		t.Fatal(err)
	}
	if _, d := dirty(s); d {
		t.Fatal("SaveIndex did not sync the files before the index")
	}
	if err := RemoveFile(post); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(post); !os.IsNotExist(err) {
		t.Fatalf("removed file still there: %v", err)
	}
	if _, d := dirty(s); !d {
		t.Fatal("an unsynced removal did not mark the phase dirty")
	}
	if err := s.EndWrite(); err != nil {
		t.Fatal(err)
	}
	if in, _ := dirty(s); in {
		t.Fatal("EndWrite left the phase open")
	}
	if ok, _ := s.Interrupted(); ok {
		t.Fatal("EndWrite left the run marker")
	}
	// after the phase, writes are durable again (no phase to mark)
	if markDirty(post) {
		t.Fatal("a write after EndWrite was deferred")
	}
}
