package snapshot

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The key of a posting: what its snapshot's "id" holds, what its file is
// named after (PostingName), the key of its index entry and of its
// database rows. Every store derives it with these two functions.

// Key is the key of a posting for the platform's id of it (untrusted): the
// id trimmed of white space (as the normalizer stores it), in NFC (an id
// a board writes decomposed one day, "Mu\u0308ller-1", and composed the
// next is one posting), model.PostingKey of that (NUL bytes and invalid
// UTF-8 written as %XX), then mask: the secrets the source's board was
// sent, which a board may echo into its ids (nil: none). A posting stored
// under a decomposed id keeps it while listed (watch's formerKeys).
func Key(id string, mask func(string) string) string {
	return key(model.NFCID(strings.TrimSpace(id)), mask)
}

// KeyAsStored is the key of a stored posting's id under the rule that
// moves files (UpgradeKeys, and its readers: import-git, serve's
// history): Key without composing the id. A posting stored under a
// decomposed id keeps its key and file (no rename); a run maps today's
// composed key to it (watch's formerKeys).
func KeyAsStored(id string, mask func(string) string) string {
	return key(strings.TrimSpace(id), mask)
}

func key(id string, mask func(string) string) string {
	k := model.PostingKey(id)
	if mask != nil {
		k = mask(k)
	}
	return k
}

// StoredKey is the key of a posting for the id a stored snapshot holds
// (one a run wrote, or a history to import): that id is a key already, so
// it is kept when it is storable (a key is never escaped twice), else
// made one with model.PostingKey; trimmed and masked as Key does. For an
// id Key made, StoredKey gives it back unchanged.
func StoredKey(id string, mask func(string) string) string {
	k := strings.TrimSpace(id)
	if !model.Storable(k) {
		k = model.PostingKey(k)
	}
	if mask != nil {
		k = mask(k)
	}
	return k
}

// OwnFile reads a file of a source's folder (or of a committed copy of
// it): ok when it is a snapshot of that source, with its id set to its
// key (StoredKey). A file named after another rule than PostingName of
// its key (written before the keys were trimmed and masked, see
// UpgradeKeys) is still the posting's.
func OwnFile(source, name string, data []byte, mask func(string) string) (model.Posting, bool) {
	if !IsPostingName(name) {
		return model.Posting{}, false
	}
	p, err := model.Decode(data)
	if err != nil || strings.TrimSpace(p.ID) == "" {
		return model.Posting{}, false
	}
	key := StoredKey(p.ID, mask)
	if PostingName(key) != name && p.Source != source {
		return model.Posting{}, false // not ours
	}
	p.ID = key
	return p, true
}

// UpgradeCommitSubject is the subject of the commit of the files
// UpgradeKeys renamed.
const UpgradeCommitSubject = "watcher: snapshot files renamed to their posting keys (no posting changed)"

// NeedsKeyUpgrade reports whether a source's folder may hold files named
// by an older rule than its keys': its stored index has an entry whose key
// is not the one Key derives today, or there is no index to tell (a folder
// with no snapshot file needs nothing). It reads only the index.
func (s *Store) NeedsKeyUpgrade(source string, mask func(string) string) bool {
	b, err := s.readFile(s.IndexPath(source))
	if err != nil {
		return !errors.Is(err, fs.ErrNotExist) || s.hasPostingFiles(source)
	}
	idx, ok := DecodeIndex(b)
	if !ok {
		return s.hasPostingFiles(source)
	}
	return hasOldKeys(idx, mask)
}

// IndexNeedsKeyUpgrade is NeedsKeyUpgrade for the index LoadIndex just
// gave (idx): it does not read the index again. An index LoadIndex
// rebuilt (none, or an unreadable one) tells nothing: the folder is
// looked at for posting files, as NeedsKeyUpgrade does.
func (s *Store) IndexNeedsKeyUpgrade(source string, idx Index, mask func(string) string) bool {
	if idx.Rebuilt {
		return s.hasPostingFiles(source)
	}
	return hasOldKeys(idx, mask)
}

// hasOldKeys reports whether an index has an entry whose key is not the
// one Key derives today, or, in an index written before NamesRule, a key
// with a capital letter (its file was named by the older rule).
func hasOldKeys(idx Index, mask func(string) string) bool {
	for k := range idx.Postings {
		if KeyAsStored(model.UnKey(k), mask) != k || idx.Names < NamesRule && hasCapital(k) {
			return true
		}
	}
	return false
}

func hasCapital(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func (s *Store) hasPostingFiles(source string) bool {
	ents, err := os.ReadDir(s.SourceDir(source))
	if err != nil {
		return false
	}
	for _, e := range ents {
		if e.Type().IsRegular() && IsPostingName(e.Name()) {
			return true
		}
	}
	return false
}

// UpgradeKeys brings a source's folder to today's keys and file names,
// once: a snapshot file named other than PostingName of its key
// (StoredKey of the id it holds; an older rule of keys, or of names: see
// NamesRule) is moved there (its id rewritten when it is not its key),
// and the index's entries move to the keys Key derives from the
// platform's ids they were kept under (stamps, missing counts and
// counters kept); the index records NamesRule.
// Two old files of one key (ids that differed by white space only) keep
// the one already named right, else the first by name; the others go.
// It returns the paths to commit (old and new names, the index), none
// when the folder was up to date; it is idempotent, and a run stopped in
// the middle is finished by the next call (files first, the index last).
// Call it inside the write phase (BeginWrite): no event is made.
func (s *Store) UpgradeKeys(source string, mask func(string) string) ([]string, error) {
	byKey := map[string][]keyFile{}
	err := s.EachFile(source, func(name string, data []byte) error {
		if p, ok := OwnFile(source, name, data, mask); ok {
			byKey[p.ID] = append(byKey[p.ID], keyFile{name, data, p})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	indexed := s.indexedHashes(source, mask)
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var paths []string
	rehashed := map[string]string{} // key -> hash of its file, when it moved in this call
	kept := map[string]string{}     // key -> hash of its file as it is now (moved in this call or before)
	sizes := map[string]int64{}     // key -> length of that file
	for _, key := range keys {
		files := byKey[key]
		want := PostingName(key)
		keep := keepOf(files, want, indexed[key])
		for i, f := range files {
			if i == keep {
				continue
			}
			p := filepath.Join(s.SourceDir(source), f.name)
			if err := RemoveFile(p); err != nil {
				return paths, fmt.Errorf("source %q: key upgrade: %w", source, err)
			}
			paths = append(paths, p)
		}
		f := files[keep]
		if f.name == want {
			kept[key] = model.Hash(f.data)
			sizes[key] = int64(len(f.data))
			continue
		}
		data := f.data
		if old, err := model.Decode(data); err == nil && old.ID != key {
			if data, err = model.Encode(f.post); err != nil {
				return paths, fmt.Errorf("source %q: key upgrade: %s: %w", source, f.name, err)
			}
		}
		np, err := s.WritePosting(source, key, data)
		if err != nil {
			return paths, fmt.Errorf("source %q: key upgrade: %w", source, err)
		}
		paths = append(paths, np)
		op := filepath.Join(s.SourceDir(source), f.name)
		if err := RemoveFile(op); err != nil {
			return paths, fmt.Errorf("source %q: key upgrade: %w", source, err)
		}
		paths = append(paths, op)
		rehashed[key] = model.Hash(data)
		kept[key] = rehashed[key]
		sizes[key] = int64(len(data))
	}
	b, err := s.readFile(s.IndexPath(source))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return paths, nil // LoadIndex rebuilds it from the files, named right now
		}
		return paths, fmt.Errorf("source %q: key upgrade: %w", source, err)
	}
	idx, ok := DecodeIndex(b)
	if !ok {
		return paths, nil // rebuilt from the files too
	}
	moved, changed := rekeyEntries(idx.Postings, mask, kept, rehashed, sizes)
	if !changed && idx.Names >= NamesRule {
		return paths, nil
	}
	idx.Postings, idx.Names = moved, NamesRule
	p, err := s.SaveIndex(source, idx)
	if err != nil {
		return paths, fmt.Errorf("source %q: key upgrade: %w", source, err)
	}
	return append(paths, p), nil
}

// rekeyEntries moves a source's index entries to their keys: entries
// already under their key stay; a moved one takes its new key unless that
// is taken (the first old key by order wins). An entry that moves takes
// the hash of its key's file as it is now (kept: key -> hash), whether the
// file moved in this call or one stopped before its index was written did
// (a file rewritten with its key has another hash), and its length
// (sizes); one under its key whose file moved in this call (rehashed)
// takes that file's. changed:
// the entries differ from postings.
func rekeyEntries(postings map[string]Entry, mask func(string) string, kept, rehashed map[string]string, sizes map[string]int64) (map[string]Entry, bool) {
	moved := make(map[string]Entry, len(postings))
	changed := false
	for _, k := range sortedKeys(postings) {
		if KeyAsStored(model.UnKey(k), mask) == k {
			e := postings[k]
			if h, ok := kept[k]; ok && e.Size == 0 && h == e.Hash {
				e.Size = sizes[k] // an index saved before sizes were: saved with the rest
			}
			moved[k] = e
		}
	}
	for _, k := range sortedKeys(postings) {
		if nk := KeyAsStored(model.UnKey(k), mask); nk != k {
			changed = true
			if w, taken := moved[nk]; !taken {
				e := postings[k]
				if h, ok := kept[nk]; ok {
					e.Hash, e.Size = h, sizes[nk]
				}
				moved[nk] = e
			} else if o := postings[k]; o.FileMoved && !w.FileMoved {
				// the entry that loses keeps a recovery's mark for the key:
				// its file may be the one kept (see Entry.FileMoved)
				w.FileMoved = true
				moved[nk] = w
			}
		}
	}
	for k, h := range rehashed {
		if e, ok := moved[k]; ok && e.Hash != h {
			e.Hash, e.Size, changed = h, sizes[k], true
			moved[k] = e
		}
	}
	return moved, changed
}

// RekeyedIndex is idx, a source's index as loaded, as UpgradeKeys would
// leave it, made in memory: nothing is moved or written (a dry run
// compares with it). A rebuilt index (no readable index file) gains the
// files an older rule named, under their keys. files are, by key, the
// files the upgrade would keep (keepOf), with the bytes it would write:
// a dry run reads a posting's stored version from them, since the folder
// still has it under its older name.
func (s *Store) RekeyedIndex(source string, idx Index, mask func(string) string) (rekeyed Index, files map[string]KeptFile, err error) {
	byKey := map[string][]keyFile{}
	err = s.EachFile(source, func(name string, data []byte) error {
		if p, ok := OwnFile(source, name, data, mask); ok {
			byKey[p.ID] = append(byKey[p.ID], keyFile{name, data, p})
		}
		return nil
	})
	if err != nil {
		return idx, nil, fmt.Errorf("source %q: key upgrade: %w", source, err)
	}
	kept := map[string]string{}     // key -> hash of its file once moved
	rehashed := map[string]string{} // the same, for the files that move
	sizes := map[string]int64{}     // key -> length of that file
	files = make(map[string]KeptFile, len(byKey))
	indexed := indexHashes(idx, mask)
	for key, fs := range byKey {
		want := PostingName(key)
		f := fs[keepOf(fs, want, indexed[key])]
		data := f.data
		if f.name != want {
			if old, err := model.Decode(data); err == nil && old.ID != key {
				if data, err = model.Encode(f.post); err != nil {
					return idx, nil, fmt.Errorf("source %q: key upgrade: %s: %w", source, f.name, err)
				}
			}
			rehashed[key] = model.Hash(data)
		}
		kept[key] = model.Hash(data)
		sizes[key] = int64(len(data))
		files[key] = KeptFile{Posting: f.post, Data: data}
	}
	moved, _ := rekeyEntries(idx.Postings, mask, kept, rehashed, sizes)
	if idx.Rebuilt {
		for k, h := range kept {
			if _, ok := moved[k]; !ok {
				moved[k] = Entry{Hash: h, Size: sizes[k]}
			}
		}
	}
	idx.Postings, idx.Names = moved, NamesRule
	return idx, files, nil
}

// KeptFile is the file the key upgrade keeps for a key: its posting and
// the bytes the upgrade writes under the key's name (the file's own, or
// the posting encoded again when its id was not the key).
type KeptFile struct {
	Posting model.Posting
	Data    []byte
}

// keyFile is a posting file of a source's folder, read for the key
// upgrade: its name, bytes and posting (its id the key).
type keyFile struct {
	name string
	data []byte
	post model.Posting
}

// keepOf chooses which of a key's files the key upgrade keeps: the one
// whose bytes the index entry's hash names (the version the last run
// recorded: an older build may have written the posting's newer version
// under the older name beside a stale file of today's name, review s30b
// F1), else the one already named right (want), else the first.
func keepOf(files []keyFile, want, hash string) int {
	if hash != "" && len(files) > 1 {
		for i, f := range files {
			if model.Hash(f.data) == hash {
				return i
			}
		}
	}
	for i, f := range files {
		if f.name == want {
			return i
		}
	}
	return 0
}

// indexedHashes is indexHashes of the source's stored index (none when it
// cannot be read).
func (s *Store) indexedHashes(source string, mask func(string) string) map[string]string {
	b, err := s.readFile(s.IndexPath(source))
	if err != nil {
		return nil
	}
	idx, ok := DecodeIndex(b)
	if !ok {
		return nil
	}
	return indexHashes(idx, mask)
}

// indexHashes maps the keys Key derives today to the hashes an index's
// entries record (an entry already under its key wins over one that
// moves to it).
func indexHashes(idx Index, mask func(string) string) map[string]string {
	out := make(map[string]string, len(idx.Postings))
	for k, e := range idx.Postings {
		nk := KeyAsStored(model.UnKey(k), mask)
		if _, taken := out[nk]; !taken || nk == k {
			out[nk] = e.Hash
		}
	}
	return out
}

func sortedKeys(m map[string]Entry) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
