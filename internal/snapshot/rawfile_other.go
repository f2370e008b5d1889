//go:build !unix

package snapshot

import (
	"io"
	"os"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// readConfined reads a file of the folder as os.ReadFile does, with its
// size and modification time, after atomicfile.CheckPath (see
// held_unix.go).
func (s *Store) readConfined(path string) (b []byte, size int64, mod time.Time, err error) {
	if err := atomicfile.CheckPath(s.Dir, path); err != nil {
		return nil, 0, time.Time{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	b, err = io.ReadAll(f)
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	return b, fi.Size(), fi.ModTime(), nil
}

// heldDirs: no folder is held here.
type heldDirs struct{}

// HoldFolders holds nothing here (see held_unix.go).
func (s *Store) HoldFolders() (release func()) { return func() {} }

// statHeld: no folder is held here.
func (s *Store) statHeld(path string) (size int64, mod time.Time, ok bool, err error) {
	return 0, time.Time{}, false, nil
}

// overwriteHeld: no folder is held here.
func (s *Store) overwriteHeld(path string, data []byte) (written, ok bool) { return false, false }

// rawOverwrite is not used where records are not overwritten in place
// (canOverwrite).
func rawOverwrite(path string, data []byte) bool { return false }
