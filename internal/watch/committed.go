package watch

import (
	"errors"
	"path/filepath"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// maxCommitsBack is how many commits (HEAD and its first parents) are
// looked at for the version of a posting the index has: after a run stopped
// while writing, the next run's recovery commit is HEAD and the version
// before it is one commit further back (a few more when delivery commits
// came in between).
const maxCommitsBack = 8

// committed finds the committed version of postings whose snapshot file no
// longer holds the version the index records: a run stopped (or failed)
// after rewriting or removing the file and before saving the index, so the
// file (and, once the next run's recovery has committed it, HEAD) already
// has the new version. It opens the snapshot folder's history on first use
// (one per source's comparison).
type committed struct {
	r      *Runner
	opened bool
	h      *gitrepo.History
}

// version is the posting's version whose content hash is hash, from HEAD
// or one of its last first parents; ok is false when none of them has it
// (or there is no repository).
func (c *committed) version(src, id, hash string) (post model.Posting, ok bool) {
	post, _, ok = c.find(src, id, hash)
	return post, ok
}

// latest is the posting's newest committed version that decodes, from
// HEAD or one of its last first parents (a file committed unreadable is
// passed over), with its content hash; ok is false when there is none.
func (c *committed) latest(src, id string) (post model.Posting, hash string, ok bool) {
	return c.find(src, id, "")
}

// removedCopy is the newest committed version of a posting whose file
// is gone when it is removed (deleted by hand, the deletion committed or
// not): its removal carries what the posting was. It looks further back
// than latest, at most maxCommitsBackGone commits: one search per such
// removal, which is rare.
func (c *committed) removedCopy(src, id string) (post model.Posting, ok bool) {
	post, _, ok = c.search(src, id, "", maxCommitsBackGone)
	return post, ok
}

// maxCommitsBackGone bounds removedCopy's walk.
const maxCommitsBackGone = 2000

// find is version's search; hash "" takes the newest that decodes.
func (c *committed) find(src, id, hash string) (post model.Posting, found string, ok bool) {
	return c.search(src, id, hash, maxCommitsBack)
}

// search is find looking at most back commits back.
func (c *committed) search(src, id, hash string, back int) (post model.Posting, found string, ok bool) {
	if c.r.store == nil {
		return post, "", false
	}
	b, ok := c.blob(c.r.store.PostingPath(src, id), hash, back)
	if !ok {
		return post, "", false
	}
	post, _ = model.Decode(b)
	return post, model.Hash(b), true
}

// open opens the snapshot folder's history on first use; false when there
// is none to read (no repository, a database store, unreadable).
func (c *committed) open() bool {
	r := c.r
	// a dry run opens no repository (it writes nothing) but reads the
	// history as the run it previews does: a stopped run's rewritten file
	// is compared with its committed version (review s20 F14)
	if r.store == nil || r.repo == nil && !(r.opts.DryRun && r.cfg.Git.Commit) {
		return false
	}
	if !c.opened {
		c.opened = true
		h, err := gitrepo.OpenHistory("", r.store.Dir)
		if err != nil {
			if !errors.Is(err, gitrepo.ErrNoRepository) {
				r.log.Warn("snapshot history unreadable: a rewritten snapshot is compared as it is on disk", "error", err)
			}
			return false
		}
		c.h = h
	}
	return c.h != nil
}

// blob is the bytes of the file at path (in the snapshot folder) as HEAD
// or one of its last back first parents has them: the newest that decode as a
// posting whose content hash is hash ("": any). ok is false when none
// does (or the history cannot be read).
func (c *committed) blob(path, hash string, back int) (b []byte, ok bool) {
	if !c.open() {
		return nil, false
	}
	rel, err := filepath.Rel(c.r.store.Dir, path)
	if err != nil {
		return nil, false
	}
	rel = filepath.ToSlash(rel)
	commit, err := c.h.Head()
	var seen gitrepo.Hash
	for n := 0; err == nil && commit != nil && n < back; n++ {
		e, found, lerr := c.h.Lookup(commit, rel)
		if lerr != nil {
			break
		}
		if found && e.File && e.Hash != seen {
			seen = e.Hash
			b, berr := c.h.Blob(e.Hash)
			if berr == nil && (hash == "" || model.Hash(b) == hash) {
				if _, derr := model.Decode(b); derr == nil {
					return b, true
				}
			}
		}
		if c.h.Cut(commit) {
			break
		}
		commit, err = c.h.Parent(commit)
	}
	return nil, false
}
