package gitrepo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// RemoveLocksSince removes git's lock files of the index and of the ref a
// commit moves (index.lock, <branch>.lock) when they were made at or after
// since, and returns the paths removed. A process killed in the middle of
// Commit leaves them behind, and git refuses to commit until they are gone;
// the caller knows when its own interrupted run started writing (its run
// marker), so a lock not older than that is the dead run's, not another
// live git's. Older locks are left alone.
func (r *Repo) RemoveLocksSince(since time.Time) ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	candidates := []string{filepath.Join(r.gitDir, "index.lock"), filepath.Join(r.gitDir, "HEAD.lock")}
	if hd, err := r.resolveHead(); err == nil && hd.ref != "" {
		candidates = append(candidates, r.refPath(hd.ref)+".lock")
	}
	var removed []string
	for _, p := range candidates {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return removed, fmt.Errorf("gitrepo: %w", err)
		}
		if fi.ModTime().Before(since) {
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, fmt.Errorf("gitrepo: remove stale lock: %w", err)
		}
		removed = append(removed, p)
	}
	return removed, nil
}
