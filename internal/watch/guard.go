package watch

import (
	"context"
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// policy is how cautious the watcher is with one source.
type policy struct {
	removeAfter int     // successful runs a posting must be missing from before it is reported removed
	failAfter   int     // failed runs in a row before source.failed
	maxShrink   float64 // share of the listing that may vanish at once
	allowShrink bool    // accept any shrink
}

// minShrinkBase is the smallest listing the share rule applies to; smaller
// ones are guarded only against dropping to zero.
const minShrinkBase = 10

func (r *Runner) policy(src config.Source) policy {
	g := r.cfg.Guard
	p := policy{removeAfter: g.RemoveAfter, failAfter: g.FailAfter, maxShrink: g.MaxShrink, allowShrink: src.AllowShrink || r.opts.AcceptShrink}
	if src.RemoveAfter > 0 {
		p.removeAfter = src.RemoveAfter
	}
	if r.opts.AcceptShrink {
		// `run --allow-shrink`: the user accepts this run's listing as the
		// truth, so what it lacks is removed now, not a run later (that
		// next run would hold the same shrink again)
		p.removeAfter = 1
	}
	if src.MaxShrink > 0 {
		p.maxShrink = src.MaxShrink
	}
	return p
}

// shrunk says why a successful fetch looks like a broken listing rather
// than real closures ("" when it does not): it dropped to zero, or lost
// more than the allowed share at once.
func (r *Runner) shrunk(f fetched) string {
	pol := r.policy(f.src)
	// (the new postings whose detail failed, or was not asked, are
	// listed: review s25b B4)
	before, now := len(f.index.Postings), len(f.items)+f.unbuilt
	if pol.allowShrink || before == 0 || now >= before {
		return ""
	}
	if now == 0 {
		return fmt.Sprintf("%s: the listing came back empty where it had %d postings: kept the snapshot (allow_shrink: true accepts it)", f.src.Name, before)
	}
	if before >= minShrinkBase && float64(before-now)/float64(before) > pol.maxShrink {
		return fmt.Sprintf("%s: the listing shrank from %d to %d postings (more than %.0f%%): kept the snapshot (allow_shrink: true accepts it)", f.src.Name, before, now, pol.maxShrink*100)
	}
	return ""
}

// fetchGuarded fetches a source; a listing that shrank suspiciously is
// fetched once more after a pause, and if the shrink holds, the fetch is
// marked suspicious: nothing of it will be written.
func (r *Runner) fetchGuarded(ctx context.Context, pool *scrape.Pool, src config.Source) fetched {
	// one http.source_budget for the source's run, its second fetch too
	budget := scrape.NewBudget(r.cfg.HTTP.SourceBudget)
	f := r.fetch(ctx, pool, src, budget)
	if f.err != nil {
		return f
	}
	why := r.shrunk(f)
	if why == "" {
		return f
	}
	r.log.Warn("listing shrank: fetching it again", "source", src.Name, "error", why, "pause", r.cfg.Guard.ShrinkPause)
	if err := retry.Sleep(ctx, r.cfg.Guard.ShrinkPause); err != nil {
		f.err = fmt.Errorf("%s: interrupted while confirming a shrunk listing: %w", src.Name, err)
		f.canceled = true // stopped, not failed
		return f
	}
	again := r.fetch(ctx, pool, src, budget)
	if again.err != nil {
		return again
	}
	again.suspicious = r.shrunk(again)
	return again
}
