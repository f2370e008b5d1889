package atomicfile

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// CanSyncFS reports whether SyncFS is one call for a whole file system
// (syncfs(2) on Linux). Where it is not, callers keep an fsync per file.
const CanSyncFS = true

// SyncFS makes durable everything written so far on the file system that
// holds path (a file or folder): file contents, renames and removals, with
// one syncfs(2), which (since Linux 5.8) also reports a writeback error of
// any file on it. Like git's batch fsync mode: write many files without an
// fsync each, then one flush before the change that publishes them.
func SyncFS(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("syncfs %s: %w", path, err)
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		return fmt.Errorf("syncfs %s: %w", path, err)
	}
	return nil
}
