package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A folder whose files arrive by git from others (a shared data
// repository) can hold a committed symbolic link where the watcher writes
// (.watcher/index -> /somewhere) or reads (.watcher/state/x.json ->
// /etc/shadow). Writes and reads under such a folder go through CheckPath:
// no symbolic link anywhere on the path below the folder. The folder
// itself, and the folders above it, may be links (a user's choice).

// SymlinkError says that a path under a confined folder is, or passes
// through, a symbolic link.
type SymlinkError struct {
	Path string // the link
	Root string // the folder writes stay inside
}

func (e *SymlinkError) Error() string {
	return fmt.Sprintf("%s is a symbolic link: refused (files are written and read only inside %s, never through a link)", e.Path, e.Root)
}

// CheckPath refuses path when a component of it below root (root
// excluded, path's last component included) is a symbolic link, or when
// path is not inside root. Components that do not exist yet are fine
// (a write makes them as folders and files). Both paths are cleaned;
// relative ones are taken from the working folder.
func CheckPath(root, path string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	path, err = filepath.Abs(path)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%s is outside %s: refused", path, root)
	}
	if rel == "." {
		return nil
	}
	p := root
	for _, c := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, c)
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // the rest is made by the write
		}
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return &SymlinkError{Path: p, Root: root}
		}
	}
	return nil
}

// confined holds the folders registered with Confine.
var confined = struct {
	sync.RWMutex
	roots map[string]bool
}{roots: map[string]bool{}}

// Confine makes every WriteFile, WriteFileNoSync, Remove, RemoveNoSync and
// ReadFile of a path under root (root an absolute folder) check the path
// with CheckPath first, whoever calls them (the snapshot store, the
// notification outbox, the restore of committed files).
func Confine(root string) {
	root = filepath.Clean(root)
	confined.Lock()
	confined.roots[root] = true
	confined.Unlock()
}

// Check checks path with CheckPath against the innermost folder given to
// Confine that holds it; nil when no such folder holds it.
func Check(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	confined.RLock()
	root := ""
	for r := range confined.roots {
		if strings.HasPrefix(abs, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) && len(r) > len(root) {
			root = r
		}
	}
	confined.RUnlock()
	if root == "" {
		return nil
	}
	return CheckPath(root, abs)
}

// ReadFile reads path (as os.ReadFile) after Check.
func ReadFile(path string) ([]byte, error) {
	if err := Check(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}
