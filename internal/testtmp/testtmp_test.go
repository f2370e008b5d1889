package testtmp

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Use moves $TMPDIR to a folder of this user's in /dev/shm when there is
// one with room, keeps a $TMPDIR that is set, and keeps the system's
// folder when Shm is not a memory file system.
func TestUse(t *testing.T) {
	t.Setenv("TMPDIR", "/somewhere")
	if got := Use(); got != "" || os.Getenv("TMPDIR") != "/somewhere" {
		t.Fatalf("a set TMPDIR: Use %q, TMPDIR %q", got, os.Getenv("TMPDIR"))
	}

	// Shm on a folder of the disk: not a memory file system
	disk, err := os.MkdirTemp(".", "disk-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(disk) })
	unset(t)
	old := Shm
	t.Cleanup(func() { Shm = old })
	Shm = disk
	if isTmpfs(disk) {
		t.Skip("the package folder is on tmpfs")
	}
	if got := Use(); got != "" {
		t.Fatalf("Shm on the disk: Use %q", got)
	}
	if _, set := os.LookupEnv("TMPDIR"); set {
		t.Fatalf("Shm on the disk: TMPDIR set to %q", os.Getenv("TMPDIR"))
	}

	Shm = old
	if !isTmpfs(Shm) {
		t.Skipf("%s is not a memory file system here", Shm)
	}
	got := Use()
	if got == "" {
		t.Skipf("%s has less than %d bytes free or is not usable", Shm, MinFree)
	}
	if os.Getenv("TMPDIR") != got || os.TempDir() != got || !strings.HasPrefix(got, Shm+"/careers-watcher-tests-") {
		t.Fatalf("Use %q, TMPDIR %q, os.TempDir %q", got, os.Getenv("TMPDIR"), os.TempDir())
	}
	d, err := os.MkdirTemp("", "x-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(d)
	if filepath.Dir(d) != got {
		t.Fatalf("a temporary folder %s, not in %s", d, got)
	}
}

// unset removes $TMPDIR for the test, restoring it afterwards.
func unset(t *testing.T) {
	t.Setenv("TMPDIR", "") // registers the restore
	os.Unsetenv("TMPDIR")
}

func isTmpfs(dir string) bool {
	var st syscall.Statfs_t
	return syscall.Statfs(dir, &st) == nil && st.Type == tmpfsMagic
}
