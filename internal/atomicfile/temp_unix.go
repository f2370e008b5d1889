//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// writeTemp writes data to a new temporary file in dir (made when it is
// missing), mode 0644, fsynced when durable, and returns its path; on an
// error after the file was made, tmp names it (removed). The
// file is a raw descriptor, not an *os.File: os.CreateTemp puts every file
// it opens into and out of non-blocking mode and offers it to the network
// poller, which refuses a regular file (five system calls of a first
// cycle's fourteen per snapshot file), and a stat of dir before each file
// (os.MkdirAll) is replaced by making dir only when the open says it is
// missing.
func writeTemp(dir string, data []byte, durable bool) (tmp string, err error) {
	fd, tmp, err := createTemp(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		fd, tmp, err = createTemp(dir)
	}
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if err = writeAll(fd, tmp, data); err == nil && durable {
		err = retry(func() error { return fullFsync(fd) })
		if err != nil {
			err = &fs.PathError{Op: "sync", Path: tmp, Err: err}
		}
	}
	if err == nil {
		// the mode whatever the umask, as os.Chmod after the close did
		if err = retry(func() error { return unix.Fchmod(fd, 0o644) }); err != nil {
			err = &fs.PathError{Op: "chmod", Path: tmp, Err: err}
		}
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		err = &fs.PathError{Op: "close", Path: tmp, Err: cerr}
	}
	return tmp, err
}

// createTemp opens a new file named TempPrefix and a random number in
// dir, read-write, mode 0600, as os.CreateTemp does.
func createTemp(dir string) (fd int, path string, err error) {
	for try := 0; ; try++ {
		path = filepath.Join(dir, TempPrefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		err = retry(func() (err error) {
			fd, err = unix.Open(path, unix.O_RDWR|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o600)
			return err
		})
		if err == unix.EEXIST && try < 10000 {
			continue
		}
		if err != nil {
			// the folder, not the random name that never existed (review
			// s34 F2: "open <dir>/file/.tmp-925136718: not a directory")
			return -1, "", &fs.PathError{Op: "create a file in", Path: dir, Err: err}
		}
		return fd, path, nil
	}
}

// writeAll writes data to fd whole (a short write is continued).
func writeAll(fd int, path string, data []byte) error {
	for len(data) > 0 {
		var n int
		err := retry(func() (err error) {
			n, err = unix.Write(fd, data)
			return err
		})
		if err != nil {
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		if n == 0 {
			return &fs.PathError{Op: "write", Path: path, Err: unix.EIO}
		}
		data = data[n:]
	}
	return nil
}

// rename moves the temporary file over path with rename(2) alone (os.Rename
// first stats path to refuse a folder there; rename(2) refuses one too).
func rename(tmp, path string) error {
	if err := retry(func() error { return unix.Rename(tmp, path) }); err != nil {
		if err == unix.EISDIR {
			err = unix.EEXIST // a folder at path: os.Rename's error, fs.ErrExist (review s34 F2)
		}
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
	}
	return nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}
