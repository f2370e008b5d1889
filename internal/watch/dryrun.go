package watch

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// openStore is the snapshot folder of a Runner: made when missing, except
// for a dry run, which only reads it (a missing folder reads as empty).
func openStore(dir string, dryRun bool) (*snapshot.Store, error) {
	if !dryRun {
		return snapshot.Open(dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	return &snapshot.Store{Dir: abs}, nil
}

// dryRun is a run that stops before its write phase (`run --dry-run`): it
// fetches, normalizes and compares with the stored snapshots as a run does
// and returns what the run would write, with the events it would send
// (Result.Events) and the lines of its commit (SourceResult.Lines). It
// writes no file (no snapshot, index, validators, state or outbox entry),
// commits nothing, notifies nothing and takes no lock: an interrupted run
// is left for the next real run to finish.
func (r *Runner) dryRun(ctx context.Context, sources []config.Source) (Result, error) {
	results := r.fetchAll(ctx, sources)
	var res Result
	res.recoveryPending, _ = r.back.Interrupted()
	for _, f := range results {
		sr := SourceResult{Source: f.src.Name, Err: f.err, Listed: len(f.items), Details: f.details, DetailFailures: f.detailFailures}
		if f.canceled {
			sr.Err, sr.Interrupted = nil, true
		}
		if f.suspicious != "" {
			sr.Err, sr.Suspicious = errors.New(f.suspicious), true
		}
		p := r.compare(f)
		res.Sources = append(res.Sources, p.result(sr))
		res.Events = append(res.Events, r.redactEvents(p.events)...)
		if sr.Interrupted {
			res.Interrupted = true
		}
	}
	return res, nil
}

// DryRunText is what `run --dry-run` prints: the commit a run would make
// (a subject per source with changes, then one line per posting), or that
// nothing would change.
func DryRunText(res Result) string {
	var b strings.Builder
	for _, s := range res.Sources {
		if s.Err != nil || s.Interrupted {
			continue
		}
		var parts []string
		for _, p := range []struct {
			n    int
			word string
		}{{s.Added, "added"}, {s.Removed, "removed"}, {s.Changed, "changed"}, {s.Rewrites, "re-normalized"}, {s.Missing, "missing (removal pending)"}} {
			if p.n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
			}
		}
		switch {
		case len(parts) > 0:
			fmt.Fprintf(&b, "%s: would be %s\n", s.Source, strings.Join(parts, ", "))
		case s.health != "":
			fmt.Fprintf(&b, "%s: no posting change\n", s.Source)
		default:
			fmt.Fprintf(&b, "%s: no change\n", s.Source)
		}
		for _, l := range slices.Sorted(slices.Values(s.lines)) {
			b.WriteString("  " + strings.ReplaceAll(l, "\n", "\n  ") + "\n")
		}
		if s.health != "" {
			fmt.Fprintf(&b, "  health: %s\n", s.health)
		}
	}
	if res.recoveryPending {
		b.WriteString("dry run: a stopped run's files wait for the next run, which commits them first (\"watcher: finish an interrupted run\"); the changes above are against the last commit, as that run's are\n")
	}
	b.WriteString("dry run: nothing was written, committed or sent\n")
	return b.String()
}
