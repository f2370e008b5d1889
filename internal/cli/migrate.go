package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/pgstore"
)

// newMigrateCmd is `watcher migrate [-c FILE] [--down N]`: the PostgreSQL
// store's schema, River's migrations and ours (fleet mode, docs/fleet.md).
func newMigrateCmd() *cobra.Command {
	var (
		f           configFlags
		down        int
		dropHistory bool
	)
	cmd := &cobra.Command{
		Use:   "migrate [-c FILE] [--down N]",
		Short: "create or update the PostgreSQL schema of store: postgres (River's and ours)",
		Long: `Applies every pending migration of the PostgreSQL store to the database of the
config's database_url (store: postgres): River's job tables first, then the watcher's
tables (sources, postings, versions, source_health, events, source_state,
deliveries, host_turns). Prints one line per
migration applied; nothing to do is not an error. Migrations hold a lock in the
database, so two at once take turns.

With --down N it undoes the N newest migrations instead: the watcher's first, then
River's (which drops the job queue with its jobs). Undoing drops tables and their data.
An N larger than the applied migrations is refused, and so is one that reaches the
watcher's first migration (it drops every posting, version and event) unless
--drop-history is given too; either way nothing is undone.

With store: postgres (docs/fleet.md), import-git, export-git, run, worker, status,
postings, show, report and serve use the database; daemon refuses it.

The notifiers and serve sections of the config are not read, so their ${VARS} need
not be set. The database_url is never printed.

Exit codes: 0 done; 1 the database could not be reached or a migration failed;
2 bad usage, invalid config, or a config whose store is not postgres.`,
		Example: `  DATABASE_URL=postgres://watcher@db/watcher watcher migrate
  watcher migrate --down 1
  watcher migrate --down 13 --drop-history`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("down") && down < 1 {
				return usageFail(cmd, cmd.ErrOrStderr(), "--down %d: must be at least 1", down)
			}
			if dropHistory && down == 0 {
				return usageFail(cmd, cmd.ErrOrStderr(), "--drop-history: only with --down N")
			}
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if _, err := newLogger(stderr, f.level, f.format); err != nil {
				return usageFail(cmd, stderr, "%v", err)
			}
			cfg, err := loadReadOnly(f.path)
			if err != nil {
				printConfigError(cmd, err)
				return &exitError{ExitUsage}
			}
			stdout, stderr, logger := redacted(cfg, stdout, stderr, f.level, f.format)
			if err := postgresOnly(cmd, stderr, cfg, f.path, ""); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			connect, cancel := context.WithTimeout(ctx, 30*time.Second)
			store, err := pgstore.Open(connect, cfg.Store.DatabaseURL, logger)
			cancel()
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", cmd.CommandPath(), err)
				return &exitError{ExitFailed}
			}
			defer store.Close()

			var steps []pgstore.Step
			if down > 0 {
				steps, err = pgstore.MigrateDown(ctx, store.Pool(), down, dropHistory, logger)
			} else {
				steps, err = pgstore.MigrateUp(ctx, store.Pool(), logger)
			}
			for _, s := range steps {
				verb := "applied"
				if s.Down {
					verb = "undone"
				}
				fmt.Fprintf(stdout, "%s %s %d %s\n", verb, s.Line, s.Version, s.Name)
			}
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", cmd.CommandPath(), err)
				return &exitError{ExitFailed}
			}
			st, err := pgstore.MigrationStatus(ctx, store.Pool(), logger)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", cmd.CommandPath(), err)
				return &exitError{ExitFailed}
			}
			state := "up to date"
			if !st.Current() {
				state = "not up to date (run watcher migrate)"
			}
			fmt.Fprintf(stdout, "schema %s: river %s of %d, watcher %s of %d\n", state,
				latest(st.River), st.RiverLatest, latest(st.Watcher), st.WatcherLatest)
			logger.Info("migrate done", "steps", len(steps), "current", st.Current())
			return nil
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "warn")
	cmd.Flags().IntVar(&down, "down", 0, "undo the N newest migrations instead (the watcher's, then River's)")
	cmd.Flags().BoolVar(&dropHistory, "drop-history", false, "with --down: allow undoing the watcher's first migration, which drops every posting, version and event")
	return cmd
}

// latest is the newest applied version ("none").
func latest(vs []int) string {
	if len(vs) == 0 {
		return "none"
	}
	return fmt.Sprint(vs[len(vs)-1])
}
