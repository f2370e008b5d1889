// Package atomicfile writes and removes files so that a crash at any point
// leaves either the old content or the new one, never a half-written file.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TempPrefix starts the name of every temporary file; one left by a crash
// is recognised by it (see IsTemp).
const TempPrefix = ".tmp-"

// IsTemp reports whether path names a temporary file of WriteFile.
func IsTemp(path string) bool { return strings.HasPrefix(filepath.Base(path), TempPrefix) }

// WriteFile writes data to path (mode 0644, parent folders made): a
// temporary file in the same folder, fsync, rename over path, fsync of the
// folder. A path under a folder given to Confine that is or passes through
// a symbolic link is refused (*SymlinkError) before anything is written.
func WriteFile(path string, data []byte) error { return write(path, data, true) }

// WriteFileNoSync is WriteFile without the two fsyncs: a crash of the
// process still leaves the old content or the new one (the rename), but
// the new content survives a power loss only once a SyncFS of its file
// system (or a later fsync) has returned. For writing many files, then
// making them durable together (see SyncFS).
func WriteFileNoSync(path string, data []byte) error { return write(path, data, false) }

func write(path string, data []byte, durable bool) (err error) {
	if err := Check(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data, durable)
	if err != nil && tmp == "" {
		return err // the folder or the temporary file not made
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !durable {
		return nil
	}
	return SyncDir(dir)
}

// Remove removes path, if it is there, durably.
func Remove(path string) error {
	if err := Check(path); err != nil {
		return fmt.Errorf("remove %s: %w", path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return SyncDir(filepath.Dir(path))
}

// RemoveNoSync removes path, if it is there; the removal survives a power
// loss once a SyncFS of its file system has returned.
func RemoveNoSync(path string) error {
	if err := Check(path); err != nil {
		return fmt.Errorf("remove %s: %w", path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// SyncDir makes a rename or removal in dir durable. A file system that
// cannot fsync a folder (some network ones) is not an error.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
