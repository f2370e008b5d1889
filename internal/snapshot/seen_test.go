package snapshot

import (
	"os"
	"testing"
)

// SaveValidators compares with what LoadValidators read, unless the file
// changed since (another writer): then it reads it again and writes.
func TestSaveValidatorsAfterLoad(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	v1 := []byte(`{"a":"1"}` + "\n")
	if _, err := s.SaveValidators("src", v1); err != nil {
		t.Fatal(err)
	}
	if got := s.LoadValidators("src"); string(got) != string(v1) {
		t.Fatalf("load %q", got)
	}
	// the same content: left as it is
	fi, _ := os.Stat(s.ValidatorsPath("src"))
	if _, err := s.SaveValidators("src", v1); err != nil {
		t.Fatal(err)
	}
	if fi2, _ := os.Stat(s.ValidatorsPath("src")); !os.SameFile(fi, fi2) {
		t.Fatal("unchanged validators rewritten")
	}
	// changed by someone else after the load: the save sees it
	s.LoadValidators("src")
	if err := os.WriteFile(s.ValidatorsPath("src"), []byte(`{"a":"2"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveValidators("src", v1); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(s.ValidatorsPath("src")); string(b) != string(v1) {
		t.Fatalf("validators %q, want %q", b, v1)
	}
	// removed after the load: nothing to remove, nothing written
	s.LoadValidators("src")
	os.Remove(s.ValidatorsPath("src"))
	if p, err := s.SaveValidators("src", nil); err != nil || p != "" {
		t.Fatalf("save nil: %q %v", p, err)
	}
}

// SaveAdapterState reports a write only when the content differs from the
// file's.
func TestSaveAdapterStateAfterLoad(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if s.LoadAdapterState("src") != nil {
		t.Fatal("state before any save")
	}
	if _, wrote, err := s.SaveAdapterState("src", []byte("x\n")); err != nil || !wrote {
		t.Fatalf("first save: %v %v", wrote, err)
	}
	s.LoadAdapterState("src")
	if _, wrote, err := s.SaveAdapterState("src", []byte("x\n")); err != nil || wrote {
		t.Fatalf("same state: wrote %v %v", wrote, err)
	}
	s.LoadAdapterState("src")
	if _, wrote, err := s.SaveAdapterState("src", []byte("y\n")); err != nil || !wrote {
		t.Fatalf("new state: wrote %v %v", wrote, err)
	}
}
