package watch

import (
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// storedLinkSpelling keeps the stored spelling of a posting's link when
// the board only writes it another way (its query reordered or its
// percent-escapes re-cased, %7E for ~: normalize.SameLink): the fetched
// posting takes the stored link, so that a board flipping between
// spellings makes no rewrite, no commit and no change. A stored link an
// earlier rule kept tracking tags or a session in is not kept (the
// cleaned link is written once, quietly, as compare has it).
//
// It returns what it read of the stored version (previous's results), for
// compare's change to use rather than read the file again.
func (r *Runner) storedLinkSpelling(src string, it item, old snapshot.Entry, hist *committed) (item, *storedRead) {
	var sr storedRead
	sr.prev, sr.disk, sr.found, sr.err = r.previous(src, it.id, old.Hash, hist)
	if sr.err != nil || !sr.found {
		return it, &sr
	}
	stored := r.maskStored(src, sr.prev).URL
	if stored == it.post.URL || normalize.CleanURL(stored) != stored || !normalize.SameLink(stored, it.post.URL) {
		return it, &sr
	}
	post := *it.post
	post.URL = stored
	b, err := model.Encode(post)
	if err != nil {
		return it, &sr
	}
	it.post, it.data, it.hash = &post, b, model.Hash(b)
	return it, &sr
}

// storedRead is what previous gave for a posting's stored version.
type storedRead struct {
	prev  model.Posting
	disk  string
	found bool
	err   error
}
