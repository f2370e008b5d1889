package gitrepo

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// Reading packed objects without go-git. go-git's EncodedObject, for an
// object in a pack, decodes the index of every pack of the repository
// (the names, an offset map: about 100 bytes an object) and keeps it, and
// caches what it reads (16 MB): a recovery's ChangedSince reads HEAD's
// trees and held 10 MB of indexes at 100,000 objects, and a process's
// first commit in a large folder does the same to read HEAD's commit and
// the trees on its paths. The packs the watcher writes (pack.go) store
// every object whole, so an object found in packSet is read from its
// offset in the .pack with one inflate. A delta (a pack made by git gc or
// fetched), an index packSet does not read, or anything unexpected falls
// back to go-git.

// errNotWhole is a packed object stored as a delta: go-git reads it.
var errNotWhole = errors.New("packed as a delta")

// packSetLoaded is r.packs, loaded at the first need (nil when the pack
// indexes could not be read: go-git answers then).
func (r *Repo) packSetLoaded() *packSet {
	if r.packs == nil && !r.packsFailed {
		s, err := loadPackSet(filepath.Join(r.commonDir, "objects", "pack"))
		if err != nil {
			r.packsFailed = true
		} else {
			r.packs = s
		}
	}
	return r.packs
}

// readPacked reads h from a pack packSet knows when the pack holds it
// whole; ok is false when no pack holds it. An error (a delta included)
// means: ask go-git.
func (s *packSet) read(h plumbing.Hash) (t plumbing.ObjectType, data []byte, ok bool, err error) {
	key := binary.BigEndian.Uint64(h[:8])
	for _, p := range s.packs {
		i, found := slices.BinarySearch(p.prefixes, key)
		if !found {
			continue
		}
		for ; i < len(p.prefixes) && p.prefixes[i] == key; i++ {
			off, match, err := p.offsetOf(i, h)
			if err != nil {
				return 0, nil, false, err
			}
			if !match {
				continue
			}
			t, data, err := readPackedAt(strings.TrimSuffix(p.idx, ".idx")+".pack", off)
			if err != nil {
				return 0, nil, false, err
			}
			if hashObject(t, data) != h {
				return 0, nil, false, fmt.Errorf("packed object %s at %d reads as another object", h, off)
			}
			return t, data, true, nil
		}
	}
	return 0, nil, false, nil
}

// offsetOf reads the i-th name of the index and, when it is h, the
// object's offset in the pack (version 2: names, CRCs, 4-byte offsets,
// then 8-byte offsets for those with the high bit set).
func (p *packNames) offsetOf(i int, h plumbing.Hash) (int64, bool, error) {
	f, err := os.Open(p.idx)
	if err != nil {
		return 0, false, fmt.Errorf("pack index %s: %w", p.idx, err)
	}
	defer f.Close()
	n := int64(len(p.prefixes))
	var name plumbing.Hash
	if _, err := f.ReadAt(name[:], 8+1024+int64(i)*20); err != nil {
		return 0, false, fmt.Errorf("pack index %s: %w", p.idx, err)
	}
	if name != h {
		return 0, false, nil
	}
	var b [8]byte
	if _, err := f.ReadAt(b[:4], 8+1024+n*24+int64(i)*4); err != nil {
		return 0, false, fmt.Errorf("pack index %s: %w", p.idx, err)
	}
	off := int64(binary.BigEndian.Uint32(b[:4]))
	if off&0x80000000 != 0 {
		if _, err := f.ReadAt(b[:], 8+1024+n*28+(off&0x7fffffff)*8); err != nil {
			return 0, false, fmt.Errorf("pack index %s: %w", p.idx, err)
		}
		off = int64(binary.BigEndian.Uint64(b[:]))
	}
	return off, true, nil
}

// readPackedAt reads the object at off of a pack file: its header (type,
// size) and its zlib stream, which must inflate to exactly size bytes.
func readPackedAt(pack string, off int64) (plumbing.ObjectType, []byte, error) {
	f, err := os.Open(pack)
	if err != nil {
		return 0, nil, fmt.Errorf("pack %s: %w", pack, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(io.NewSectionReader(f, off, 1<<62), 4096)
	c, err := br.ReadByte()
	if err != nil {
		return 0, nil, fmt.Errorf("pack %s at %d: %w", pack, off, err)
	}
	t := plumbing.ObjectType((c >> 4) & 7)
	size := uint64(c & 15)
	for shift := 4; c&0x80 != 0; shift += 7 {
		if shift > 60 {
			return 0, nil, fmt.Errorf("pack %s at %d: object size too large", pack, off)
		}
		if c, err = br.ReadByte(); err != nil {
			return 0, nil, fmt.Errorf("pack %s at %d: %w", pack, off, err)
		}
		size |= uint64(c&0x7f) << shift
	}
	switch t {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject, plumbing.REFDeltaObject:
		return 0, nil, errNotWhole
	default:
		return 0, nil, fmt.Errorf("pack %s at %d: object type %d", pack, off, t)
	}
	if fi, err := f.Stat(); err == nil && size > uint64(fi.Size())*1032+64 {
		// zlib cannot inflate more than about 1032 times its input
		return 0, nil, fmt.Errorf("pack %s at %d: object of %d bytes in a file of %d", pack, off, size, fi.Size())
	}
	zr, err := zlib.NewReader(br)
	if err != nil {
		return 0, nil, fmt.Errorf("pack %s at %d: %w", pack, off, err)
	}
	defer zr.Close()
	// the header's size is not trusted for an allocation (a flipped bit in
	// a large pack would ask for terabytes): the object grows as it
	// inflates, and must be exactly that size
	buf := bytes.NewBuffer(make([]byte, 0, min(size, 1<<20)))
	_, err = buf.ReadFrom(io.LimitReader(zr, int64(size)+1))
	data := buf.Bytes()
	if err != nil {
		return 0, nil, fmt.Errorf("pack %s at %d: %w", pack, off, err)
	}
	if uint64(len(data)) != size {
		return 0, nil, fmt.Errorf("pack %s at %d: object of %d bytes where its header says %d", pack, off, len(data), size)
	}
	return t, data, nil
}
