package gitrepo

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// The index is patched in its raw form: untouched entries are copied byte
// for byte, only the committed paths are re-encoded. go-git's index codec
// costs ~40 allocations per entry in both directions, which dominated a
// commit in a 10,000-file repository. Versions 2, 3 and 4 are read
// directly; a version 4 index (prefix-compressed names) is written back as
// version 2 or 3, which git accepts, with every entry's flags kept.
//
// Extensions are dropped on write, as go-git does: the cache tree would be
// stale for the committed paths, and git rebuilds the optional ones. An index
// with a required extension (split or sparse index) is refused.

const (
	indexHeaderLen   = 12
	entryFixedLen    = 62 // stat data, hash, flags
	flagExtended     = 0x4000
	flagNameMask     = 0x0fff
	extIntentToAdd   = 1 << 13
	extSkipWorktree  = 1 << 14
	indexChecksumLen = sha1.Size
	// verifyIndexMax is the largest index whose checksum is verified
	// when it is read (about 50,000 entries; a few milliseconds of SHA-1)
	verifyIndexMax = 4 << 20
)

// idxEntry is one index entry: its name and its complete encoding
// (including the padding).
type idxEntry struct {
	name  []byte
	raw   []byte
	stage int
	off   int // where raw is in the index read (indexLock.body); 0: not from it
}

// indexLock is a held "index.lock" plus the index it protects, read after
// the lock was taken.
type indexLock struct {
	path, lock string
	f          *os.File
	exists     bool      // an index file existed
	mtime      time.Time // of the index file read: entries not older are "racily clean"
	version    uint32
	body       []byte     // the index read, without its checksum
	entries    []idxEntry // sorted by name, then stage
	done       bool
}

// lockIndex takes the index lock the way git does and reads the index. It
// refuses an index with unmerged entries, like `git commit`.
func (r *Repo) lockIndex() (*indexLock, error) {
	l := &indexLock{path: filepath.Join(r.gitDir, "index"), version: 2}
	l.lock = l.path + ".lock"
	f, err := os.OpenFile(l.lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock index: %s exists: another git process is running, or one crashed (then remove the file)", l.lock)
		}
		return nil, fmt.Errorf("lock index: %w", err)
	}
	l.f = f

	// The mtime of the open file: the index may be replaced meanwhile.
	data, fi, err := readFileStat(l.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return l, nil
	case err != nil:
		l.release()
		return nil, fmt.Errorf("read index: %w", err)
	}
	l.exists = true
	l.mtime = fi.ModTime()
	if err := l.parse(data); err != nil {
		l.release()
		return nil, fmt.Errorf("read index %s: %w", l.path, err)
	}
	for _, e := range l.entries {
		if e.stage != 0 {
			l.release()
			return nil, fmt.Errorf("index %s has unmerged entries (%s): resolve the conflict first", l.path, e.name)
		}
	}
	return l, nil
}

func (l *indexLock) parse(data []byte) error {
	if len(data) < indexHeaderLen+indexChecksumLen || string(data[:4]) != "DIRC" {
		return errors.New("not an index file")
	}
	body, sum := data[:len(data)-indexChecksumLen], data[len(data)-indexChecksumLen:]
	// index.skipHash writes a zero checksum. A large index is read as git
	// reads every index since 2.13 (only fsck verifies the checksum): its
	// SHA-1 was a third of a commit's CPU in a folder of 500,000 postings
	// (BenchmarkCommitLargeFolder); the entries are still checked one by
	// one below, and the index written back gets a new checksum.
	if len(body) <= verifyIndexMax {
		if got := sha1.Sum(body); !bytes.Equal(got[:], sum) && !bytes.Equal(sum, make([]byte, indexChecksumLen)) {
			return errors.New("bad checksum")
		}
	}
	version := binary.BigEndian.Uint32(data[4:])
	count := int(binary.BigEndian.Uint32(data[8:]))
	switch version {
	case 2, 3:
	case 4:
		return l.parseV4(body, count)
	default:
		return fmt.Errorf("unsupported index version %d", version)
	}
	l.version = version
	l.body = body
	l.entries = make([]idxEntry, 0, count)
	off := indexHeaderLen
	for range count {
		if off+entryFixedLen > len(body) {
			return errors.New("truncated entry")
		}
		flags := binary.BigEndian.Uint16(body[off+60:])
		fixed := entryFixedLen
		if flags&flagExtended != 0 {
			if version < 3 {
				return errors.New("extended entry flags in a version 2 index")
			}
			fixed += 2
		}
		nameStart := off + fixed
		nameLen := int(flags & flagNameMask)
		if nameLen == flagNameMask {
			nameLen = bytes.IndexByte(body[min(nameStart, len(body)):], 0)
		}
		end := off + (fixed+nameLen+8)&^7
		if nameLen < 0 || end > len(body) || body[nameStart+nameLen] != 0 {
			return errors.New("malformed entry name")
		}
		l.entries = append(l.entries, idxEntry{
			name:  body[nameStart : nameStart+nameLen : nameStart+nameLen],
			raw:   body[off:end:end],
			stage: int(flags>>12) & 3,
			off:   off,
		})
		off = end
	}
	return checkExtensions(body, off)
}

// checkExtensions checks the extensions from off to the end of body: only
// that none is required.
func checkExtensions(body []byte, off int) error {
	for off+8 <= len(body) {
		sig := body[off : off+4]
		size := int(binary.BigEndian.Uint32(body[off+4:]))
		if sig[0] < 'A' || sig[0] > 'Z' {
			return fmt.Errorf("unsupported required index extension %q (split or sparse index)", sig)
		}
		off += 8 + size
	}
	if off != len(body) {
		return errors.New("malformed extensions")
	}
	return nil
}

// parseV4 reads the entries of a version 4 index (from body, the index
// without its checksum), whose names are compressed against the previous
// name, and re-encodes them for version 2 or 3 with their stat data and all
// their flags (assume-unchanged, skip-worktree, intent-to-add) kept.
func (l *indexLock) parseV4(body []byte, count int) error {
	l.version = 2
	l.entries = make([]idxEntry, 0, count)
	var prev []byte
	off := indexHeaderLen
	for range count {
		if off+entryFixedLen > len(body) {
			return errors.New("truncated entry")
		}
		flags := binary.BigEndian.Uint16(body[off+60:])
		fixed := entryFixedLen
		if flags&flagExtended != 0 {
			fixed += 2
			l.version = 3
			if off+fixed > len(body) {
				return errors.New("truncated entry")
			}
		}
		// The number of bytes to drop from the end of the previous name,
		// in git's offset varint encoding, then the rest, NUL-terminated.
		p := off + fixed
		strip, ok := 0, false
		for p < len(body) {
			c := body[p]
			p++
			strip = strip<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				ok = true
				break
			}
			strip++
			if strip > len(prev) {
				break
			}
		}
		if !ok || strip > len(prev) {
			return errors.New("malformed entry name prefix")
		}
		nul := bytes.IndexByte(body[p:], 0)
		if nul < 0 {
			return errors.New("malformed entry name")
		}
		nameLen := len(prev) - strip + nul
		n := (fixed + nameLen + 8) &^ 7
		raw := make([]byte, n)
		copy(raw, body[off:off+fixed])
		copy(raw[fixed:], prev[:len(prev)-strip])
		copy(raw[fixed+len(prev)-strip:], body[p:p+nul])
		binary.BigEndian.PutUint16(raw[60:], flags&^flagNameMask|uint16(min(nameLen, flagNameMask)))
		name := raw[fixed : fixed+nameLen : fixed+nameLen]
		l.entries = append(l.entries, idxEntry{name: name, raw: raw, stage: int(flags>>12) & 3})
		prev = name
		off = p + nul + 1
	}
	return checkExtensions(body, off)
}

// encodeEntry encodes an index entry for version 2 or 3.
func encodeEntry(e *index.Entry) idxEntry {
	fixed := entryFixedLen
	if e.IntentToAdd || e.SkipWorktree {
		fixed += 2
	}
	n := (fixed + len(e.Name) + 8) &^ 7
	b := make([]byte, n)
	be := binary.BigEndian
	putTime := func(off int, sec int64, nsec int) {
		if sec < 0 {
			return
		}
		be.PutUint32(b[off:], uint32(sec))
		be.PutUint32(b[off+4:], uint32(nsec))
	}
	if !e.CreatedAt.IsZero() {
		putTime(0, e.CreatedAt.Unix(), e.CreatedAt.Nanosecond())
	}
	if !e.ModifiedAt.IsZero() {
		putTime(8, e.ModifiedAt.Unix(), e.ModifiedAt.Nanosecond())
	}
	be.PutUint32(b[16:], e.Dev)
	be.PutUint32(b[20:], e.Inode)
	be.PutUint32(b[24:], uint32(e.Mode))
	be.PutUint32(b[28:], e.UID)
	be.PutUint32(b[32:], e.GID)
	be.PutUint32(b[36:], e.Size)
	copy(b[40:60], e.Hash[:])
	flags := uint16(e.Stage&3) << 12
	flags |= uint16(min(len(e.Name), flagNameMask))
	if fixed > entryFixedLen {
		flags |= flagExtended
		var ext uint16
		if e.IntentToAdd {
			ext |= extIntentToAdd
		}
		if e.SkipWorktree {
			ext |= extSkipWorktree
		}
		be.PutUint16(b[62:], ext)
	}
	be.PutUint16(b[60:], flags)
	copy(b[fixed:], e.Name)
	return idxEntry{name: b[fixed : fixed+len(e.Name) : fixed+len(e.Name)], raw: b, stage: int(e.Stage & 3)}
}

// clean reports whether the regular file at rel (stat data st, mode perm) is unchanged since its
// index entry was written, by the stat data git compares (times, device,
// inode, mode, owner, size), and returns the entry's blob. An entry that
// is racily clean (its mtime not older than the index read) or smudged
// (size 0) is not trusted, nor one of a merge stage: the file is read.
func (l *indexLock) clean(rel string, st fileStat, perm fs.FileMode) (plumbing.Hash, bool) {
	if l == nil || !l.exists {
		return plumbing.ZeroHash, false
	}
	k := sort.Search(len(l.entries), func(i int) bool { return string(l.entries[i].name) >= rel })
	if k == len(l.entries) || string(l.entries[k].name) != rel || l.entries[k].stage != 0 {
		return plumbing.ZeroHash, false
	}
	raw := l.entries[k].raw
	be := binary.BigEndian
	exec := perm&0o100 != 0
	mode := be.Uint32(raw[24:])
	switch {
	case be.Uint32(raw[36:]) == 0 || int64(be.Uint32(raw[36:])) != st.size&0xffffffff:
		return plumbing.ZeroHash, false
	case int64(be.Uint32(raw[8:])) >= l.mtime.Unix(): // racily clean
		return plumbing.ZeroHash, false
	case mode&0o170000 != 0o100000 || (mode&0o100 != 0) != exec:
		return plumbing.ZeroHash, false
	case be.Uint32(raw[8:]) != uint32(st.mtime.Unix()) || !sameNsec(be.Uint32(raw[12:]), st.mtime),
		be.Uint32(raw[0:]) != uint32(st.ctime.Unix()) || !sameNsec(be.Uint32(raw[4:]), st.ctime),
		be.Uint32(raw[16:]) != st.dev, be.Uint32(raw[20:]) != st.ino,
		be.Uint32(raw[28:]) != st.uid, be.Uint32(raw[32:]) != st.gid:
		return plumbing.ZeroHash, false
	}
	return plumbing.Hash(raw[40:60]), true
}

// sameNsec compares the nanoseconds of an index entry's time with t's; an
// entry without them (a git built without sub-second times writes 0) is
// compared by its seconds only, as that git does.
func sameNsec(entry uint32, t time.Time) bool {
	return entry == 0 || entry == uint32(t.Nanosecond())
}

// release drops the lock without writing, unless the index was written.
func (l *indexLock) release() {
	if l.done {
		return
	}
	l.done = true
	l.f.Close()
	os.Remove(l.lock)
}

// update sets the index entries of the committed paths and writes the index
// when anything changed. hd is HEAD before the commit: a missing index is
// first filled from its tree (with no stat data, so git rehashes those files
// once), so that the other files do not look deleted.
func (l *indexLock) update(r *Repo, hd head, changes []change, stats []fileStat) error {
	changed := !l.exists
	if !l.exists && !hd.tree.IsZero() {
		if err := r.walkTree(hd.tree, "", func(p string, e *treeEntry) error {
			mode, err := filemode.New(string(e.mode))
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			l.entries = append(l.entries, encodeEntry(&index.Entry{Name: p, Hash: e.hash, Mode: mode}))
			return nil
		}); err != nil {
			return fmt.Errorf("fill new index from HEAD: %w", err)
		}
		sortEntries(l.entries)
	}

	entries := l.entries
	n := len(entries)
	search := func(name string) int {
		return sort.Search(n, func(i int) bool { return string(entries[i].name) >= name })
	}
	del := map[int]bool{}
	set := map[int]bool{} // entries of committed paths, kept or re-encoded
	var add []idxEntry
	for i, c := range changes {
		existing := -1
		if k := search(c.path); k < n && string(entries[k].name) == c.path {
			existing = k
		}
		if c.notFile {
			// A directory is here: a file or symlink entry at the path
			// goes, the entries below it stay (as in the tree).
			if existing >= 0 {
				if kind := binary.BigEndian.Uint32(entries[existing].raw[24:]) & 0o170000; kind == 0o100000 || kind == 0o120000 {
					del[existing], changed = true, true
				}
			}
			continue
		}
		// Entries below the path (it was a directory) go.
		for j := search(c.path + "/"); j < n && strings.HasPrefix(string(entries[j].name), c.path+"/"); j++ {
			del[j], changed = true, true
		}
		if !c.present {
			if existing >= 0 {
				del[existing], changed = true, true
			}
			continue
		}
		// Files at a parent path (the parent is a directory now) go.
		for d := path.Dir(c.path); d != "."; d = path.Dir(d) {
			if k := search(d); k < n && string(entries[k].name) == d {
				del[k], changed = true, true
			}
		}
		st := stats[i]
		mode, err := filemode.New(string(c.mode))
		if err != nil {
			return fmt.Errorf("%s: %w", c.path, err)
		}
		ne := encodeEntry(&index.Entry{
			Hash:       c.hash,
			Name:       c.path,
			CreatedAt:  st.ctime,
			ModifiedAt: st.mtime,
			Dev:        st.dev,
			Inode:      st.ino,
			Mode:       mode,
			UID:        st.uid,
			GID:        st.gid,
			Size:       uint32(st.size),
		})
		switch {
		case existing < 0:
			add = append(add, ne)
			changed = true
		case !bytes.Equal(entries[existing].raw, ne.raw):
			entries[existing] = ne // same name: the order holds
			changed = true
		}
		if existing >= 0 {
			set[existing] = true
		}
	}
	if !changed {
		return nil
	}

	// The entries copied from the index read may be "racily clean": their
	// file changed in the same second as that index was written, which git
	// detects by comparing their mtime with the index file's. The index
	// written now is newer, so such an entry is smudged (see smudgeRacy).
	if !l.mtime.IsZero() {
		budget := racyBudget{files: racyCheckFiles, bytes: racyCheckBytes}
		for i := range entries {
			if !del[i] && !set[i] {
				r.smudgeRacy(&entries[i], l.mtime.Unix(), &budget)
			}
		}
	}

	count := len(add)
	for i := range entries {
		if !del[i] {
			count++
		}
	}
	sortEntries(add)
	// Written as it is hashed, without a copy of the index in memory: the
	// entries kept from the index read go out as the runs of it they are
	// (one write for the thousands of entries between two changes).
	sum := sha1.New()
	bw := bufio.NewWriterSize(l.f, 1<<20)
	w := io.MultiWriter(sum, bw)
	hdr := make([]byte, indexHeaderLen)
	copy(hdr, "DIRC")
	binary.BigEndian.PutUint32(hdr[4:], l.version)
	binary.BigEndian.PutUint32(hdr[8:], uint32(count))
	w.Write(hdr)
	runStart, runEnd := 0, 0 // a run of l.body not written yet
	flush := func() {
		if runEnd > runStart {
			w.Write(l.body[runStart:runEnd])
		}
		runStart, runEnd = 0, 0
	}
	emit := func(e *idxEntry) {
		switch {
		case e.off > 0 && e.off == runEnd:
			runEnd += len(e.raw)
		case e.off > 0:
			flush()
			runStart, runEnd = e.off, e.off+len(e.raw)
		default:
			flush()
			w.Write(e.raw)
		}
	}
	// Merge the kept entries with the added ones, both sorted by name.
	a := 0
	for i := range entries {
		if del[i] {
			continue
		}
		for a < len(add) && bytes.Compare(add[a].name, entries[i].name) < 0 {
			emit(&add[a])
			a++
		}
		emit(&entries[i])
	}
	for ; a < len(add); a++ {
		emit(&add[a])
	}
	flush()
	bw.Write(sum.Sum(nil))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", l.lock, err)
	}
	if err := l.f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", l.lock, err)
	}
	l.done = true
	if err := os.Rename(l.lock, l.path); err != nil {
		os.Remove(l.lock)
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// Racily clean entries are checked against their file, like git does, up to
// these budgets per commit; beyond them they are smudged without a look.
const (
	racyCheckFiles = 32
	racyCheckBytes = 1 << 20
)

type racyBudget struct{ files, bytes int }

// smudgeRacy does what git's ce_smudge_racily_clean_entry does for an entry
// copied from an index whose mtime (in seconds) was indexSec. An entry whose
// mtime is not older than that is racily clean: its file may have changed
// after it was staged without changing the stat data git compares. When the
// stat data matches the file but the content differs (or the content is not
// checked, beyond the budget), the entry's size is set to 0, so git rehashes
// the file instead of trusting its stat data in the index written now.
func (r *Repo) smudgeRacy(e *idxEntry, indexSec int64, budget *racyBudget) {
	be := binary.BigEndian
	raw := e.raw
	mtime := int64(be.Uint32(raw[8:]))
	size := be.Uint32(raw[36:])
	kind := be.Uint32(raw[24:]) & 0o170000
	if mtime < indexSec || size == 0 || (kind != 0o100000 && kind != 0o120000) {
		return // not racy, already smudged (or empty), or a gitlink
	}
	if budget.files > 0 && int(size) <= budget.bytes {
		budget.files--
		budget.bytes -= int(size)
		abs := filepath.Join(r.root, filepath.FromSlash(string(e.name)))
		fi, err := os.Lstat(abs)
		if err != nil || uint32(fi.Size()) != size || fi.ModTime().Unix() != mtime ||
			(kind == 0o120000) != (fi.Mode()&os.ModeSymlink != 0) {
			return // git sees the change in the stat data
		}
		var data []byte
		if kind == 0o120000 {
			var target string
			if target, err = os.Readlink(abs); err == nil {
				data = []byte(filepath.ToSlash(target))
			}
		} else {
			data, err = os.ReadFile(abs)
		}
		if err == nil && hashObject(plumbing.BlobObject, data) == plumbing.Hash(raw[40:60]) {
			return // clean, checked
		}
	}
	be.PutUint32(raw[36:], 0)
}

// sortEntries orders entries like git: by name bytewise, then by stage.
func sortEntries(e []idxEntry) {
	slices.SortStableFunc(e, func(a, b idxEntry) int {
		if c := bytes.Compare(a.name, b.name); c != 0 {
			return c
		}
		return a.stage - b.stage
	})
}

// walkTree calls fn for every non-tree entry below the tree h, with its
// slash-separated path (dir prefixed).
func (r *Repo) walkTree(h plumbing.Hash, dir string, fn func(p string, e *treeEntry) error) error {
	data, err := r.readTreeNoMemo(h)
	if err != nil {
		return err
	}
	entries, err := parseTree(data)
	if err != nil {
		return fmt.Errorf("tree %s (%s): %w", h, displayDir(dir), err)
	}
	for i := range entries {
		e := &entries[i]
		p := string(e.name)
		if dir != "" {
			p = dir + "/" + p
		}
		if e.isTree() {
			if err := r.walkTree(e.hash, p, fn); err != nil {
				return err
			}
			continue
		}
		if err := fn(p, e); err != nil {
			return err
		}
	}
	return nil
}

// readTreeNoMemo reads a tree, using but not filling the memo of trees.
func (r *Repo) readTreeNoMemo(h plumbing.Hash) ([]byte, error) {
	if data, ok := r.trees[h]; ok {
		return data, nil
	}
	if h == emptyTree {
		return nil, nil
	}
	return r.readObject(plumbing.TreeObject, h)
}
