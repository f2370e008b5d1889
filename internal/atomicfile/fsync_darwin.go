//go:build darwin

package atomicfile

import (
	"errors"

	"golang.org/x/sys/unix"
)

// fullFsync flushes the file to the drive: on macOS fsync(2) leaves it in
// the drive's cache, so F_FULLFSYNC as os.File.Sync does, with fsync(2)
// where the file system refuses it (SMB mounts) (review s34 F1).
func fullFsync(fd int) error {
	_, err := unix.FcntlInt(uintptr(fd), unix.F_FULLFSYNC, 0)
	if err != nil && errors.Is(err, unix.ENOTSUP) {
		err = unix.Fsync(fd)
	}
	return err
}
