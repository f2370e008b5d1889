//go:build unix

package snapshot

import (
	"errors"
	"io/fs"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// listSizes reads a folder's names once and the size of each regular
// ".json" file with fstatat relative to the open folder: no path walk
// per file and no FileInfo allocated (perf6, F26's stat per kept posting:
// a lstat of the full path per file through DirEntry.Info before). ok is
// false when the folder cannot be read (the caller asks file by file); a
// folder that is not there holds no file: an empty listing, not a
// question per file (a first cycle's new postings, compare's filed check).
func listSizes(dir string) (sizes map[string]int64, ok bool) {
	// the folder by its descriptor alone (rawfile_unix.go: no *os.File,
	// no poller registration)
	fd, err := rawOpen(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]int64{}, true
	}
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	buf := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(buf)
	var names []string
	for {
		var n int
		err := retryEINTR(func() (err error) {
			n, err = unix.ReadDirent(fd, *buf)
			return err
		})
		if err != nil {
			return nil, false
		}
		if n <= 0 {
			break
		}
		_, _, names = unix.ParseDirent((*buf)[:n], -1, names)
	}
	sizes = make(map[string]int64, len(names))
	var st unix.Stat_t
	for _, n := range names {
		if !strings.HasSuffix(n, ".json") {
			continue
		}
		for {
			err = unix.Fstatat(fd, n, &st, unix.AT_SYMLINK_NOFOLLOW)
			if err != unix.EINTR {
				break
			}
		}
		if err == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
			sizes[n] = st.Size
		}
	}
	return sizes, true
}

// direntBufs are listSizes's buffers for the folder's entries.
var direntBufs = sync.Pool{New: func() any { b := make([]byte, 16<<10); return &b }}
