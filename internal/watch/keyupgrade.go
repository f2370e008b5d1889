package watch

import (
	"fmt"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// upgradeKeys renames, once, the snapshot files a build before today's
// keys (snapshot.Key: trimmed, the source's secrets masked) named by
// another rule, and moves their index entries, so that the run after it
// sees no change: without it, a posting whose id had white space around it
// or held the source's key looked removed and added again. The files
// store only (a database's rows are keyed by what the pipeline gave it),
// inside the run's lock, before the source is fetched (upgradeSourceKeys,
// from the fetch, on the index it loaded: no read of its own); one commit
// with its own subject (snapshot.UpgradeCommitSubject), no event, no
// notification, per source upgraded. A process upgrades a source at most
// once.
//
// A source whose upgrade fails is that source's failure (failed, by name:
// the run records it as it records a failed fetch, and does not fetch
// it); what its upgrade moved before the error is committed with the
// others', and its next run finishes the work. The error returned is the
// run's (the write phase or the commit failed).
func (r *Runner) upgradeKeys(sources []config.Source) (failed map[string]error, err error) {
	if r.store == nil {
		return nil, nil
	}
	var todo []string
	for _, src := range sources {
		if _, done := r.keysUpgraded.Load(src.Name); done {
			continue
		}
		if r.store.CheckSourceDir(src.Name) != nil {
			continue // the source's fetch reports it
		}
		if !r.store.NeedsKeyUpgrade(src.Name, r.postingRedactor(src.Name).String) {
			r.keysUpgraded.Store(src.Name, true)
			continue
		}
		todo = append(todo, src.Name)
	}
	if len(todo) == 0 {
		return nil, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.beginWrite(); err != nil {
		return nil, err
	}
	var paths, lines []string
	for _, name := range todo {
		p, err := r.store.UpgradeKeys(name, r.postingRedactor(name).String)
		if err != nil {
			if failed == nil {
				failed = map[string]error{}
			}
			failed[name] = fmt.Errorf("%s: %w", name, err)
			r.log.Error("snapshot key upgrade failed", "source", name, "error", err)
		}
		if n := len(p); n > 0 {
			paths = append(paths, p...)
			lines = append(lines, fmt.Sprintf("%s: %d %s", name, n, plural(n, "path", "paths")))
		}
	}
	if len(paths) > 0 && r.repo != nil {
		msg := snapshot.UpgradeCommitSubject + "\n\nFiles named by the rule before posting keys were trimmed and masked, moved to\ntheir keys' names; their index entries moved with them.\n\n" + strings.Join(lines, "\n") + "\n"
		if _, err := r.commit(paths, msg); err != nil {
			r.dropWrite() // the marker stays: the next run commits what moved and goes on
			return nil, err
		}
	}
	if err := r.endWrite(); err != nil {
		return nil, err
	}
	for _, name := range todo {
		if failed[name] == nil {
			r.keysUpgraded.Store(name, true)
		}
	}
	if len(paths) > 0 {
		r.log.Info("snapshot files renamed to their posting keys", "sources", len(todo)-len(failed), "paths", len(paths))
	}
	return failed, nil
}

// upgradeSourceKeys upgrades a source's keys before its fetch, when the
// index the fetch loaded (idx) holds a key of an older rule (once per
// process: a source found up to date is not looked at again), and gives
// the index to fetch with: idx, or the upgraded one read again. An error
// is the source's failure (its fetch is not made; idx counts it).
func (r *Runner) upgradeSourceKeys(src config.Source, idx snapshot.Index) (snapshot.Index, error) {
	if _, done := r.keysUpgraded.Load(src.Name); done {
		return idx, nil
	}
	if !r.store.IndexNeedsKeyUpgrade(src.Name, idx, r.postingRedactor(src.Name).String) {
		r.keysUpgraded.Store(src.Name, true)
		return idx, nil
	}
	failed, err := r.upgradeKeys([]config.Source{src})
	if err == nil {
		err = failed[src.Name]
	}
	if err != nil {
		return idx, err
	}
	return r.back.LoadIndex(src.Name)
}

// upgradeFailed is the fetch of a source whose key upgrade failed (err):
// nothing is fetched; its index, when it can be read, counts the failure
// as a failed fetch's would (health, source.failed, the run record).
func (r *Runner) upgradeFailed(src config.Source, err error) fetched {
	f := fetched{src: src, err: err}
	idx, lerr := r.back.LoadIndex(src.Name)
	if lerr != nil {
		f.loadErr = true // no state to update, as a fetch that cannot read it
		return f
	}
	f.index, f.rebuilt = idx, idx.Rebuilt
	return f
}
