package watch

import (
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Backend is a store other than the snapshot folder (fleet mode's
// database, pgstore.Backend) that a Runner reads and writes through
// Options.Backend: the same fetch, normalize, guard, diff and events, but
// the write phase's events go to RecordEvents (with the routes that decide
// which notifiers are owed each) instead of the files' outbox, the store's
// EndWrite makes the write phase the truth (no git commit), and there is no
// folder lock, no run record and no delivery pass (the store's own jobs
// deliver).
type Backend interface {
	snapshot.Backend
	RecordEvents(events []notify.Event, routes []notify.Route) error
}

// presence answers whether a posting is stored, from one listing of the
// source when the store can give one (see snapshot.Store.Presence).
func (r *Runner) presence(source string) func(id string) bool {
	if p, ok := r.back.(interface {
		Presence(string) func(string) bool
	}); ok {
		return p.Presence(source)
	}
	return func(id string) bool { return r.back.Exists(source, id) }
}

// endSource tells a Backend that keeps a write phase's buffer (pgstore)
// that the source's run has made all its writes, so that another run of
// the source in the same write phase (a worker's jobs share one) is a
// batch of its own, checked against what that run read; a Backend that
// applies a source's batch as it ends does it now. written is false when
// it did not write the batch: another run wrote the source since this
// run read it (err nil), or the store refused it (err).
func (r *Runner) endSource(source string) (written bool, err error) {
	if e, ok := r.back.(interface{ EndSource(string) }); ok {
		e.EndSource(source)
	}
	if a, ok := r.back.(interface {
		ApplySource(string) (bool, error)
	}); ok {
		return a.ApplySource(source)
	}
	return true, nil
}

// dropSource tells a Backend that keeps a write phase's buffer that the
// source's run stopped before its last write (an error, a signal, its job's
// deadline): what it buffered is discarded, not applied half-written with
// the other runs' batches; the next run of the source detects the same
// changes again, with the same event ids.
func (r *Runner) dropSource(source string) {
	if d, ok := r.back.(interface{ DropSource(string) }); ok {
		d.DropSource(source)
	}
}
