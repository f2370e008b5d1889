// Package snapshot keeps the snapshot directory, and is the one package that
// names its files: one canonical JSON file per open posting under
// <dir>/<source>/ with the source's README.md, and the watcher's state under
// <dir>/.watcher/ (a compact index per source, HTTP validators, adapter
// state, README rows, the notification outbox folder, the marker of a run
// in progress, the writer lock, the run records of RecordRun). Every write
// is atomic. Other packages go
// through Store's methods (see Backend and Reader).
package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
	"github.com/careers-watcher/careers-watcher/internal/winname"
)

// StateDir is the folder of the watcher's own state inside the snapshot dir.
const StateDir = ".watcher"

// NamesRule is the rule posting files are named by (FileName), as an
// index records it (Index.Names): 1 since session 30, when an id with a
// capital letter stopped being its own file name; 0 before (UpgradeKeys
// renames such files once).
const NamesRule = 1

// maxPlainName is the longest id used as a file name as it is.
const maxPlainName = 100

// FileName maps an untrusted posting id to a safe file name (without
// ".json"): letters, digits, '.', '_' and '-' only, no leading dot, at most
// 118 bytes. An id that is already such a name, in lower case (and holds
// no "__"), is used as it is; any other id becomes a cleaned prefix, "__"
// and a hash of the whole id, so two different ids never share a file,
// also where the file system does not tell case apart (macOS, Windows):
// "A" and "a" are "A__<hash>" and "a" (NamesRule).
func FileName(id string) string {
	if plain(id) {
		return id
	}
	clean := make([]byte, 0, len(id))
	for i := 0; i < len(id) && len(clean) < 80; i++ {
		c := id[i]
		if safeByte(c) {
			clean = append(clean, c)
		} else if len(clean) > 0 && clean[len(clean)-1] != '-' {
			clean = append(clean, '-')
		}
	}
	s := strings.Trim(strings.ReplaceAll(string(clean), "__", "_"), ".-_")
	sum := sha256.Sum256([]byte(id))
	h := hex.EncodeToString(sum[:8])
	if s == "" {
		return "id__" + h
	}
	return s + "__" + h
}

// PostingName is the file name of a posting's snapshot file in its
// source's folder: FileName(id) + ".json".
func PostingName(id string) string { return FileName(id) + ".json" }

func plain(id string) bool {
	if id == "" || len(id) > maxPlainName || id[0] == '.' || id[0] == '-' || strings.Contains(id, "__") {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !safeByte(c) || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	// a reserved name's part before its first dot has 3 or 4 bytes (the
	// id is ASCII here): only such an id is asked, winname.Reserved
	// allocates
	base := len(id)
	if i := strings.IndexByte(id, '.'); i >= 0 {
		base = i
	}
	return base != 3 && base != 4 || !winname.Reserved(id)
}

func safeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
}

// WriteFile writes a file atomically (see atomicfile); inside a store's
// write phase without its own fsync (see batch.go).
func WriteFile(path string, data []byte) error {
	write := atomicfile.WriteFile
	if markDirty(path) {
		write = atomicfile.WriteFileNoSync
	}
	if err := write(path, data); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// RemoveFile removes path (no error when it is already gone), durably, or
// inside a store's write phase at its next sync (see batch.go).
func RemoveFile(path string) error {
	remove := atomicfile.Remove
	if markDirty(path) {
		remove = atomicfile.RemoveNoSync
	}
	if err := remove(path); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// readFile reads a file of the folder (as os.ReadFile), refusing one that
// is or passes through a symbolic link below the folder (a link committed
// by someone else must not bring, say, /etc/shadow into a commit).
func (s *Store) readFile(path string) ([]byte, error) {
	b, _, _, err := s.readConfined(path)
	return b, err
}

// fixedPaths are the folder's own files and folders, slash-separated, that
// CheckLinks looks at before a run touches anything.
var fixedPaths = []string{
	".gitignore",
	StateDir,
	StateDir + "/" + LockName,
	StateDir + "/" + markerName,
	StateDir + "/index",
	StateDir + "/state",
	StateDir + "/http",
	StateDir + "/readme",
	StateDir + "/outbox",
	StateDir + "/" + runsDir,
}

// CheckLinks refuses a folder where one of the watcher's own files or
// folders (.gitignore, .watcher and its lock, run marker, index, state,
// http, readme, outbox and runs) is a symbolic link: a run then fails
// before it writes anything. Every write and read checks its own path as
// well (atomicfile.CheckPath): a link deeper down (a posting file, one
// source's index) fails that source.
func (s *Store) CheckLinks() error {
	for _, rel := range fixedPaths {
		if err := atomicfile.CheckPath(s.Dir, filepath.Join(s.Dir, filepath.FromSlash(rel))); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	}
	return nil
}

// Owned says whether path (absolute, inside the folder) is one of the files
// the watcher writes and commits: the folder's .gitignore, a posting file
// (<source>/<name>.json) or README.md of the folder of a source, one the
// watcher wrote (source
// says which folder names are configured sources; a folder with an index
// is one too), and the files
// of .watcher's index, state, http, readme and outbox folders. A run's
// recovery commits only such paths: a file of the user's in the folder
// (notes, an .env the .gitignore excludes, the config when the folder is
// the project's own) is never the stopped run's, and never committed.
func (s *Store) Owned(path string, source func(name string) bool) bool {
	rel, err := filepath.Rel(s.Dir, path)
	if err != nil || !filepath.IsLocal(rel) || Transient(path) {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	switch len(parts) {
	case 1:
		return parts[0] == ".gitignore"
	case 2:
		dir, name := parts[0], parts[1]
		// a configured source's folder, or one with an index of its own
		// (a source renamed or dropped from the config since the stopped
		// run wrote it: its files are still the watcher's)
		if strings.HasPrefix(dir, ".") || !source(dir) && !s.HasIndex(dir) {
			return false
		}
		if name == ReadmeName {
			// not a README.md of the folder's owner, which a run keeps
			// (ForeignReadmeError): an edit of theirs is not the stopped
			// run's
			return s.ownReadme(path)
		}
		return strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".")
	case 3:
		if parts[0] != StateDir || strings.HasPrefix(parts[2], ".") {
			return false
		}
		switch parts[1] {
		case "index", "state", "http", "readme":
			return strings.HasSuffix(parts[2], ".json")
		case "outbox":
			return true
		}
	}
	return false
}
