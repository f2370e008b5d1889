package watch

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A run streams its sources: a bounded set of workers fetches them, and
// each fetch, as it finishes, is compared with the stored state, its
// events go to the outbox and its files are written (one source at a
// time, under r.mu); then its postings are dropped. What a source leaves
// for the end of the run is its result (counts and the commit's lines)
// and the paths to commit; a run that writes more than CommitEvery paths
// commits them as it goes, in parts (commitPart), so a run's memory is
// bounded by the number of workers and by CommitEvery, not by the number
// of postings.

// minSourceWorkers is the least number of sources fetched at once; a
// config whose hosts allow more lanes (http.hosts) gets twice their sum.
const minSourceWorkers = 16

// sourceWorkers is how many sources of n are fetched at once.
func (r *Runner) sourceWorkers(n int) int {
	lanes := 0
	for _, h := range r.cfg.HTTP.Hosts {
		lanes += max(h.Concurrency, 1)
	}
	return max(1, min(n, max(minSourceWorkers, 2*lanes)))
}

// fetchEach fetches the sources with a bounded set of workers (the HTTP
// client keeps the per-host limits) and hands each fetch to sink, in the
// worker that fetched it: a sink that is slow holds back the fetches. It
// writes nothing itself. Stopping ctx stops the fetches (they come to sink
// canceled).
func (r *Runner) fetchEach(ctx context.Context, sources []config.Source, sink func(i int, f fetched)) {
	defer r.fewerProcs()() // one processor while one is enough (procs.go)
	pool := scrape.NewPool(ctx, scrape.Options{
		UserAgent:    r.cfg.HTTP.UserAgent,
		Timeout:      r.cfg.HTTP.Timeout,
		PerHostDelay: r.cfg.HTTP.PerHostDelay,
		HostLimits:   r.cfg.HTTP.Hosts,
		MaxBody:      r.cfg.HTTP.MaxBody,
		Robots:       r.cfg.HTTP.Robots,
		AllowPrivate: r.cfg.HTTP.AllowPrivate,
		Redact:       r.red.String,
		Retry:        r.opts.Retry,
		Transport:    r.opts.Transport,
		Logger:       r.log,
		Hosts:        r.hosts,
		Observe:      r.observeRequest(),
	})
	next := make(chan int)
	var wg sync.WaitGroup
	for range r.sourceWorkers(len(sources)) {
		wg.Go(func() {
			for i := range next {
				src := sources[i]
				start := time.Now()
				f := r.fetchGuarded(ctx, pool, src)
				switch {
				case f.canceled:
					r.log.Info("source interrupted: fetch stopped by a signal", "source", src.Name, "duration", time.Since(start).Round(time.Millisecond))
				case f.err != nil:
					r.log.Error("source failed", "source", src.Name, "error", f.err, "duration", time.Since(start).Round(time.Millisecond))
				default:
					// debug: the source's "source done" line at the run's end
					// says what it found (one line per source at info)
					r.log.Debug("source fetched", "source", src.Name, "postings", len(f.items), "details", f.details, "same_listing", f.sameListing, "duration", time.Since(start).Round(time.Millisecond))
				}
				sink(i, f)
			}
		})
	}
	for i := range sources {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := pool.Close(); err != nil { // the browser the sources shared, if one started
		r.log.Warn("closing the run's shared fetch resources", "error", err)
	}
}

// fetchAll fetches every source and keeps every fetch (a dry run compares
// them; tests).
func (r *Runner) fetchAll(ctx context.Context, sources []config.Source) []fetched {
	results := make([]fetched, len(sources))
	r.fetchEach(ctx, sources, func(i int, f fetched) { results[i] = f })
	return results
}

// writeRun is the write phase of one run, fed one source at a time (add),
// then committed (finish).
type writeRun struct {
	r          *Runner
	res        Result
	changed    []string // paths whose change makes a commit worth it
	state      []string // state files committed along with a commit
	begun      bool     // the run marker is set (beginWrite)
	stopped    string   // the stage a signal stopped the writes at; "": not stopped
	stateSaved bool     // the source being written saved a changed adapter state (saveState)
	err        error    // a write failed: nothing more is written
	done       []bool   // sources added
	// part: the sources written since the last commit of this run (their
	// paths are in changed and state); a run over many changes commits
	// every commitEvery paths (commitPart), so what waits for a commit
	// stays bounded.
	part    []int
	commits []string // the run's commits so far, oldest first
}

// DefaultCommitEvery is how many written paths (snapshots, outbox
// entries, state files) a run holds before it commits them: a first cycle
// of a large fleet makes a commit every so many paths, at the end of a
// source, instead of one at its end whose size grows with every posting.
const DefaultCommitEvery = 5000

func (r *Runner) newWriteRun(n int) *writeRun {
	return &writeRun{r: r, res: Result{Sources: make([]SourceResult, n)}, done: make([]bool, n)}
}

func (r *Runner) commitEvery() int {
	if r.opts.CommitEvery > 0 {
		return r.opts.CommitEvery
	}
	return DefaultCommitEvery
}

// add writes one source's fetch (the i-th of the run): its events to the
// outbox, then its snapshot files, README, index, validators and adapter
// state. Events go to the outbox before the source's snapshots move: a
// crash between the two re-detects the same changes, with the same event
// ids, next run. It stops at a posting boundary once ctx ends (the run
// marker stays: the next run commits what was written and redoes the
// rest). It returns false when the run's writes have stopped (a signal or
// an error): the caller fetches no more.
func (w *writeRun) add(ctx context.Context, i int, f fetched) bool {
	r := w.r
	r.mu.Lock()
	defer r.mu.Unlock()
	w.done[i] = true
	sr := SourceResult{Source: f.src.Name, Err: f.err, Listed: len(f.items), Details: f.details, DetailFailures: f.detailFailures}
	if f.canceled {
		sr.Err, sr.Interrupted = nil, true
	}
	if f.suspicious != "" {
		sr.Err, sr.Suspicious = errors.New(f.suspicious), true
	}
	w.res.Sources[i] = sr
	if w.err != nil || w.stopped != "" {
		return false
	}
	if ctx.Err() != nil {
		w.stop(i, "before writing "+f.src.Name)
		return false
	}
	p := r.compare(f)
	if !p.save {
		w.res.Sources[i] = p.result(sr)
		return true
	}
	if !w.begun {
		if err := r.beginWrite(); err != nil {
			w.err = err
			return false
		}
		w.begun = true
	}
	w.part = append(w.part, i)
	events := len(w.res.Events)
	if err := w.write(ctx, f, p); err != nil {
		r.dropSource(f.src.Name)
		if r.store == nil {
			// a Backend discarded the source's writes, its events
			// with them: they are not the run's (review s27 F7); the
			// files' outbox keeps them, and so does the result
			w.res.Events = w.res.Events[:events]
		}
		if errors.Is(err, errInterrupted) {
			w.stop(i, "snapshots of "+f.src.Name)
		} else {
			w.err = err
		}
		return false
	}
	written, aerr := r.endSource(f.src.Name)
	w.res.Sources[i] = p.result(sr)
	if !written {
		// the Backend did not write the batch (another run wrote the
		// source since, or the database refused it): its events are
		// not the run's
		w.res.Events = w.res.Events[:events]
		if aerr != nil {
			w.res.Sources[i].Err = aerr
		}
	}
	w.res.Sources[i].stateSaved, w.stateSaved = w.stateSaved, false
	if len(w.changed)+len(w.state) >= r.commitEvery() && len(w.changed) > 0 && r.repo != nil {
		if err := w.commitPart(); err != nil {
			w.err = err
			return false
		}
	}
	return true
}

// partMessage is the commit message of the sources written since the
// last commit of the run.
func (w *writeRun) partMessage() string {
	part := Result{Sources: make([]SourceResult, 0, len(w.part)), Delivered: w.res.Delivered, Pending: w.res.Pending}
	slices.Sort(w.part) // the config's order, as a run's message has it
	for _, i := range w.part {
		part.Sources = append(part.Sources, w.res.Sources[i])
	}
	return commitMessage(part)
}

// commitPart commits what the run wrote so far (r.mu held, the run marker
// set): the sources of the part, whole, with their lines; then it lets go
// of their paths and lines. The run marker stays until the run's end: a
// run stopped after a part is finished by the next run's recovery, which
// commits the rest.
func (w *writeRun) commitPart() error {
	r := w.r
	hash, err := r.commit(append(w.changed, w.state...), w.partMessage())
	if err != nil {
		return err
	}
	if hash != "" {
		w.commits = append(w.commits, hash)
		w.res.Commit = hash
	}
	for _, i := range w.part {
		w.res.Sources[i].lines = nil
	}
	w.changed, w.state, w.part = nil, nil, nil
	r.log.Info("committed a part of the run", "commit", hash[:min(len(hash), 12)], "parts", len(w.commits))
	return nil
}

// stop marks the run as stopped by a signal while writing source i.
func (w *writeRun) stop(i int, stage string) {
	w.stopped = stage
	if !w.begun {
		w.res.Sources[i].Interrupted = true
	}
}

// write is add's work on the files (r.mu held).
func (w *writeRun) write(ctx context.Context, f fetched, p plan) error {
	r := w.r
	src := f.src.Name
	if f.rebuilt && len(p.events) > 0 {
		// A rebuilt index has fresh counters, which go into the event
		// ids: saved before its events, so that a run stopped from here
		// on is redone with the same ids.
		if _, err := r.back.SaveIndex(src, f.index); err != nil {
			return err
		}
	}
	if n := len(p.writes) + len(p.removes); n > 0 || len(p.events) > 0 {
		r.log.Info("writing", "source", src, "events", len(p.events), "files", n)
	}
	for events := p.events; len(events) > 0; {
		if ctx.Err() != nil {
			return errInterrupted
		}
		n := min(len(events), outboxChunk)
		red := r.redactEvents(events[:n])
		var written []string
		var err error
		if r.outbox != nil {
			written, err = r.outbox.Add(unrecorded(red, p.recorded), r.routes)
		} else if ev, ok := r.back.(Backend); ok {
			err = ev.RecordEvents(unrecorded(red, p.recorded), r.routes) // fleet mode: the store's jobs deliver
		}
		if err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		r.metrics.recorded(red)
		if !r.opts.DiscardEvents {
			w.res.Events = append(w.res.Events, red...)
		}
		w.changed = append(w.changed, written...)
		events = events[n:]
	}
	if n := len(p.writes) + len(p.removes); n > 0 {
		r.log.Info("writing snapshots", "source", src, "files", n)
	}
	paths, err := r.write(ctx, src, p)
	w.changed = append(w.changed, paths...)
	if err != nil {
		return err
	}
	if f.err == nil && f.suspicious == "" {
		readme, err := r.back.WriteReadme(src, p.writes, p.removes, p.index)
		var foreign *snapshot.ForeignReadmeError
		if errors.As(err, &foreign) {
			r.log.Warn("a README.md the watcher did not write is in the source's folder: kept, the table of postings not written (move it away to get the table)", "source", src, "path", foreign.Path)
		} else if err != nil {
			return err
		}
		w.state = append(w.state, readme...)
	}
	idxPath, err := r.saveIndex(f, p)
	if err != nil {
		return err
	}
	if p.stateChanged {
		w.changed = append(w.changed, idxPath)
	}
	w.state = append(w.state, idxPath)
	if f.err == nil {
		v := f.validators
		if f.suspicious != "" || f.detailFailures > 0 {
			v = nil // the next run must see the listing again, not a 304
		}
		if v != nil {
			// what a run on the same listing may keep (keptlisting.go)
			if f.listed != "" && recordsPages(v) {
				v[listedKey] = scrape.Validator{Digest: f.listed}
			} else {
				delete(v, listedKey)
			}
		}
		vPath, err := r.saveValidators(src, v)
		if err != nil {
			return err
		}
		if vPath != "" {
			w.state = append(w.state, vPath)
		}
		n := len(w.changed)
		if w.changed, w.state, err = r.saveState(f, w.changed, w.state); err != nil {
			return err
		}
		w.stateSaved = len(w.changed) > n
	}
	return nil
}

// finish commits what the run wrote since its last part's commit (all of
// it when there was none; see commitPart) and ends the write phase.
func (w *writeRun) finish() (Result, error) {
	r := w.r
	r.mu.Lock()
	defer r.mu.Unlock()
	res := w.res
	res.Commits = w.commits
	for i, d := range w.done {
		if !d {
			// never reached the writer: the run stopped before its fetch
			// was written
			res.Sources[i].Interrupted = true
		}
	}
	if w.err != nil {
		if w.begun {
			// the marker stays for the next run; a Backend's failed
			// batches of other sources join the error
			return res, errors.Join(w.err, r.dropWrite())
		}
		return res, w.err
	}
	if w.stopped != "" {
		res.Interrupted = true
		if w.begun {
			if err := r.dropWrite(); err != nil {
				return res, err
			}
			r.log.Info("run interrupted while writing: the next run finishes it", "stage", w.stopped)
		} else {
			r.log.Info("run interrupted before writing: nothing was written", "stage", w.stopped)
		}
		return res, nil
	}
	if !w.begun {
		if err := r.beginWrite(); err != nil {
			return res, err
		}
		w.begun = true
	}
	ok := false
	defer func() {
		if !ok {
			_ = r.dropWrite() // a commit failed: the files store's, whose dropWrite fails never
		}
	}()
	if len(w.changed) > 0 && r.repo != nil {
		msg := commitMessage(res)
		if len(w.commits) > 0 {
			msg = w.partMessage() // the earlier parts have their own commits
		}
		hash, err := r.commit(append(w.changed, w.state...), msg)
		if err != nil {
			return res, err
		}
		if hash != "" {
			res.Commit = hash
			w.commits = append(w.commits, hash)
		}
		res.Commits = w.commits
	} else if r.repo != nil && r.ignoreMoved() {
		// a folder made by an older version: its .gitignore gained lines
		// (BeginWrite), committed now so that git status stays clean
		hash, err := r.commit(nil, "watcher: the snapshot folder's .gitignore brought up to date\n")
		if err != nil {
			return res, err
		}
		if hash != "" {
			res.Commit = hash
			res.Commits = append(w.commits, hash)
		}
	}
	ok = true
	if err := r.endWrite(); err != nil {
		return res, err
	}
	for _, s := range res.Sources {
		switch {
		case s.Interrupted:
			r.log.Info("source interrupted: nothing of it written", "source", s.Source)
		case s.Err == nil:
			r.log.Info("source done", "source", s.Source, "listed", s.Listed, "details", s.Details, "added", s.Added, "removed", s.Removed, "changed", s.Changed, "missing", s.Missing, "detail_failures", s.DetailFailures)
		}
	}
	return res, nil
}

// stream is a run's fetch and write phases: each source is written as its
// fetch ends, and the run is committed at the end, or in parts of about
// Options.CommitEvery paths as it goes (commitPart).
func (r *Runner) stream(ctx context.Context, sources []config.Source) (Result, error) {
	w := r.newWriteRun(len(sources))
	fctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.fetchEach(fctx, sources, func(i int, f fetched) {
		if !w.add(ctx, i, f) {
			cancel() // an error or a signal: the other fetches stop
		}
	})
	return w.finish()
}

// apply writes and commits fetched sources (a run whose fetches are all
// done; tests and benchmarks).
func (r *Runner) apply(ctx context.Context, results []fetched) (Result, error) {
	w := r.newWriteRun(len(results))
	for i, f := range results {
		w.add(ctx, i, f)
	}
	return w.finish()
}

// saveIndex writes a source's index after its run, but not one the run
// left as it was loaded from its file (a quiet run: nothing re-encoded,
// nothing read back). It returns the index's path.
func (r *Runner) saveIndex(f fetched, p plan) (string, error) {
	if r.store != nil && !f.rebuilt && f.err == nil && f.index.Same(p.index) {
		return r.store.IndexPath(f.src.Name), nil
	}
	idx := p.index
	if idx.StateVersion == nil {
		idx.StateVersion = f.index.StateVersion // what the write is checked against (pgstore)
	}
	return r.back.SaveIndex(f.src.Name, idx)
}
