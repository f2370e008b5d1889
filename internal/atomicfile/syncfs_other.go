//go:build !linux

package atomicfile

import "errors"

// CanSyncFS reports whether SyncFS is one call for a whole file system; it
// is not here, so callers keep an fsync per file.
const CanSyncFS = false

// SyncFS is not available on this system (see CanSyncFS).
func SyncFS(path string) error {
	return errors.New("syncfs " + path + ": not supported on this system")
}
