package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The files of one source, read and written by name only here: its folder
// of snapshot files, its index, validators, adapter state and README rows.
// Callers outside this package go through these methods, never through a
// path they build.

// SourceDir is the folder of a source's snapshot files (for messages and
// for gitrepo, which commits paths: read and write through the Store).
func (s *Store) SourceDir(source string) string { return filepath.Join(s.Dir, source) }

// IsPostingName says whether a file name in a source folder can be a
// snapshot file (README.md and dot files cannot).
func IsPostingName(name string) bool {
	return strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") && len(name) > len(".json")
}

// EachFile calls fn with the name and bytes of every file of a source's
// folder that can be a snapshot file (a regular *.json file, no leading
// dot), in name order; the caller decodes. A missing folder has none.
func (s *Store) EachFile(source string, fn func(name string, data []byte) error) error {
	dir := s.SourceDir(source)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || !IsPostingName(e.Name()) {
			continue
		}
		b, err := s.readFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
		if err := fn(e.Name(), b); err != nil {
			return err
		}
	}
	return nil
}

// Postings reads a source's open postings, sorted by id: the snapshot
// files that are the source's (OwnFile: a file named by an older rule,
// before the key upgrade, counts, its id read as its key; anything else
// in the folder is not ours). Two files of one key: the one named after
// the key is it. A missing folder is no posting.
func (s *Store) Postings(source string) ([]model.Posting, error) {
	byKey := map[string]model.Posting{}
	err := s.EachFile(source, func(name string, b []byte) error {
		p, ok := OwnFile(source, name, b, nil)
		if !ok {
			return nil
		}
		if _, dup := byKey[p.ID]; !dup || PostingName(p.ID) == name {
			byKey[p.ID] = p
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]model.Posting, 0, len(byKey))
	for _, p := range byKey {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// WritePosting writes the snapshot file of a posting (data: its canonical
// bytes); it returns the path, for the commit.
func (s *Store) WritePosting(source, id string, data []byte) (string, error) {
	p := s.PostingPath(source, id)
	return p, WriteFile(p, data)
}

// RemovePosting removes the snapshot file of a posting (gone already is
// fine); it returns the path, for the commit.
func (s *Store) RemovePosting(source, id string) (string, error) {
	p := s.PostingPath(source, id)
	return p, RemoveFile(p)
}

// NamedPath is the path of the file named name in a source's folder (a
// name EachFile or Index.Broken gives).
func (s *Store) NamedPath(source, name string) string {
	return filepath.Join(s.SourceDir(source), filepath.Base(name))
}

// RemoveFileNamed removes a posting file that EachFile named (a file in
// the folder whose posting is gone elsewhere, e.g. from the database that
// export-git mirrors); it returns the path, for the commit.
func (s *Store) RemoveFileNamed(source, name string) (string, error) {
	if !IsPostingName(name) || filepath.Base(name) != name {
		return "", fmt.Errorf("snapshot: source %q: %q is not a posting file name", source, name)
	}
	p := filepath.Join(s.SourceDir(source), name)
	return p, RemoveFile(p)
}

// Unindexed are the postings of a source's snapshot files that touched
// says a stopped run wrote (touched: the file's path) and that idx does
// not have, as entries of it flagged Unsaved (hash and size of the file).
// Only the touched files are read; a file named by another rule than its
// key's (a key upgrade's business) or not the source's is left out.
func (s *Store) Unindexed(source string, idx Index, touched func(path string) bool) (map[string]Entry, error) {
	dir := s.SourceDir(source)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	out := map[string]Entry{}
	for _, e := range ents {
		name := e.Name()
		path := filepath.Join(dir, name)
		if !e.Type().IsRegular() || !IsPostingName(name) || !touched(path) {
			continue
		}
		b, err := s.readFile(path)
		if err != nil {
			continue
		}
		p, ok := OwnFile(source, name, b, nil)
		if !ok || PostingName(p.ID) != name {
			continue
		}
		if _, known := idx.Postings[p.ID]; !known {
			out[p.ID] = Entry{Hash: model.Hash(b), Size: int64(len(b)), Unsaved: true}
		}
	}
	return out, nil
}

// HasIndex reports whether a source's index file is there (LoadIndex
// rebuilds one that is not, with fresh counters).
func (s *Store) HasIndex(source string) bool {
	_, err := os.Stat(s.IndexPath(source))
	return err == nil
}

// PeekIndex reads a source's index for a reader (status, serve): nothing
// is rebuilt or written. A missing or unreadable index is the snapshot
// files' names, without stamps or hashes (nothing decoded).
func (s *Store) PeekIndex(source string) (Index, error) {
	b, err := s.readFile(s.IndexPath(source))
	if err == nil {
		if idx, ok := DecodeIndex(b); ok {
			return idx, nil
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Index{}, fmt.Errorf("index: %w", err)
	}
	idx := Index{Postings: map[string]Entry{}}
	ents, err := os.ReadDir(s.SourceDir(source))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return idx, err
	}
	for _, e := range ents {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(n, ".json") && !strings.HasPrefix(n, ".") {
			idx.Postings[n] = Entry{}
		}
	}
	return idx, nil
}

// Version is a key that changes whenever a source's folder or index
// changes (modification times and sizes): readers cache by it.
func (s *Store) Version(source string) string {
	key := ""
	for _, p := range []string{s.SourceDir(source), s.IndexPath(source)} {
		if fi, err := os.Stat(p); err == nil {
			key += fi.ModTime().String() + fmt.Sprint(fi.Size())
		}
		key += "|"
	}
	return key
}

// LoadValidators reads a source's HTTP validators as saved (JSON); nil
// when there are none.
func (s *Store) LoadValidators(source string) []byte {
	b, err := s.readSeen(s.ValidatorsPath(source))
	if err != nil {
		return nil
	}
	return b
}

// SaveValidators writes a source's validators (data, JSON) when they
// changed, or removes them when data is empty. It returns the path for the
// commit, "" when there was none and is none.
func (s *Store) SaveValidators(source string, data []byte) (string, error) {
	path := s.ValidatorsPath(source)
	old, there, err := s.lastRead(path)
	if len(data) == 0 {
		if err != nil || !there {
			return "", nil
		}
		return path, RemoveFile(path)
	}
	if err == nil && there && bytes.Equal(old, data) {
		return path, nil
	}
	return path, WriteFile(path, data)
}

// LoadAdapterState reads a source's adapter state (scrape.Stateful) as
// saved; nil when there is none or it is unreadable.
func (s *Store) LoadAdapterState(source string) []byte {
	b, err := s.readSeen(s.StatePath(source))
	if err != nil {
		return nil
	}
	return b
}

// SaveAdapterState writes a source's adapter state when it changed. It
// returns the path for the commit and whether the file changed.
func (s *Store) SaveAdapterState(source string, data []byte) (string, bool, error) {
	path := s.StatePath(source)
	if old, there, err := s.lastRead(path); err == nil && there && bytes.Equal(old, data) {
		return path, false, nil
	}
	if err := WriteFile(path, data); err != nil {
		return path, false, err
	}
	return path, true, nil
}

// Files lists every file of the folder a commit may hold: the regular files
// under it, outside .git, but those of a run in progress (Transient).
func (s *Store) Files() ([]string, error) {
	var out []string
	err := filepath.WalkDir(s.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && !Transient(p) {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// Lookup reads an open posting for a reader: ok is false when there is no
// snapshot file for id, or the file holds another id. The error is a
// failed read, or a file that is there and does not decode (ErrUnreadable,
// with its path): the posting is not known to be closed, its file is
// unreadable (the next run rewrites it).
func (s *Store) Lookup(source, id string) (model.Posting, bool, error) {
	path := s.PostingPath(source, id)
	b, err := s.readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return model.Posting{}, false, nil
	}
	if err != nil {
		return model.Posting{}, false, err
	}
	p, err := model.Decode(b)
	if err != nil {
		return model.Posting{}, false, fmt.Errorf("snapshot: %s: %w: %w", path, ErrUnreadable, err)
	}
	if p.ID != id {
		return model.Posting{}, false, nil
	}
	return p, true, nil
}

// HasSource reports whether a source's folder is there (and a folder).
func (s *Store) HasSource(source string) bool {
	fi, err := os.Stat(s.SourceDir(source))
	return err == nil && fi.IsDir()
}

// Presence answers whether a posting's snapshot file is there (as Exists)
// from one listing of the source's folder, made at the first question,
// instead of a stat per posting: for a run that asks for every posting. A
// folder that cannot be listed falls back to Exists. The answers are those
// of the moment of the listing.
func (s *Store) Presence(source string) func(id string) bool {
	var names map[string]bool
	listed := false
	return func(id string) bool {
		if !listed {
			listed = true
			if ents, err := os.ReadDir(s.SourceDir(source)); err == nil {
				names = make(map[string]bool, len(ents))
				for _, e := range ents {
					if e.Type().IsRegular() {
						names[e.Name()] = true
					}
				}
			}
		}
		if names == nil {
			return s.Exists(source, id)
		}
		return names[PostingName(id)]
	}
}

// DecodeIndex reads an index's bytes (a committed copy, for instance); ok
// is false when they are not an index.
func DecodeIndex(b []byte) (Index, bool) {
	if idx, ok := quickIndex(b); ok {
		return idx, true
	}
	var idx Index
	if json.Unmarshal(b, &idx) != nil || idx.Postings == nil {
		return Index{}, false
	}
	return idx, true
}

// readSeen reads a small state file (validators, adapter state) and
// remembers what it read with the file's size and modification time, so
// that the save after the run compares with that after one stat instead
// of reading the file again (lastRead).
func (s *Store) readSeen(path string) ([]byte, error) {
	b, size, mod, err := s.readConfined(path)
	if errors.Is(err, fs.ErrNotExist) {
		s.remember(path, seenFile{})
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	s.remember(path, seenFile{there: true, data: b, size: size, mod: mod})
	return b, nil
}

// seenFile is a state file as readSeen read it.
type seenFile struct {
	there bool
	data  []byte
	size  int64
	mod   time.Time
}

func (s *Store) remember(path string, f seenFile) {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	if s.seen == nil {
		s.seen = map[string]seenFile{}
	}
	s.seen[path] = f
}

// lastRead is a state file's content (there: it exists): as readSeen last
// read it when the file's size and modification time are still those
// (or it is still missing), else read again.
func (s *Store) lastRead(path string) (data []byte, there bool, err error) {
	s.seenMu.Lock()
	seen, ok := s.seen[path]
	delete(s.seen, path)
	s.seenMu.Unlock()
	size, mod, held, err := s.statHeld(path) // relative to its folder, when held
	if !held {
		var fi fs.FileInfo
		if fi, err = os.Stat(path); err == nil {
			size, mod = fi.Size(), fi.ModTime()
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if ok && seen.there && size == seen.size && mod.Equal(seen.mod) {
		return seen.data, true, nil
	}
	b, err := s.readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	return b, err == nil, err
}
