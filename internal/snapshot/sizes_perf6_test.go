package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Sizes reads the folder once (listSizes) and still tells a torn or
// missing file, a symbolic link and a folder in a posting's place apart
// from a kept file.
func TestSizesSeesTornMissingAndNonFiles(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{}
	for _, id := range []string{"1", "2", "3", "4", "5"} {
		data, _ := model.Encode(model.Posting{ID: id, Source: "nf", Title: "Engineer " + id})
		if _, err := s.WritePosting("nf", id, data); err != nil {
			t.Fatal(err)
		}
		want[id] = int64(len(data))
	}
	if err := os.Truncate(s.PostingPath("nf", "2"), 7); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.PostingPath("nf", "3")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.PostingPath("nf", "4")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(s.PostingPath("nf", "1"), s.PostingPath("nf", "4")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.PostingPath("nf", "5")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(s.PostingPath("nf", "5"), 0o755); err != nil {
		t.Fatal(err)
	}
	sizes := s.Sizes("nf")
	cases := []struct {
		id    string
		size  int64
		there bool
	}{{"1", want["1"], true}, {"2", 7, true}, {"3", 0, false}, {"4", 0, false}, {"5", 0, false}, {"6", 0, false}}
	for _, c := range cases {
		size, there := sizes(c.id)
		if size != c.size || there != c.there {
			t.Errorf("Sizes(%s) = %d, %v; want %d, %v", c.id, size, there, c.size, c.there)
		}
	}
	// a folder that cannot be listed is asked file by file
	missing := s.Sizes("none")
	if _, there := missing("1"); there {
		t.Error("a posting of a source without a folder is there")
	}
	if err := os.Chmod(filepath.Dir(s.PostingPath("nf", "1")), 0o300); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Dir(s.PostingPath("nf", "1")), 0o755)
	if os.Getuid() != 0 {
		size, there := s.Sizes("nf")("1")
		if !there || size != want["1"] {
			t.Errorf("unlistable folder: Sizes(1) = %d, %v; want %d, true", size, there, want["1"])
		}
	}
}
