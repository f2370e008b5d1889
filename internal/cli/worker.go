package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
)

// newWorkerCmd is `watcher worker [-c FILE]`: fleet mode's job runner
// (docs/fleet.md).
func newWorkerCmd() *cobra.Command {
	var (
		f                        configFlags
		polls, deliveries        int
		pollTimeout, deliverTime time.Duration
		fetchInterval            time.Duration
		stopTimeout              time.Duration
	)
	cmd := &cobra.Command{
		Use:   "worker [-c FILE] [--polls N] [--deliveries N] [--poll-timeout D] [--deliver-timeout D] [--fetch-interval D] [--stop-timeout D]",
		Short: "run fleet mode's jobs (store: postgres) until SIGINT/SIGTERM",
		Long: `Runs the jobs of the database of store: postgres, beside any number of other
workers on the same database (River job queue):

  poll_source  one run of one source through the pipeline, written to the database in
               one transaction with its events and their deliver jobs. Each source
               gets one on its schedule (the config's schedule:, or its own) and one
               when the cluster's leader starts; never two of one source at once.
  deliver      one event to one notifier: delivered, it is recorded and never sent
               again; a failure worth another try is retried with backoff, or after
               the receiver's Retry-After; a permanent one is not tried again.

A poll_source job whose host's turn is taken (one request at a time per host, and the
host's delay, across every worker) snoozes for the turn's remaining wait rather than
holding one of --polls. A job of a worker that died (SIGKILL, a lost machine) is run
again once it has run half as long again as the longer of the two timeouts (at most a
minute more); River's rescuer looks every 30 seconds.

The first SIGINT or SIGTERM stops taking jobs and waits for the running ones to finish,
at most --stop-timeout (90s), then cancels them (exit 0); a second signal cancels them at
once and exits 130. A job cut short is taken up again at once, by this or another worker
(a poll writes nothing). Keep --stop-timeout under the grace period of what stops the
worker (compose's stop_grace_period, Kubernetes' terminationGracePeriodSeconds): a worker
killed in the middle of a job holds that job until River's rescue (31 minutes by default).

The database must be migrated first (watcher migrate).

Exit codes: 0 stopped on a signal; 1 the database could not be reached, its schema is
not current, or the worker could not start; 2 bad usage, invalid config, or a config
whose store is not postgres; 130 a second signal.`,
		Example: `  DATABASE_URL=postgres://watcher@db/watcher watcher worker -c config.yaml
  watcher worker --polls 8 --deliveries 16`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.ErrOrStderr()
			switch {
			case polls < 1:
				return usageFail(cmd, w, "--polls %d: must be at least 1", polls)
			case deliveries < 1:
				return usageFail(cmd, w, "--deliveries %d: must be at least 1", deliveries)
			case pollTimeout < time.Second:
				return usageFail(cmd, w, "--poll-timeout %s: must be at least 1s", pollTimeout)
			case deliverTime < time.Second:
				return usageFail(cmd, w, "--deliver-timeout %s: must be at least 1s", deliverTime)
			case fetchInterval < 10*time.Millisecond:
				return usageFail(cmd, w, "--fetch-interval %s: must be at least 10ms", fetchInterval)
			case stopTimeout < time.Second:
				return usageFail(cmd, w, "--stop-timeout %s: must be at least 1s", stopTimeout)
			}
			l, err := f.load(cmd)
			if err != nil {
				return err
			}
			if err := postgresOnly(cmd, l.stderr, l.cfg, f.path, "see watcher daemon"); err != nil {
				return err
			}
			sig := make(chan os.Signal, 2)
			signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
			defer signal.Stop(sig)
			return exitCode(worker(context.Background(), l.cfg, fleet.WorkerOptions{
				Logger: l.logger, Stdout: l.stdout, PollWorkers: polls, DeliverWorkers: deliveries,
				PollTimeout: pollTimeout, DeliverTimeout: deliverTime, FetchPollInterval: fetchInterval,
			}, stopTimeout, sig, l.stderr))
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "info")
	cmd.Flags().IntVar(&polls, "polls", 4, "poll_source jobs this worker runs at once")
	cmd.Flags().IntVar(&deliveries, "deliveries", 8, "deliver jobs this worker runs at once")
	cmd.Flags().DurationVar(&pollTimeout, "poll-timeout", 30*time.Minute, "longest a poll_source job may run")
	cmd.Flags().DurationVar(&deliverTime, "deliver-timeout", 2*time.Minute, "longest a deliver job may run")
	cmd.Flags().DurationVar(&fetchInterval, "fetch-interval", time.Second, "how often to look for jobs that came due without a notification (snoozed, retried)")
	cmd.Flags().DurationVar(&stopTimeout, "stop-timeout", 90*time.Second, "after a signal, how long to wait for the running jobs before cancelling them")
	return cmd
}

// worker runs the jobs until the first value on stop (a signal), then
// stops gracefully, for at most stopTimeout; a second value, or the
// timeout, cancels the running jobs.
func worker(ctx context.Context, cfg *config.Config, o fleet.WorkerOptions, stopTimeout time.Duration, stop <-chan os.Signal, stderr io.Writer) int {
	logger := o.Logger
	if logger == nil {
		logger = slog.Default()
	}
	// a connection per job, and some for River's own (its listener, the
	// leader's maintenance, fetching and completing jobs)
	db, err := fleet.OpenConns(ctx, cfg, cmp.Or(o.PollWorkers, 4)+cmp.Or(o.DeliverWorkers, 8)+4, logger)
	if err != nil {
		fmt.Fprintf(stderr, "watcher worker: %v\n", err)
		return ExitFailed
	}
	defer db.Close()
	w, err := fleet.NewWorker(cfg, db, o)
	if err != nil {
		fmt.Fprintf(stderr, "watcher worker: %v\n", err)
		return ExitFailed
	}
	if err := w.Start(ctx); err != nil {
		fmt.Fprintf(stderr, "watcher worker: %v\n", err)
		return ExitFailed
	}
	logger.Info("worker started", "sources", len(cfg.Sources), "notifiers", len(cfg.Notifiers))
	select {
	case <-w.Stopped():
		fmt.Fprintln(stderr, "watcher worker: stopped unexpectedly")
		return ExitFailed
	case s := <-stop:
		logger.Info("stopping: signal received, finishing the running jobs (a second signal cancels them)", "signal", s.String())
	}
	// review s33 F5: a worker killed in the middle of a job (compose's
	// stop_grace_period over) holds it until River's rescue; cut short
	// in time, it is available again at once
	soft, cancelSoft := context.WithTimeout(context.Background(), stopTimeout)
	defer cancelSoft()
	second := make(chan struct{})
	go func() {
		select {
		case s := <-stop:
			logger.Info("second signal: cancelling the running jobs", "signal", s.String())
			close(second)
			cancelSoft()
		case <-soft.Done():
		}
	}()
	if err := w.Stop(soft); err != nil {
		// the second signal or the stop timeout: cancel the running jobs
		// and wait for them
		if errors.Is(soft.Err(), context.DeadlineExceeded) {
			logger.Info("stop timeout: cancelling the running jobs", "stop_timeout", stopTimeout)
		}
		if err := w.StopAndCancel(context.Background()); err != nil {
			fmt.Fprintf(stderr, "watcher worker: stop: %v\n", err)
			return ExitFailed
		}
	}
	cancelSoft()
	code := ExitOK
	select {
	case <-second:
		code = ExitSignal
	default:
	}
	logger.Info("worker stopped")
	return code
}
