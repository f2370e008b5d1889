package serve

import (
	"context"
	"fmt"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

// namesCache keeps, per source, the name of every posting file its
// folder held in the history read (at most maxWalk commits from the HEAD
// it was first read at, and every commit since), each with the oldest
// commit that held it. A posting's history walks back from HEAD to that
// commit and no further, and a read of an id that was never there answers
// at once, instead of walking the whole history for each (review s23 F5).
// It may hold a name only an amended-away commit had, never lack one.
type namesCache struct {
	mu     sync.Mutex
	head   gitrepo.Hash // the HEAD the names were read at (zero: none)
	parent gitrepo.Hash // its first parent
	// source -> name -> the oldest commit read whose folder held the name
	names map[string]map[string]gitrepo.Hash
}

// oldest is the oldest commit of the history from h's HEAD whose source
// folder held a file named name (within maxWalk commits of the HEAD the
// cache was first read at, to a shallow clone's end); ok is false when no
// commit did.
func (h *history) oldest(ctx context.Context, cache *namesCache, source, name string) (gitrepo.Hash, bool, error) {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.head != h.head.Hash {
		if err := h.readNames(ctx, cache); err != nil {
			return gitrepo.Hash{}, false, err
		}
	}
	set, ok := cache.names[source]
	if !ok {
		var err error
		if set, err = h.readSourceNames(ctx, source); err != nil {
			return gitrepo.Hash{}, false, err
		}
		cache.names[source] = set
	}
	c, ok := set[name]
	return c, ok, nil
}

// readNames brings the cache from the HEAD it was read at to h's HEAD: the
// commits since are listed for the sources the cache holds. After an amend
// of the cached HEAD (the walk meets its parent), a name the amended-away
// commit held first is dropped unless a new commit holds it. When the
// walk meets neither, the cache starts again empty, each source read on
// its first ask.
func (h *history) readNames(ctx context.Context, cache *namesCache) error {
	renew := func() {
		cache.names = map[string]map[string]gitrepo.Hash{}
		cache.head, cache.parent = h.head.Hash, h.head.Parent()
	}
	if cache.head.IsZero() || len(cache.names) == 0 {
		renew()
		return nil
	}
	var met gitrepo.Hash
	add := map[string]map[string]gitrepo.Hash{} // the new commits' names, oldest commit last written
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("serve: history's file names: %w", err) // the cache as it was
		}
		if c.Hash == cache.head || c.Hash == cache.parent {
			met = c.Hash
			break
		}
		for s := range cache.names {
			dir, isDir, err := h.entry(c, s)
			if err != nil {
				return err
			}
			files, err := h.folderFiles(dir, isDir)
			if err != nil {
				return err
			}
			if add[s] == nil {
				add[s] = map[string]gitrepo.Hash{}
			}
			for n := range files {
				add[s][n] = c.Hash
			}
		}
		if h.hist.Cut(c) {
			break
		}
		par, err := h.parent(c)
		if err != nil {
			return err
		}
		c = par
	}
	if met.IsZero() {
		renew()
		return nil
	}
	for s, set := range cache.names {
		if met == cache.parent && met != cache.head {
			for n, first := range set {
				if first == cache.head {
					delete(set, n) // held first by the amended-away commit
				}
			}
		}
		for n, first := range add[s] {
			if _, ok := set[n]; !ok {
				set[n] = first
			}
		}
	}
	cache.head, cache.parent = h.head.Hash, h.head.Parent()
	return nil
}

// readSourceNames lists a source's folder over the history from h's HEAD
// (maxWalk commits, to a shallow clone's end) wherever its tree differs
// from the one listed before: each name with the oldest commit that held
// it.
func (h *history) readSourceNames(ctx context.Context, source string) (map[string]gitrepo.Hash, error) {
	set := map[string]gitrepo.Hash{}
	var last, prev gitrepo.Hash // the tree listed last; the commit read before c
	var files map[string]gitrepo.Hash
	// the names of a run of commits with one tree go to the run's oldest
	// commit (each listing is written once, where its run ends)
	runEnds := func(at gitrepo.Hash) {
		for n := range files {
			set[n] = at
		}
	}
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("serve: file names of %s: %w", source, err) // not cached
		}
		dir, isDir, err := h.entry(c, source)
		if err != nil {
			return nil, err
		}
		if i == 0 || dir != last {
			if i > 0 {
				runEnds(prev)
			}
			if files, err = h.folderFiles(dir, isDir); err != nil {
				return nil, err
			}
			last = dir
		}
		prev = c.Hash
		if h.hist.Cut(c) {
			break
		}
		par, err := h.parent(c)
		if err != nil {
			return nil, err
		}
		c = par
	}
	runEnds(prev)
	return set, nil
}
