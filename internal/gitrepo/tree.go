package gitrepo

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// Raw tree handling. Trees are parsed into entries that point into the raw
// object bytes (no per-entry allocation) and re-encoded with the original
// mode strings, so an unchanged entry encodes byte for byte as before.

var (
	modeRegular    = []byte("100644")
	modeExecutable = []byte("100755")
	modeSymlink    = []byte("120000")
	modeTree       = []byte("40000")
)

// emptyTree is the hash of the tree with no entries.
var emptyTree = hashObject(plumbing.TreeObject, nil)

type treeEntry struct {
	mode []byte
	name []byte
	hash plumbing.Hash
}

func (e *treeEntry) isTree() bool { return modeKind(e.mode) == 0o040000 }

// modeKind returns the file type bits of an octal mode string (0 if invalid).
func modeKind(m []byte) uint32 {
	var v uint32
	for _, c := range m {
		if c < '0' || c > '7' {
			return 0
		}
		v = v<<3 | uint32(c-'0')
	}
	return v & 0o170000
}

func parseTree(data []byte) ([]treeEntry, error) {
	// An entry takes at least 2+1+1+20 bytes; estimate ~60 to size the slice.
	entries := make([]treeEntry, 0, len(data)/48+1)
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		if sp <= 0 {
			return nil, errors.New("malformed tree entry mode")
		}
		nul := bytes.IndexByte(data[sp+1:], 0)
		if nul <= 0 {
			return nil, errors.New("malformed tree entry name")
		}
		nameEnd := sp + 1 + nul
		if len(data) < nameEnd+1+len(plumbing.ZeroHash) {
			return nil, errors.New("truncated tree entry")
		}
		e := treeEntry{mode: data[:sp:sp], name: data[sp+1 : nameEnd : nameEnd]}
		copy(e.hash[:], data[nameEnd+1:])
		entries = append(entries, e)
		data = data[nameEnd+1+len(plumbing.ZeroHash):]
	}
	return entries, nil
}

func encodeTree(entries []treeEntry) []byte {
	n := 0
	for i := range entries {
		n += len(entries[i].mode) + len(entries[i].name) + 2 + len(plumbing.ZeroHash)
	}
	buf := make([]byte, 0, n)
	for i := range entries {
		e := &entries[i]
		buf = append(buf, e.mode...)
		buf = append(buf, ' ')
		buf = append(buf, e.name...)
		buf = append(buf, 0)
		buf = append(buf, e.hash[:]...)
	}
	return buf
}

// compareEntries orders tree entries like git: by name, a tree's name
// compared as if it ended with '/'.
func compareEntries(a []byte, aTree bool, b []byte, bTree bool) int {
	n := min(len(a), len(b))
	if c := bytes.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	var ca, cb byte
	if len(a) > n {
		ca = a[n]
	} else if aTree {
		ca = '/'
	}
	if len(b) > n {
		cb = b[n]
	} else if bTree {
		cb = '/'
	}
	return int(ca) - int(cb)
}

// findEntry returns the index of the entry called name (a file or a tree),
// or -1.
func findEntry(entries []treeEntry, name []byte) int {
	for _, asTree := range [2]bool{false, true} {
		i, found := slices.BinarySearchFunc(entries, name, func(e treeEntry, n []byte) int {
			return compareEntries(e.name, e.isTree(), n, asTree)
		})
		if found {
			return i
		}
	}
	return -1
}

// readTree returns the raw content of a tree object.
func (r *Repo) readTree(h plumbing.Hash, touched map[plumbing.Hash][]byte) ([]byte, error) {
	if data, ok := r.trees[h]; ok {
		touched[h] = data
		return data, nil
	}
	if h == emptyTree {
		return nil, nil
	}
	data, err := r.readObject(plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	touched[h] = data
	return data, nil
}

func (r *Repo) readObject(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	if s := r.packSetLoaded(); s != nil {
		// the watcher's own packs without go-git's indexes (packread.go);
		// a miss, a delta or an error is go-git's to answer
		if pt, data, ok, err := s.read(h); err == nil && ok {
			if t != plumbing.AnyObject && pt != t {
				return nil, fmt.Errorf("read %s %s: %w", t, h, plumbing.ErrObjectNotFound)
			}
			return data, nil
		}
	}
	obj, err := r.st.EncodedObject(t, h)
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	defer rd.Close()
	data := make([]byte, 0, obj.Size())
	buf := bytes.NewBuffer(data)
	if _, err := io.Copy(buf, rd); err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	return buf.Bytes(), nil
}

// hashObject returns the git object id of data. It uses crypto/sha1 (with
// SHA-NI where available) rather than go-git's collision-detecting SHA-1:
// the content is our own, and this runs over every committed byte.
func hashObject(t plumbing.ObjectType, data []byte) plumbing.Hash {
	h := sha1.New()
	h.Write(t.Bytes())
	h.Write([]byte{' '})
	h.Write(strconv.AppendInt(nil, int64(len(data)), 10))
	h.Write([]byte{0})
	h.Write(data)
	var out plumbing.Hash
	h.Sum(out[:0])
	return out
}

// writeObject stores an object as a loose object unless it already exists
// (loose or packed). It writes the file itself, like git: zlib at the
// fastest level into a temporary file, then a rename. (go-git's writer uses
// the default level, which made compressing the big snapshot-folder tree the
// largest cost of a commit, and hashes the content a second time.)
//
// While a commit packs its objects (r.pack, see pack.go), a new object goes
// into that pack instead.
func (r *Repo) writeObject(t plumbing.ObjectType, h plumbing.Hash, data []byte) (err error) {
	if r.pack != nil && r.pack.has(h) || r.pend != nil && r.pend.seen[h] {
		return nil
	}
	if r.hasObject(h) {
		return nil
	}
	if r.pend != nil {
		r.pend.add(t, h, data)
		if len(r.pend.objects) < packMin {
			return nil
		}
		// packMin new objects: the rest of the commit goes into a pack
		pend := r.pend
		r.pend = nil
		if r.pack, err = r.startPack(); err != nil {
			return fmt.Errorf("write %s %s: %w", t, h, err)
		}
		for _, o := range pend.objects {
			if err := r.pack.add(o.t, o.h, o.data); err != nil {
				return fmt.Errorf("write %s %s: %w", o.t, o.h, err)
			}
		}
		return nil
	}
	if r.pack != nil {
		if err := r.pack.add(t, h, data); err != nil {
			return fmt.Errorf("write %s %s: %w", t, h, err)
		}
		return nil
	}
	hex := h.String()
	dir := filepath.Join(r.commonDir, "objects", hex[:2])
	final := filepath.Join(dir, hex[2:])
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	f, err := os.CreateTemp(dir, "tmp_obj_")
	if err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if r.zw == nil {
		r.zw, _ = zlib.NewWriterLevel(f, zlib.BestSpeed)
	} else {
		r.zw.Reset(f)
	}
	hdr := append(append(t.Bytes(), ' '), strconv.AppendInt(nil, int64(len(data)), 10)...)
	if _, err = r.zw.Write(append(hdr, 0)); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	if _, err = r.zw.Write(data); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	if err = r.zw.Close(); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	if err = f.Chmod(0o444); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	if err = os.Rename(f.Name(), final); err != nil {
		return fmt.Errorf("write %s %s: %w", t, h, err)
	}
	return nil
}

// hasObject reports whether the repository stores h, loose or packed. It
// reads the pack indexes itself (packSet) rather than through go-git, which
// would decode and hold every pack index of the repository. An object it
// cannot find is written again: a duplicate is harmless to git.
func (r *Repo) hasObject(h plumbing.Hash) bool {
	hex := h.String()
	if _, err := os.Lstat(filepath.Join(r.commonDir, "objects", hex[:2], hex[2:])); err == nil {
		return true
	}
	if r.packSetLoaded() != nil {
		if ok, err := r.packs.has(h); err == nil {
			return ok
		}
	}
	return r.st.HasEncodedObject(h) == nil
}

// change is the new state of one path: present with blob hash and mode, or
// absent.
type change struct {
	path    string // slash-separated, relative to the root
	present bool
	mode    []byte // modeRegular, modeExecutable or modeSymlink when present
	hash    plumbing.Hash
	// notFile: a directory (or a special file, which git does not track) is
	// at path. Only a file or symlink entry at path goes; a tree there is
	// kept (the files below it are changes of their own).
	notFile bool
}

// buildTree applies changes (sorted by path, all below dir) to the tree old
// (ZeroHash: none) and returns the new tree's hash, or empty when the result
// has no entries. Only trees that change are written; others keep their hash.
func (r *Repo) buildTree(old plumbing.Hash, dir string, changes []change, touched map[plumbing.Hash][]byte) (plumbing.Hash, bool, error) {
	var entries []treeEntry
	if !old.IsZero() {
		data, err := r.readTree(old, touched)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		if entries, err = parseTree(data); err != nil {
			return plumbing.ZeroHash, false, fmt.Errorf("tree %s (%s): %w", old, displayDir(dir), err)
		}
	}

	deleted := map[int]bool{}
	var added []treeEntry
	modified := false
	lookup := func(name []byte) int {
		i := findEntry(entries, name)
		if i >= 0 && deleted[i] {
			return -1
		}
		for j := range added {
			if bytes.Equal(added[j].name, name) {
				return len(entries) + j
			}
		}
		return i
	}
	entryAt := func(i int) *treeEntry {
		if i < len(entries) {
			return &entries[i]
		}
		return &added[i-len(entries)]
	}
	remove := func(name []byte) {
		i := lookup(name)
		switch {
		case i < 0:
			return
		case i < len(entries):
			deleted[i] = true
		default:
			added = slices.Delete(added, i-len(entries), i-len(entries)+1)
		}
		modified = true
	}
	set := func(name []byte, mode []byte, h plumbing.Hash) {
		i := lookup(name)
		if i >= 0 && i < len(entries) {
			e := &entries[i]
			if (modeKind(e.mode) == 0o040000) == (modeKind(mode) == 0o040000) {
				if e.hash != h || !bytes.Equal(e.mode, mode) {
					e.hash, e.mode = h, mode
					modified = true
				}
				return
			}
		}
		remove(name)
		added = append(added, treeEntry{mode: mode, name: name, hash: h})
		modified = true
	}

	prefixLen := len(dir)
	if dir != "" {
		prefixLen++
	}
	// Files directly in this tree win over changes below a name: a file on
	// disk at "a" means nothing exists below "a/".
	fileHere := map[string]bool{}
	for _, c := range changes {
		rest := c.path[prefixLen:]
		if !strings.Contains(rest, "/") && c.present {
			fileHere[rest] = true
		}
	}
	for i := 0; i < len(changes); {
		c := &changes[i]
		rest := c.path[prefixLen:]
		name, _, isDeeper := strings.Cut(rest, "/")
		if !isDeeper {
			switch {
			case c.present:
				if r.noFileMode && modeKind(c.mode) == 0o100000 {
					// core.fileMode=false: the executable bit on disk
					// is not trusted; a tracked file keeps its mode
					// (the index entry gets the same, via c).
					c.mode = modeRegular
					if k := lookup([]byte(name)); k >= 0 && bytes.Equal(entryAt(k).mode, modeExecutable) {
						c.mode = modeExecutable
					}
				}
				set([]byte(name), c.mode, c.hash)
			case c.notFile:
				// A directory is here now: a file or symlink entry goes,
				// a tree or a gitlink (a nested repository) stays.
				if k := lookup([]byte(name)); k >= 0 {
					if kind := modeKind(entryAt(k).mode); kind == 0o100000 || kind == 0o120000 {
						remove([]byte(name))
					}
				}
			default:
				remove([]byte(name))
			}
			i++
			continue
		}
		// Changes below name are contiguous: they share the prefix "name/".
		j := i + 1
		for j < len(changes) && strings.HasPrefix(changes[j].path[prefixLen:], name+"/") {
			j++
		}
		sub := changes[i:j]
		i = j
		if fileHere[name] {
			continue
		}
		var subOld plumbing.Hash
		if k := lookup([]byte(name)); k >= 0 && entryAt(k).isTree() {
			subOld = entryAt(k).hash
		}
		subDir := name
		if dir != "" {
			subDir = dir + "/" + name
		}
		h, empty, err := r.buildTree(subOld, subDir, sub, touched)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		if empty {
			// Only a tree that lost its last entry goes: a file, symlink
			// or gitlink at name stays when nothing exists below it (a
			// removed path under a file names nothing).
			if !subOld.IsZero() {
				remove([]byte(name))
			}
		} else {
			set([]byte(name), modeTree, h)
		}
	}

	if !modified {
		return old, old.IsZero() || old == emptyTree, nil
	}
	result := entries
	if len(deleted) > 0 || len(added) > 0 {
		result = make([]treeEntry, 0, len(entries)-len(deleted)+len(added))
		for i := range entries {
			if !deleted[i] {
				result = append(result, entries[i])
			}
		}
		if len(added) > 0 {
			result = append(result, added...)
			slices.SortFunc(result, func(a, b treeEntry) int {
				return compareEntries(a.name, a.isTree(), b.name, b.isTree())
			})
		}
	}
	if len(result) == 0 {
		return plumbing.ZeroHash, true, nil
	}
	data := encodeTree(result)
	h := hashObject(plumbing.TreeObject, data)
	if h == old {
		return old, false, nil
	}
	if err := r.writeObject(plumbing.TreeObject, h, data); err != nil {
		return plumbing.ZeroHash, false, fmt.Errorf("tree %s: %w", displayDir(dir), err)
	}
	touched[h] = data
	return h, false, nil
}

func displayDir(dir string) string {
	if dir == "" {
		return "/"
	}
	return dir
}
