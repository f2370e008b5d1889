package gitrepo

import (
	"fmt"
	"io/fs"
	"time"

	"golang.org/x/sys/unix"
)

// readRegular opens abs, checks through the open descriptor that it is a
// regular file (else regular is false and nothing is read), and reads it
// whole into buf's array (grown when it is too small; the caller reuses
// it for the next file: a commit reads every written file once). The stat
// is the open file's, taken before the read, as statOf(f.Stat()) gives it:
// if the file changes while it is read, its mtime moves past the recorded
// one and git rehashes it. exec is the owner's execute bit.
//
// The file is a raw descriptor, not an *os.File: os.Open offers every file
// to the network poller, which refuses a regular file (an epoll_ctl and two
// fcntl calls per file of a first cycle's commit).
func readRegular(abs string, buf []byte) (data []byte, st fileStat, exec, regular bool, err error) {
	var fd int
	for {
		fd, err = unix.Open(abs, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return nil, fileStat{}, false, false, &fs.PathError{Op: "open", Path: abs, Err: err}
	}
	defer unix.Close(fd)
	var s unix.Stat_t
	if err := fstat(fd, &s); err != nil {
		return nil, fileStat{}, false, false, &fs.PathError{Op: "stat", Path: abs, Err: err}
	}
	if s.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, fileStat{}, false, false, nil
	}
	st = fileStat{
		mtime: time.Unix(int64(s.Mtim.Sec), int64(s.Mtim.Nsec)),
		ctime: time.Unix(int64(s.Ctim.Sec), int64(s.Ctim.Nsec)),
		dev:   uint32(s.Dev),
		ino:   uint32(s.Ino),
		uid:   s.Uid,
		gid:   s.Gid,
		size:  s.Size,
	}
	data = buf[:0]
	if want := int(s.Size) + 1; cap(data) < want {
		data = make([]byte, 0, want)
	}
	for {
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, fileStat{}, false, false, fmt.Errorf("read %s: %w", abs, &fs.PathError{Op: "read", Path: abs, Err: err})
		}
		if n == 0 {
			return data, st, s.Mode&0o100 != 0, true, nil
		}
		data = data[:len(data)+n]
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grown: the file grew while it was read
		}
	}
}

func fstat(fd int, s *unix.Stat_t) error {
	for {
		if err := unix.Fstat(fd, s); err != unix.EINTR {
			return err
		}
	}
}
