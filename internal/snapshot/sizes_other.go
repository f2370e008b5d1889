//go:build !unix

package snapshot

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// listSizes reads a folder's entries once and the size of each regular
// ".json" file (see sizes_unix.go). ok is false when the folder cannot be
// read; a missing folder is an empty listing.
func listSizes(dir string) (sizes map[string]int64, ok bool) {
	list, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]int64{}, true // no folder, no file (sizes_unix.go)
	}
	if err != nil {
		return nil, false
	}
	sizes = make(map[string]int64, len(list))
	for _, e := range list {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() {
			sizes[e.Name()] = fi.Size()
		}
	}
	return sizes, true
}
