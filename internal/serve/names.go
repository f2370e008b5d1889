package serve

import (
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

// namesCache keeps, per source, the names of every posting file its folder
// held in the history read (at most maxWalk commits from the HEAD it was
// first read at, and every commit since): a posting page or API read of
// an id that was never there answers at once instead of walking the whole
// history for it (review s23 F5: unknown ids cost a full walk each). It
// may hold more names than the history now has (a commit amended away), never
// fewer: a name it lacks is in no commit a history read would reach.
type namesCache struct {
	mu     sync.Mutex
	head   gitrepo.Hash // the HEAD the names were read at (zero: none)
	parent gitrepo.Hash // its first parent
	names  map[string]map[string]bool
}

// seen reports whether the source's folder held a file named name in any
// commit a history read from h's HEAD reaches.
func (h *history) seen(cache *namesCache, source, name string) (bool, error) {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.head != h.head.Hash {
		if err := h.readNames(cache); err != nil {
			return false, err
		}
	}
	set, ok := cache.names[source]
	if !ok {
		if err := h.readSourceNames(cache, source); err != nil {
			return false, err
		}
		set = cache.names[source]
	}
	return set[name], nil
}

// readNames brings the cache from the HEAD it was read at to h's HEAD: the
// commits since are read for the sources the cache holds. When the walk
// does not meet the cached HEAD (or its parent, after an amend) the cache
// starts again empty, each source read on its first ask.
func (h *history) readNames(cache *namesCache) error {
	if cache.head.IsZero() || len(cache.names) == 0 {
		cache.names = map[string]map[string]bool{}
		cache.head, cache.parent = h.head.Hash, h.head.Parent()
		return nil
	}
	met := false
	add := map[string]map[string]bool{}
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
		if c.Hash == cache.head || c.Hash == cache.parent {
			met = true
			break
		}
		if err := h.addNames(add, c, keys(cache.names)); err != nil {
			return err
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
	if !met {
		cache.names = map[string]map[string]bool{}
	} else {
		for s, set := range add {
			for n := range set {
				cache.names[s][n] = true
			}
		}
	}
	cache.head, cache.parent = h.head.Hash, h.head.Parent()
	return nil
}

// readSourceNames reads a source's names over the history a read from the
// cache's HEAD reaches (maxWalk commits, to a shallow clone's end): its
// folder is listed wherever its tree differs from the one listed last.
func (h *history) readSourceNames(cache *namesCache, source string) error {
	set := map[string]bool{}
	var last gitrepo.Hash
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
		dir, isDir, err := h.entry(c, source)
		if err != nil {
			return err
		}
		if i == 0 || dir != last {
			files, err := h.folderFiles(dir, isDir)
			if err != nil {
				return err
			}
			for n := range files {
				set[n] = true
			}
			last = dir
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
	cache.names[source] = set
	return nil
}

// addNames adds the names of commit c's folders of the sources to add.
func (h *history) addNames(add map[string]map[string]bool, c *gitrepo.Commit, sources []string) error {
	for _, s := range sources {
		dir, isDir, err := h.entry(c, s)
		if err != nil {
			return err
		}
		files, err := h.folderFiles(dir, isDir)
		if err != nil {
			return err
		}
		if add[s] == nil {
			add[s] = map[string]bool{}
		}
		for n := range files {
			add[s][n] = true
		}
	}
	return nil
}

func keys(m map[string]map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
