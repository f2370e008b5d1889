package serve

import (
	"context"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

// chainCache holds the commits of the HEAD's first-parent chain that a
// cursor check has walked: an events cursor names a commit, and only a
// commit of that chain is one the events' history holds (a commit amended
// or reset away stays in the object store until gc, and a commit of
// another branch is there too). The chain is walked as far as a cursor
// needs and kept for the next page; a HEAD that moved on from the cached
// one (a run's commit), or that amended it (a run folding its outbox into
// its commit), extends it; any other HEAD starts it anew.
//
// The cache holds hashes only, no commit objects: a commit object holds
// the repository it was read from, with that request's object cache.
type chainCache struct {
	mu     sync.Mutex
	head   gitrepo.Hash // the HEAD the walk is of
	parent gitrepo.Hash // its first parent
	seen   map[gitrepo.Hash]struct{}
	tip    gitrepo.Hash // the next commit to walk; zero at the chain's end
	budget int          // the commits a check walks before the time cut (0: maxWalk; tests set less)
}

// chainSkew is how much older than a cursor's commit a commit of the
// chain may be with the cursor's commit still below it: commit times
// along the chain go back in time, but the clocks that wrote them may
// have been corrected.
const chainSkew = time.Hour

// onChain tells whether the commit at is on the first-parent chain of h's
// HEAD. After maxWalk commits, the walk stops where the chain is older
// than at by more than chainSkew: a commit off the chain (amended away,
// of another branch) costs no walk of the whole history (review s28 F7),
// and a clock that ran ahead or behind at a commit within maxWalk of the
// walk's start does not hide the commits below it (review s29 F4).
func (cc *chainCache) onChain(ctx context.Context, h *history, at *gitrepo.Commit) (bool, error) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.seen == nil || cc.head != h.head.Hash {
		if err := cc.moveTo(h); err != nil {
			return false, err
		}
	}
	if _, ok := cc.seen[at.Hash]; ok {
		return true, nil
	}
	walked, budget := 0, cc.budget
	if budget <= 0 {
		budget = maxWalk
	}
	for !cc.tip.IsZero() {
		if err := ctx.Err(); err != nil {
			return false, err // the walk so far stays: the next cursor goes on from it
		}
		c, ok, err := h.hist.CommitAt(cc.tip.String())
		if err != nil {
			return false, err
		}
		if !ok {
			cc.tip = gitrepo.Hash{} // gone from the store: the chain ends here
			break
		}
		if walked++; walked > budget && c.When.Before(at.When.Add(-chainSkew)) {
			return false, nil // older than the cursor: it is not further down
		}
		cc.seen[c.Hash] = struct{}{}
		cc.tip = c.Parent()
		if h.hist.Cut(c) {
			cc.tip = gitrepo.Hash{} // a shallow clone's oldest commit
		}
		if c.Hash == at.Hash {
			return true, nil
		}
	}
	return false, nil
}

// moveTo makes h's HEAD the cache's: the commits from it down to the cached
// HEAD join the walked ones when the old HEAD is on the new chain within
// maxWalk commits. When the walk meets the old HEAD's parent instead (the
// old HEAD was amended), the old HEAD leaves the walked ones (review s28
// F6). Otherwise the walk starts again from the new HEAD.
func (cc *chainCache) moveTo(h *history) error {
	if cc.seen != nil {
		var added []gitrepo.Hash
		c := h.head
		for i := 0; c != nil && i < maxWalk; i++ {
			if c.Hash == cc.head || (!cc.parent.IsZero() && c.Hash == cc.parent) {
				if c.Hash != cc.head {
					delete(cc.seen, cc.head)
					if cc.tip == cc.head {
						cc.tip = c.Hash // nothing below the amended HEAD walked yet
					}
				}
				for _, a := range added {
					cc.seen[a] = struct{}{}
				}
				cc.head, cc.parent = h.head.Hash, h.head.Parent()
				return nil
			}
			added = append(added, c.Hash)
			p, err := h.parent(c)
			if err != nil {
				return err
			}
			c = p
		}
	}
	cc.head, cc.parent = h.head.Hash, h.head.Parent()
	cc.seen = map[gitrepo.Hash]struct{}{}
	cc.tip = h.head.Hash
	return nil
}
