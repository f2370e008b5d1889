package snapshot_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// TestRemoveFileNamed removes a posting file by the name EachFile gave and
// refuses a name that is not one file of the source's folder.
func TestRemoveFileNamed(t *testing.T) {
	dir := t.TempDir()
	s, err := snapshot.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WritePosting("acme", "1", []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(dir, "keep.json")
	if err := os.WriteFile(outside, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../keep.json", ".index.json", "x.txt", "sub/1.json"} {
		if _, err := s.RemoveFileNamed("acme", name); err == nil {
			t.Errorf("%q: removed, want refused", name)
		}
	}
	if _, err := os.Stat(outside); err != nil {
		t.Fatalf("a file outside the source's folder went: %v", err)
	}
	var names []string
	s.EachFile("acme", func(name string, _ []byte) error { names = append(names, name); return nil })
	if len(names) != 1 {
		t.Fatalf("files %v, want one", names)
	}
	p, err := s.RemoveFileNamed("acme", names[0])
	if err != nil || filepath.Dir(p) != s.SourceDir("acme") {
		t.Fatalf("remove %q: %q, %v", names[0], p, err)
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatalf("%s still there: %v", p, err)
	}
}
