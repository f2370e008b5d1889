//go:build unix

package snapshot

import (
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// The store reads a few small files per source on every run (the index,
// the validators, the adapter state, the run record) and writes the run
// record in place. os.Open makes each an *os.File and offers it to the
// network poller: three fcntl calls and a refused epoll_ctl per open, and
// one more read at the end than a file of known size needs (session 25,
// strace of a quiet cycle of 1,000 sources: 20,054 fcntl and 5,014
// refused epoll_ctl out of about 111,000 system calls; on this VM a
// system call costs microseconds). These helpers do the same with the
// file descriptor alone: open, fstat, read, close.

// readConfined reads a file of the folder root as os.ReadFile does, with
// its size and modification time at the read, refusing one reached
// through a symbolic link below root as atomicfile.CheckPath does: the
// folders on the way are checked by CheckPath, the file itself by
// O_NOFOLLOW on its open (one lstat less per file, and no window between
// the check and the open for that name).
func readConfined(root, path string) (b []byte, size int64, mod time.Time, err error) {
	if err := atomicfile.CheckPath(root, filepath.Dir(path)); err != nil {
		return nil, 0, time.Time{}, err
	}
	b, size, mod, err = rawRead(path, unix.O_NOFOLLOW)
	if errors.Is(err, unix.ELOOP) {
		// the last name is a link (the folders above it are not)
		absRoot, rerr := filepath.Abs(root)
		absPath, perr := filepath.Abs(path)
		if rerr == nil && perr == nil {
			return nil, 0, time.Time{}, &atomicfile.SymlinkError{Path: absPath, Root: absRoot}
		}
	}
	return b, size, mod, err
}

// rawRead reads path as os.ReadFile does (flags: more open flags); size
// and mod are the file's size and modification time at the read.
func rawRead(path string, flags int) (b []byte, size int64, mod time.Time, err error) {
	fd, err := rawOpen(path, unix.O_RDONLY|unix.O_CLOEXEC|flags, 0)
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := retryEINTR(func() error { return unix.Fstat(fd, &st) }); err != nil {
		return nil, 0, time.Time{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	size = st.Size
	mod = time.Unix(st.Mtim.Unix())
	// one more byte than the file's size: a read that fills less than the
	// buffer of a regular file is at its end (as os.ReadFile, the loop
	// goes on while the buffer fills: a file that grew meanwhile)
	n, known := 512, false
	if st.Mode&unix.S_IFMT == unix.S_IFREG && size > 0 && size < 1<<30 {
		n, known = int(size)+1, true
	}
	b = make([]byte, 0, n)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		var m int
		err := retryEINTR(func() (err error) {
			m, err = unix.Read(fd, b[len(b):cap(b)])
			return err
		})
		if err != nil {
			return nil, 0, time.Time{}, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m <= 0 {
			return b, size, mod, nil
		}
		b = b[:len(b)+m]
		if known && len(b) < cap(b) {
			return b, size, mod, nil
		}
	}
}

// rawOverwrite writes data at the start of the regular file at path
// (reached without a symbolic link in its last component), when the file
// is not longer than data; it reports whether it did (overwriteRecord).
func rawOverwrite(path string, data []byte) bool {
	fd, err := rawOpen(path, unix.O_WRONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	if err != nil {
		return false
	}
	var st unix.Stat_t
	if err := retryEINTR(func() error { return unix.Fstat(fd, &st) }); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size > int64(len(data)) {
		unix.Close(fd)
		return false
	}
	for off := 0; off < len(data); {
		var m int
		err := retryEINTR(func() (err error) {
			m, err = unix.Pwrite(fd, data[off:], int64(off))
			return err
		})
		if err != nil || m <= 0 {
			unix.Close(fd)
			return false
		}
		off += m
	}
	return unix.Close(fd) == nil
}

// rawOpen opens path, as os.OpenFile's errors say it (fs.ErrNotExist
// matches a missing file).
func rawOpen(path string, flags int, perm uint32) (int, error) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = unix.Open(path, flags, perm)
		return err
	})
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return fd, nil
}

// retryEINTR calls f again while it fails with EINTR (as package os does).
func retryEINTR(f func() error) error {
	for {
		err := f()
		if err != unix.EINTR {
			return err
		}
	}
}
