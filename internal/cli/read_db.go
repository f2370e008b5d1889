package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// The readers on the database (store: postgres): status, postings and
// show print what they print of a snapshot folder, read from the tables.

// openDatabase opens the database when the config at path says store:
// postgres (db nil otherwise: the command reads the snapshot folder). A
// config that does not load is reported as openFolder reports it.
func openDatabase(cmd *cobra.Command, path string) (*fleet.DB, *config.Config, error) {
	cfg, err := loadReadOnly(path)
	if err != nil {
		printConfigError(cmd, err)
		return nil, nil, &exitError{ExitUsage}
	}
	if !cfg.Store.Postgres() {
		return nil, nil, nil
	}
	maskWith(cmd, cfg)
	db, err := fleet.Open(contextOf(cmd), cfg, nil)
	if err != nil {
		return nil, nil, fail(cmd, ExitFailed, "%s", cfg.Redactor().Text(err.Error()))
	}
	return db, cfg, nil
}

// statusDB is `watcher status` on the database.
func statusDB(cmd *cobra.Command, db *fleet.DB, cfg *config.Config, asJSON bool) error {
	sts, err := db.Statuses(contextOf(cmd), cfg, time.Now())
	if err != nil {
		return fail(cmd, ExitFailed, "%v", err)
	}
	if asJSON {
		return writeJSON(cmd, sts)
	}
	writeStatusTable(cmd.OutOrStdout(), sts)
	return nil
}

// dbListing is the database's answer to what postings reads of a folder:
// the configured sources and each one's open postings.
func dbListing(db *fleet.DB, cfg *config.Config) ([]serve.SourceConfig, func(string) ([]model.Posting, error)) {
	srcs := make([]serve.SourceConfig, 0, len(cfg.Sources))
	for _, s := range cfg.Sources {
		srcs = append(srcs, serve.SourceConfig{Name: s.Name, Type: s.Type, Company: s.Company, Schedule: cfg.SourceSchedule(s)})
	}
	return srcs, db.Backend.Postings
}

// showDB is `watcher show` on the database: the history is the versions
// table's.
func showDB(cmd *cobra.Command, db *fleet.DB, cfg *config.Config, source, id string, asJSON bool) error {
	known := false
	for _, s := range cfg.Sources {
		known = known || s.Name == source
	}
	if !known {
		return usageFail(cmd, cmd.ErrOrStderr(), "%s", noSuchSource("source ", source, sourceNames(cfg)))
	}
	d, err := db.Detail(contextOf(cmd), source, id)
	if err != nil {
		return fail(cmd, ExitFailed, "%v", err)
	}
	if d.Posting == nil {
		return fail(cmd, ExitFailed, "source %q: no posting %q, now or in the history", source, id)
	}
	if asJSON {
		return writeJSON(cmd, d)
	}
	writeDetail(cmd.OutOrStdout(), d)
	return nil
}

// postgresOnly refuses a config whose store is the snapshot folder in the
// commands that are for the database only (migrate, worker, import-git,
// export-git): exit 2, naming the config file (path), with hint after a
// semicolon when there is one.
func postgresOnly(cmd *cobra.Command, stderr io.Writer, cfg *config.Config, path, hint string) error {
	if cfg.Store.Postgres() {
		return nil
	}
	if hint != "" {
		hint = " (" + hint + ")"
	}
	fmt.Fprintf(stderr, "%s: %s: the store is the snapshot folder; %s is for store: postgres with database_url%s\n", cmd.CommandPath(), path, cmd.Name(), hint)
	return &exitError{ExitUsage}
}

// openFleetDB is the start of a command that works on the database only
// (import-git, export-git): the config loaded, a store that is not
// postgres refused, the database opened under a context that SIGINT and
// SIGTERM cancel. done closes both; on an error it has been called.
func (f *configFlags) openFleetDB(cmd *cobra.Command) (l *loaded, ctx context.Context, db *fleet.DB, done func(), err error) {
	if l, err = f.load(cmd); err != nil {
		return nil, nil, nil, nil, err
	}
	if err := postgresOnly(cmd, l.stderr, l.cfg, f.path, ""); err != nil {
		return nil, nil, nil, nil, err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	if db, err = fleet.Open(ctx, l.cfg, l.logger); err != nil {
		stop()
		fmt.Fprintf(l.stderr, "%s: %v\n", cmd.CommandPath(), err)
		return nil, nil, nil, nil, &exitError{ExitFailed}
	}
	return l, ctx, db, func() { db.Close(); stop() }, nil
}

// contextOf is cmd's context, or a background one (a command run without
// ExecuteContext).
func contextOf(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
