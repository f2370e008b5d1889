package notify

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// Readers of an outbox folder (status, serve, metrics): they open nothing
// for writing and take no lock, unlike OpenOutbox.

// isEntryName says whether a file name in an outbox folder is an entry.
func isEntryName(name string) bool {
	return strings.HasSuffix(name, fileExt) && !strings.HasPrefix(name, ".")
}

// PendingIn counts the undelivered events of the outbox folder dir per
// source and notifier. A missing folder owes nothing; a file removed or
// unreadable meanwhile is skipped.
func PendingIn(dir string) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("notify: outbox: %w", err)
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || !isEntryName(e.Name()) {
			continue // a folder, or a symbolic link: never read through
		}
		path := filepath.Join(dir, e.Name())
		if atomicfile.Check(path) != nil || atomicfile.CheckPath(dir, path) != nil {
			continue // a link on the way (see readEntry)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			continue // delivered and removed meanwhile
		}
		var ent struct {
			Owed  []string `json:"owed"`
			Event struct {
				Data struct {
					Source string `json:"source"`
				} `json:"data"`
			} `json:"event"`
		}
		if json.Unmarshal(b, &ent) != nil {
			continue
		}
		src := ent.Event.Data.Source
		if out[src] == nil {
			out[src] = map[string]int{}
		}
		for _, n := range ent.Owed {
			out[src][n]++
		}
	}
	return out, nil
}

// DepthIn is the number of undelivered events in the outbox folder dir (0
// when it cannot be read).
func DepthIn(dir string) int {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if !e.IsDir() && isEntryName(e.Name()) {
			n++
		}
	}
	return n
}
