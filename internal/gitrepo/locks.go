package gitrepo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// ownLocksFile is the file of the git directory (never committed) where a
// commit records the lock files it holds, by device and inode: a lock
// that a process killed in the middle of a commit left is told from one a
// live git holds (a user's git pull, gc or commit in the folder) by being
// the same file, not by its time.
const ownLocksFile = "careers-watcher-locks"

// takingLock records that this process is about to make the lock file
// at path (before it exists: a process killed right after making it has
// recorded it), and tookLock, once made, which file it is.
func (r *Repo) takingLock(path string) {
	r.locksMu.Lock()
	defer r.locksMu.Unlock()
	if r.locksHeld == nil {
		r.locksHeld = map[string]string{}
	}
	r.locksHeld[path] = pendingLock
	r.writeOwnLocks()
}

// pendingLock is the identity of a lock being made.
const pendingLock = "pending -"

func (r *Repo) tookLock(path string, f *os.File) {
	fi, err := f.Stat()
	if err != nil {
		return
	}
	id, ok := fileIdentity(fi)
	if !ok {
		return // no inode to tell it by (Windows): as pending
	}
	r.locksMu.Lock()
	defer r.locksMu.Unlock()
	r.locksHeld[path] = id
	r.writeOwnLocks()
}

// droppedLock records that the lock file at path is gone (renamed into
// place or removed).
func (r *Repo) droppedLock(path string) {
	r.locksMu.Lock()
	defer r.locksMu.Unlock()
	if _, ok := r.locksHeld[path]; !ok {
		return
	}
	delete(r.locksHeld, path)
	r.writeOwnLocks()
}

// writeOwnLocks writes the record of the locks held ("<dev> <ino> <path>"
// lines), or removes it when there is none. Not synced: a power loss
// that loses it leaves a lock that is then not removed, and the commit
// refused naming it, which is the safe side.
func (r *Repo) writeOwnLocks() {
	path := filepath.Join(r.gitDir, ownLocksFile)
	if len(r.locksHeld) == 0 {
		os.Remove(path)
		return
	}
	var b strings.Builder
	for p, id := range r.locksHeld {
		fmt.Fprintf(&b, "%s %s\n", id, p)
	}
	_ = atomicfile.WriteFileNoSync(path, []byte(b.String()))
}

// recordedLocks are the locks a process recorded as held (see tookLock):
// path -> identity.
func (r *Repo) recordedLocks() map[string]string {
	b, err := os.ReadFile(filepath.Join(r.gitDir, ownLocksFile))
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.SplitN(line, " ", 3)
		if len(f) == 3 {
			out[f[2]] = f[0] + " " + f[1]
		}
	}
	return out
}

// RemoveLocksSince removes git's lock files of the index and of the ref a
// commit moves (index.lock, <branch>.lock) that a watcher process made and
// did not drop (it was killed in the middle of a commit: git refuses to
// commit until they are gone), made at or after since, and returns the
// paths removed. The caller knows when its own interrupted run started
// writing (its run marker). A lock another process made (a live git: a
// user's pull, gc or commit in the folder), or one older than since, is
// left alone: the commit is then refused, naming it.
func (r *Repo) RemoveLocksSince(since time.Time) ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	candidates := []string{filepath.Join(r.gitDir, "index.lock"), filepath.Join(r.gitDir, "HEAD.lock")}
	if hd, err := r.resolveHead(); err == nil && hd.ref != "" {
		candidates = append(candidates, r.refPath(hd.ref)+".lock")
	}
	own := r.recordedLocks()
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
		if id, ok := own[p]; !ok || id != pendingLock && !sameIdentity(id, fi) {
			continue // not a lock a watcher made
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, fmt.Errorf("gitrepo: remove stale lock: %w", err)
		}
		removed = append(removed, p)
	}
	if len(own) > 0 {
		os.Remove(filepath.Join(r.gitDir, ownLocksFile))
	}
	return removed, nil
}

func sameIdentity(id string, fi os.FileInfo) bool {
	got, ok := fileIdentity(fi)
	return ok && got == id
}
