package snapshot

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

var safeName = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._-]*$`)

func TestFileName(t *testing.T) {
	cases := map[string]string{
		"790311790854": "790311790854",
		"jr-123_a.b":   "jr-123_a.b",
		// a capital letter: the hashed form, so that "JR-123_a.b" and
		// "jr-123_a.b" differ beyond case (NamesRule)
		"JR-123_a.b": "JR-123_a.b__fb3f0b068992e914",
	}
	for id, want := range cases {
		if got := FileName(id); got != want {
			t.Errorf("FileName(%q) = %q, want %q", id, got, want)
		}
	}
	hostile := []string{"../../x", "/etc/passwd", "a/b", "a\x00b", ".hidden", "-rf", "CON", "nul.txt", "com1",
		strings.Repeat("9", 500), "", "a__b", "a b", "é", "..", ".", "x\\y", "id__0123456789abcdef"}
	seen := map[string]string{}
	for _, id := range append(hostile, "../../y", "a_b", "ab") {
		name := FileName(id)
		if !safeName.MatchString(name) || len(name) > 118 || strings.Contains(name, "/") {
			t.Errorf("FileName(%q) = %q: not a safe name", id, name)
		}
		if prev, dup := seen[name]; dup {
			t.Errorf("FileName(%q) = FileName(%q) = %q", id, prev, name)
		}
		seen[name] = id
		if FileName(id) != name {
			t.Errorf("FileName(%q) is not deterministic", id)
		}
	}
}

func TestIndexRoundTripAndRebuild(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.IgnorePath()); err != nil {
		t.Fatalf("no .gitignore: %v", err)
	}
	p := model.Posting{ID: "../evil", Source: "src", Title: "T"}
	b, _ := model.Encode(p)
	if err := WriteFile(s.PostingPath("src", p.ID), b); err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(s.PostingPath("src", p.ID)) != filepath.Join(s.Dir, "src") {
		t.Fatalf("posting path escapes its folder: %s", s.PostingPath("src", p.ID))
	}
	// no index yet: rebuilt from the files
	idx, err := s.LoadIndex("src")
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := idx.Postings["../evil"]; !ok || e.Hash != model.Hash(b) {
		t.Fatalf("rebuilt index %+v", idx)
	}
	if idx.Generation < 1_000_000_000 || idx.Incidents < 1_000_000_000 {
		t.Fatalf("a rebuilt index restarts the id counters: %+v", idx)
	}
	idx.Normalizer = "v1"
	idx.Postings["../evil"] = Entry{Stamp: "5", Hash: model.Hash(b)}
	if _, err := s.SaveIndex("src", idx); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadIndex("src")
	if err != nil || got.Normalizer != "v1" || got.Postings["../evil"].Stamp != "5" {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	// a corrupt index is rebuilt from the files, not trusted
	os.WriteFile(s.IndexPath("src"), []byte("{garbage"), 0o644)
	got, err = s.LoadIndex("src")
	if err != nil || len(got.Postings) != 1 || got.Normalizer != "" {
		t.Fatalf("corrupt index: %+v %v", got, err)
	}
	post, _, err := s.Read("src", "../evil")
	if err != nil || post.Title != "T" {
		t.Fatalf("read: %+v %v", post, err)
	}
}

func TestMarker(t *testing.T) {
	s, _ := Open(t.TempDir())
	if ok, _ := s.Interrupted(); ok {
		t.Fatal("fresh store interrupted")
	}
	s.BeginWrite()
	if ok, _ := s.Interrupted(); !ok || !Transient(s.markerPath()) {
		t.Fatal("marker not seen")
	}
	s.EndWrite()
	if ok, _ := s.Interrupted(); ok {
		t.Fatal("marker not cleared")
	}
}
