package watch

import "github.com/careers-watcher/careers-watcher/internal/model"

// goneRemoval is what the removal of a posting carries when neither its
// snapshot file nor a committed copy of the version its index entry
// names can be read (err: why the file could not): the newest committed
// copy of the posting from further back in the history (the file deleted
// by hand and the deletion committed, runs since), with a warning; else
// the posting's id alone, with a warning that says so. The removal is
// reported either way: the posting was listed and is no more.
func (r *Runner) goneRemoval(src, id string, hist *committed, err error) model.Posting {
	if post, ok := hist.removedCopy(src, id); ok && post.ID != "" {
		r.log.Warn("stored snapshot of a removed posting unreadable or gone: its removal carries its newest committed copy", "source", src, "posting", id, "error", err)
		return post
	}
	r.log.Warn("stored snapshot of a removed posting unreadable or gone, and no committed copy: its removal carries only its id", "source", src, "posting", id, "error", err)
	return model.Posting{ID: id, Source: src}
}
