package snapshot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A lock file that is a symbolic link (committed with git add -f) is
// refused, and what it points at is neither truncated nor written (review
// F19: the holder's card was written into it, then cleared).
func TestLockThroughSymlinkRefused(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(victim, []byte("victim content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, StateDir), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, StateDir, LockName)
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	l, err := AcquireLock(context.Background(), dir, 0, "run", nil)
	if err == nil {
		l.Release()
		t.Fatal("a lock file that is a symbolic link was taken")
	}
	if !strings.Contains(err.Error(), link+" is a symbolic link: refused") {
		t.Errorf("error %q does not name the link", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "victim content\n" {
		t.Errorf("the link's target changed: %q", b)
	}
}
