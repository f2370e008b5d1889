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
)

// verifyIndexMax is the largest index whose checksum is verified when it
// is read (about 50,000 entries; a few milliseconds of SHA-1). A variable
// only so that a test can lower it (TestLargeIndexStreamed streams an
// index of 7,500 entries instead of making one of 60,000 for git to
// read); nothing else changes it.
var verifyIndexMax = 4 << 20

// idxEntry is one index entry: its name and its complete encoding
// (including the padding). An entry passed by scanIndex points into the
// reader's buffer and is valid during the call only.
type idxEntry struct {
	name  []byte
	raw   []byte
	stage int
	ord   int // its position in the index read; -1: not from it
}

// indexLock is a held "index.lock" plus the index it protects, read after
// the lock was taken. The index is not held in memory (40 MB at 500,000
// files): it is read once when the lock is taken, to check it and to keep
// the entries of the paths to commit (and of their parents and of what is
// below them), and read again, one entry at a time, as the new index is
// written (update).
type indexLock struct {
	repo       *Repo
	path, lock string
	f          *os.File // the lock file
	exists     bool     // an index file existed
	mtime      time.Time
	src        indexSource // the index read
	version    uint32      // of the index to write
	count      int         // entries in the index read
	rels       []string    // the paths whose entries are in found, sorted
	found      []idxEntry  // copies of the entries of interest, in index order
	done       bool
}

// indexSource is an index file: its body (without the checksum) is read
// from the open file, or from memory when it was small enough to verify.
type indexSource struct {
	f       *os.File
	data    []byte
	bodyLen int64
}

func (s *indexSource) reader() io.Reader {
	if s.f == nil {
		return bytes.NewReader(s.data)
	}
	return io.NewSectionReader(s.f, 0, s.bodyLen)
}

func (s *indexSource) close() {
	if s.f != nil {
		s.f.Close()
		s.f = nil
	}
}

// openIndex opens the index at p: one up to verifyIndexMax is read whole
// and its checksum verified; a larger one is read as git reads every index
// since 2.13 (only fsck verifies the checksum): its SHA-1 was a third of a
// commit's CPU in a folder of 500,000 postings (BenchmarkCommitLargeFolder);
// its entries are still checked one by one as they are read, and the index
// written gets a new checksum. The mtime is the open file's.
func openIndex(p string) (indexSource, os.FileInfo, error) {
	f, err := os.Open(p)
	if err != nil {
		return indexSource{}, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return indexSource{}, nil, err
	}
	if fi.Size()-indexChecksumLen > int64(verifyIndexMax) {
		var hdr [indexHeaderLen]byte
		if _, err := f.ReadAt(hdr[:], 0); err != nil || string(hdr[:4]) != "DIRC" {
			f.Close()
			return indexSource{}, nil, fmt.Errorf("%w: not an index file", errCorruptIndex)
		}
		return indexSource{f: f, bodyLen: fi.Size() - indexChecksumLen}, fi, nil
	}
	data, err := readInto(f, fi.Size(), nil)
	f.Close()
	if err != nil {
		return indexSource{}, nil, err
	}
	src, err := smallIndex(data)
	return src, fi, err
}

// errCorruptIndex: the index file is there but is no index (torn by a
// power loss, a full disk, a killed git). The index is a cache of HEAD and
// the work tree: a commit rebuilds it from HEAD (lockIndex), as when it is
// missing, rather than every run failing on it for good.
var errCorruptIndex = errors.New("corrupt index")

// smallIndex checks the header and, for an index up to verifyIndexMax,
// the checksum (index.skipHash writes a zero one) of an index in memory.
func smallIndex(data []byte) (indexSource, error) {
	if len(data) < indexHeaderLen+indexChecksumLen || string(data[:4]) != "DIRC" {
		return indexSource{}, fmt.Errorf("%w: not an index file", errCorruptIndex)
	}
	body, sum := data[:len(data)-indexChecksumLen], data[len(data)-indexChecksumLen:]
	if len(body) <= verifyIndexMax {
		if got := sha1.Sum(body); !bytes.Equal(got[:], sum) && !bytes.Equal(sum, make([]byte, indexChecksumLen)) {
			return indexSource{}, fmt.Errorf("%w: bad checksum", errCorruptIndex)
		}
	}
	return indexSource{data: body, bodyLen: int64(len(body))}, nil
}

// parse checks an index in memory, as lockIndex checks the index file.
func (l *indexLock) parse(data []byte) error {
	src, err := smallIndex(data)
	if err != nil {
		return err
	}
	_, _, err = scanIndex(src.reader(), func(*idxEntry) error { return nil })
	return err
}

// window is a buffered reader whose unread bytes can be looked at in place.
type window struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	err      error
}

// need makes at least n unread bytes available in buf[pos:]; false at the
// end of the input (or on an error, in w.err).
func (w *window) need(n int) bool {
	for w.end-w.pos < n {
		if w.eof || w.err != nil {
			return false
		}
		if w.pos+n > len(w.buf) {
			if n > len(w.buf) {
				nb := make([]byte, max(n, 2*len(w.buf)))
				w.end = copy(nb, w.buf[w.pos:w.end])
				w.buf = nb
			} else {
				w.end = copy(w.buf, w.buf[w.pos:w.end])
			}
			w.pos = 0
		}
		k, err := w.r.Read(w.buf[w.end:])
		w.end += k
		switch {
		case err == io.EOF:
			w.eof = true
		case err != nil:
			w.err = err
		}
	}
	return true
}

// nul returns the offset from buf[pos] of the first NUL at or after from.
func (w *window) nul(from int) int {
	for {
		if i := bytes.IndexByte(w.buf[w.pos+min(from, w.end-w.pos):w.end], 0); i >= 0 {
			return min(from, w.end-w.pos) + i
		}
		if !w.need(w.end - w.pos + 1) {
			return -1
		}
	}
}

// scanIndex reads an index body (without its checksum) from r and calls fn
// with each entry in order (a version 4 entry re-encoded for version 2 or
// 3, with all its flags), then checks the extensions. It returns the
// version to write the index back in and the number of entries.
func scanIndex(r io.Reader, fn func(e *idxEntry) error) (version uint32, count int, err error) {
	w := &window{r: r, buf: make([]byte, 256<<10)}
	readErr := func(err error) error {
		if w.err != nil {
			return w.err
		}
		return err
	}
	if !w.need(indexHeaderLen) || string(w.buf[:4]) != "DIRC" {
		return 0, 0, readErr(fmt.Errorf("%w: not an index file", errCorruptIndex))
	}
	inVersion := binary.BigEndian.Uint32(w.buf[4:])
	count = int(binary.BigEndian.Uint32(w.buf[8:]))
	w.pos += indexHeaderLen
	version = inVersion
	switch inVersion {
	case 2, 3:
	case 4:
		version = 2
	case 0:
		// a zeroed header (a torn write): no version git ever wrote
		return 0, 0, fmt.Errorf("%w: index version 0", errCorruptIndex)
	default:
		return 0, 0, fmt.Errorf("unsupported index version %d", inVersion)
	}
	var prev, scratch []byte // version 4: the previous name, the entry re-encoded
	var e idxEntry
	for i := range count {
		if !w.need(entryFixedLen) {
			return 0, 0, readErr(fmt.Errorf("%w: truncated entry", errCorruptIndex))
		}
		b := w.buf[w.pos:]
		flags := binary.BigEndian.Uint16(b[60:])
		fixed := entryFixedLen
		if flags&flagExtended != 0 {
			if inVersion < 3 {
				return 0, 0, errors.New("extended entry flags in a version 2 index")
			}
			fixed += 2
			if !w.need(fixed) {
				return 0, 0, readErr(fmt.Errorf("%w: truncated entry", errCorruptIndex))
			}
		}
		if inVersion == 4 {
			if fixed > entryFixedLen {
				version = 3
			}
			// The number of bytes to drop from the end of the previous
			// name, in git's offset varint encoding, then the rest,
			// NUL-terminated.
			p := fixed
			strip, ok := 0, false
			for w.need(p + 1) {
				c := w.buf[w.pos+p]
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
				return 0, 0, readErr(fmt.Errorf("%w: malformed entry name prefix", errCorruptIndex))
			}
			nul := w.nul(p)
			if nul < 0 {
				return 0, 0, readErr(fmt.Errorf("%w: malformed entry name", errCorruptIndex))
			}
			b = w.buf[w.pos:]
			rest := b[p:nul]
			nameLen := len(prev) - strip + len(rest)
			n := (fixed + nameLen + 8) &^ 7
			scratch = slices.Grow(scratch[:0], n)[:n]
			clear(scratch)
			copy(scratch, b[:fixed])
			copy(scratch[fixed:], prev[:len(prev)-strip])
			copy(scratch[fixed+len(prev)-strip:], rest)
			binary.BigEndian.PutUint16(scratch[60:], flags&^flagNameMask|uint16(min(nameLen, flagNameMask)))
			e = idxEntry{name: scratch[fixed : fixed+nameLen : fixed+nameLen], raw: scratch, stage: int(flags>>12) & 3, ord: i}
			prev = append(prev[:0], e.name...)
			w.pos += nul + 1
		} else {
			nameLen := int(flags & flagNameMask)
			if nameLen == flagNameMask {
				nameLen = w.nul(fixed)
				if nameLen >= 0 {
					nameLen -= fixed
				}
			}
			end := (fixed + nameLen + 8) &^ 7
			if nameLen <= 0 || !w.need(end) || w.buf[w.pos+fixed+nameLen] != 0 {
				// (an empty name: a zeroed entry, which git never writes)
				return 0, 0, readErr(fmt.Errorf("%w: malformed entry name", errCorruptIndex))
			}
			b = w.buf[w.pos : w.pos+end : w.pos+end]
			e = idxEntry{name: b[fixed : fixed+nameLen : fixed+nameLen], raw: b, stage: int(flags>>12) & 3, ord: i}
			w.pos += end
		}
		if err := fn(&e); err != nil {
			return 0, 0, err
		}
	}
	// Extensions are not kept; none may be required.
	for w.need(1) {
		if !w.need(8) {
			return 0, 0, readErr(fmt.Errorf("%w: malformed extensions", errCorruptIndex))
		}
		sig := w.buf[w.pos : w.pos+4]
		size := int64(binary.BigEndian.Uint32(w.buf[w.pos+4:]))
		if !asciiLetters(sig) {
			// zeros (a torn tail: the size kept, the last blocks never
			// written) or garbage: no extension git writes
			return 0, 0, readErr(fmt.Errorf("%w: malformed extension signature %q", errCorruptIndex, sig))
		}
		if sig[0] < 'A' || sig[0] > 'Z' {
			return 0, 0, fmt.Errorf("unsupported required index extension %q (split or sparse index)", sig)
		}
		w.pos += 8
		for size > 0 {
			if w.pos == w.end && !w.need(1) {
				return 0, 0, readErr(fmt.Errorf("%w: malformed extensions", errCorruptIndex))
			}
			k := min(size, int64(w.end-w.pos))
			w.pos += int(k)
			size -= k
		}
	}
	if w.err != nil {
		return 0, 0, w.err
	}
	return version, count, nil
}

// errUnmerged is an index entry of a merge stage.
type errUnmerged struct{ name string }

func (e errUnmerged) Error() string { return "unmerged entry " + e.name }

// collect reads the index (pass 1): it checks every entry, refuses
// unmerged ones, and keeps copies of the entries of interest for rels.
func (l *indexLock) collect(rels []string) error {
	in := newInterest(rels)
	l.rels = rels
	l.found = l.found[:0]
	version, count, err := scanIndex(l.src.reader(), func(e *idxEntry) error {
		if e.stage != 0 {
			return errUnmerged{string(e.name)}
		}
		if in.match(e.name) {
			l.found = append(l.found, copyEntry(e))
		}
		return nil
	})
	if err != nil {
		return err
	}
	l.version, l.count = version, count
	return nil
}

func copyEntry(e *idxEntry) idxEntry {
	raw := slices.Clone(e.raw)
	off := entryFixedLen
	if binary.BigEndian.Uint16(raw[60:])&flagExtended != 0 {
		off += 2
	}
	return idxEntry{name: raw[off : off+len(e.name) : off+len(e.name)], raw: raw, stage: e.stage, ord: e.ord}
}

// lockIndex takes the index lock the way git does and reads the index,
// keeping the entries of interest for a commit of rels (sorted; see
// interest). It refuses an index with unmerged entries, like `git commit`.
func (r *Repo) lockIndex(rels ...string) (*indexLock, error) {
	l := &indexLock{repo: r, path: filepath.Join(r.gitDir, "index"), version: 2}
	l.lock = l.path + ".lock"
	r.takingLock(l.lock)
	f, err := os.OpenFile(l.lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		r.droppedLock(l.lock)
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock index: %s exists: another git process is running, or one crashed (then remove the file)", l.lock)
		}
		return nil, fmt.Errorf("lock index: %w", err)
	}
	l.f = f
	r.tookLock(l.lock, f)

	// The mtime of the open file: the index may be replaced meanwhile.
	src, fi, err := openIndex(l.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return l, nil
	case errors.Is(err, errCorruptIndex):
		// filled from HEAD by update and written whole, as a missing one
		r.repairedIndex = l.path
		return l, nil
	case err != nil:
		l.release()
		return nil, fmt.Errorf("read index %s: %w", l.path, err)
	}
	l.src = src
	l.exists = true
	l.mtime = fi.ModTime()
	if err := l.collect(rels); errors.Is(err, errCorruptIndex) {
		// a large index is checked as it is read (openIndex): one torn
		// past its header is rebuilt from HEAD as a small one is
		l.src.close()
		l.src, l.exists, l.mtime, l.found = indexSource{}, false, time.Time{}, l.found[:0]
		l.version, l.count = 2, 0
		r.repairedIndex = l.path
		return l, nil
	} else if err != nil {
		l.release()
		var um errUnmerged
		if errors.As(err, &um) {
			return nil, fmt.Errorf("index %s has unmerged entries (%s): resolve the conflict first", l.path, um.name)
		}
		return nil, fmt.Errorf("read index %s: %w", l.path, err)
	}
	return l, nil
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
// rel is looked up among the entries kept for the paths given to
// lockIndex; another path costs a read of the index.
func (l *indexLock) clean(rel string, st fileStat, perm fs.FileMode) (plumbing.Hash, bool) {
	if l == nil || !l.exists {
		return plumbing.ZeroHash, false
	}
	found := l.found
	if _, ok := slices.BinarySearch(l.rels, rel); !ok {
		other := &indexLock{src: l.src}
		if other.collect([]string{rel}) != nil {
			return plumbing.ZeroHash, false
		}
		found = other.found
	}
	k := sort.Search(len(found), func(i int) bool { return string(found[i].name) >= rel })
	if k == len(found) || string(found[k].name) != rel || found[k].stage != 0 {
		return plumbing.ZeroHash, false
	}
	raw := found[k].raw
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
	l.src.close()
	if l.done {
		return
	}
	l.done = true
	l.f.Close()
	os.Remove(l.lock)
	l.repo.droppedLock(l.lock)
}

// update sets the index entries of the committed paths and writes the index
// when anything changed. hd is HEAD before the commit: a missing index is
// first filled from its tree (with no stat data, so git rehashes those files
// once), so that the other files do not look deleted.
//
// The changes are decided on the entries kept by lockIndex (those of the
// paths, their parents and what is below them: all that a change can
// replace or remove); the index is then read again one entry at a time and
// written, as it is hashed, with the added entries merged in by name.
func (l *indexLock) update(r *Repo, hd head, changes []change, stats []fileStat) error {
	changed := !l.exists
	var filled []idxEntry // the entries of a missing index, from HEAD
	if !l.exists {
		if !hd.tree.IsZero() {
			if err := r.walkTree(hd.tree, "", func(p string, e *treeEntry) error {
				mode, err := filemode.New(string(e.mode))
				if err != nil {
					return fmt.Errorf("%s: %w", p, err)
				}
				filled = append(filled, encodeEntry(&index.Entry{Name: p, Hash: e.hash, Mode: mode}))
				return nil
			}); err != nil {
				return fmt.Errorf("fill new index from HEAD: %w", err)
			}
			sortEntries(filled)
		}
		rels := make([]string, len(changes))
		for i, c := range changes {
			rels[i] = c.path
		}
		in := newInterest(rels)
		l.found = l.found[:0]
		for i := range filled {
			filled[i].ord = i
			if in.match(filled[i].name) {
				l.found = append(l.found, filled[i])
			}
		}
		l.count, l.version = len(filled), 2
	}

	entries := l.found
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
			ne.ord = entries[existing].ord
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
	sortEntries(add)
	count := l.count - len(del) + len(add)

	// Written as it is hashed (the SHA-1 of each buffer written): the
	// entries not committed are copied from the index read as it is read
	// again. The entries copied may be "racily clean": their file changed
	// in the same second as that index was written, which git detects by
	// comparing their mtime with the index file's. The index written now
	// is newer, so such an entry is smudged (see smudgeRacy).
	sum := sha1.New()
	bw := bufio.NewWriterSize(io.MultiWriter(sum, l.f), 256<<10)
	hdr := make([]byte, indexHeaderLen)
	copy(hdr, "DIRC")
	binary.BigEndian.PutUint32(hdr[4:], l.version)
	binary.BigEndian.PutUint32(hdr[8:], uint32(count))
	bw.Write(hdr)
	budget := racyBudget{files: racyCheckFiles, bytes: racyCheckBytes}
	var tmp idxEntry
	smudged := func(e *idxEntry) *idxEntry {
		if l.mtime.IsZero() {
			return e
		}
		tmp.raw = append(tmp.raw[:0], e.raw...)
		tmp.name = e.name
		r.smudgeRacy(&tmp, l.mtime.Unix(), &budget)
		return &tmp
	}
	a, k, written := 0, 0, 0
	emit := func(e *idxEntry) {
		for a < len(add) && bytes.Compare(add[a].name, e.name) < 0 {
			bw.Write(add[a].raw)
			a++
			written++
		}
		bw.Write(e.raw)
		written++
	}
	each := func(e *idxEntry) error {
		if k < n && entries[k].ord == e.ord {
			j := k
			k++
			switch {
			case del[j]:
			case set[j]:
				emit(&entries[j])
			default:
				emit(smudged(&entries[j]))
			}
			return nil
		}
		emit(smudged(e))
		return nil
	}
	if l.exists {
		if _, _, err := scanIndex(l.src.reader(), each); err != nil {
			return fmt.Errorf("read index %s again: %w", l.path, err)
		}
	} else {
		for i := range filled {
			each(&filled[i])
		}
	}
	for ; a < len(add); a++ {
		bw.Write(add[a].raw)
		written++
	}
	if k != n || written != count {
		return fmt.Errorf("write %s: the index changed while it was locked (%d entries written, %d expected)", l.lock, written, count)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", l.lock, err)
	}
	if _, err := l.f.Write(sum.Sum(nil)); err != nil {
		return fmt.Errorf("write %s: %w", l.lock, err)
	}
	if err := l.f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", l.lock, err)
	}
	l.done = true
	defer l.repo.droppedLock(l.lock)
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

// asciiLetters says whether b holds ASCII letters only (an index
// extension's signature: "TREE", "REUC", "link", "sdir").
func asciiLetters(b []byte) bool {
	for _, c := range b {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}
