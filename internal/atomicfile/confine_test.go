package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Under a confined folder no write, removal or read goes through a
// symbolic link below it; the folder itself may be reached through one
// (review F19).
func TestConfinedFolderRefusesLinks(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(base, "root") // the folder itself is a link: the user's choice
	if err := os.Symlink(real, root); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(base, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(outside, "victim")
	if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(real, "dirlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(real, "sub", "filelink")); err != nil {
		t.Fatal(err)
	}
	Confine(root)

	if err := WriteFile(filepath.Join(root, "sub", "new", "ok.json"), []byte("x")); err != nil {
		t.Fatalf("a plain write: %v", err)
	}
	for _, p := range []string{
		filepath.Join(root, "dirlink", "victim"),
		filepath.Join(root, "dirlink", "new.json"),
		filepath.Join(root, "sub", "filelink"),
	} {
		var se *SymlinkError
		if err := WriteFile(p, []byte("overwritten")); !errors.As(err, &se) {
			t.Errorf("WriteFile %s: %v, want a *SymlinkError", p, err)
		}
		if err := WriteFileNoSync(p, []byte("overwritten")); !errors.As(err, &se) {
			t.Errorf("WriteFileNoSync %s: %v, want a *SymlinkError", p, err)
		}
		if err := Remove(p); !errors.As(err, &se) {
			t.Errorf("Remove %s: %v, want a *SymlinkError", p, err)
		}
		if err := RemoveNoSync(p); !errors.As(err, &se) {
			t.Errorf("RemoveNoSync %s: %v, want a *SymlinkError", p, err)
		}
		if _, err := ReadFile(p); !errors.As(err, &se) {
			t.Errorf("ReadFile %s: %v, want a *SymlinkError", p, err)
		}
	}
	if b, err := os.ReadFile(victim); err != nil || string(b) != "keep" {
		t.Errorf("victim: %q %v", b, err)
	}
	if ents, _ := os.ReadDir(outside); len(ents) != 1 {
		t.Errorf("files written outside: %d entries", len(ents))
	}
	if err := CheckPath(root, filepath.Join(base, "outside", "x")); err == nil {
		t.Error("CheckPath accepted a path outside the folder")
	}
	// outside any confined folder a write is as before
	if err := WriteFile(filepath.Join(outside, "free"), []byte("x")); err != nil {
		t.Fatal(err)
	}
}
