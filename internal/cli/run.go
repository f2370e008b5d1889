package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

func newRunCmd() *cobra.Command {
	var (
		f           configFlags
		sources     []string
		allowShrink bool
		wait        time.Duration
		opt         runOutput
		profile     string
	)
	cmd := &cobra.Command{
		Use:   "run [-c FILE] [--source NAME ...] [--allow-shrink] [--wait DURATION] [--dry-run] [--json] [--profile DIR]",
		Short: "one cycle over the sources, then exit",
		Long: `Fetches every source of the config (or the ones --source names) once, writes the
snapshot files, commits them, prints what changed and hands it to the notifiers.

One process at a time works on a snapshot folder: run takes its lock first and exits 3
at once when another process holds it, or waits up to --wait for it.

--allow-shrink accepts this run's listings as they are, this once: a listing that shrank
past the guard goes through, and what it lacks is reported removed in this run.

--dry-run fetches, normalizes and compares as a run does, then prints what would change
(the commit it would make) and stops: no snapshot, state, validator or outbox file is
written, nothing is committed, pushed or sent, and no lock is taken. The notifiers'
${VARS} need not be set for it: each one that is not is a note on stderr.

--json prints the run's events on stdout, one JSON object a line: the event envelope
of the webhooks ("type", "timestamp", "data") with its "id" (the webhook-id). Logs stay
on stderr, and so does a stdout notifier's output. With --dry-run: the events the run
would send.

--profile DIR writes a CPU profile of the run (DIR/cpu.pprof) and a heap profile at
its end (DIR/heap.pprof), for 'go tool pprof' when tuning a large fleet.

The first SIGINT or SIGTERM stops the run at the next posting boundary (exit 130; the
next run finishes the work); a second one exits at once (130).

With git.push, the commits are pushed after the run's commit (with retries); a push
that fails keeps them, and the next run pushes them all.

Exit codes: 0 every source fetched; 1 at least one source failed or is held as
suspicious (the others were still processed and committed), the push failed (the
commit is kept), notifications were dropped undelivered (outbox.max_pending), or
the run could not start; 2 bad usage or invalid config;
3 the snapshot folder is in use; 130 stopped by a signal.`,
		Example: `  watcher run
  watcher run -c data/config.yaml --source netflix --source stripe
  watcher run --wait 10m            # wait for a daemon's cycle to end
  watcher run --allow-shrink        # accept a listing that shrank, this once
  watcher run --dry-run             # what would change, without writing anything
  watcher run --json | jq -c 'select(.type == "posting.added") | .data.posting.title'
  watcher run --profile prof        # then: go tool pprof -top prof/cpu.pprof`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if wait < 0 {
				return usageFail(cmd, cmd.ErrOrStderr(), "--wait %s: must not be negative", wait)
			}
			return profiled(cmd, profile, func() error {
				l, err := f.loadFor(cmd, opt.dryRun)
				if err != nil {
					return err
				}
				if l.cfg.Store.Postgres() {
					return exitCode(runDatabase(l.cfg, sources, allowShrink, opt, l.logger, l.stdout, l.stderr))
				}
				logger := l.logger
				if f.format == "text" {
					logger = slog.New(saidAtEnd{logger.Handler()})
				}
				return exitCode(run(l.cfg, sources, allowShrink, wait, opt, logger, l.stdout, l.stderr))
			})
		},
	}
	f.addConfig(cmd)
	cmd.Flags().StringArrayVar(&sources, "source", nil, "run only this source (repeatable)")
	cmd.Flags().BoolVar(&allowShrink, "allow-shrink", false, "accept a listing that shrank past the guard, for this run")
	cmd.Flags().DurationVar(&wait, "wait", 0, "wait up to this long for another process using the snapshot folder (default: do not wait)")
	cmd.Flags().BoolVar(&opt.dryRun, "dry-run", false, "fetch and compare, print what would change; write, commit and send nothing")
	cmd.Flags().BoolVar(&opt.json, "json", false, "print the run's events on stdout as JSON lines (logs stay on stderr)")
	f.addLog(cmd, "info")
	addProfileFlag(cmd, &profile)
	_ = cmd.RegisterFlagCompletionFunc("source", configNames(&f, sourceNames))
	_ = cmd.RegisterFlagCompletionFunc("wait", cobra.NoFileCompletions)
	return cmd
}

// saidAtEnd leaves out of run's text log the runner's "source failed"
// record: run's closing lines say each failed source's error (runExit),
// and an offline run would say every failure twice. JSON logs keep it, for
// the programs that read them; the daemon, which has no closing lines,
// logs it.
type saidAtEnd struct{ slog.Handler }

func (h saidAtEnd) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelError && r.Message == "source failed" {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h saidAtEnd) WithAttrs(as []slog.Attr) slog.Handler { return saidAtEnd{h.Handler.WithAttrs(as)} }
func (h saidAtEnd) WithGroup(name string) slog.Handler    { return saidAtEnd{h.Handler.WithGroup(name)} }

// runOutput is what run prints besides its logs.
type runOutput struct {
	dryRun bool // --dry-run: what would change, nothing written
	json   bool // --json: the events as JSON lines on stdout
}

func run(cfg *config.Config, names []string, allowShrink bool, wait time.Duration, opt runOutput, logger *slog.Logger, stdout, stderr io.Writer) int {
	sources, ok := selectSources(cfg, names, stderr)
	if !ok {
		return ExitUsage
	}
	ctx, stop := signalContext(logger, stderr, "watcher run")
	defer stop()
	if opt.dryRun {
		return dryRun(ctx, cfg, sources, allowShrink, opt, logger, stdout, stderr)
	}
	notifyOut := stdout
	if opt.json {
		notifyOut = stderr // stdout carries the JSON lines only
	}
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
	// a notification dropped undelivered (outbox.max_pending) fails the run
	lost := newLostEvents(logger.Handler())
	logger = slog.New(lost)
	// --allow-shrink: a shrink the user has looked at and accepts, once
	r, err := watch.New(cfg, watch.Options{Logger: logger, Stdout: notifyOut, Lock: lock, AcceptShrink: allowShrink, DiscardEvents: !opt.json})
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	res, err := r.Run(ctx, sources)
	if opt.json {
		// what went to the outbox, committed or not: a script sees every
		// event the run recorded
		if jerr := writeEvents(stdout, res.Events); jerr != nil && err == nil {
			err = jerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	code := runExit(ctx, cfg, res, stderr)
	if n := lost.Lost(); n > 0 && code == ExitOK {
		fmt.Fprintf(stderr, "watcher run: %d events dropped undelivered: a failing notifier was owed more than outbox.max_pending (%d)\n", n, cfg.Outbox.MaxPending)
		code = ExitFailed
	}
	return code
}

// runExit reports the failed sources and gives the exit code of a run.
func runExit(ctx context.Context, cfg *config.Config, res watch.Result, stderr io.Writer) int {
	return runEnd(ctx, cfg, res, stderr, len(cfg.Notifiers) == 0)
}

// runEnd is runExit; none says that the config has no notifiers.
func runEnd(ctx context.Context, cfg *config.Config, res watch.Result, stderr io.Writer, none bool) int {
	interrupted := res.Interrupted
	for _, s := range res.Sources {
		if s.Err != nil {
			fmt.Fprintf(stderr, "watcher run: source %s failed: %v\n", s.Source, s.Err)
		}
		interrupted = interrupted || s.Interrupted
	}
	if none && !interrupted && ctx.Err() == nil {
		// the closing summary of what a run wrote and committed; not
		// after a stopped run, which committed only part of it (review s32
		// F5; the next run finishes the work)
		var total watch.SourceResult
		for _, s := range res.Sources {
			total.Added, total.Removed, total.Changed = total.Added+s.Added, total.Removed+s.Removed, total.Changed+s.Changed
			total.Rewrites, total.Missing = total.Rewrites+s.Rewrites, total.Missing+s.Missing
		}
		fmt.Fprintf(stderr, "watcher run: %s: %s; %s\n", count(len(res.Sources), "source"), total.Summary(), noNotifiers)
	}
	if interrupted || ctx.Err() != nil {
		fmt.Fprintln(stderr, "watcher run: interrupted by a signal; the next run finishes the work")
		return ExitSignal
	}
	if res.PushErr != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", res.PushErr)
		return ExitFailed
	}
	if res.Failed() {
		return ExitFailed
	}
	return ExitOK
}

// dryRun is `run --dry-run`: no lock (nothing is written), the comparison
// printed as the commit it would make, or as the events with --json.
func dryRun(ctx context.Context, cfg *config.Config, sources []config.Source, allowShrink bool, opt runOutput, logger *slog.Logger, stdout, stderr io.Writer) int {
	r, err := watch.New(cfg, watch.Options{Logger: logger, Stdout: stderr, AcceptShrink: allowShrink, DryRun: true})
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	res, err := r.Run(ctx, sources)
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	if opt.json {
		if err := writeEvents(stdout, res.Events); err != nil {
			fmt.Fprintf(stderr, "watcher run: %v\n", err)
			return ExitFailed
		}
	} else {
		fmt.Fprint(stdout, watch.DryRunText(res))
	}
	// a dry run writes and commits nothing: no summary that says it did
	// (review s32 F5); its text above says what would change
	return runEnd(ctx, cfg, res, stderr, false)
}

// eventLine is one line of `run --json`: the webhook body (the event
// envelope) with the event's id, which webhooks send as webhook-id.
type eventLine struct {
	ID        string      `json:"id"`
	Type      string      `json:"type"`
	Timestamp time.Time   `json:"timestamp"`
	Data      notify.Data `json:"data"`
}

// writeEvents prints events as JSON lines.
func writeEvents(w io.Writer, evs []notify.Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ev := range evs {
		if err := enc.Encode(eventLine{ID: ev.ID, Type: ev.Type, Timestamp: ev.Timestamp, Data: ev.Data}); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
	}
	return nil
}

// selectSources is the sources run's --source flags name (all without
// one); a name the config does not have is a usage mistake, said on stderr.
func selectSources(cfg *config.Config, names []string, stderr io.Writer) ([]config.Source, bool) {
	sources, err := cfg.Select(names)
	if err == nil {
		return sources, true
	}
	configured := sourceNames(cfg)
	for _, n := range names {
		if !slices.Contains(configured, n) {
			usageLine(stderr, "watcher run", noSuchSource("--source ", n, configured))
			return nil, false
		}
	}
	usageLine(stderr, "watcher run", fmt.Sprintf("--source: %v", err))
	return nil, false
}
