package fleet

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// PollSourceArgs is the `poll_source` job: one run of one source through
// the pipeline, written to the database. Unique by source while it is
// waiting or running, so that a source never runs twice at once; a
// completed one does not block the next period's.
type PollSourceArgs struct {
	Source string `json:"source" river:"unique"`
}

// Kind is River's name of the job.
func (PollSourceArgs) Kind() string { return "poll_source" }

// PollQueue is the queue of the poll_source jobs.
const PollQueue = "poll"

// InsertOpts: the poll queue, unique by source in every state but the
// finished ones (completed, cancelled, discarded).
func (PollSourceArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{
		Queue:       PollQueue,
		MaxAttempts: 3,
		UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
			rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
			rivertype.JobStateRetryable, rivertype.JobStateScheduled,
		}},
	}
}

// WorkerOptions are what a Worker takes besides the config and database.
type WorkerOptions struct {
	Logger    *slog.Logger
	Transport http.RoundTripper // every outgoing request (boards, notifiers); nil: the default
	Stdout    io.Writer         // the stdout notifier writes here
	// PollWorkers and DeliverWorkers are the jobs of each queue this
	// process runs at once (0: 4 and 8).
	PollWorkers, DeliverWorkers int
	// FetchPollInterval is how often River looks for new jobs when no
	// notification came (0: River's default, 1 s).
	FetchPollInterval time.Duration
	// PollTimeout bounds one poll_source job, DeliverTimeout one deliver
	// job (0: 30 minutes and 2 minutes). A job still running half as long
	// again as the longer of them, or a minute more (its worker died), is
	// rescued: run again.
	PollTimeout, DeliverTimeout time.Duration
	// MaxSnooze caps the wait a receiver's Retry-After asks for (0: 1 h).
	MaxSnooze time.Duration
}

// Worker is a River client working the poll_source and deliver jobs of
// the database, with a periodic poll_source job per source on its
// schedule (inserted by the cluster's elected leader only).
type Worker struct {
	client *river.Client[pgx.Tx]
	log    *slog.Logger
}

// NewWorker prepares a worker on db for cfg's sources and notifiers.
func NewWorker(cfg *config.Config, db *DB, o WorkerOptions) (*Worker, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.PollWorkers <= 0 {
		o.PollWorkers = 4
	}
	if o.DeliverWorkers <= 0 {
		o.DeliverWorkers = 8
	}
	if o.PollTimeout <= 0 {
		o.PollTimeout = 30 * time.Minute
	}
	if o.DeliverTimeout <= 0 {
		o.DeliverTimeout = 2 * time.Minute
	}
	if o.MaxSnooze <= 0 {
		o.MaxSnooze = time.Hour
	}
	runner, err := watch.New(cfg, watch.Options{Logger: o.Logger, Transport: o.Transport, Stdout: o.Stdout, Backend: db.Backend, HostGate: db.Gate})
	if err != nil {
		return nil, err
	}
	notifiers := map[string]notify.Notifier{}
	for _, r := range runner.Routes() {
		notifiers[r.Notifier.Name()] = r.Notifier
	}
	sources := map[string]config.Source{}
	var periodic []*river.PeriodicJob
	for _, src := range cfg.Sources {
		sources[src.Name] = src
		spec := cfg.SourceSchedule(src)
		sched, err := config.Parser.Parse(spec)
		if err != nil {
			return nil, fmt.Errorf("source %q: schedule %q: %w", src.Name, spec, err)
		}
		name := src.Name
		periodic = append(periodic, river.NewPeriodicJob(sched, func() (river.JobArgs, *river.InsertOpts) {
			return PollSourceArgs{Source: name}, nil
		}, &river.PeriodicJobOpts{ID: "poll_source:" + name, RunOnStart: true}))
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &pollWorker{runner: runner, gate: db.Gate, sources: sources, log: o.Logger, timeout: o.PollTimeout, now: time.Now}); err != nil {
		return nil, fmt.Errorf("poll_source worker: %w", err)
	}
	if err := river.AddWorkerSafely(workers, &deliverWorker{store: db.Store, notifiers: notifiers, sources: sources, log: o.Logger, timeout: o.DeliverTimeout, maxSnooze: o.MaxSnooze, now: time.Now}); err != nil {
		return nil, fmt.Errorf("deliver worker: %w", err)
	}
	client, err := river.NewClient(riverpgxv5.New(db.Store.Pool()), &river.Config{
		ID:                ClientID(time.Now()),
		Logger:            o.Logger,
		Workers:           workers,
		PeriodicJobs:      periodic,
		FetchPollInterval: o.FetchPollInterval,
		// River's pause between two fetches (100 ms) may not be longer
		FetchCooldown: min(100*time.Millisecond, cmp.Or(o.FetchPollInterval, time.Second)),
		// a job of a worker that died (SIGKILL, lost host) is taken up
		// again once it has run half as long again as a job may (at most
		// a minute more): until then the source's unique poll_source
		// blocks the next period's
		RescueStuckJobsAfter: rescueAfter(o.PollTimeout, o.DeliverTimeout),
		// each worker says its own (Timeout); River's default (1 minute)
		// may not be longer than the rescue
		JobTimeout: max(o.PollTimeout, o.DeliverTimeout),
		Queues: map[string]river.QueueConfig{
			PollQueue:            {MaxWorkers: o.PollWorkers},
			pgstore.DeliverQueue: {MaxWorkers: o.DeliverWorkers},
		},
	})
	if err != nil {
		return nil, fmt.Errorf("river client: %w", err)
	}
	return &Worker{client: client, log: o.Logger}, nil
}

// ClientID is a worker's name in River (a job's attempted_by): the host,
// the process id and the start time, so that an operator (and the fleet
// test) can tell which process ran a job. The host is cut to 60 bytes,
// its dots made underscores, as in River's own default.
func ClientID(start time.Time) string {
	host, _ := os.Hostname()
	host = strings.ReplaceAll(cmp.Or(host, "unknown_host"), ".", "_")
	if len(host) > 60 {
		host = host[:60]
	}
	at := strings.ReplaceAll(start.UTC().Format("2006_01_02T15_04_05.000000"), ".", "_")
	return fmt.Sprintf("%s_pid%d_%s", host, os.Getpid(), at)
}

// rescueAfter is how long a job runs before River's rescuer takes it for
// one of a dead worker.
func rescueAfter(poll, deliver time.Duration) time.Duration {
	longest := max(poll, deliver)
	return longest + min(time.Minute, longest/2)
}

// Start starts working jobs; ctx ending stops the worker as Stop does.
func (w *Worker) Start(ctx context.Context) error {
	if err := w.client.Start(ctx); err != nil {
		return fmt.Errorf("worker: start: %w", err)
	}
	return nil
}

// Stop stops fetching jobs and waits for the running ones to finish (or
// for ctx to end).
func (w *Worker) Stop(ctx context.Context) error { return w.client.Stop(ctx) }

// StopAndCancel cancels the running jobs and waits for them to return: a
// poll cut short writes nothing and is made available again at once; a
// delivery cut short is retried.
func (w *Worker) StopAndCancel(ctx context.Context) error { return w.client.StopAndCancel(ctx) }

// Stopped is closed once the worker has stopped.
func (w *Worker) Stopped() <-chan struct{} { return w.client.Stopped() }

// A job for a source or notifier this worker's config lacks (another
// team's config on a shared database, a rolling change of the config that
// has not reached this worker yet) is left to a worker whose config has it
// (review s33 F1, F2): snoozed for notMineSnooze, with a warning, until it
// is notMineGrace old; then it is cancelled, with a warning, as a source
// or notifier no worker has (one removed from every config). The snooze is
// short: while a poll job waits, its source's next periodic job is not
// inserted (unique by source), so a minute's snooze made an "@every 1m"
// source skip runs (review s33b F8).
const (
	notMineSnooze = 5 * time.Second
	notMineGrace  = 24 * time.Hour
)

// notMine is a job's answer when this worker's config lacks what the job
// names (what, such as `source "acme"`): snoozed while the job is younger
// than notMineGrace, else cancelled. Each is logged at WARN the first time
// this worker meets it (warned), at DEBUG after.
func notMine(log *slog.Logger, warned *sync.Map, kind, what string, created, now time.Time, attrs ...any) error {
	if now.Sub(created) >= notMineGrace {
		log.Warn(kind+": "+what+" is not in this worker's config and no worker took the job in "+notMineGrace.String()+": cancelled", attrs...)
		return river.JobCancel(fmt.Errorf("%s: %s is not in this worker's config (and no worker took it in %s)", kind, what, notMineGrace))
	}
	level := slog.LevelDebug
	if _, seen := warned.LoadOrStore(kind+" "+what, true); !seen {
		level = slog.LevelWarn
	}
	log.Log(context.Background(), level, kind+": "+what+" is not in this worker's config: left to a worker whose config has it (every worker of a fleet should run the same config)", attrs...)
	return river.JobSnooze(notMineSnooze)
}

// pollWorker runs one source's pipeline.
type pollWorker struct {
	river.WorkerDefaults[PollSourceArgs]
	runner  *watch.Runner
	gate    *pgstore.HostGate
	sources map[string]config.Source
	log     *slog.Logger
	timeout time.Duration
	// firstHost: source name to the host of its last run's first
	// request, looked at before the next run
	firstHost sync.Map
	warned    sync.Map // sources not in the config, warned about once
	now       func() time.Time
}

func (p *pollWorker) Timeout(*river.Job[PollSourceArgs]) time.Duration { return p.timeout }

// Work runs the source. A failure of the source (its board down) is the
// source's health, recorded by the run: the job is done, the next period
// polls again. A write that failed is the job's failure (retried); a run
// stopped by the worker's stop is made available again at once.
//
// A job does not wait for its host's turn (fleet-wide politeness, in
// host_turns): when the host its last run started on is not free, or its
// first request finds the turn taken, the job snoozes for the turn's
// remaining wait and the worker takes another job.
func (p *pollWorker) Work(ctx context.Context, job *river.Job[PollSourceArgs]) error {
	src, ok := p.sources[job.Args.Source]
	if !ok {
		return notMine(p.log, &p.warned, "poll_source", fmt.Sprintf("source %q", job.Args.Source), job.CreatedAt, p.now(),
			"source", job.Args.Source)
	}
	if h, ok := p.firstHost.Load(src.Name); ok && p.gate != nil {
		// the host the source's last run started on: a look before
		// anything is fetched (two jobs of this worker on one host would
		// otherwise wait for this process's own turn in turn)
		wait, err := p.gate.Wait(ctx, h.(string))
		if err != nil {
			return fmt.Errorf("poll_source: source %q: %w", src.Name, err)
		}
		if wait > 0 {
			p.log.Debug("poll_source: host busy: snoozed", "source", src.Name, "host", h, "wait", wait)
			return river.JobSnooze(wait)
		}
	}
	runCtx, turn := pgstore.SnoozeOnBusyHost(ctx)
	defer turn.Stop()
	res, err := p.runner.Run(runCtx, []config.Source{src})
	if h := turn.First(); h != "" {
		p.firstHost.Store(src.Name, h)
	}
	if host, wait, busy := turn.Busy(); busy && ctx.Err() == nil {
		p.firstHost.Store(src.Name, host)
		p.log.Debug("poll_source: host busy: snoozed", "source", src.Name, "host", host, "wait", wait)
		return river.JobSnooze(wait)
	}
	return p.finish(src.Name, res, err)
}

// finish is a poll's answer to River once its run returned: done, failed
// (River retries), or available again (stopped before its write).
func (p *pollWorker) finish(source string, res watch.Result, err error) error {
	if werr, alone := pgstore.AsWriteError(err); alone {
		// (a WriteError joined with the run's own failure is that
		// failure's: the job fails and River retries it)
		// the database refused a source's write: its failure is
		// recorded (health, last_error); the next poll is the source's
		// schedule, not River's backoff, since a value refused once is
		// refused again. The refused source may be another job's, whose
		// batch this job's run applied as the last writer: each is
		// logged under its own name.
		for _, se := range werr.Sources {
			p.log.Warn("poll_source: the database refused the write: recorded failing", "source", se.Source, "error", se.Err)
		}
		if werr.SourceErr(source) != nil {
			return nil
		}
		err = nil // this job's own source was written
	}
	if err != nil {
		return fmt.Errorf("poll_source: source %q: %w", source, err)
	}
	interrupted := res.Interrupted
	for _, s := range res.Sources {
		interrupted = interrupted || s.Interrupted
	}
	if interrupted {
		p.log.Info("poll_source: stopped before its write: available again", "source", source)
		return river.JobSnooze(0)
	}
	for _, s := range res.Sources {
		p.log.Info("poll_source: done", "source", s.Source, "added", s.Added, "removed", s.Removed, "changed", s.Changed, "failed", s.Err != nil, "events", len(res.Events))
	}
	return nil
}

// deliverWorker sends one event to one notifier.
type deliverWorker struct {
	river.WorkerDefaults[pgstore.DeliverArgs]
	store     *pgstore.Store
	notifiers map[string]notify.Notifier
	sources   map[string]config.Source
	log       *slog.Logger
	timeout   time.Duration
	maxSnooze time.Duration
	warned    sync.Map // notifiers and sources not in the config, warned about once
	now       func() time.Time
}

func (d *deliverWorker) Timeout(*river.Job[pgstore.DeliverArgs]) time.Duration { return d.timeout }

// Work makes one delivery attempt. Delivered: the delivery is recorded and
// the job completed in one transaction (a delivery recorded before is not
// sent again). A failure worth another try is retried with River's
// backoff, or snoozed for the receiver's Retry-After; a permanent one
// cancels the job. A job whose notifier or whose event's source this
// worker's config lacks is left to a worker that has them (notMine): a
// same-named notifier of another config never gets another team's events.
func (d *deliverWorker) Work(ctx context.Context, job *river.Job[pgstore.DeliverArgs]) error {
	id, name := job.Args.EventID, job.Args.Notifier
	attrs := []any{"event_id", id, "notifier", name, "attempt", job.Attempt}
	done, err := d.store.Delivered(ctx, id, name)
	if err != nil {
		return fmt.Errorf("deliver: %w", err)
	}
	if done {
		d.log.Info("deliver: recorded as delivered before: not sent again", attrs...)
		return nil
	}
	n, ok := d.notifiers[name]
	if !ok {
		return notMine(d.log, &d.warned, "deliver", fmt.Sprintf("notifier %q", name), job.CreatedAt, d.now(), attrs...)
	}
	ev, err := d.store.LoadEvent(ctx, id)
	if errors.Is(err, pgstore.ErrNoEvent) {
		return river.JobCancel(fmt.Errorf("deliver: %w", err))
	}
	if err != nil {
		return fmt.Errorf("deliver: %w", err)
	}
	if _, ok := d.sources[ev.Data.Source]; !ok {
		return notMine(d.log, &d.warned, "deliver", fmt.Sprintf("source %q", ev.Data.Source), job.CreatedAt, d.now(),
			append(attrs, "source", ev.Data.Source)...)
	}
	if nerr := n.Notify(ctx, ev); nerr != nil {
		if ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return river.JobSnooze(0) // the worker is stopping: not the receiver's failure
		}
		again, after := retry.Retryable(nerr)
		if !again {
			d.log.Warn("deliver: permanent failure: not tried again", append(attrs, "error", nerr.Error())...)
			return river.JobCancel(fmt.Errorf("deliver: event %s to %q: permanent failure: %w", id, name, nerr))
		}
		if after > 0 {
			after = min(after, d.maxSnooze)
			d.log.Info("deliver: the receiver asked to wait: snoozed", append(attrs, "retry_after", after, "error", nerr.Error())...)
			return river.JobSnooze(after)
		}
		d.log.Info("deliver: attempt failed: retried with backoff", append(attrs, "error", nerr.Error())...)
		return fmt.Errorf("deliver: event %s to %q: %w", id, name, nerr)
	}
	err = pgx.BeginFunc(ctx, d.store.Pool(), func(tx pgx.Tx) error {
		if _, err := pgstore.RecordDelivery(ctx, tx, id, name, time.Now().UTC()); err != nil {
			return err
		}
		_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
		return err
	})
	if err != nil {
		// sent, but not recorded: the retry finds no record and sends
		// again (at least once; the event id lets the receiver see it)
		return fmt.Errorf("deliver: event %s to %q: record: %w", id, name, err)
	}
	d.log.Info("deliver: delivered", attrs...)
	return nil
}
