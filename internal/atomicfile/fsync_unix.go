//go:build unix && !darwin

package atomicfile

import "golang.org/x/sys/unix"

// fullFsync flushes the file to the drive (fsync(2); on macOS
// fsync_darwin.go's F_FULLFSYNC).
func fullFsync(fd int) error { return unix.Fsync(fd) }
