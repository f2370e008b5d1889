//go:build !unix

package snapshot

import (
	"io"
	"os"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// readConfined reads a file of the folder root as os.ReadFile does, with
// its size and modification time, after atomicfile.CheckPath (see
// rawfile_unix.go).
func readConfined(root, path string) (b []byte, size int64, mod time.Time, err error) {
	if err := atomicfile.CheckPath(root, path); err != nil {
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

// rawOverwrite is not used where records are not overwritten in place
// (canOverwrite).
func rawOverwrite(path string, data []byte) bool { return false }
