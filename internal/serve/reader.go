package serve

import (
	"context"
	"fmt"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Reader is what the server reads: the snapshot folder with its git
// history (Folder), or the database of store: postgres (fleet's
// ServeReader). Every view (dashboard, feeds, API, metrics) goes through
// it, so both stores render the same pages.
type Reader interface {
	// Readable reports whether the store can be read (/readyz).
	Readable() error
	// Source finds a configured source by name.
	Source(name string) (SourceConfig, bool)
	// Statuses is every configured source's status, in config order.
	Statuses() ([]Status, error)
	// SourceStatus is one configured source's status.
	SourceStatus(name string) (Status, error)
	// Listing is a source's open postings without descriptions, sorted by
	// id (Lighten).
	Listing(source string) ([]model.Posting, error)
	// Version moves whenever a source's postings change ("" when it
	// cannot be read: the listing is read again).
	Version(source string) string
	// Detail is a posting and its history, newest first; it gives up
	// when ctx ends (the client went away).
	Detail(ctx context.Context, source, id string) (Detail, error)
	// Events are the recent events, newest first.
	Events(q EventQuery) ([]Event, error)
	// OutboxDepth is the number of undelivered events.
	OutboxDepth() int
	// Unpushed counts commits not pushed yet; ok is false when there is
	// nothing to push to.
	Unpushed() (n int, ok bool, err error)
	// Now is the reader's clock.
	Now() time.Time
}

var _ Reader = (*Folder)(nil)

// Lighten drops the descriptions of postings and shares the values that
// repeat across them: what the server keeps of a listing.
func Lighten(ps []model.Posting) {
	for i := range ps {
		ps[i].Description = ""
		intern(&ps[i])
	}
}

// SourceStatus is one configured source's status.
func (f *Folder) SourceStatus(name string) (Status, error) {
	sc, ok := f.Source(name)
	if !ok {
		return Status{}, fmt.Errorf("serve: source %q: %w", name, errNoSource)
	}
	pending, err := f.Pending()
	if err != nil {
		return Status{}, err
	}
	hist, err := f.history()
	if err != nil {
		return Status{}, err
	}
	return f.status(sc, pending[name], hist)
}

// Version moves whenever the source's folder or index changes.
func (f *Folder) Version(source string) string { return f.store().Version(source) }

// Now is the folder's clock.
func (f *Folder) Now() time.Time { return f.now() }
