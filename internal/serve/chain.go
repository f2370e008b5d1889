package serve

import (
	"context"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

// chainCache holds the commits of the HEAD's first-parent chain that a
// cursor check has walked: an events cursor names a commit, and only a
// commit of that chain is one the events' history holds (a commit amended
// or reset away stays in the object store until gc, and a commit of
// another branch is there too). The chain is walked as far as a cursor
// needs and kept for the next page; a HEAD that moved on from the cached
// one (a run's commit) extends it, any other HEAD starts it anew.
type chainCache struct {
	mu   sync.Mutex
	head gitrepo.Hash
	seen map[gitrepo.Hash]struct{}
	tip  *gitrepo.Commit // the next commit to walk; nil at the chain's end
}

// onChain tells whether the commit named hash is on the first-parent chain
// of h's HEAD.
func (cc *chainCache) onChain(ctx context.Context, h *history, hash gitrepo.Hash) (bool, error) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.seen == nil || cc.head != h.head.Hash {
		if err := cc.moveTo(h); err != nil {
			return false, err
		}
	}
	if _, ok := cc.seen[hash]; ok {
		return true, nil
	}
	for cc.tip != nil {
		if err := ctx.Err(); err != nil {
			return false, err // the walk so far stays: the next cursor goes on from it
		}
		c := cc.tip
		cc.seen[c.Hash] = struct{}{}
		p, err := h.parent(c)
		if err != nil {
			return false, err
		}
		cc.tip = p
		if c.Hash == hash {
			return true, nil
		}
	}
	return false, nil
}

// moveTo makes h's HEAD the cache's: the commits from it down to the cached
// HEAD join the walked ones when the old HEAD is on the new chain within
// maxWalk commits; otherwise the walk starts again from the new HEAD.
func (cc *chainCache) moveTo(h *history) error {
	if cc.seen != nil {
		var added []gitrepo.Hash
		c := h.head
		for i := 0; c != nil && i < maxWalk; i++ {
			if c.Hash == cc.head {
				for _, a := range added {
					cc.seen[a] = struct{}{}
				}
				cc.head = h.head.Hash
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
	cc.head = h.head.Hash
	cc.seen = map[gitrepo.Hash]struct{}{}
	cc.tip = h.head
	return nil
}
