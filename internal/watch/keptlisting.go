package watch

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A quiet run of a source whose listing answers, page for page and byte
// for byte, what it answered in the last run that recorded it keeps every
// stored posting without decoding the listing (scrape.Client.SamePage: the
// adapter says scrape.ErrNotModified, as a 304 does). That is the outcome
// the full path would reach, and only when it provably is:
//
//   - the pages' digests are bound to the program's build (its Go build
//     ID: another build may decode the same bytes otherwise), to the
//     normalizer's version and to the source's settings (a changed URL,
//     domain, team, company or any other key: the full path);
//   - the last run that recorded them recorded, beside them, the digest of
//     the (posting key, stamp) pairs the listing gave it (listedKey), and
//     only when each of its postings was stored under its listing's stamp:
//     no posting without a stamp (its detail is read every run), no id
//     listed twice or left out as overlong, no detail that failed (new or
//     known: read again next run), no suspicious listing. This run keeps
//     the listing's pages only when the index's postings that are not
//     missing are exactly those pairs again: an index edited, restored or
//     written by another version differs, and the full path runs;
//   - the index is not rebuilt, holds no flagged posting (a stopped run's,
//     see anyMoved), is of this normalizer version, and every posting it
//     keeps has its file there at the size the index recorded (the same
//     check as the full path's storedCheck: a file edited or removed by
//     hand takes the full path, which rewrites or restores it);
//   - postings missing from the listing (removal pending) are what they
//     were: not listed, their count moves on as in the full path (compare).
//
// With all of that, the full path would have found every listed posting
// by its stamp, kept it, and read no detail: the same plan, without the
// decode, the items' maps and the diff.

// listedKey is the validators' entry of the listed postings' digest (a key
// no URL is).
const listedKey = "listing:"

// listingVersion moves when what the digests cover changes.
const listingVersion = "1"

// listingSalt is what a source's listing digests are bound to besides the
// bodies; "" (nothing recorded, nothing kept) when the build is unknown or
// the settings cannot be written down.
func listingSalt(src config.Source, version string) string {
	build := programBuild()
	if build == "" {
		return ""
	}
	src.Line = 0 // where it is in the file is no setting
	b, err := json.Marshal(src)
	if err != nil {
		return ""
	}
	h := sha256.New()
	for _, s := range [][]byte{[]byte(listingVersion), []byte(build), []byte(version), b} {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write(s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// listedDigest is the digest of (key, stamp) pairs under salt, in key
// order.
func listedDigest(salt string, pairs [][2]string) string {
	slices.SortFunc(pairs, func(a, b [2]string) int {
		if a[0] < b[0] {
			return -1
		}
		if a[0] > b[0] {
			return 1
		}
		return 0
	})
	h := sha256.New()
	h.Write([]byte(salt))
	var n [8]byte
	for _, p := range pairs {
		for _, s := range p {
			binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
			h.Write(n[:])
			h.Write([]byte(s))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// itemsListed is the digest of a full fetch's postings, when the next run
// may keep them on the same listing (see above); "" when not.
func itemsListed(salt string, items []item, dupes, overlong, detailFailures int) string {
	if salt == "" || dupes > 0 || overlong > 0 || detailFailures > 0 {
		return ""
	}
	pairs := make([][2]string, 0, len(items))
	for _, it := range items {
		if it.stamp == "" {
			return ""
		}
		pairs = append(pairs, [2]string{it.id, it.stamp})
	}
	return listedDigest(salt, pairs)
}

// recordsPages reports whether v holds a listing page's digest (an
// adapter that records its pages, see scrape.Client.SamePage): only then
// is the listed postings' digest worth keeping beside them.
func recordsPages(v scrape.Validators) bool {
	for k, val := range v {
		if k != listedKey && val.Digest != "" {
			return true
		}
	}
	return false
}

// keepable is what the source's stored postings would be as items when the
// listing proves the same as the last run's (see above), with the digest
// they answer to; nil when that may not be (the full path then). It stats
// the kept postings' files (stored: storedCheck's).
func (r *Runner) keepable(idx snapshot.Index, version string, v scrape.Validators, salt string, stored func(string, snapshot.Entry) (int64, bool)) ([]item, string) {
	if salt == "" || r.store == nil || r.opts.DryRun || idx.Rebuilt || idx.Normalizer != version || len(idx.Postings) == 0 || anyMoved(idx) {
		return nil, ""
	}
	want := v[listedKey].Digest
	if want == "" {
		return nil, ""
	}
	pairs := make([][2]string, 0, len(idx.Postings))
	for id, e := range idx.Postings {
		if e.Missing > 0 {
			continue
		}
		if e.Stamp == "" || e.Size <= 0 {
			return nil, ""
		}
		pairs = append(pairs, [2]string{id, e.Stamp})
	}
	if len(pairs) == 0 || listedDigest(salt, pairs) != want {
		return nil, ""
	}
	items := make([]item, 0, len(pairs))
	for _, p := range pairs {
		e := idx.Postings[p[0]]
		size, intact := stored(p[0], e)
		if !intact {
			return nil, ""
		}
		items = append(items, item{id: p[0], stamp: e.Stamp, keep: true, onDisk: true, hash: e.Hash, size: size})
	}
	return items, want
}

// programBuild is the running program's Go build ID ("" when it cannot be
// read): it changes with any change to the code it was built from.
var programBuild = sync.OnceValue(readBuildID)

// readBuildID reads the Go build ID from the start of the executable: an
// ELF note named "Go" of type 4, or the text marker other formats carry
// (as cmd/internal/buildid finds it).
func readBuildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	b := make([]byte, 32<<10)
	n, err := io.ReadFull(f, b)
	if err != nil && err != io.ErrUnexpectedEOF {
		return ""
	}
	return buildIDIn(b[:n])
}

// buildIDIn finds the Go build ID in the first bytes of an executable.
func buildIDIn(b []byte) string {
	name := []byte("Go\x00\x00")
	for off := 0; ; {
		i := bytes.Index(b[off:], name)
		if i < 0 {
			break
		}
		i += off
		off = i + 1
		if i < 12 {
			continue
		}
		namesz := binary.LittleEndian.Uint32(b[i-12:])
		descsz := int(binary.LittleEndian.Uint32(b[i-8:]))
		typ := binary.LittleEndian.Uint32(b[i-4:])
		if namesz == 4 && typ == 4 && descsz > 0 && descsz < 1024 && i+4+descsz <= len(b) {
			return string(b[i+4 : i+4+descsz])
		}
	}
	marker := []byte("\xff Go build ID: \"")
	if i := bytes.Index(b, marker); i >= 0 {
		rest := b[i+len(marker):]
		if j := bytes.IndexByte(rest, '"'); j > 0 && j < 1024 {
			return string(rest[:j])
		}
	}
	return ""
}
