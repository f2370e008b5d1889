package gitrepo

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
)

// packMin is the number of new objects from which a commit writes them as
// one pack file instead of one loose object each (git keeps what a fetch
// brings as a pack from 100 objects on: transfer.unpackLimit). A first
// cycle of thousands of postings then makes two files, not one per blob;
// a commit of few new objects stays loose, however many paths it names (a
// run over many sources names every source's index and README), so packs
// do not pile up run after run.
const packMin = 100

// pendingObjects are a commit's first new objects, held in memory until
// packMin of them start a pack (they go in first) or the commit ends with
// fewer (they are written loose).
type pendingObjects struct {
	objects []pendingObject
	seen    map[plumbing.Hash]bool
}

type pendingObject struct {
	t    plumbing.ObjectType
	h    plumbing.Hash
	data []byte
}

func (p *pendingObjects) add(t plumbing.ObjectType, h plumbing.Hash, data []byte) {
	p.objects = append(p.objects, pendingObject{t: t, h: h, data: bytes.Clone(data)})
	p.seen[h] = true
}

// packWriter writes the objects of one commit into a pack file (version 2,
// every object whole, no deltas) under objects/pack, and its index (version
// 2) when the commit is done. Until then the objects are invisible to
// readers: nothing in the commit reads back an object it wrote (the trees
// it built are kept in memory, see keepTrees).
type packWriter struct {
	dir     string   // objects/pack
	f       *os.File // tmp_pack_*
	w       *bufio.Writer
	off     int64 // bytes written to f
	crc     hash.Hash32
	zw      *zlib.Writer
	objects []packedObject
	seen    map[plumbing.Hash]bool
	base    string // objects/pack/pack-<sum>, once finished
}

type packedObject struct {
	hash plumbing.Hash
	off  int64
	crc  uint32
}

// packTypes are the object type numbers of a pack entry's header.
var packTypes = map[plumbing.ObjectType]byte{
	plumbing.CommitObject: 1,
	plumbing.TreeObject:   2,
	plumbing.BlobObject:   3,
}

// startPack opens a temporary pack file in objects/pack (git's own name
// for one being written: tmp_pack_*).
func (r *Repo) startPack() (*packWriter, error) {
	dir := filepath.Join(r.commonDir, "objects", "pack")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("start pack: %w", err)
	}
	f, err := os.CreateTemp(dir, "tmp_pack_")
	if err != nil {
		return nil, fmt.Errorf("start pack: %w", err)
	}
	p := &packWriter{dir: dir, f: f, w: bufio.NewWriterSize(f, 256<<10), crc: crc32.NewIEEE(), seen: map[plumbing.Hash]bool{}}
	// the header's object count is written when the pack is finished
	if _, err := p.w.Write([]byte{'P', 'A', 'C', 'K', 0, 0, 0, 2, 0, 0, 0, 0}); err != nil {
		p.abort()
		return nil, fmt.Errorf("start pack: %w", err)
	}
	p.off = 12
	return p, nil
}

// has reports whether the pack holds h already.
func (p *packWriter) has(h plumbing.Hash) bool { return p.seen[h] }

// add appends an object: its header (type and size) and its zlib stream.
func (p *packWriter) add(t plumbing.ObjectType, h plumbing.Hash, data []byte) error {
	typ, ok := packTypes[t]
	if !ok {
		return fmt.Errorf("pack: object type %s", t)
	}
	p.crc.Reset()
	out := io.MultiWriter(p.w, p.crc)
	// type and size: 4 bits of size in the first byte, then 7 per byte
	size := uint64(len(data))
	hdr := []byte{typ<<4 | byte(size&0x0f)}
	size >>= 4
	for size > 0 {
		hdr[len(hdr)-1] |= 0x80
		hdr = append(hdr, byte(size&0x7f))
		size >>= 7
	}
	cw := &countWriter{w: out}
	if _, err := cw.Write(hdr); err != nil {
		return err
	}
	if p.zw == nil {
		p.zw, _ = zlib.NewWriterLevel(cw, zlib.BestSpeed)
	} else {
		p.zw.Reset(cw)
	}
	if _, err := p.zw.Write(data); err != nil {
		return err
	}
	if err := p.zw.Close(); err != nil {
		return err
	}
	p.objects = append(p.objects, packedObject{hash: h, off: p.off, crc: p.crc.Sum32()})
	p.seen[h] = true
	p.off += cw.n
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// finish completes the pack (the object count in its header, its SHA-1
// trailer), writes its index, and renames both into place, the pack first:
// a pack without its index is ignored by git and go-git, so a stop between
// the two renames leaves no object half-visible. The caller makes them
// durable (syncBeforeRef) before any ref names them. An empty pack is
// removed.
func (p *packWriter) finish() (err error) {
	defer func() {
		if err != nil {
			p.abort()
		}
	}()
	if len(p.objects) == 0 {
		p.abort()
		return nil
	}
	if err := p.w.Flush(); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	var count [4]byte
	binary.BigEndian.PutUint32(count[:], uint32(len(p.objects)))
	if _, err := p.f.WriteAt(count[:], 8); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	// the trailer: SHA-1 of everything before it (read back: the header
	// changed after the objects were written)
	sum := sha1.New()
	if _, err := p.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	if _, err := io.Copy(sum, p.f); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	trailer := sum.Sum(nil)
	if _, err := p.f.Write(trailer); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	if err := p.f.Chmod(0o444); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	if err := p.f.Close(); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}

	idx, err := os.CreateTemp(p.dir, "tmp_idx_")
	if err != nil {
		return fmt.Errorf("write pack index: %w", err)
	}
	defer func() {
		if err != nil {
			idx.Close()
			os.Remove(idx.Name())
		}
	}()
	if err := writePackIndex(idx, p.objects, trailer); err != nil {
		return fmt.Errorf("write pack index: %w", err)
	}
	if err := idx.Chmod(0o444); err != nil {
		return fmt.Errorf("write pack index: %w", err)
	}
	if err := idx.Close(); err != nil {
		return fmt.Errorf("write pack index: %w", err)
	}
	base := filepath.Join(p.dir, "pack-"+hex.EncodeToString(trailer))
	if err := os.Rename(p.f.Name(), base+".pack"); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	if err := os.Rename(idx.Name(), base+".idx"); err != nil {
		os.Remove(base + ".pack")
		return fmt.Errorf("write pack index: %w", err)
	}
	p.base = base
	return nil
}

// abort drops an unfinished pack.
func (p *packWriter) abort() {
	p.f.Close()
	os.Remove(p.f.Name())
}

// writePackIndex writes a pack index, version 2: the fan-out table, the
// sorted object names, their CRC-32s, their offsets (those past 2 GiB in a
// table of 64-bit offsets), the pack's checksum and the index's own.
func writePackIndex(f io.Writer, objects []packedObject, packSum []byte) error {
	slices.SortFunc(objects, func(a, b packedObject) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	sum := sha1.New()
	w := bufio.NewWriter(io.MultiWriter(f, sum))
	be := binary.BigEndian
	var b4 [4]byte
	put := func(v uint32) {
		be.PutUint32(b4[:], v)
		w.Write(b4[:])
	}
	w.Write([]byte{0xff, 't', 'O', 'c'})
	put(2)
	var fan [256]uint32
	for _, o := range objects {
		fan[o.hash[0]]++
	}
	n := uint32(0)
	for i := range fan {
		n += fan[i]
		put(n)
	}
	for _, o := range objects {
		w.Write(o.hash[:])
	}
	for _, o := range objects {
		put(o.crc)
	}
	var large []int64
	for _, o := range objects {
		if o.off < 1<<31 {
			put(uint32(o.off))
			continue
		}
		put(1<<31 | uint32(len(large)))
		large = append(large, o.off)
	}
	for _, off := range large {
		var b8 [8]byte
		be.PutUint64(b8[:], uint64(off))
		w.Write(b8[:])
	}
	w.Write(packSum)
	if err := w.Flush(); err != nil {
		return err
	}
	_, err := f.Write(sum.Sum(nil))
	return err
}
