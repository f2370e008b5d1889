package gitrepo

import (
	"bufio"
	"bytes"
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

// packSet answers "is this object in a pack?" for writeObject without
// go-git's pack indexes. go-git's HasEncodedObject decodes the index of
// every pack into memory (28 bytes an object, plus its tables) and keeps it
// until the next Reindex, which finishPack does after every pack it writes:
// a first cycle of a large fleet, one pack per commit, decoded every pack
// index again at each commit and held all of them, a heap that grew with the
// repository. A packSet keeps the first 8 bytes of each packed object name
// (8 bytes an object) and confirms a match against the name in the .idx file
// on disk (one read), so a missing object (the common case when writing)
// costs one binary search per pack and no I/O.
type packSet struct {
	packs []*packNames
}

// packNames are the sorted name prefixes of one pack's objects, in the
// order of its .idx (the i-th prefix is the i-th name there).
type packNames struct {
	idx      string   // path of the .idx file
	prefixes []uint64 // first 8 bytes of each object name, big-endian
}

// errIdxFormat is an index file packSet does not read; writeObject then
// falls back to go-git for the existence check.
var errIdxFormat = errors.New("unsupported pack index format")

// loadPackSet reads the names of every pack in dir (objects/pack) that has
// its index, as go-git lists them (pack-<hash>.pack).
func loadPackSet(dir string) (*packSet, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return &packSet{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list packs: %w", err)
	}
	s := &packSet{}
	for _, e := range ents {
		n := e.Name()
		if !strings.HasPrefix(n, "pack-") || !strings.HasSuffix(n, ".pack") {
			continue
		}
		idx := filepath.Join(dir, strings.TrimSuffix(n, ".pack")+".idx")
		p, err := readPackNames(idx)
		if errors.Is(err, os.ErrNotExist) {
			continue // a pack without its index is not visible (yet)
		}
		if err != nil {
			return nil, err
		}
		s.packs = append(s.packs, p)
	}
	return s, nil
}

// readPackNames reads the object names of a pack index (version 2: go-git
// reads no other) into their 8-byte prefixes.
func readPackNames(idx string) (*packNames, error) {
	f, err := os.Open(idx)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head := make([]byte, 8)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("pack index %s: %w", idx, err)
	}
	if !bytes.Equal(head[:4], []byte{0xff, 't', 'O', 'c'}) || binary.BigEndian.Uint32(head[4:]) != 2 {
		return nil, fmt.Errorf("pack index %s: %w", idx, errIdxFormat)
	}
	fan := make([]byte, 1024)
	if _, err := io.ReadFull(br, fan); err != nil {
		return nil, fmt.Errorf("pack index %s: %w", idx, err)
	}
	p := &packNames{idx: idx}
	n := binary.BigEndian.Uint32(fan[1020:])
	if fi, err := f.Stat(); err == nil && int64(n)*20 > fi.Size() {
		return nil, fmt.Errorf("pack index %s: %d objects in a file of %d bytes: %w", idx, n, fi.Size(), errIdxFormat)
	}
	p.prefixes = make([]uint64, n)
	name := make([]byte, 20)
	for i := range p.prefixes {
		if _, err := io.ReadFull(br, name); err != nil {
			return nil, fmt.Errorf("pack index %s: %w", idx, err)
		}
		p.prefixes[i] = binary.BigEndian.Uint64(name)
	}
	return p, nil
}

// add makes the objects of a pack this process wrote known (objects sorted
// by name, as writePackIndex leaves them).
func (s *packSet) add(idx string, objects []packedObject) {
	p := &packNames{idx: idx, prefixes: make([]uint64, len(objects))}
	for i := range objects {
		p.prefixes[i] = binary.BigEndian.Uint64(objects[i].hash[:8])
	}
	s.packs = append(s.packs, p)
}

// has reports whether a pack holds h. An error reading an index to confirm a
// match is returned (the caller then asks go-git).
func (s *packSet) has(h plumbing.Hash) (bool, error) {
	key := binary.BigEndian.Uint64(h[:8])
	for _, p := range s.packs {
		i, found := slices.BinarySearch(p.prefixes, key)
		if !found {
			continue
		}
		for ; i < len(p.prefixes) && p.prefixes[i] == key; i++ {
			ok, err := p.nameAt(i, h)
			if err != nil {
				return false, err
			}
			if ok {
				return true, nil
			}
		}
	}
	return false, nil
}

// nameAt reports whether the i-th name of the index is h.
func (p *packNames) nameAt(i int, h plumbing.Hash) (bool, error) {
	f, err := os.Open(p.idx)
	if err != nil {
		return false, fmt.Errorf("pack index %s: %w", p.idx, err)
	}
	defer f.Close()
	off := int64(8+1024) + int64(i)*20
	var name plumbing.Hash
	if _, err := f.ReadAt(name[:], off); err != nil {
		return false, fmt.Errorf("pack index %s: %w", p.idx, err)
	}
	return name == h, nil
}
