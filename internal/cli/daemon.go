package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/serve"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

func newDaemonCmd() *cobra.Command {
	var (
		f       configFlags
		listen  string
		acc     access
		profile string
	)
	cmd := &cobra.Command{
		Use:   "daemon [-c FILE] [--listen ADDR [--public] [--loopback-names]] [--profile DIR]",
		Short: "run the sources on their schedules until SIGINT/SIGTERM",
		Long: `Runs every source on its schedule (the config's schedule:, or the source's own) until
SIGINT or SIGTERM, then stops cleanly at the next posting boundary (exit 0). A second
signal exits at once (130); the next run finishes the work.

Each cycle takes the snapshot folder's lock for its duration, so a manual
'watcher run --wait 10m' beside the daemon runs between two of its cycles.

With --listen, the server of 'watcher serve' runs beside the schedules; its /metrics
adds the daemon's counters (runs and their duration, requests by host and status
class, events by type, deliveries by notifier and outcome, pushes), and /readyz
answers 200 only once a run has ended and the last one finished its work.

The config's jitter window spreads the sources' runs: each starts a fixed offset (a
hash of its name) within the window after its scheduled time.

With store: postgres the daemon refuses to start (exit 2): the database's schedules are
run by 'watcher worker' processes (any number, sharing the work through the job queue)
and its pages by 'watcher serve'.

--profile DIR writes a CPU profile of the daemon's life (DIR/cpu.pprof) and a heap
profile when it stops (DIR/heap.pprof).

Exit codes: 0 stopped cleanly on a signal; 1 could not start; 2 bad usage or invalid
config; 130 a second signal.`,
		Example: `  watcher daemon
  watcher daemon -c /etc/careers-watcher/config.yaml --log-format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return profiled(cmd, profile, func() error {
				l, err := f.load(cmd)
				if err != nil {
					return err
				}
				if l.cfg.Store.Postgres() {
					return fail(cmd, ExitUsage, "store: postgres (line %d): the daemon runs the snapshot folder's schedules in one process; on the database run 'watcher worker' (as many as you like: they share the schedules, each source runs on one at a time) and 'watcher serve' for the dashboard, feeds, API and metrics",
						l.cfg.Store.Line)
				}
				// Each cycle takes the snapshot folder's lock for its duration,
				// waiting for another process's run (a manual `watcher run`) to end.
				o := watch.Options{Logger: l.logger, Stdout: l.stdout, LockWait: -1}
				var r *watch.Runner
				if listen != "" { // the web server of watcher serve, beside the schedules
					stopServer, code, err := serveBeside(l.cfg, listen, acc, l.logger, func(srv *serve.Server) error {
						// the pipeline's counters on the server's /metrics, and
						// /readyz asks whether the last run ended
						m, err := watch.NewMetrics(srv.Registry())
						if err != nil {
							return err
						}
						o.Metrics = m
						if r, err = watch.New(l.cfg, o); err != nil {
							return err
						}
						srv.Ready = r.Ready
						return nil
					})
					if err != nil && code == ExitUsage {
						return usageFail(cmd, l.stderr, "%v", err)
					} else if err != nil {
						return fail(cmd, code, "%v", err)
					}
					defer stopServer()
				} else if r, err = watch.New(l.cfg, o); err != nil {
					return fail(cmd, ExitFailed, "%v", err)
				}
				return exitCode(daemon(cmd.Context(), r, l.cfg, l.logger, l.stderr))
			})
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "info")
	cmd.Flags().StringVar(&listen, "listen", "", "also serve the dashboard, feeds, API and metrics (as watcher serve) on this address")
	addAccessFlags(cmd, &acc)
	addProfileFlag(cmd, &profile)
	return cmd
}

// daemon runs the schedules until a signal, or until parent ends (a
// caller in the same process, such as a test, stops it so).
func daemon(parent context.Context, r *watch.Runner, cfg *config.Config, logger *slog.Logger, stderr io.Writer) int {
	for _, w := range cfg.Warnings() {
		logger.Warn(w.Msg, "config", cfg.Path, "line", w.Line)
	}
	ctx, stop := signalContext(logger, stderr, "watcher daemon")
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(parent, cancel)()
	if err := r.Daemon(ctx, cfg.Sources); err != nil {
		fmt.Fprintf(stderr, "watcher daemon: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}
