package watch

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Daemon runs every source once, then on its schedule, until ctx ends; then
// it waits for the runs in progress to stop (a write phase stops at its next
// posting boundary; the next start finishes it) and returns nil. Each run
// holds the snapshot folder's lock (Options.LockWait) only while it runs,
// so a manual `watcher run --wait` gets in between. Runs
// of one source never overlap: a run still going when its next time comes
// makes that time be skipped. With a jitter window (config jitter) each
// source's runs, the first one too, start its JitterOffset later.
func (r *Runner) Daemon(ctx context.Context, sources []config.Source) error {
	logger := cronLogger{r.log}
	c := cron.New(
		cron.WithParser(config.Parser),
		cron.WithLogger(logger),
		cron.WithChain(cron.Recover(logger)),
	)
	jobs := make([]cron.Job, len(sources))
	entries := make(map[string]cron.EntryID, len(sources))
	for i, src := range sources {
		spec := r.cfg.SourceSchedule(src)
		// SkipIfStillRunning wraps each job on its own: one source's long run
		// does not hold back another's.
		jobs[i] = cron.NewChain(cron.SkipIfStillRunning(logger)).Then(cron.FuncJob(func() {
			r.runOne(ctx, src)
		}))
		id, err := c.AddJob(spec, jobs[i])
		if err != nil {
			return fmt.Errorf("source %q: schedule %q: %w", src.Name, spec, err)
		}
		entries[src.Name] = id
		r.log.Info("scheduled", "source", src.Name, "schedule", spec)
	}
	// A run's record says when this daemon runs the source next (status's
	// NEXT RUN): cron has moved the entry on when the run started.
	r.nextRun = func(source string) time.Time {
		id, ok := entries[source]
		if !ok {
			return time.Time{}
		}
		next := c.Entry(id).Next
		if next.IsZero() {
			return next
		}
		return next.Add(JitterOffset(source, r.cfg.Jitter))
	}
	c.Start()
	var first sync.WaitGroup
	for _, j := range jobs {
		first.Go(j.Run) // a first run at start, under the same no-overlap guard
	}
	var redeliver sync.WaitGroup
	redeliver.Go(func() { r.redeliverEvery(ctx, r.cfg.Outbox.RetryEvery) })
	<-ctx.Done()
	r.log.Info("stopping: waiting for runs in progress")
	<-c.Stop().Done()
	first.Wait()
	redeliver.Wait()
	r.log.Info("stopped")
	return nil
}

// redeliverEvery delivers the outbox every interval (0: the default) until
// ctx ends, so that undelivered events go out between scheduled runs.
func (r *Runner) redeliverEvery(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = config.DefaultRetryEvery
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := r.Redeliver(ctx); err != nil && ctx.Err() == nil {
				r.log.Error("outbox redelivery failed", "error", err)
			}
		}
	}
}

func (r *Runner) runOne(ctx context.Context, src config.Source) {
	if !r.waitJitter(ctx, src) {
		return
	}
	if _, err := r.Run(ctx, []config.Source{src}); err != nil {
		if ctx.Err() != nil {
			// stopping: a run that was waiting for the snapshot folder
			r.log.Info("run not started: stopping", "source", src.Name)
			return
		}
		r.log.Error("run failed", "source", src.Name, "error", err)
	}
}

// cronLogger routes cron's logs to slog.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "error", err)...)
}
