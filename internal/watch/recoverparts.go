package watch

import (
	"fmt"
	"slices"
)

// recoverPart is how many paths one commit of a recovery names: the
// recovery names every file of the folder (most of them clean), and a
// commit holds about 1.4 KB of heap a path it names (the relative
// paths, the index's interest set, the staged changes and stat data, the
// trees it rebuilds), 430 MB for a folder of 300,000 postings in one
// commit. In parts the commit's memory is bounded by the part, and what
// grows with the folder is the list of paths (about 100 bytes a path).
// Four times the run's part: a part of mostly clean files costs a read
// and a rewrite of git's index, not a read of each file.
func (r *Runner) recoverPart() int { return 4 * r.commitEvery() }

// commitRecovery commits paths (absolute) in parts of recoverPart, in
// path order, so that a part covers whole folders. A part whose files
// all match HEAD makes no commit (it only puts their index entries
// right), so a folder whose stopped run left a few changes gets one
// commit, or one per part that has some. A failure stops at that part:
// the run marker stays, and the next run's recovery commits the rest.
func (r *Runner) commitRecovery(paths []string, msg string) error {
	slices.Sort(paths)
	paths = slices.Compact(paths)
	n := r.recoverPart()
	parts := (len(paths) + n - 1) / n
	for i := 0; i < parts; i++ {
		part := paths[i*n : min((i+1)*n, len(paths)) : min((i+1)*n, len(paths))] // clipped: commit appends
		m := msg
		if parts > 1 {
			m = fmt.Sprintf("%s\nPart %d of %d of the folder's %s files.\n", msg, i+1, parts, thousands(len(paths)))
		}
		if _, err := r.commit(part, m); err != nil {
			return err
		}
	}
	return nil
}
