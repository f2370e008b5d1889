package cli

import (
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// runDatabase is `watcher run` with store: postgres: the same pipeline,
// written to the database in one transaction per source (postings, versions,
// events, source health and a River deliver job per event and notifier).
// The notifiers are not called here: `watcher worker` runs the deliver
// jobs. There is no folder lock (--wait is not used): a second run of the
// same source at once records no event twice (their ids are unique).
func runDatabase(cfg *config.Config, names []string, allowShrink bool, opt runOutput, logger *slog.Logger, stdout, stderr io.Writer) int {
	sources, ok := selectSources(cfg, names, stderr)
	if !ok {
		return ExitUsage
	}
	ctx, stop := signalContext(logger, stderr, "watcher run")
	defer stop()
	db, err := fleet.Open(ctx, cfg, logger)
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	defer db.Close()
	r, err := watch.New(cfg, watch.Options{Logger: logger, Stdout: stderr, AcceptShrink: allowShrink, DryRun: opt.dryRun, Backend: db.Backend, HostGate: db.Gate})
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	res, err := r.Run(ctx, sources)
	// The write phase is one transaction per source: a source the database
	// refused failed alone (it is recorded failing), the others are written.
	if werr, alone := pgstore.AsWriteError(err); werr != nil {
		for i, s := range res.Sources {
			if serr := werr.SourceErr(s.Source); serr != nil {
				res.Sources[i] = watch.SourceResult{Source: s.Source, Err: serr}
			}
		}
		kept := res.Events[:0] // a refused source's events were not recorded
		for _, ev := range res.Events {
			if werr.SourceErr(ev.Data.Source) == nil {
				kept = append(kept, ev)
			}
		}
		res.Events = kept
		if alone {
			err = nil // the refused sources are recorded failing; a run's own error joined with it stays
		}
	}
	// A source another run wrote after this run read it was not written
	// (pgstore's stale check): its events were never recorded, and
	// neither --json nor its summary line shows them (review s25 P2).
	sup := db.Backend.Superseded()
	if len(sup) > 0 {
		kept := res.Events[:0]
		for _, ev := range res.Events {
			if !slices.Contains(sup, ev.Data.Source) {
				kept = append(kept, ev)
			}
		}
		res.Events = kept
		if opt.json {
			fmt.Fprintf(stderr, "watcher run: not written, another run wrote them after this run read them (the next run compares again): %s\n", strings.Join(sup, ", "))
		}
	}
	if opt.json {
		if jerr := writeEvents(stdout, res.Events); jerr != nil && err == nil {
			err = jerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	switch {
	case opt.dryRun && !opt.json:
		fmt.Fprint(stdout, watch.DryRunText(res))
	case !opt.json:
		for _, s := range res.Sources {
			if s.Err != nil || s.Interrupted || slices.Contains(sup, s.Source) || s.Quiet() {
				// a source with nothing new prints no line (review s33
				// F10: a quiet run of 3,000 sources printed 3,000), as
				// the files store's run prints nothing
				continue
			}
			fmt.Fprintf(stdout, "%s: %s\n", s.Source, s.Summary())
		}
		if !res.Interrupted {
			a := db.Backend.LastApplied()
			fmt.Fprintf(stdout, "database: %d versions, %d events recorded, %d deliver jobs enqueued (watcher worker delivers them)\n", a.Versions, a.Events, a.Jobs)
			if len(sup) > 0 {
				fmt.Fprintf(stdout, "database: not written, another run wrote them after this run read them (the next run compares again): %s\n", strings.Join(sup, ", "))
			}
		}
	}
	return runExit(ctx, cfg, res, stderr)
}
