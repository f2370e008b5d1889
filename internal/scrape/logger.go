package scrape

import "log/slog"

// Logger is the pool's logger (Options.Logger), for an adapter's warnings
// about what it left out of a listing.
func (p *Pool) Logger() *slog.Logger { return p.log }

// RedactURL is u with its secrets hidden, as the pool's own logs show URLs
// (Options.Redact).
func (p *Pool) RedactURL(u string) string { return p.opts.Redact(u) }
