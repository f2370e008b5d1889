//go:build unix

package snapshot

import (
	"io/fs"
	"time"

	"golang.org/x/sys/unix"
)

// The store reads a few small files per source on every run (the index,
// the validators, the adapter state, the run record) and writes the run
// record in place. os.Open makes each an *os.File and offers it to the
// network poller: three fcntl calls and a refused epoll_ctl per open, and
// one more read at the end than a file of known size needs (session 25,
// strace of a quiet cycle of 1,000 sources: 20,054 fcntl and 5,014
// refused epoll_ctl out of about 112,700 system calls; on this VM a
// system call costs microseconds). These helpers do the same with the
// file descriptor alone: open, fstat, read, close.

// rawReadAt reads name relative to the folder dirfd (unix.AT_FDCWD: name
// is a path) as os.ReadFile does (flags: more open flags; path names the
// file in errors); size and mod are the file's size and modification time
// at the read.
func rawReadAt(dirfd int, name, path string, flags int) (b []byte, size int64, mod time.Time, err error) {
	fd, err := rawOpenAt(dirfd, name, path, unix.O_RDONLY|unix.O_CLOEXEC|flags, 0)
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
	// buffer of a regular file of known size is at its end (as
	// os.ReadFile, the loop goes on while the buffer fills: a file that
	// grew meanwhile)
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
	return rawOverwriteAt(unix.AT_FDCWD, path, data)
}

// rawOverwriteAt is rawOverwrite of name relative to the folder dirfd.
func rawOverwriteAt(dirfd int, name string, data []byte) bool {
	fd, err := rawOpenAt(dirfd, name, name, unix.O_WRONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
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
	return rawOpenAt(unix.AT_FDCWD, path, path, flags, perm)
}

// rawOpenAt opens name relative to the folder dirfd (path names it in
// errors).
func rawOpenAt(dirfd int, name, path string, flags int, perm uint32) (int, error) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = unix.Openat(dirfd, name, flags, perm)
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
