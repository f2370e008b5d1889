//go:build !unix

package snapshot

import (
	"io"
	"os"
	"time"
)

// rawRead reads path as os.ReadFile does, with the file's size and
// modification time (see rawfile_unix.go).
func rawRead(path string) (b []byte, size int64, mod time.Time, err error) {
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
