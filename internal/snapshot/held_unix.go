//go:build unix

package snapshot

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// A run reads three small files of its own per source (index, validators,
// adapter state) and writes a run record, each under a folder of
// .watcher. Each read by its path walks the whole path and checks every
// folder on it for a link (atomicfile.CheckPath: an lstat a folder); on
// this project's VM a path walk of that length costs more than the read
// (session 25: 80 µs per index read, 4 µs per fstatat relative to an open
// folder). While a run holds the folders (HoldFolders), these files are
// opened relative to the folders, each opened once, after CheckPath, with
// O_NOFOLLOW|O_DIRECTORY: no link can be on the way of a read (a folder
// swapped for a link during the run is not followed: the run keeps
// reading the folder it checked, and the writes, which check their own
// paths, refuse the link), and the file itself is opened with O_NOFOLLOW
// (a link is refused as CheckPath refuses it).

// heldDirs are the folders a run holds, by their paths.
type heldDirs struct {
	mu  sync.RWMutex // held for reading while a descriptor is used
	fds map[string]int
}

// heldFolders are the folders held (the state folders of .watcher).
func (s *Store) heldFolders() []string {
	return []string{
		filepath.Dir(s.IndexPath("x")),
		filepath.Dir(s.ValidatorsPath("x")),
		filepath.Dir(s.StatePath("x")),
		filepath.Dir(s.RunPath("x")),
	}
}

// HoldFolders opens the folders of the run's small files (see above) until
// the function it returns is called; a folder missing or refused is not
// held (its files are read by path, as without HoldFolders).
func (s *Store) HoldFolders() (release func()) {
	h := &heldDirs{fds: map[string]int{}}
	for _, dir := range s.heldFolders() {
		if atomicfile.CheckPath(s.Dir, dir) != nil {
			continue
		}
		fd, err := rawOpen(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			continue
		}
		h.fds[dir] = fd
	}
	s.heldMu.Lock()
	prev := s.held
	s.held = h
	s.heldMu.Unlock()
	return func() {
		s.heldMu.Lock()
		if s.held == h {
			s.held = prev
		}
		s.heldMu.Unlock()
		h.mu.Lock() // no read is using a descriptor
		for _, fd := range h.fds {
			unix.Close(fd)
		}
		h.fds = nil
		h.mu.Unlock()
	}
}

// heldFor is the held folder of path and the file's name in it; ok is
// false when path's folder is not held.
func (s *Store) heldFor(path string) (h *heldDirs, fd int, name string, ok bool) {
	s.heldMu.Lock()
	h = s.held
	s.heldMu.Unlock()
	if h == nil {
		return nil, -1, "", false
	}
	dir, name := filepath.Split(path)
	if name == "" {
		return nil, -1, "", false
	}
	h.mu.RLock()
	fd, ok = h.fds[filepath.Clean(dir)]
	if !ok {
		h.mu.RUnlock()
		return nil, -1, "", false
	}
	return h, fd, name, true // the caller unlocks h.mu
}

// readConfined reads a file of the folder root as os.ReadFile does, with
// its size and modification time at the read, refusing one reached
// through a symbolic link below root as atomicfile.CheckPath does: in a
// held folder (see above) by a read relative to it; otherwise the folders
// on the way are checked by CheckPath, the file itself by O_NOFOLLOW on
// its open (no window between the check and the open for that name).
func (s *Store) readConfined(path string) (b []byte, size int64, mod time.Time, err error) {
	if h, dfd, name, ok := s.heldFor(path); ok {
		b, size, mod, err = rawReadAt(dfd, name, path, unix.O_NOFOLLOW)
		h.mu.RUnlock()
	} else {
		if err := atomicfile.CheckPath(s.Dir, filepath.Dir(path)); err != nil {
			return nil, 0, time.Time{}, err
		}
		b, size, mod, err = rawReadAt(unix.AT_FDCWD, path, path, unix.O_NOFOLLOW)
	}
	if errors.Is(err, unix.ELOOP) {
		// the last name is a link (the folders above it are not)
		absRoot, rerr := filepath.Abs(s.Dir)
		absPath, perr := filepath.Abs(path)
		if rerr == nil && perr == nil {
			return nil, 0, time.Time{}, &atomicfile.SymlinkError{Path: absPath, Root: absRoot}
		}
	}
	return b, size, mod, err
}

// statHeld is os.Stat's size and modification time of path, relative to
// its held folder when it is in one; ok is false when it is not (the
// caller stats the path).
func (s *Store) statHeld(path string) (size int64, mod time.Time, ok bool, err error) {
	h, dfd, name, held := s.heldFor(path)
	if !held {
		return 0, time.Time{}, false, nil
	}
	defer h.mu.RUnlock()
	var st unix.Stat_t
	if err := retryEINTR(func() error { return unix.Fstatat(dfd, name, &st, 0) }); err != nil {
		return 0, time.Time{}, true, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	return st.Size, time.Unix(st.Mtim.Unix()), true, nil
}

// overwriteHeld is rawOverwrite of a run record in a held folder; ok is
// false when its folder is not held (the caller goes by the path).
func (s *Store) overwriteHeld(path string, data []byte) (written, ok bool) {
	h, dfd, name, held := s.heldFor(path)
	if !held {
		return false, false
	}
	defer h.mu.RUnlock()
	return rawOverwriteAt(dfd, name, data), true
}
