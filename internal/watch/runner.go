// Package watch is the pipeline of a run (fetch, normalize, diff, write,
// notify, commit) and the daemon that runs it on schedules.
package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/redact"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Options are what a Runner takes besides the config.
type Options struct {
	Logger    *slog.Logger
	Transport http.RoundTripper // for every outgoing request; nil: the default
	Stdout    io.Writer         // the stdout notifier writes here; nil: os.Stdout
	Now       func() time.Time
	Retry     retry.Policy // zero: retry.Default with the config's attempts
	// The writer lock of the snapshot folder (one process at a time): Lock
	// is one the caller already holds, for the Runner's whole life; without
	// it every Run and Redeliver takes the lock for its duration, waiting
	// up to LockWait for another process (0: not at all, negative: until
	// the run's context ends).
	Lock     *snapshot.Lock
	LockWait time.Duration
	// AcceptShrink is `run --allow-shrink`: the user has looked at this
	// run's listings and accepts them as they are, shrink and all; what
	// they lack is reported removed in this run, without the remove_after
	// debounce.
	AcceptShrink bool
	// Metrics, when set, counts runs, requests, events, deliveries and
	// pushes (the daemon's /metrics).
	Metrics *Metrics
	// DryRun is `run --dry-run`: fetch, normalize and compare only (see
	// dryRun); nothing is written, committed or delivered, and no lock is
	// taken.
	DryRun bool
	// Backend, when set, is the store instead of the snapshot folder
	// (fleet mode's database; see Backend): no git, outbox or lock.
	Backend Backend
	// HostGate, when set, is a turn per host shared with other processes
	// (fleet mode: pgstore.HostGate), taken for every request besides this
	// process's own per-host lanes.
	HostGate scrape.Gate
	// DiscardEvents leaves Result.Events empty: the events are in the
	// outbox, and a run over many new postings does not hold them all to
	// its end (`run` without --json).
	DiscardEvents bool
	// CommitEvery is how many written paths a run holds before it commits
	// them (at the end of a source); 0: DefaultCommitEvery. A run that
	// writes more makes several commits.
	CommitEvery int
}

// Runner runs sources. Runs may overlap (the daemon runs sources on their
// own schedules): fetching is concurrent, writing and committing is one at a
// time.
type Runner struct {
	cfg    *config.Config
	opts   Options
	log    *slog.Logger
	store  *snapshot.Store  // nil with Options.Backend
	back   snapshot.Backend // what the pipeline reads and writes: store, or Options.Backend
	norm   *lazyNormalizer  // built at the first posting normalized
	repo   *gitrepo.Repo    // nil when git.commit is false
	outbox *notify.Outbox
	routes []notify.Route
	hosts  *scrape.Hosts // per-host politeness shared by every run of this process

	red     *redact.Redactor // the config's secrets: out of logs, errors, events' errors and state
	postRed sync.Map         // source name -> *redact.PostingMask of its posting data (see redact.go)

	srcIdxOnce sync.Once
	srcIdx     map[string]int // source name -> its position in cfg.Sources (see sourceIndex)

	keysUpgraded sync.Map // source name -> true: its folder holds today's keys (see upgradeKeys)
	dryRekeyed   sync.Map // source name -> map[key]snapshot.KeptFile: a dry run compared with the upgraded index of files it did not move (dryRekeyedFile)

	mu  sync.Mutex // serializes writes and commits
	dmu sync.Mutex // serializes delivery passes (outside mu)

	wmu     sync.Mutex // guards writers and owed
	writers int        // writes and deliveries in progress: the run marker stays while > 0
	// owed: a write or delivery failed or was interrupted (dropWrite)
	// since the last recovery: the run marker stays when the last writer
	// ends, so that the next run's recovery commits what it wrote
	owed bool

	commits committer // repo's commits go through it (nil when repo is)

	lockMu sync.Mutex // guards lock and lockN
	lock   *snapshot.Lock
	lockN  int // runs of this process inside the lock

	// redo: the ids of the last posting events a stopped run recorded,
	// by source, posting and event type, set by its recovery (see
	// markMoved's spending of the generation): a run that makes such an
	// event again (plan.redone) gives it the recorded id.
	redoMu sync.Mutex
	redo   map[redoKey]string

	pmu     sync.Mutex // one push at a time
	metrics *Metrics   // nil: none
	cycle   cycleState // how the last run ended (Ready)

	// nextRun, set by Daemon before its first run, says when the daemon
	// runs a source next, for the run record (nil: not a daemon).
	nextRun func(source string) time.Time
}

// hold takes the snapshot folder's writer lock for a run (runs of this
// process share it); release gives it up with the last of them.
func (r *Runner) hold(ctx context.Context, what string) (release func(), err error) {
	if r.opts.Lock != nil || r.store == nil {
		return func() {}, nil
	}
	r.lockMu.Lock()
	defer r.lockMu.Unlock()
	if r.lockN == 0 {
		l, err := snapshot.AcquireLock(ctx, r.store.Dir, r.opts.LockWait, what, func(b *snapshot.BusyError) {
			r.log.Info("waiting for the snapshot folder", "holder_pid", b.PID, "holder", b.Command, "holder_started", b.Started)
		})
		if err != nil {
			return nil, err
		}
		r.lock = l
	}
	r.lockN++
	return func() {
		r.lockMu.Lock()
		defer r.lockMu.Unlock()
		if r.lockN--; r.lockN == 0 {
			if err := r.lock.Release(); err != nil {
				r.log.Warn("releasing the snapshot folder lock", "error", err)
			}
			r.lock = nil
		}
	}, nil
}

// New prepares a Runner: the snapshot directory (and its git repository),
// the taxonomy, the notifiers.
func New(cfg *config.Config, o Options) (*Runner, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Retry.Attempts == 0 {
		o.Retry = retry.Default
		if cfg.HTTP.Retries > 0 {
			o.Retry.Attempts = cfg.HTTP.Retries
		}
	}
	var store *snapshot.Store
	var back snapshot.Backend = o.Backend
	if o.Backend == nil {
		var err error
		if store, err = openStore(cfg.Snapshots, o.DryRun); err != nil {
			return nil, err
		}
		back = store
	}
	extra := make([]normalize.SkillDef, 0, len(cfg.Taxonomy.Skills))
	for _, s := range cfg.Taxonomy.Skills {
		extra = append(extra, normalize.SkillDef{Name: s.Name, Category: s.Category, Aliases: s.Aliases})
	}
	norm, err := normalizerFor(extra)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	r := &Runner{cfg: cfg, opts: o, log: o.Logger, store: store, back: back, norm: &lazyNormalizer{shared: norm}, hosts: scrape.NewGatedHosts(o.HostGate), red: cfg.Redactor(), metrics: o.Metrics}
	if o.DryRun {
		return r, nil // reads only: no repository made, no outbox, no notifier
	}
	if o.Backend != nil {
		// the store records the events and its jobs deliver them
		if r.routes, err = buildRoutes(cfg, o); err != nil {
			return nil, err
		}
		return r, nil
	}
	if cfg.Git.Commit {
		if r.repo, err = openRepo(store.Dir, cfg.Git.Repository); err != nil {
			return nil, err
		}
		r.commits = r.repo
	}
	if r.outbox, err = notify.OpenOutbox(store.OutboxDir(), cfg.Outbox.Expire); err != nil {
		return nil, err
	}
	r.outbox.Logger = o.Logger
	r.outbox.Budget = cfg.Outbox.Budget
	r.outbox.MaxPending = cfg.Outbox.MaxPending
	r.outbox.BreakAfter = cfg.Outbox.BreakAfter
	if r.metrics != nil {
		r.outbox.Observe = r.metrics.delivery
	}
	if r.routes, err = buildRoutes(cfg, o); err != nil {
		return nil, err
	}
	return r, nil
}

// SourceResult is what one source's run did.
type SourceResult struct {
	Source string
	Err    error // the source failed: nothing of it was written
	// Interrupted: the run was stopped (a signal) before this source was
	// fetched or written in full; not a failure of the source.
	Interrupted bool
	// Suspicious: the listing shrank past the guard and was held back
	// (Err says why).
	Suspicious bool
	// DetailFailures counts postings whose detail request failed: a known
	// one kept its snapshot, a new one is fetched again next run. The
	// source is not failed for them.
	DetailFailures int
	Listed         int // postings in the listing
	Details        int // detail requests
	Added          int
	Removed        int
	Changed        int
	Rewrites       int // postings re-normalized under new rules, without an event
	Missing        int // postings missing from the listing, not yet reported removed
	returned       int
	lines          []string
	health         string // a source.* event of this run, for the commit subject
	upgraded       string // the normalizer the index moved to, when this run moved it
	stateSaved     bool   // the adapter's state file changed (an interface switch, ids remembered)
	// notes: what the run repaired of the source's stored state, one
	// phrase each ("index rebuilt from snapshots"): the commit body has a
	// line "<source>: <note>" for each
	notes []string
}

// noteIndexRebuilt is the note (SourceResult.notes) of a run that rebuilt
// a source's index from its snapshot files (unreadable or missing) and
// commits it.
const noteIndexRebuilt = "index rebuilt from snapshots"

// noteSizes is the note of a run that recorded the sizes of the snapshot
// files in an index saved before there were (snapshot.Entry.Size): once
// per source, committed.
const noteSizes = "snapshot file sizes recorded in the index"

// noteFiled is the note of a run that found postings' snapshot files its
// index did not have (compareFiled) and recorded them: committed.
const noteFiled = "postings of snapshot files the index lacked recorded"

// Lines are the postings this run added (+), removed (-) and changed (~,
// then one indented line per field, old -> new), as the commit body has
// them; none once a part of a run over many changes committed them (see
// Options.CommitEvery).
func (s SourceResult) Lines() []string { return slices.Clone(s.lines) }

// Result is what a run did.
type Result struct {
	Sources []SourceResult
	Commit  string // hash of the (last) commit of the changes, "" when none
	// Commits are the run's commits of its changes, oldest first: one, or
	// several when the run wrote more than Options.CommitEvery paths (the
	// last is Commit; the delivery may amend it, see DeliveryCommit).
	Commits []string
	// DeliveryCommit is the hash of the commit of the outbox files the
	// delivery after it changed (delivered, dropped, expired), "" when none.
	DeliveryCommit string
	Delivered      int
	Pending        int // events still owed to a notifier after this run
	// Events are the events of this run's changes (what went to the
	// outbox; in a dry run, what would have), secrets redacted; none with
	// Options.DiscardEvents.
	Events []notify.Event
	// PushErr: git.push failed (after its retries); the commits are kept
	// and the next run pushes them. Unpushed counts them.
	PushErr  error
	Unpushed int
	// Interrupted: the run was stopped by its context (a signal) in its
	// write phase, at a posting boundary, before it committed; the run
	// marker stays and the next run finishes the work.
	Interrupted bool
	// recoveryPending: a dry run found the run marker of a stopped run,
	// whose files the next real run commits first (DryRunText says so)
	recoveryPending bool
}

// Failed reports whether any source failed.
func (r Result) Failed() bool {
	for _, s := range r.Sources {
		if s.Err != nil {
			return true
		}
	}
	return false
}

// Run fetches the given sources (a bounded number at a time; the HTTP
// client keeps the per-host limits), writes what changed of each as its
// fetch ends, commits (once at the end, or every Options.CommitEvery
// written paths, see commitPart) and delivers the notifications. A source that fails
// changes nothing; the others go on. Cancelling ctx (a signal) stops the
// fetches, and the write phase at its next posting boundary (see apply).
func (r *Runner) Run(ctx context.Context, sources []config.Source) (Result, error) {
	if r.opts.DryRun {
		return r.dryRun(ctx, sources)
	}
	start := time.Now()
	res, err := r.run(ctx, sources)
	r.finished(res, err, start)
	return res, err
}

// run is one run: fetch, write, commit, deliver, push, inside the folder's
// lock.
func (r *Runner) run(ctx context.Context, sources []config.Source) (Result, error) {
	release, err := r.hold(ctx, "run")
	if err != nil {
		return Result{}, err
	}
	defer release()
	if err := r.recover(); err != nil {
		return Result{}, err
	}
	if r.store != nil {
		// the folders of the run's small files, opened once: each
		// source's index, validators, state and run record by a name
		// relative to them (snapshot.HoldFolders: no path walk and no
		// lstat per folder per file, no link followed)
		defer r.store.HoldFolders()()
	}
	// Each source is written as its fetch ends (stream). A signal stops
	// the write phase at the next posting boundary (the run marker stays:
	// the next run commits what was written and redoes the rest, with the
	// same event ids); once everything is committed, it only cuts delivery
	// short (what was not delivered stays in the outbox).
	res, err := r.stream(ctx, sources)
	r.recordRuns(res, err)
	if err != nil || res.Interrupted {
		return res, err
	}
	// The changes are committed: delivery now costs the run at most its
	// budget per unanswering notifier, and never delays the recording.
	dr, derr := r.deliver(ctx, res.Commit)
	if derr != nil && ctx.Err() != nil {
		// A signal during delivery: the changes are committed, what was
		// not delivered stays in the outbox for the next run. Not a failure.
		r.log.Info("delivery interrupted by a signal: undelivered events stay in the outbox", "pending", dr.Pending)
		derr = nil
	}
	res.Delivered, res.Pending, res.DeliveryCommit = dr.Delivered, dr.Pending, dr.Commit
	if dr.Amended != "" {
		res.Commit, res.DeliveryCommit = dr.Amended, ""
		if n := len(res.Commits); n > 0 {
			res.Commits[n-1] = dr.Amended
		}
	}
	// git.push: what is committed goes to the remote, still inside the
	// lock, so that no other process's commit moves the branch meanwhile
	res.Unpushed, res.PushErr = r.push(ctx)
	return res, derr
}

// recordRuns writes each source's run record (snapshot.RecordRun: local,
// never committed): a source that was fetched and written is ok, one held
// back as suspicious or failed is that; a source cut short by a signal,
// or every source of a run stopped in its write phase, is not recorded.
// When the write phase failed (applyErr), no source's run succeeded. A
// record that cannot be written is logged: it costs the run nothing else.
func (r *Runner) recordRuns(res Result, applyErr error) {
	if res.Interrupted || r.store == nil {
		return // the next run finishes the work and records it; a Backend keeps its health itself
	}
	at := r.opts.Now()
	for _, s := range res.Sources {
		outcome := snapshot.RunOK
		switch {
		case s.Interrupted:
			continue
		case s.Suspicious:
			outcome = snapshot.RunSuspicious
		case s.Err != nil || applyErr != nil:
			outcome = snapshot.RunFailed
		}
		var next time.Time
		if r.nextRun != nil {
			next = r.nextRun(s.Source)
		}
		if err := r.store.RecordRunNext(s.Source, at, outcome, next); err != nil {
			r.log.Warn("run record not written", "source", s.Source, "error", err)
		}
	}
}

// beginWrite marks the snapshot folder as being written (the run marker);
// writes and delivery passes may overlap, so the marker is removed when the
// last of them ends.
func (r *Runner) beginWrite() error {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	if r.writers == 0 {
		if err := r.back.BeginWrite(); err != nil {
			return err
		}
	}
	r.writers++
	return nil
}

// dropWrite ends a write or delivery that failed or was interrupted: the
// run marker stays, so that the next run (of this process too) commits
// what was written; also when other writes of the run are still going
// on (a key upgrade whose commit failed, while another source's fetch is
// written): their endWrite leaves the marker (owed) until a recovery.
//
// A Backend (pgstore) has no marker and no recovery: its write phase is a
// buffer that the last writer's EndWrite applies. The dropped run's
// unfinished source was discarded (dropSource); the sources other runs
// ended were applied as they ended (ApplySource), and what is left is
// applied when the last writer ends, also when that is this dropped one
// (review s27 F1: a failed overlapping run of a worker lost another
// run's finished batch).
//
// It returns that EndWrite's error (a *pgstore.WriteError names the
// sources whose batches failed: their events are not the run's; review
// s27b F4); with the files store, nil.
func (r *Runner) dropWrite() error {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	r.writers = max(r.writers-1, 0)
	if r.store != nil {
		r.owed = true
		return nil
	}
	if r.writers == 0 {
		if err := r.back.EndWrite(); err != nil {
			r.log.Error("writing the sources other runs ended failed", "error", err)
			return err
		}
	}
	return nil
}

func (r *Runner) endWrite() error {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	r.writers--
	if r.writers > 0 {
		return nil
	}
	r.writers = 0
	if r.owed {
		return nil // a dropped write's files wait for the next run's recovery
	}
	return r.back.EndWrite()
}

// busy reports whether this process is writing or delivering now (the run
// marker is its own, not a dead run's).
func (r *Runner) busy() bool {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	return r.writers > 0
}

// Delivery is what a delivery pass did.
type Delivery struct {
	notify.DeliverResult
	Pending int    // events still owed to a notifier after the pass
	Commit  string // hash of the commit of the outbox files, "" when none
	// Amended is the hash of the run's commit with the outbox files folded
	// in, when delivery followed a run's commit that was still HEAD.
	Amended string
}

// deliver runs one delivery pass of the outbox outside the write lock, then
// commits the outbox files it changed (delivered, dropped, expired), so that
// a one-shot CI job does not send them again. After a run's commit (amend:
// its hash) that is still HEAD, the outbox files are folded into that commit
// rather than making a second one: a run makes no commit of its own for
// its notifications (a run in parts: folded into its last). One summary line
// is logged.
func (r *Runner) deliver(ctx context.Context, amend string) (Delivery, error) {
	r.dmu.Lock()
	defer r.dmu.Unlock()
	var d Delivery
	if r.outbox == nil {
		return d, nil // a Backend's jobs deliver
	}
	pending, err := r.outbox.Pending()
	if err == nil && len(pending) == 0 {
		return d, nil // nothing owed: no file touched
	}
	if err := r.beginWrite(); err != nil {
		return d, err
	}
	dr, derr := r.outbox.Deliver(ctx, r.routes)
	d.DeliverResult = dr
	if p, err := r.outbox.Pending(); err == nil {
		d.Pending = len(p)
	}
	if dr.Delivered+dr.Failed+dr.Expired+dr.Dropped+dr.Held > 0 {
		attrs := []any{"delivered", dr.Delivered, "failed", dr.Failed, "dropped", dr.Dropped, "expired", dr.Expired, "held", dr.Held, "pending", d.Pending}
		if dr.Failed+dr.Expired+dr.Dropped > 0 {
			r.log.Warn("notifications: not every event delivered", attrs...)
		} else {
			r.log.Info("notifications", attrs...)
		}
	}
	var cerr error
	if len(dr.Changed) == 0 && amend == "" && r.repo != nil {
		// Only attempt bookkeeping changed: not worth a commit of its own
		// (a quiet run makes none), and not to be left modified in the
		// work tree either (a CI job's `git pull --rebase` needs it
		// clean): the files go back to their committed content.
		r.mu.Lock()
		cerr = r.restoreCommitted(dr.Touched)
		r.mu.Unlock()
	} else if r.repo != nil {
		msg := fmt.Sprintf("watcher: notification outbox (%d delivered, %d pending)\n", dr.Delivered, d.Pending)
		paths := append(slices.Clip(dr.Changed), dr.Touched...)
		r.mu.Lock()
		if amend != "" {
			var done bool
			d.Amended, done, cerr = r.repo.Amend(amend, paths, r.opts.Now())
			if errors.Is(cerr, gitrepo.ErrHeadMoved) {
				d.Amended, cerr = "", nil
			} else if cerr != nil {
				cerr = fmt.Errorf("git: %w", cerr)
			} else if !done {
				d.Amended = ""
			} else {
				// the run's commit now holds the outbox files too: this is
				// the commit in the history (the one logged before is not)
				r.log.Info("committed", "commit", d.Amended[:min(len(d.Amended), 12)], "amended", amend[:min(len(amend), 12)])
			}
			amend = d.Amended
		}
		if amend == "" && cerr == nil {
			if len(dr.Changed) > 0 {
				d.Commit, cerr = r.commit(paths, msg)
			} else {
				cerr = r.restoreCommitted(dr.Touched)
			}
		}
		r.mu.Unlock()
	}
	if cerr != nil {
		// the marker stays: the next run commits these files
		return d, errors.Join(cerr, r.dropWrite())
	}
	if err := r.endWrite(); err != nil {
		return d, err
	}
	if derr != nil {
		return d, fmt.Errorf("outbox: %w", derr)
	}
	return d, nil
}

// errInterrupted stops the write phase at a posting boundary.
var errInterrupted = errors.New("interrupted")

// outboxChunk is how many events go to the outbox between two looks at
// the run's context.
const outboxChunk = 64

func (r *Runner) commit(paths []string, msg string) (string, error) {
	paths = append(paths, r.store.IgnorePath())
	slices.Sort(paths)
	paths = slices.Compact(paths)
	// msg is fixed words, numbers, source names and posting lines (their
	// data redacted as a posting's is, see redact.go): no other redaction
	hash, committed, err := r.commits.Commit(paths, msg, gitrepo.Author{Name: r.cfg.Git.AuthorName(), Email: r.cfg.Git.AuthorEmail()}, r.opts.Now())
	if r.repo != nil {
		if p := r.repo.RepairedIndex(); p != "" {
			r.log.Warn("git index unreadable (torn: a power loss, a full disk, a killed git): rebuilt from HEAD", "path", p)
		}
	}
	if err != nil {
		return "", fmt.Errorf("git: %w", err)
	}
	if !committed {
		return "", nil
	}
	r.log.Info("committed", "commit", hash[:min(len(hash), 12)])
	return hash, nil
}

// recover finishes a run that stopped between writing and committing: its
// files are on disk, so commit whatever differs from HEAD under the
// snapshot directory.
func (r *Runner) recover() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	interrupted, since := r.back.Interrupted()
	if r.busy() {
		return nil // this process's own live write or delivery
	}
	if !interrupted {
		r.clearOwed() // no marker: nothing waits for a recovery
		return nil
	}
	r.log.Warn("the last run left files it did not commit (it stopped, or one of its commits failed): committing them")
	if r.repo != nil {
		// git's lock files made after the dead run began writing are its own
		removed, err := r.repo.RemoveLocksSince(since.Add(-time.Second))
		if err != nil {
			return fmt.Errorf("git: %w", err)
		}
		for _, p := range removed {
			r.log.Warn("removed a lock file left by the interrupted run", "path", p)
		}
		rel, err := filepath.Rel(r.repo.Root(), r.store.Dir)
		if err != nil {
			return fmt.Errorf("git: %w", err)
		}
		if rel == "." {
			rel = ""
		}
		// What differs from HEAD (deleted files included), and every file
		// under the snapshot directory: the dead run may have moved the
		// branch but not the git index, and committing a path puts its index
		// entry right as well.
		paths, err := r.repo.ChangedSince(filepath.ToSlash(rel))
		if err != nil {
			return fmt.Errorf("git: %w", err)
		}
		keep := make([]string, 0, len(paths))
		touched := make(map[string]bool, len(paths))
		for _, p := range paths {
			abs := filepath.Join(r.repo.Root(), filepath.FromSlash(p))
			keep = append(keep, abs)
			touched[abs] = true
		}
		// The file moves the stopped run announced (its events are in
		// the outbox) and did not make are made first (finishRecorded).
		written, removed, err := r.finishRecorded(since)
		if err != nil {
			return err
		}
		for _, p := range append(written, removed...) {
			keep = append(keep, p)
			touched[p] = true
		}
		// Before the commit makes the stopped run's files the history:
		// the index entries whose file it rewrote or removed without
		// saving the index are flagged (see markMoved), in this commit.
		rec := r.recordedSince(since)
		r.setRedo(rec.last)
		indexes, err := r.markMoved(postingSources(r.store.Dir, keep), func(path string) bool { return touched[path] }, rec, true)
		if err != nil {
			return err
		}
		keep = append(keep, indexes...)
		files, err := r.store.Files()
		if err != nil {
			return fmt.Errorf("recover: %w", err)
		}
		keep = append(keep, files...)
		// only the watcher's own files: not a user's file of the folder
		// (an .env its .gitignore excludes, notes, the config), which no
		// run writes and a normal run never commits
		srcs := r.sourceIndex()
		source := func(name string) bool { _, ok := srcs[name]; return ok }
		keep = slices.DeleteFunc(keep, func(p string) bool { return !r.store.Owned(p, source) })
		if err := r.commitRecovery(keep, "watcher: finish an interrupted run\n\nThe previous run wrote these files and did not commit them: it stopped, or one of its commits failed.\n"); err != nil {
			return err
		}
	} else if r.store != nil {
		// No history to say what the stopped run wrote: the snapshot
		// files modified since its run marker was made are looked at,
		// and a file gone whose removal the stopped run recorded (its
		// event in the outbox) is flagged as removed.
		sources, err := r.store.Sources()
		if err != nil {
			return fmt.Errorf("recover: %w", err)
		}
		// The file moves the stopped run's events announce and it did
		// not make are made, as with a history (finishRecorded): the
		// file then holds what the notifiers were told, and markMoved
		// flags its entry, so that the platform going back is reported
		// (the version before a redone change is not known without a
		// history: that change is counted, its event not made again).
		if _, _, err := r.finishRecorded(since); err != nil {
			return err
		}
		modified := modifiedSince(since)
		touched := func(path string) bool {
			if modified(path) {
				return true
			}
			_, err := os.Lstat(path)
			return errors.Is(err, fs.ErrNotExist)
		}
		rec := r.recordedSince(since)
		r.setRedo(rec.last)
		if _, err := r.markMoved(sources, touched, rec, true); err != nil {
			return err
		}
	}
	if err := r.back.EndWrite(); err != nil {
		return err
	}
	r.clearOwed()
	return nil
}

// markMoved flags (snapshot.Entry.FileMoved) the index entries of the
// given sources whose snapshot file the interrupted run rewrote (touched
// says which files it may have written) and that no longer holds the
// version the entry names, and saves those indexes; it returns their
// paths. With removed, an entry whose touched file is gone is flagged too
// when removed says the stopped run recorded the posting's removal (its
// event went to the outbox before the file went): a file gone that the
// stopped run did not remove (deleted by hand after a run that failed) is
// restored quietly by the next run, not reported added again.
//
// Why: events go to the outbox before the files move, so a file a stopped
// run rewrote holds a change whose event is already recorded (or a quiet
// rewrite), and the recovery commits it; the index, not saved, still
// names the version before. Without the flag, the next run keeps such a
// posting by its stamp, or by its hash when the platform went back to the
// version the index names, and the file (and what serve, postings and
// report show) keeps the stopped run's version for good, while the
// platform's going back is never reported. This costs a read of the
// touched files, only here, after an interrupted run.
func (r *Runner) markMoved(sources []string, touched func(path string) bool, rec recordedSet, spend bool) ([]string, error) {
	var saved []string
	if spend {
		sources = slices.Clone(sources)
		for src := range rec.sources {
			sources = append(sources, src)
		}
		slices.Sort(sources)
		sources = slices.Compact(sources)
	}
	for _, src := range sources {
		if r.store.CheckSourceDir(src) != nil || !r.store.HasIndex(src) {
			continue // refused by the fetch as well; or no index to flag
		}
		idx, err := r.store.LoadIndex(src)
		if err != nil || idx.Rebuilt {
			continue // the fetch reports an unreadable index
		}
		n := r.flagMoved(src, &idx, touched, rec.removed)
		spent := spend && rec.sources[src]
		if n == 0 && !spent {
			continue
		}
		if spent {
			// The stopped run's events carry the generation it took from
			// this index (Generation+1), which it never saved: the next
			// run would make its events with that generation again, and a
			// change that recurs (A -> B, stopped; B -> A, stopped; A -> B)
			// would get the id of one the notifiers have, and be dropped
			// as a repeat (review s21 F11). The generation is spent here.
			// A stopped run's event the next run makes again is not
			// recorded again whatever its id (plan.redone): its file
			// holds its version (finishRecorded), or it is a removal or
			// an addition the recovery flagged.
			idx.Generation++
		}
		path, err := r.store.SaveIndex(src, idx)
		if err != nil {
			return saved, fmt.Errorf("recover: source %q: %w", src, err)
		}
		saved = append(saved, path)
		if n > 0 {
			r.log.Warn("snapshot files the interrupted run added, rewrote or removed before saving its index: the next fetch compares the postings with them", "source", src, "postings", n)
		}
	}
	return saved, nil
}

// flagMoved is markMoved's work on one source's index, in memory; it
// returns how many entries it flagged.
func (r *Runner) flagMoved(src string, idx *snapshot.Index, touched func(path string) bool, removed func(src, id string) bool) int {
	// a key upgrade renames files: a file gone from under an old key is
	// not a removal
	gone := removed != nil && !r.store.IndexNeedsKeyUpgrade(src, *idx, r.postingRedactor(src).String)
	n := 0
	for id, e := range idx.Postings {
		if e.FileMoved || !touched(r.store.PostingPath(src, id)) {
			continue
		}
		_, b, err := r.store.Read(src, id)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if !gone || !removed(src, id) {
				continue
			}
		case err != nil, model.Hash(b) == e.Hash:
			// unreadable: compared with its committed copy, as ever; or
			// it holds the entry's version
			continue
		}
		e.FileMoved = true
		idx.Postings[id] = e
		n++
	}
	// the postings the stopped run added (their events recorded, their
	// files written) that it never saved in the index: recorded, so that a
	// run that no longer lists them removes their files
	added, err := r.store.Unindexed(src, *idx, touched)
	if err != nil {
		r.log.Warn("recover: the postings a stopped run added could not be listed", "source", src, "error", err)
	}
	for id, e := range added {
		idx.Postings[id] = e
		n++
	}
	return n
}

// finishRecorded makes the file moves that the posting events a stopped
// run recorded announce (the outbox entries added since its run marker
// was made) and that it did not make: events go to the outbox before the
// files move, so a run stopped in between leaves events (A -> B, an
// addition, a removal) that the notifiers get while the file is still
// as before; the platform going back to A before the next run was then
// never reported, and the notifiers kept believing B (an addition
// dropped by the platform never got its removal). The file is written to
// the event's version (removed, for a removal), and markMoved flags its
// index entry as for a move the stopped run made: the next run compares
// the fetched posting with the version the notifiers were told of. It
// returns the paths written and removed. Events of a source not in the
// config, or whose folder or index is not there, are left alone.
func (r *Runner) finishRecorded(since time.Time) (written, removed []string, err error) {
	if r.outbox == nil || r.store == nil {
		return nil, nil, nil
	}
	events, err := r.outbox.RecordedSince(since.Add(-time.Second))
	if err != nil {
		return nil, nil, fmt.Errorf("recover: %w", err)
	}
	srcs := r.sourceIndex()
	for _, e := range lastOfEach(events) {
		src, id := e.Data.Source, e.Data.Posting.ID
		if _, ok := srcs[src]; !ok || id == "" || r.store.CheckSourceDir(src) != nil || !r.store.HasIndex(src) {
			continue
		}
		if e.Type == notify.PostingRemoved {
			if !r.store.Exists(src, id) {
				continue
			}
			path, err := r.store.RemovePosting(src, id)
			if err != nil {
				return written, removed, fmt.Errorf("recover: source %q: %w", src, err)
			}
			removed = append(removed, path)
			continue
		}
		data, err := model.Encode(*e.Data.Posting)
		if err != nil {
			continue
		}
		if size, ok := r.store.Holds(src, id, model.Hash(data)); ok && size > 0 {
			continue // moved already
		}
		path, err := r.store.WritePosting(src, id, data)
		if err != nil {
			return written, removed, fmt.Errorf("recover: source %q: %w", src, err)
		}
		written = append(written, path)
	}
	if n := len(written) + len(removed); n > 0 {
		r.log.Warn("recover: the interrupted run recorded events whose snapshot files it had not written: written now", "files", n)
	}
	return written, removed, nil
}

// lastOfEach is, of the recorded events, the last of each posting: two
// stopped runs in a row may each have recorded one (an addition, then a
// change from it or its removal), within the same second, which is all
// the outbox's times say. The last is the one whose resulting version no
// other event of the posting starts from; when that does not decide (a
// posting back and forth), the order given.
func lastOfEach(events []notify.Event) []notify.Event {
	type key struct{ src, id string }
	byPosting := map[key][]int{}
	for i, e := range events {
		k := key{e.Data.Source, e.Data.Posting.ID}
		byPosting[k] = append(byPosting[k], i)
	}
	hash := func(p *model.Posting) string {
		if p == nil {
			return ""
		}
		b, err := model.Encode(*p)
		if err != nil {
			return ""
		}
		return model.Hash(b)
	}
	// from and to: the version an event starts from and the one it leaves
	// ("" for none: before an addition, after a removal)
	ends := func(e notify.Event) (from, to string) {
		switch e.Type {
		case notify.PostingAdded:
			return "", hash(e.Data.Posting)
		case notify.PostingRemoved:
			return hash(e.Data.Posting), ""
		}
		return hash(e.Data.Previous), hash(e.Data.Posting)
	}
	var out []notify.Event
	for i, e := range events {
		idx := byPosting[key{e.Data.Source, e.Data.Posting.ID}]
		if len(idx) == 1 {
			out = append(out, e)
			continue
		}
		if idx[0] != i {
			continue // the group is decided at its first event
		}
		last := idx[len(idx)-1]
		froms := map[string]int{}
		for _, j := range idx {
			f, _ := ends(events[j])
			froms[f]++
		}
		var open []int
		for _, j := range idx {
			if _, to := ends(events[j]); froms[to] == 0 {
				open = append(open, j)
			}
		}
		if len(open) == 1 {
			last = open[0]
		}
		out = append(out, events[last])
	}
	return out
}

// recordedSet is what a run stopped after since recorded in the outbox:
// the postings it recorded as removed (their posting.removed events:
// markMoved's removed) and the sources it recorded any posting event of.
// Without an outbox, or one that cannot be read, none.
type recordedSet struct {
	removals map[[2]string]bool
	sources  map[string]bool
	last     []notify.Event // each posting's last event (lastOfEach)
}

func (r *Runner) recordedSince(since time.Time) recordedSet {
	set := recordedSet{removals: map[[2]string]bool{}, sources: map[string]bool{}}
	if r.outbox != nil {
		events, err := r.outbox.RecordedSince(since.Add(-time.Second))
		if err != nil {
			r.log.Warn("recover: the outbox could not be read: files gone are restored, not taken as removed", "error", err)
		}
		for _, e := range events {
			if e.Data.Posting == nil {
				continue
			}
			set.sources[e.Data.Source] = true
			if e.Type == notify.PostingRemoved {
				set.removals[[2]string{e.Data.Source, e.Data.Posting.ID}] = true
			}
		}
		set.last = lastOfEach(events)
	}
	return set
}

// redoKey names a posting's event: source, posting id, event type.
type redoKey struct{ src, id, typ string }

// setRedo records the ids of a stopped run's last events (see
// Runner.redo), replacing those of an earlier recovery.
func (r *Runner) setRedo(last []notify.Event) {
	r.redoMu.Lock()
	defer r.redoMu.Unlock()
	r.redo = make(map[redoKey]string, len(last))
	for _, e := range last {
		r.redo[redoKey{e.Data.Source, e.Data.Posting.ID, e.Type}] = e.ID
	}
}

// redone notes that p's last event is a stopped run's made again: it is
// not recorded again (plan.redone), and it takes the id the stopped run
// recorded it with, when the recovery read one for the posting (the
// recovery spent the generation that id was made with).
func (r *Runner) redone(p *plan) {
	e := &p.events[len(p.events)-1]
	r.redoMu.Lock()
	k := redoKey{e.Data.Source, e.Data.Posting.ID, e.Type}
	if id, ok := r.redo[k]; ok {
		e.ID = id
		delete(r.redo, k)
	}
	r.redoMu.Unlock()
	p.redone(*e)
}

// removed says whether the stopped run recorded the posting's removal.
func (s recordedSet) removed(src, id string) bool { return s.removals[[2]string{src, id}] }

// modifiedSince says whether a file was modified at since or after (a
// second earlier, for coarse file times): a run marker's time.
func modifiedSince(since time.Time) func(path string) bool {
	after := since.Add(-time.Second)
	return func(path string) bool {
		fi, err := os.Lstat(path)
		return err == nil && !fi.ModTime().Before(after)
	}
}

// postingSources are the sources of the snapshot files among paths (a
// file right inside a source's folder of the snapshot directory dir),
// sorted, each once.
func postingSources(dir string, paths []string) []string {
	var out []string
	for _, p := range paths {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			continue
		}
		src, name, ok := strings.Cut(filepath.ToSlash(rel), "/")
		if !ok || strings.Contains(name, "/") || !strings.HasSuffix(name, ".json") || strings.HasPrefix(src, ".") { // the state folder (.watcher), "..", hidden ones
			continue
		}
		out = append(out, src)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// clearOwed: what dropped writes left is recovered (see owed).
func (r *Runner) clearOwed() {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	r.owed = false
}

// commitMessage summarises a run: a subject per source with changes, then
// one line per posting; over several sources, the lines grouped under each
// source's name (see bodyLines).
func commitMessage(res Result) string {
	var subj, notes []string
	var groups []sourceLines
	for _, s := range res.Sources {
		parts := s.counts()
		if len(parts) == 0 && s.upgraded != "" {
			parts = append(parts, "normalizer "+s.upgraded+", no snapshot changed")
		}
		if len(parts) == 0 && s.health == "" && s.stateSaved {
			parts = append(parts, "source state saved, no snapshot changed")
		}
		if len(parts) == 0 && s.health == "" && len(s.notes) > 0 {
			if len(s.notes) <= maxNotesInSubject {
				parts = append(parts, s.notes...)
			} else {
				// 60 files deleted by hand: counted, each named in the body
				parts = append(parts, fmt.Sprintf("%d repairs of the stored state", len(s.notes)))
			}
		}
		for _, n := range s.notes {
			notes = append(notes, s.Source+": "+n)
		}
		if len(parts) > 0 && len(s.lines) > 0 {
			groups = append(groups, sourceLines{s.Source, s.lines})
		}
		if s.health != "" {
			parts = append(parts, s.health) // the source named once: "a: 1 added, recovered"
		}
		if len(parts) > 0 {
			subj = append(subj, s.Source+": "+strings.Join(parts, ", "))
		}
	}
	if len(subj) == 0 {
		return fmt.Sprintf("watcher: notification outbox (%d delivered, %d pending)\n", res.Delivered, res.Pending)
	}
	body := bodyLines(groups, len(subj) > 1)
	msg := strings.Join(subj, "; ")
	if len(subj) > 1 && len(msg) > maxSubject {
		// A run over many sources: totals in the subject ("1,000 sources:
		// 20,000 added"), one line per source first in the body.
		body = append(append(subj, ""), body...)
		msg = shortSubject(res, len(subj))
	}
	if len(notes) > 0 {
		// the repairs first: "<source>: index rebuilt from snapshots"
		if len(body) > 0 {
			notes = append(notes, "")
		}
		body = append(notes, body...)
	}
	if len(body) > 0 {
		msg += "\n\n" + strings.Join(body, "\n")
	}
	return msg + "\n"
}

// maxNotesInSubject is how many repair notes a source's subject names;
// more are counted there (the body names each).
const maxNotesInSubject = 3

// maxSubject is the longest subject of per-source parts; a longer one (of
// more than one source) becomes totals.
const maxSubject = 100

// shortSubject is the totals of a run over n sources with news.
func shortSubject(res Result, n int) string {
	var added, removed, changed, rewrites, missing, returned, health int
	for _, s := range res.Sources {
		added, removed, changed, rewrites = added+s.Added, removed+s.Removed, changed+s.Changed, rewrites+s.Rewrites
		missing, returned = missing+s.Missing, returned+s.returned
		if s.health != "" {
			health++
		}
	}
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{added, "added"}, {removed, "removed"}, {changed, "changed"}, {rewrites, "re-normalized"}, {missing, "missing (removal pending)"}, {returned, "back before removal"}} {
		if p.n > 0 {
			parts = append(parts, thousands(p.n)+" "+p.word)
		}
	}
	noun := " sources: "
	if n == 1 {
		noun = " source: "
	}
	msg := thousands(n) + noun + strings.Join(parts, ", ")
	if health > 0 {
		if len(parts) > 0 {
			msg += "; "
		}
		msg += thousands(health) + " with a health change"
	}
	return msg
}

// thousands writes n with commas: 20,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plan is what a source's run will write.
type plan struct {
	save         bool              // write the index (and postings); false: touch nothing
	stateChanged bool              // the index holds news a later run needs (missing counts, health)
	writes       map[string][]byte // id -> snapshot bytes
	removes      []string          // ids
	index        snapshot.Index
	events       []notify.Event
	added        int
	removed      int
	changed      int
	rewrites     int
	missing      int
	returned     int // back in the listing before their removal was reported
	lines        []string
	health       string
	upgraded     string   // the new normalizer version, when the index moves to it
	notes        []string // repairs of the stored state, for the commit body (see SourceResult.notes)
	// recorded: ids of events (among events) a stopped run put in the
	// outbox already, made again as its work is redone: reported, not
	// recorded again (delivered meanwhile, they are no longer in the
	// outbox, and recording them again would deliver them twice)
	recorded map[string]bool
	// sizes answers the lengths of the source's snapshot files from one
	// listing of its folder, made at compareSame's first question (a
	// listing per posting made a quiet run of a source without stamps
	// quadratic: review s32 F1)
	sizes func(id string) (int64, bool)
}

// change records a change of posting it from prev (whose content hash
// is from): counted, its stdout/commit line, its posting.changed event.
func (p *plan) change(src string, it item, prev model.Posting, from string, changes []model.Change, gen string, now time.Time) {
	post := *it.post
	p.changed++
	p.lines = append(p.lines, changedLines(post, changes))
	p.events = append(p.events, notify.Event{
		ID: notify.EventID(notify.PostingChanged, src, it.id, from, it.hash, gen), Type: notify.PostingChanged, Timestamp: now,
		Data: notify.Data{Source: src, Posting: &post, Previous: &prev, Changes: changes},
	})
}

// redone notes that event e (the last of p.events) is a stopped run's,
// recorded already.
func (p *plan) redone(e notify.Event) {
	if p.recorded == nil {
		p.recorded = map[string]bool{}
	}
	p.recorded[e.ID] = true
}

func (p plan) result(sr SourceResult) SourceResult {
	sr.Added, sr.Removed, sr.Changed, sr.Rewrites, sr.Missing, sr.returned = p.added, p.removed, p.changed, p.rewrites, p.missing, p.returned
	sr.lines, sr.health, sr.upgraded, sr.notes = p.lines, p.health, p.upgraded, p.notes
	return sr
}

// compare turns a source's fetch into what to write and report: the
// postings' changes on success; the source's health on failure; nothing
// but an alarm on a suspicious listing. It reads a snapshot file only for a
// posting that changed or went missing.
func (r *Runner) compare(f fetched) plan {
	src := f.src.Name
	now := r.opts.Now().UTC().Truncate(time.Second)
	pol := r.policy(f.src)
	if f.loadErr || f.canceled {
		// no state to update: the index itself was unreadable, or the run
		// was stopped (a shutdown is not a failure of the source)
		return plan{}
	}
	idx := f.index
	var notes []string
	if rebuiltNoted(idx) {
		notes = append(notes, noteIndexRebuilt)
	}
	if f.err != nil {
		p := plan{save: true, index: idx, stateChanged: true, notes: notes}
		sent := idx.Notified(pol.failAfter)
		p.index.Failures++
		p.health = fmt.Sprintf("fetch failed (%d in a row)", p.index.Failures)
		// once per streak, when it reaches fail_after, or later when
		// fail_after was lowered during the streak (review s29 F5)
		if !sent && p.index.Failures >= pol.failAfter {
			sent = true
			p.health = "failed"
			p.events = append(p.events, r.incident(&p.index, notify.SourceFailed, src, now, f.err.Error()))
		}
		p.index.FailedNotified = &sent
		return p
	}
	version := r.norm.Version()
	// The generation tells apart two occurrences of the same change (a
	// posting closed, reopened, closed again): it is part of every event id,
	// and it moves only when a run's changes are saved, so a run that
	// crashed and is redone produces the same ids again.
	gen := strconv.Itoa(idx.Generation + 1)
	p := plan{save: true, writes: map[string][]byte{}, notes: notes, stateChanged: len(notes) > 0, index: snapshot.Index{
		Normalizer: version, Generation: idx.Generation, Incidents: idx.Incidents, Suspicious: idx.Suspicious,
		Postings: make(map[string]snapshot.Entry, len(f.items)), PostedUTC: true,
		// the source's key upgrade (upgradeSourceKeys) passed before its
		// fetch: its files are named by today's rule
		Names: snapshot.NamesRule,
	}}
	if idx.Normalizer != "" && idx.Normalizer != version && f.suspicious == "" {
		// New rules: the index records the version they ran under, and it
		// is committed even when no snapshot changed, or every later run
		// would leave it modified and fetch every posting page again.
		p.stateChanged, p.upgraded = true, version
	}
	if idx.Failures > 0 {
		p.stateChanged = true // the failure streak ends
		p.health = fmt.Sprintf("fetched again after %d failed %s", idx.Failures, plural(idx.Failures, "run", "runs"))
	}
	switch {
	case f.suspicious != "" && !idx.Suspicious:
		p.index.Suspicious = true
		p.health = "suspicious"
		p.events = append(p.events, r.incident(&p.index, notify.SourceSuspicious, src, now, f.suspicious))
	case f.suspicious == "" && (idx.Notified(pol.failAfter) || idx.Suspicious):
		// a recovery only of a failure the notifiers were told of
		p.index.Suspicious = false
		p.health = "recovered"
		p.events = append(p.events, r.incident(&p.index, notify.SourceRecovered, src, now, ""))
	}
	hist := &committed{r: r}
	sized := false // noteSizes made
	present := make(map[string]bool, len(f.items))
	for _, it := range f.items {
		present[it.id] = true
		old, known := idx.Postings[it.id]
		// a stopped run's addition that a second stopped run then rewrote
		// or removed (FileMoved too): its file holds what the notifiers
		// were last told (the second run's event), so it is compared with
		// the file as any moved file is, not redone as an addition
		unsaved := known && old.Unsaved && !old.FileMoved && !it.keep
		sameUnsaved := false // the same version as the stopped run's addition
		if unsaved {
			// a stopped run's addition, recorded by its recovery: still an
			// addition (its event made again with the same id)
			sameUnsaved = old.Hash == it.hash
			old, known = snapshot.Entry{}, false
		}
		var sr *storedRead // the stored version, when read already
		if known && !it.keep && old.Hash != it.hash && !old.FileMoved {
			it, sr = r.storedLinkSpelling(src, it, old, hist)
		}
		// a posting kept as stored (its detail failed) keeps its flag: its
		// file is still the stopped run's (see snapshot.Entry.FileMoved)
		size := int64(len(it.data))
		if it.keep {
			size = it.size
			if old.Size == 0 && size > 0 && r.store != nil && !sized {
				// an index saved before the files' sizes were: the files
				// were read once (storedCheck), their sizes committed
				sized, p.stateChanged = true, true
				p.notes = append(p.notes, noteSizes)
			}
		}
		p.index.Postings[it.id] = snapshot.Entry{Stamp: it.stamp, Hash: it.hash, Size: size, FileMoved: it.keep && old.FileMoved, Unsaved: it.keep && old.Unsaved}
		handled, readded := false, false
		if known && old.FileMoved && !it.keep {
			handled, readded = r.compareMoved(&p, f, it, old, gen, now)
		}
		if unsaved && !sameUnsaved {
			handled = r.compareUnsaved(&p, f, it, gen, now)
		}
		if known && old.Missing > 0 && !readded {
			p.stateChanged = true // back inside the debounce window: no event
			p.returned++
		}
		if it.keep || handled {
			continue
		}
		// a posting the index does not know is compared with its file
		// only when the folder has one (every new posting has none: no
		// read of it, twice, per posting)
		filed := !known && r.filed(&p, f, src, it.id)
		switch {
		case filed && f.rebuilt && r.compareUnindexed(&p, it, hist, gen, now, src):
			// its file is there, unreadable: the rebuilt index could not
			// know it, the posting is not new
		case filed && !unsaved && r.compareFiled(&p, it, idx.Normalizer != version, gen, now, src):
			// its file is there: an index older than the files (restored
			// from a backup or a cache, a hand merge) did not have it
		case !known:
			post := *it.post
			p.writes[it.id] = it.data
			p.added++
			p.lines = append(p.lines, "+ "+line(post))
			p.events = append(p.events, notify.Event{
				ID: notify.EventID(notify.PostingAdded, src, it.id, "", it.hash, gen), Type: notify.PostingAdded, Timestamp: now,
				Data: notify.Data{Source: src, Posting: &post},
			})
			if sameUnsaved {
				r.redone(&p)
			}
		case old.Hash == it.hash:
			r.compareSame(&p, src, it)
		default:
			p.writes[it.id] = it.data
			if sr == nil {
				sr = new(storedRead)
				sr.prev, sr.disk, sr.found, sr.err = r.previous(src, it.id, old.Hash, hist)
			}
			prev, disk, found, err := sr.prev, sr.disk, sr.found, sr.err
			if err != nil {
				// The index's hash says the posting changed; the stored
				// file cannot say from what. The change is still a change.
				r.log.Warn("stored snapshot unreadable and not in git: rewriting it, the change reported without its previous version", "source", src, "posting", it.id, "error", err)
				post := *it.post
				p.changed++
				p.lines = append(p.lines, "~ "+line(post)+" (previous snapshot unreadable)")
				p.events = append(p.events, notify.Event{
					ID: notify.EventID(notify.PostingChanged, src, it.id, old.Hash, it.hash, gen), Type: notify.PostingChanged, Timestamp: now,
					Data: notify.Data{Source: src, Posting: &post},
				})
				continue
			}
			// A snapshot written before today's mask (a secret in a host in
			// another case) is compared as today's mask has it: a
			// difference of the mask alone is a quiet rewrite, and no
			// event carries what the mask hides.
			prev = r.maskStored(src, prev)
			// Likewise a link stored with the tracking tags or session id
			// an earlier rule kept (normalize.CleanURL): no change alone.
			prev.URL = normalize.CleanURL(prev.URL)
			// and a link whose query the board only reordered or
			// re-escaped is the same link
			if normalize.SameLink(prev.URL, it.post.URL) {
				prev.URL = it.post.URL
			}
			changes := diff.Postings(prev, *it.post)
			// Under new normalizer rules a posting whose platform data is the
			// same (by its update stamp, or, without one, by what the
			// platform gave as it was) is rewritten without an event.
			upgraded := idx.Normalizer != version && (old.Stamp != "" && old.Stamp == it.stamp || sameSource(prev, *it.post, !idx.PostedUTC))
			renormalized := upgraded || f.reshaped && sameAcrossInterfaces(prev, *it.post)
			// The file already holds this version: a run stopped after
			// putting the change's event in the outbox and rewriting the
			// file (writeRun.write), before saving the index. The change is
			// reported again; its event is not made again.
			recorded := disk == it.hash
			if recorded && !found && !renormalized {
				// its previous version is in none of the last commits:
				// prev is the file, the version the stopped run wrote. (One
				// found there with no reportable change was a quiet rewrite,
				// counted below as one.)
				p.changed++
				p.lines = append(p.lines, "~ "+line(*it.post)+" (previous snapshot not found)")
				continue
			}
			if len(changes) == 0 || renormalized {
				p.rewrites++
				continue
			}
			// (recorded: the stopped run's event is made again, with its
			// id, and not recorded again: see plan.recorded)
			p.change(src, it, prev, old.Hash, changes, gen, now)
			if recorded {
				r.redone(&p)
			}
		}
	}
	gone := make([]string, 0)
	for id := range idx.Postings {
		if !present[id] {
			gone = append(gone, id)
		}
	}
	sort.Strings(gone)
	for _, id := range gone {
		old := idx.Postings[id]
		if f.suspicious != "" {
			// a listing held as suspicious removes nothing: what it lacks
			// stays as it was until the listing is believed again
			p.index.Postings[id] = old
			continue
		}
		// Removal debounce: reported only once missing from enough
		// successful runs in a row; until then the snapshot stands.
		if old.Missing+1 < pol.removeAfter {
			old.Missing++
			p.index.Postings[id] = old
			p.missing++
			p.stateChanged = true
			continue
		}
		var prev model.Posting
		err := errNotRead
		if old.FileMoved || old.Unsaved {
			// the version the stopped run left, the last the history and
			// the outbox have (see compareMoved, snapshot.Entry.Unsaved)
			prev, _, err = r.back.Read(src, id)
		}
		// a file the stopped run removed: its removal recorded already
		removedBefore := old.FileMoved && errors.Is(err, fs.ErrNotExist)
		if err != nil {
			prev, _, _, err = r.previous(src, id, old.Hash, hist)
		}
		if err != nil {
			prev = r.goneRemoval(src, id, hist, err)
		}
		prev = r.maskStored(src, prev)
		p.removes = append(p.removes, id)
		p.removed++
		p.lines = append(p.lines, "- "+line(prev))
		p.events = append(p.events, notify.Event{
			ID: notify.EventID(notify.PostingRemoved, src, id, old.Hash, "", gen), Type: notify.PostingRemoved, Timestamp: now,
			Data: notify.Data{Source: src, Posting: &prev},
		})
		if removedBefore {
			r.redone(&p)
		}
	}
	if p.added+p.changed+p.removed > 0 {
		p.index.Generation++
	}
	if f.suspicious == "" {
		r.warnStrays(src, p, idx.Broken, f.listing)
	}
	return p
}

// maxStraysNamed is how many stray files a warning names.
const maxStraysNamed = 5

// warnStrays warns of the snapshot files of a source's folder that its
// new index does not name and that the run does not remove: files copied
// in or restored by hand whose posting the board does not list (one it
// lists is compared with its file, see compareFiled), or another
// posting's copy under another name. The run neither compares nor
// commits them (they are the user's), but the read commands list them as
// open postings: a warning every run, naming them, until they are gone
// (review s20 F11). broken: the files a rebuilt index could not read,
// warned of already (recoverBroken). One listing of the folder, names
// only; a map only when a name is not a plain id's.
func (r *Runner) warnStrays(src string, p plan, broken []string, listing *snapshot.SizeList) {
	if r.store == nil || r.opts.DryRun {
		return // a dry run has not upgraded the files' names (upgradeKeys)
	}
	// the folder as the fetch listed it, when it did (a run with postings
	// kept by their stamps), else read now
	names, ok := listing.Names()
	if !ok {
		d, err := os.Open(r.store.SourceDir(src))
		if err != nil {
			return
		}
		names, err = d.Readdirnames(-1)
		d.Close()
		if err != nil {
			return
		}
	}
	var named map[string]bool // file names of the index's and the removed ids
	var strays []string
	for _, n := range names {
		if !snapshot.IsPostingName(n) {
			continue
		}
		id := strings.TrimSuffix(n, ".json")
		if _, ok := p.index.Postings[id]; ok && snapshot.PostingName(id) == n {
			continue
		}
		if named == nil {
			named = make(map[string]bool, len(p.index.Postings)+len(p.removes))
			for id := range p.index.Postings {
				named[snapshot.PostingName(id)] = true
			}
			for _, id := range p.removes {
				named[snapshot.PostingName(id)] = true
			}
		}
		if !named[n] && !slices.Contains(broken, n) {
			strays = append(strays, n)
		}
	}
	if len(strays) == 0 {
		return
	}
	sort.Strings(strays)
	paths := make([]string, 0, maxStraysNamed)
	for _, n := range strays[:min(len(strays), maxStraysNamed)] {
		paths = append(paths, r.store.NamedPath(src, n))
	}
	r.log.Warn("snapshot files not in the index, of no posting the board lists: ignored (not compared, not committed; the read commands show them as open postings until they are removed)", "source", src, "files", len(strays), "paths", strings.Join(paths, " "))
}

// previous is the stored version of a posting whose index hash is hash:
// its snapshot file; or, when the file is unreadable, corrupt, missing or
// holds another version (a run stopped after rewriting it, before saving
// the index), the committed copy whose hash is the index's (see
// committed). disk is the content hash of the file as read ("" when it
// could not be read); found says prev is the version hash names (false:
// prev is the file as it is, which holds another).
func (r *Runner) previous(src, id, hash string, hist *committed) (prev model.Posting, disk string, found bool, err error) {
	prev, b, err := r.back.Read(src, id)
	if err != nil {
		// a dry run before the key upgrade: the file is under the name
		// the upgrade moves it from (review s30b F2)
		if f, ok := r.dryRekeyedFile(src, id); ok {
			prev, b, err = f.Posting, f.Data, nil
		}
	}
	if err == nil {
		if disk = model.Hash(b); disk == hash {
			return prev, disk, true, nil
		}
	}
	old, ok := hist.version(src, id, hash)
	if !ok {
		return prev, disk, false, err
	}
	if err != nil {
		r.log.Warn("stored snapshot unreadable: compared with its committed copy", "source", src, "posting", id, "error", err)
	}
	return old, disk, true, nil
}

// dryRekeyedFile is, in a dry run before the key upgrade, the file the
// upgrade keeps for a posting's key, whatever its name now
// (snapshot.RekeyedIndex's files).
func (r *Runner) dryRekeyedFile(src, id string) (snapshot.KeptFile, bool) {
	m, ok := r.dryRekeyed.Load(src)
	if !ok {
		return snapshot.KeptFile{}, false
	}
	f, ok := m.(map[string]snapshot.KeptFile)[id]
	return f, ok
}

// compareSame looks at the file of a posting built again whose version is
// the one its index entry names (its stamp moved, it has none, or its
// file is not the size the entry recorded): a file gone is restored
// quietly; one that no longer decodes (torn, edited, a bad merge) is
// rewritten from the fetched posting, with a warning that names it and
// a note in the commit, and no event: the posting is the version of the
// last completed run, which the notifiers were told of and the history
// has. A readable file holding another version (edited by hand) is
// rewritten the same way ("was edited: rewritten"): kept, it left the
// folder modified for good (review s20 F3). A stat per posting built; a
// read only when the size says the file is not the fetched version (an
// edit that keeps the size is not seen).
func (r *Runner) compareSame(p *plan, src string, it item) {
	if r.store == nil {
		if !r.back.Exists(src, it.id) {
			p.writes[it.id] = it.data // the file went missing: restore it quietly
		}
		return
	}
	if p.sizes == nil {
		p.sizes = r.store.Sizes(src)
	}
	size, there := p.sizes(it.id)
	if _, pending := r.dryRekeyed.Load(src); !there && pending {
		// a dry run before the key upgrade: the file is there under the
		// name the upgrade moves it from, not missing
		return
	}
	if !there {
		// the file went missing (deleted by hand): restored, no event; a
		// line of the source's own commit, not left to whatever commit
		// comes next (review s20 F6)
		p.writes[it.id] = it.data
		p.stateChanged = true
		p.notes = append(p.notes, snapshot.PostingName(it.id)+" was missing: restored")
		r.log.Warn("stored snapshot missing: restored from the fetched posting, the version its index names (no event)", "source", src, "posting", it.id, "path", r.store.PostingPath(src, it.id))
		return
	}
	if size == int64(len(it.data)) {
		return
	}
	_, _, err := r.back.Read(src, it.id)
	if errors.Is(err, snapshot.ErrUnreadable) {
		r.repaired(p, src, it, err)
		return
	}
	if err != nil {
		return // not read: left as it is, its size not recorded (read again next run)
	}
	// readable, another version: the folder must not keep it (it would
	// stay modified for good, or go into a later commit under another
	// title), and a snapshot is what the board gave
	p.writes[it.id] = it.data
	p.stateChanged = true
	p.notes = append(p.notes, snapshot.PostingName(it.id)+" was edited: rewritten")
	r.log.Warn("stored snapshot edited (readable, not the version its index names: by hand, a merge, a stopped run): rewritten from the fetched posting (no event)", "source", src, "posting", it.id, "path", r.store.PostingPath(src, it.id))
}

// filed says whether the source's folder has a regular file under the
// name of posting id (compareUnindexed and compareFiled read it; a missing
// file, or one of another kind, they take as none). It asks the listing
// the fetch made of the folder (made at the first question, once per
// source: nothing writes the folder between its fetch and its compare),
// and says true for a store without a folder (those functions say no
// there).
func (r *Runner) filed(p *plan, f fetched, src, id string) bool {
	if r.store == nil {
		return true
	}
	if p.sizes == nil {
		if f.listing != nil {
			p.sizes = f.listing.Size
		} else {
			p.sizes = r.store.Sizes(src)
		}
	}
	_, there := p.sizes(id)
	return there
}

// repaired rewrites the unreadable snapshot file of a posting from the
// fetched one, without an event (see compareSame), with a warning naming
// the file and a note for the commit.
func (r *Runner) repaired(p *plan, src string, it item, err error) {
	p.writes[it.id] = it.data
	p.stateChanged = true // committed even when nothing else changed
	p.notes = append(p.notes, snapshot.PostingName(it.id)+" was unreadable: rewritten")
	r.log.Warn("stored snapshot unreadable: rewritten from the fetched posting, the version its index names (no event)", "source", src, "posting", it.id, "path", r.store.PostingPath(src, it.id), "error", err)
}

// compareUnindexed handles a fetched posting that a rebuilt index (its
// index file was unreadable or gone) does not have although its snapshot
// file is there: the rebuild could not read the file. The posting is not
// new, so it is not reported added: it is compared with its newest
// committed version that decodes (the last good one), and is a change
// from it when the diff reports one, else a quiet rewrite. Without such
// a version (no git, or never committed readable) nothing is known of
// what the notifiers were told: the file is rewritten without an event
// (the posting was added before, an 'added' would be false; a change
// cannot be shown), with a warning. It returns false when the file is
// not an unreadable one (the usual comparison applies).
func (r *Runner) compareUnindexed(p *plan, it item, hist *committed, gen string, now time.Time, src string) bool {
	if r.store == nil {
		return false
	}
	_, _, err := r.back.Read(src, it.id)
	if !errors.Is(err, snapshot.ErrUnreadable) {
		return false
	}
	prev, prevHash, found := hist.latest(src, it.id)
	if !found {
		r.repaired(p, src, it, err)
		return true
	}
	prev = r.maskStored(src, prev)
	changes := diff.Postings(prev, *it.post)
	// a rebuilt index knows no normalizer version: a posting whose
	// platform data is the same is a quiet rewrite, as compare has it
	if len(changes) == 0 || prevHash == it.hash || sameSource(prev, *it.post, true) {
		r.repaired(p, src, it, err)
		return true
	}
	p.writes[it.id] = it.data
	r.log.Warn("stored snapshot unreadable and not in the rebuilt index: compared with its last good committed copy", "source", src, "posting", it.id, "path", r.store.PostingPath(src, it.id), "error", err)
	p.change(src, it, prev, prevHash, changes, gen, now)
	return true
}

// compareFiled handles a fetched posting its index does not have although
// a readable snapshot file of it is there (an index restored from a
// backup or a CI cache older than the files, a hand merge): the posting
// is not new. The file is the version stored, which the history and the
// notifiers have: the same is no event (the index records it), another is
// a change from it. It returns false when there is no such file (the
// usual addition; an unreadable file is compareUnindexed's).
func (r *Runner) compareFiled(p *plan, it item, upgrading bool, gen string, now time.Time, src string) bool {
	if r.store == nil {
		return false
	}
	stored, b, err := r.back.Read(src, it.id)
	if err != nil {
		return false
	}
	disk := model.Hash(b)
	r.log.Warn("posting not in the index but its snapshot file is there: compared with the file", "source", src, "posting", it.id, "path", r.store.PostingPath(src, it.id))
	p.stateChanged = true
	if !slices.Contains(p.notes, noteFiled) {
		p.notes = append(p.notes, noteFiled)
	}
	if disk == it.hash {
		return true
	}
	p.writes[it.id] = it.data
	stored = r.maskStored(src, stored)
	changes := diff.Postings(stored, *it.post)
	// under new normalizer rules, the same platform data is a quiet
	// rewrite (as compare has it)
	if len(changes) == 0 || upgrading && sameSource(stored, *it.post, true) {
		p.rewrites++
		return true
	}
	p.change(src, it, stored, disk, changes, gen, now)
	return true
}

// errNotRead: nothing read yet.
var errNotRead = errors.New("not read")

// compareMoved compares a fetched posting whose index entry is flagged
// FileMoved (a run stopped after rewriting or removing its file, before
// saving the index; the recovery committed the file as it was left, see
// markMoved) with its file, the version the history and the outbox last
// have: the index's hash names the version before the stopped run.
// handled is false when the usual comparison applies: the file holds the
// fetched version (the stopped run's work redone: its event is in the
// outbox, and the change is reported against the index's version) or the
// index's, or it cannot be read.
//
// The events. The stopped run put its event (A -> B) in the outbox before
// it rewrote the file, and the recovery committed both, so the notifiers
// get A -> B (they may have already) and the history has B. When the
// platform is back at A (or at C), the posting's file must not stay B:
// the change B -> A (B -> C) is reported, with its own event, against
// the file. Keeping the file B and saying nothing (the fetch keeping the
// posting by its stamp, or its hash equal to the index's) left the stale
// B in every view and the last word to the notifiers wrong; rewriting it
// to A without an event leaves them believing B. Withdrawing A -> B
// instead is not possible: it may have been delivered, and the history
// holds B. A difference with no reportable change (the stopped run's
// rewrite was quiet, or the back-and-forth is not one the diff reports)
// is a quiet rewrite. The event id is made of the file's hash and the
// fetched one, with the generation the stopped run used: a run stopped
// again before saving the index redoes it with the same id.
//
// A flagged posting whose file is gone was removed by the stopped run
// (its posting.removed event is in the outbox, the removal in the
// history): listed again, it is added (readded), as after a completed
// removal, not "back before removal".
func (r *Runner) compareMoved(p *plan, f fetched, it item, old snapshot.Entry, gen string, now time.Time) (handled, readded bool) {
	src := f.src.Name
	stored, b, err := r.back.Read(src, it.id)
	if errors.Is(err, fs.ErrNotExist) {
		post := *it.post
		p.writes[it.id] = it.data
		p.added++
		p.lines = append(p.lines, "+ "+line(post))
		p.events = append(p.events, notify.Event{
			ID: notify.EventID(notify.PostingAdded, src, it.id, "", it.hash, gen), Type: notify.PostingAdded, Timestamp: now,
			Data: notify.Data{Source: src, Posting: &post},
		})
		return true, true
	}
	if err != nil {
		return false, false
	}
	disk := model.Hash(b)
	if disk == it.hash || disk == old.Hash {
		return false, false
	}
	p.writes[it.id] = it.data
	stored = r.maskStored(src, stored)
	changes := diff.Postings(stored, *it.post)
	// new rules alone make no event (see compare); the stamp says nothing
	// here: it is the index's, not the file's
	renormalized := f.reshaped && sameAcrossInterfaces(stored, *it.post) || f.index.Normalizer != r.norm.Version() && sameSource(stored, *it.post, !f.index.PostedUTC)
	if len(changes) == 0 || renormalized {
		p.rewrites++
		return true, false
	}
	p.change(src, it, stored, disk, changes, gen, now)
	return true, false
}

// compareUnsaved compares a fetched posting whose index entry is a stopped
// run's addition (Unsaved: the recovery committed the file that run wrote,
// and its posting.added event is in the outbox) with that file when the
// platform has moved on since: the notifiers are told of the addition as
// the stopped run made it, so what differs now is a change from that
// file's version, not a second addition. handled is false when the file
// cannot be read or holds the fetched version: the addition is then made
// again (with the stopped run's id when it is the same version).
func (r *Runner) compareUnsaved(p *plan, f fetched, it item, gen string, now time.Time) (handled bool) {
	src := f.src.Name
	stored, b, err := r.back.Read(src, it.id)
	if err != nil {
		return false
	}
	disk := model.Hash(b)
	if disk == it.hash {
		return false
	}
	p.writes[it.id] = it.data
	stored = r.maskStored(src, stored)
	changes := diff.Postings(stored, *it.post)
	renormalized := f.reshaped && sameAcrossInterfaces(stored, *it.post) || f.index.Normalizer != r.norm.Version() && sameSource(stored, *it.post, !f.index.PostedUTC)
	if len(changes) == 0 || renormalized {
		p.rewrites++
		return true
	}
	p.change(src, it, stored, disk, changes, gen, now)
	return true
}

// maskStored is a stored posting of src with the secrets its board was
// sent masked as a snapshot made today has them (postingRedactor): one
// written before the mask took its present form may hold one unmasked.
func (r *Runner) maskStored(src string, p model.Posting) model.Posting {
	if r.postingRedactor(src).Empty() {
		return p
	}
	b, err := model.Encode(p)
	if err != nil {
		return p
	}
	q, _, err := r.redactPosting(src, p, b)
	if err != nil {
		return p
	}
	return q
}

// incident makes a source.* event, numbered by the source's incidents.
func (r *Runner) incident(idx *snapshot.Index, typ, src string, now time.Time, reason string) notify.Event {
	idx.Incidents++
	return notify.Event{
		ID: notify.EventID(typ, src, strconv.Itoa(idx.Incidents)), Type: typ, Timestamp: now,
		Data: notify.Data{Source: src, Error: reason},
	}
}

// write applies a plan to the files; it returns the paths it touched. It
// stops with errInterrupted at the first posting boundary after ctx ends.
func (r *Runner) write(ctx context.Context, source string, p plan) ([]string, error) {
	ids := make([]string, 0, len(p.writes))
	for id := range p.writes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var paths []string
	for _, id := range ids {
		if ctx.Err() != nil {
			return paths, errInterrupted
		}
		path, err := r.back.WritePosting(source, id, p.writes[id])
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	for _, id := range p.removes {
		if ctx.Err() != nil {
			return paths, errInterrupted
		}
		path, err := r.back.RemovePosting(source, id)
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// ignoreMoved reports whether the folder's .gitignore differs from the one
// committed in HEAD (false when HEAD has none, or it cannot be read). Only
// a store that wrote the file in this process is looked at: a quiet run
// reads no blob of HEAD. (One that stopped after the rewrite left its run
// marker: the recovery commits the file.)
func (r *Runner) ignoreMoved() bool {
	if !r.store.IgnoreWritten() {
		return false
	}
	committed, ok, err := r.repo.HeadFile(r.store.IgnorePath())
	if err != nil || !ok {
		return false
	}
	now, err := os.ReadFile(r.store.IgnorePath())
	return err == nil && !bytes.Equal(now, committed)
}
