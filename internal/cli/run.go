package cli

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

func newRunCmd() *cobra.Command {
	var (
		f           configFlags
		sources     []string
		allowShrink bool
		wait        time.Duration
		profile     string
	)
	cmd := &cobra.Command{
		Use:   "run [-c FILE] [--source NAME ...] [--allow-shrink] [--wait DURATION]",
		Short: "one cycle over the sources, then exit",
		Long: `Fetches every source of the config (or the ones --source names) once, writes the
snapshot files, commits them, prints what changed and hands it to the notifiers.

One process at a time works on a snapshot folder: run takes its lock first and exits 3
at once when another process holds it, or waits up to --wait for it.

--allow-shrink accepts this run's listings as they are, this once: a listing that shrank
past the guard goes through, and what it lacks is reported removed in this run.

--profile DIR writes a CPU profile of the run (DIR/cpu.pprof) and a heap profile at
its end (DIR/heap.pprof), for 'go tool pprof' when tuning a large fleet.

The first SIGINT or SIGTERM stops the run at the next posting boundary (exit 130; the
next run finishes the work); a second one exits at once (130).

Exit codes: 0 every source fetched; 1 at least one source failed or is held as
suspicious (the others were still processed and committed), or the run could not
start; 2 bad usage or invalid config; 3 the snapshot folder is in use; 130 stopped
by a signal.`,
		Example: `  watcher run
  watcher run -c data/config.yaml --source netflix --source stripe
  watcher run --wait 10m            # wait for a daemon's cycle to end
  watcher run --allow-shrink        # accept a listing that shrank, this once
  watcher run --profile prof        # then: go tool pprof -top prof/cpu.pprof`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if wait < 0 {
				return fail(cmd, ExitUsage, "--wait %s: must not be negative", wait)
			}
			return profiled(cmd, profile, func() error {
				l, err := f.load(cmd)
				if err != nil {
					return err
				}
				return exitCode(run(l.cfg, sources, allowShrink, wait, l.logger, l.stdout, l.stderr))
			})
		},
	}
	f.addConfig(cmd)
	cmd.Flags().StringArrayVar(&sources, "source", nil, "run only this source (repeatable)")
	cmd.Flags().BoolVar(&allowShrink, "allow-shrink", false, "accept a listing that shrank past the guard, for this run")
	cmd.Flags().DurationVar(&wait, "wait", 0, "wait up to this long for another process using the snapshot folder (default: do not wait)")
	f.addLog(cmd, "info")
	addProfileFlag(cmd, &profile)
	_ = cmd.RegisterFlagCompletionFunc("source", configNames(&f, sourceNames))
	_ = cmd.RegisterFlagCompletionFunc("wait", cobra.NoFileCompletions)
	return cmd
}

func run(cfg *config.Config, names []string, allowShrink bool, wait time.Duration, logger *slog.Logger, stdout, stderr io.Writer) int {
	sources, err := cfg.Select(names)
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitUsage
	}
	ctx, stop := signalContext(logger, stderr, "watcher run")
	defer stop()
	// One process at a time on a snapshot folder: the lock comes before
	// anything else (recovering an interrupted run included).
	lock, err := snapshot.AcquireLock(ctx, cfg.Snapshots, wait, "run", func(b *snapshot.BusyError) {
		logger.Info("waiting for the snapshot folder", "holder_pid", b.PID, "holder", b.Command, "holder_started", b.Started, "wait", wait)
	})
	if err != nil {
		var busy *snapshot.BusyError
		if errors.As(err, &busy) {
			fmt.Fprintf(stderr, "watcher run: %v\n", err)
			if ctx.Err() != nil {
				return ExitSignal
			}
			return ExitBusy
		}
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	defer lock.Release()
	// --allow-shrink: a shrink the user has looked at and accepts, once
	r, err := watch.New(cfg, watch.Options{Logger: logger, Stdout: stdout, Lock: lock, AcceptShrink: allowShrink})
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	res, err := r.Run(ctx, sources)
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	interrupted := res.Interrupted
	for _, s := range res.Sources {
		if s.Err != nil {
			fmt.Fprintf(stderr, "watcher run: source %s failed: %v\n", s.Source, s.Err)
		}
		interrupted = interrupted || s.Interrupted
	}
	if len(cfg.Notifiers) == 0 {
		var added, removed, changed int
		for _, s := range res.Sources {
			added, removed, changed = added+s.Added, removed+s.Removed, changed+s.Changed
		}
		fmt.Fprintf(stderr, "watcher run: %s: %d added, %d removed, %d changed; %s\n", count(len(res.Sources), "source"), added, removed, changed, noNotifiers)
	}
	if interrupted || ctx.Err() != nil {
		fmt.Fprintln(stderr, "watcher run: interrupted by a signal; the next run finishes the work")
		return ExitSignal
	}
	if res.Failed() {
		return ExitFailed
	}
	return ExitOK
}
