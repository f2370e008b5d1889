package scrape

// Stateful is an adapter that keeps a small state between runs, such as
// which of a platform's listing interfaces a source answers. The runner
// hands it the state saved after the source's last successful run before
// List, and saves what SaveState returns after a successful run (a file
// under the snapshot folder's .watcher/, committed with the snapshots, so a
// one-shot CI job keeps it).
type Stateful interface {
	Adapter
	// LoadState takes the saved state; nil when none was saved. A state it
	// cannot read is ignored (the adapter starts afresh).
	LoadState(b []byte)
	// SaveState is the state to keep after a successful List; nil: none.
	SaveState() []byte
	// Reshaped reports whether the last List read the source through
	// another interface than the one the stored snapshots were made from:
	// the postings are the same and only their representation may differ,
	// so the runner writes their differences without events (as it does a
	// re-normalization).
	Reshaped() bool
}
