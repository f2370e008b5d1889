package watch

import (
	"errors"
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// upgradeKeys renames, once, the snapshot files of a source (name) that a
// build before today's keys (snapshot.Key: trimmed, the source's secrets
// masked) named by another rule, and moves their index entries, so that
// the run after it sees no change: without it, a posting whose id had
// white space around it or held the source's key looked removed and added
// again. The files store only (a database's rows are keyed by what the
// pipeline gave it), inside the run's lock, before the source is fetched;
// upgradeSourceKeys decides it is needed on the index the fetch loaded
// (no read of its own). One commit with its own subject
// (snapshot.UpgradeCommitSubject), no event, no notification.
//
// An error is the source's failure (the run records it as it records a
// failed fetch, and does not fetch it). What the upgrade moved before an
// error of its own is committed, and the next run finishes the work. When
// the commit fails, the run marker stays (dropWrite), also past the end of
// the run's other writes: the next run's recovery commits the renames
// (the index on disk already names the new keys, so no upgrade would).
func (r *Runner) upgradeKeys(name string) error {
	mask := r.postingRedactor(name).String
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.beginWrite(); err != nil {
		return fmt.Errorf("%s: key upgrade: %w", name, err)
	}
	paths, uerr := r.store.UpgradeKeys(name, mask)
	if uerr != nil {
		r.log.Error("snapshot key upgrade failed", "source", name, "error", uerr)
	}
	if n := len(paths); n > 0 && r.repo != nil {
		msg := snapshot.UpgradeCommitSubject + "\n\nFiles named by an older rule (before posting keys were trimmed and masked, or\nbefore ids with capital letters got names that differ beyond case), moved to\ntheir keys' names; their index entries moved with them.\n\n" + fmt.Sprintf("%s: %d %s", name, n, plural(n, "path", "paths")) + "\n"
		if n == 1 && paths[0] == r.store.IndexPath(name) {
			// every file had its key's name already (an id with a capital
			// letter and a character no plain name has, "A b", was hashed
			// by the older rule too): only the index's record of the rule
			msg = snapshot.UpgradeCommitSubject + "\n\nNo file moved: every snapshot file already had its key's name. The index now\nrecords the file naming rule (\"names\"), so that no later run looks again.\n\n" + name + ": the index only\n"
		}
		if _, err := r.commit(paths, msg); err != nil {
			// the marker stays: the next run commits what moved and goes on
			return errors.Join(fmt.Errorf("%s: key upgrade: %w", name, err), r.dropWrite())
		}
	}
	if err := r.endWrite(); err != nil {
		return fmt.Errorf("%s: key upgrade: %w", name, err)
	}
	if uerr != nil {
		return fmt.Errorf("%s: %w", name, uerr)
	}
	r.keysUpgraded.Store(name, true)
	if len(paths) > 0 {
		r.log.Info("snapshot files renamed to their posting keys", "source", name, "paths", len(paths))
	}
	return nil
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
	if err := r.upgradeKeys(src.Name); err != nil {
		return idx, err
	}
	return r.back.LoadIndex(src.Name)
}
