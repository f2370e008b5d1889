// Package fleet is fleet mode's runtime (issue 14, docs/fleet.md): the
// database of store: postgres opened for the pipeline (pgstore.Backend
// behind watch.Options.Backend), and the worker, a River client that runs
// the `poll_source` jobs (a source's run, periodic on its schedule, never
// two of one source at once) and the `deliver` jobs (one event to one
// notifier, retried with backoff, a receiver's Retry-After honoured by
// snoozing).
package fleet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
)

// DB is the database of a store: postgres config, migrated and current.
type DB struct {
	Store   *pgstore.Store
	Backend *pgstore.Backend
	// Gate is the fleet-wide turn per host (host_turns) the pipeline takes
	// for every request: watch.Options.HostGate.
	Gate *pgstore.HostGate
}

// ErrSchema is the error of a database whose schema is not this build's.
var ErrSchema = errors.New("the database schema is not up to date: run watcher migrate")

// Open connects to cfg's database_url (giving up after ConnectTimeout) and
// checks that every migration of this build is applied. ctx bounds the
// Backend's reads for its life. Errors never quote the connection string.
func Open(ctx context.Context, cfg *config.Config, logger *slog.Logger) (*DB, error) {
	return OpenConns(ctx, cfg, 0, logger)
}

// OpenConns is Open with a pool of at least conns connections (a worker:
// one per job it runs at once, and some for River).
func OpenConns(ctx context.Context, cfg *config.Config, conns int, logger *slog.Logger) (*DB, error) {
	if !cfg.Store.Postgres() {
		return nil, errors.New("fleet: the config's store is not postgres")
	}
	connect, cancel := context.WithTimeout(ctx, ConnectTimeout)
	defer cancel()
	// the driver's errors name user and database, never the password; the
	// redactor makes sure of it for every caller
	redacted := func(err error) error { return errors.New(cfg.Redactor().Text(err.Error())) }
	s, err := pgstore.OpenConns(connect, cfg.Store.DatabaseURL, conns, logger)
	if err != nil {
		return nil, redacted(err)
	}
	st, err := pgstore.MigrationStatus(connect, s.Pool(), logger)
	if err != nil {
		s.Close()
		return nil, redacted(err)
	}
	if !st.Current() {
		s.Close()
		return nil, fmt.Errorf("%w (river %d of %d, watcher %d of %d migrations applied)", ErrSchema,
			len(st.River), st.RiverLatest, len(st.Watcher), st.WatcherLatest)
	}
	types := make(map[string]string, len(cfg.Sources))
	for _, src := range cfg.Sources {
		types[src.Name] = src.Type
	}
	// a turn is held for one request: its timeout, and a margin
	gate := pgstore.NewHostGate(s, cfg.HTTP.Timeout+30*time.Second, logger)
	backend := pgstore.NewBackend(ctx, s, types, logger)
	red := cfg.Redactor()
	backend.Redact = func(s string) string { return string(red.Output([]byte(s))) }
	return &DB{Store: s, Backend: backend, Gate: gate}, nil
}

// ConnectTimeout bounds Open's connection and schema check.
var ConnectTimeout = 30 * time.Second

// Close closes the connections.
func (d *DB) Close() { d.Store.Close() }
