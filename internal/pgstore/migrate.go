package pgstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"regexp"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// The schema is two lines of versioned migrations: River's own (its job
// tables, from rivermigrate) and ours (migrations/NNN_name.up.sql and
// .down.sql, recorded in watcher_migration). Up applies River's, then
// ours; down undoes ours newest first, then River's: our tables do not
// depend on River's, so that order is always possible.

//go:embed migrations/*.sql
var migrationFS embed.FS

// Lines of migrations, as a Step names them.
const (
	LineRiver   = "river"
	LineWatcher = "watcher"
)

// Migration is one of ours.
type Migration struct {
	Version int
	Name    string
	Up      string
	Down    string
}

var migrationName = regexp.MustCompile(`^(\d{3})_([a-z0-9_]+)\.(up|down)\.sql$`)

// Migrations are ours, in version order (read from the embedded files).
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	byVersion := map[int]*Migration{}
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migrations: %s: name is not NNN_name.up.sql or NNN_name.down.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		b, err := migrationFS.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migrations: %s: %w", e.Name(), err)
		}
		mg := byVersion[v]
		if mg == nil {
			mg = &Migration{Version: v, Name: m[2]}
			byVersion[v] = mg
		} else if mg.Name != m[2] {
			return nil, fmt.Errorf("migrations: version %d has two names, %s and %s", v, mg.Name, m[2])
		}
		if m[3] == "up" {
			mg.Up = string(b)
		} else {
			mg.Down = string(b)
		}
	}
	var out []Migration
	for _, m := range byVersion {
		if m.Up == "" || m.Down == "" {
			return nil, fmt.Errorf("migrations: version %d (%s) needs both an up and a down file", m.Version, m.Name)
		}
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migrations: version %d missing (found %d)", i+1, m.Version)
		}
	}
	return out, nil
}

// Step is one migration applied or undone.
type Step struct {
	Line    string // LineRiver or LineWatcher
	Version int
	Name    string
	Down    bool
}

func (s Step) String() string {
	dir := "up"
	if s.Down {
		dir = "down"
	}
	return fmt.Sprintf("%s %d %s (%s)", s.Line, s.Version, s.Name, dir)
}

// migrateLock serializes migrations of one database across processes
// (a session advisory lock; River's keys carry its own prefix).
const migrateLock = int64(0x77617463_6d696772) // "watc" "migr"

const migrationTable = `CREATE TABLE IF NOT EXISTS watcher_migration (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)`

// MigrateUp applies every pending migration, River's then ours, and
// returns what it applied (nothing when the schema is current).
func MigrateUp(ctx context.Context, pool *pgxpool.Pool, logger *slog.Logger) ([]Step, error) {
	var steps []Step
	err := withLock(ctx, pool, func() error {
		rm, err := riverMigrator(pool, logger)
		if err != nil {
			return err
		}
		res, err := rm.Migrate(ctx, rivermigrate.DirectionUp, nil)
		if err != nil {
			return fmt.Errorf("river migrations up: %w", err)
		}
		for _, v := range res.Versions {
			steps = append(steps, Step{Line: LineRiver, Version: v.Version, Name: v.Name})
		}
		ours, err := Migrations()
		if err != nil {
			return err
		}
		applied, err := appliedVersions(ctx, pool)
		if err != nil {
			return err
		}
		for _, m := range ours {
			if applied[m.Version] {
				continue
			}
			err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, m.Up); err != nil {
					return err
				}
				_, err := tx.Exec(ctx, `INSERT INTO watcher_migration (version, name) VALUES ($1, $2)`, m.Version, m.Name)
				return err
			})
			if err != nil {
				return fmt.Errorf("migration %d (%s) up: %w", m.Version, m.Name, err)
			}
			steps = append(steps, Step{Line: LineWatcher, Version: m.Version, Name: m.Name})
		}
		return nil
	})
	return steps, err
}

// MigrateDown undoes the n newest migrations: ours first (newest first),
// then River's. Undoing River's removes its job tables, and the queued jobs
// with them. It refuses, undoing nothing, an n larger than the applied
// migrations, and one that reaches our first migration (which drops every
// posting, version and event) unless dropHistory says so.
func MigrateDown(ctx context.Context, pool *pgxpool.Pool, n int, dropHistory bool, logger *slog.Logger) ([]Step, error) {
	if n < 1 {
		return nil, fmt.Errorf("migrate down: %d steps: must be at least 1", n)
	}
	var steps []Step
	err := withLock(ctx, pool, func() error {
		ours, err := Migrations()
		if err != nil {
			return err
		}
		applied, err := appliedVersions(ctx, pool)
		if err != nil {
			return err
		}
		rm, err := riverMigrator(pool, logger)
		if err != nil {
			return err
		}
		existing, err := rm.ExistingVersions(ctx)
		if err != nil {
			return fmt.Errorf("river migrations: %w", err)
		}
		// refused before anything is undone: more steps than are applied
		// (a typo's "--down 10" for "--down 1"), and the first migration,
		// whose undoing drops every posting, version and event, unless
		// asked for by name
		ourApplied := 0
		for _, m := range ours {
			if applied[m.Version] {
				ourApplied++
			}
		}
		if n > ourApplied+len(existing) {
			return fmt.Errorf("migrate down: %d steps: only %d migrations are applied (watcher %d, river %d): nothing undone",
				n, ourApplied+len(existing), ourApplied, len(existing))
		}
		if n >= ourApplied && ourApplied > 0 && applied[ours[0].Version] && !dropHistory {
			return fmt.Errorf("migrate down: %d steps would undo watcher %d (%s), which drops every posting, version and event: nothing undone (add --drop-history to do so)",
				n, ours[0].Version, ours[0].Name)
		}
		for i := len(ours) - 1; i >= 0 && len(steps) < n; i-- {
			m := ours[i]
			if !applied[m.Version] {
				continue
			}
			err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, m.Down); err != nil {
					return err
				}
				_, err := tx.Exec(ctx, `DELETE FROM watcher_migration WHERE version = $1`, m.Version)
				return err
			})
			if err != nil {
				return fmt.Errorf("migration %d (%s) down: %w", m.Version, m.Name, err)
			}
			steps = append(steps, Step{Line: LineWatcher, Version: m.Version, Name: m.Name, Down: true})
		}
		left := n - len(steps)
		if left == 0 {
			return nil
		}
		if len(existing) == 0 {
			return nil
		}
		res, err := rm.Migrate(ctx, rivermigrate.DirectionDown, &rivermigrate.MigrateOpts{MaxSteps: left})
		if err != nil {
			return fmt.Errorf("river migrations down: %w", err)
		}
		for _, v := range res.Versions {
			steps = append(steps, Step{Line: LineRiver, Version: v.Version, Name: v.Name, Down: true})
		}
		return nil
	})
	return steps, err
}

// Status is the applied versions of each line.
type Status struct {
	River, Watcher []int
	// RiverLatest and WatcherLatest are the newest versions this build has.
	RiverLatest, WatcherLatest int
}

// Current says whether every migration of this build is applied.
func (s Status) Current() bool {
	return len(s.River) > 0 && slices.Max(s.River) == s.RiverLatest &&
		len(s.Watcher) == s.WatcherLatest
}

// MigrationStatus reads which migrations are applied.
func MigrationStatus(ctx context.Context, pool *pgxpool.Pool, logger *slog.Logger) (Status, error) {
	var st Status
	rm, err := riverMigrator(pool, logger)
	if err != nil {
		return st, err
	}
	all := rm.AllVersions()
	st.RiverLatest = all[len(all)-1].Version
	existing, err := rm.ExistingVersions(ctx)
	if err != nil {
		return st, fmt.Errorf("river migrations: %w", err)
	}
	for _, m := range existing {
		st.River = append(st.River, m.Version)
	}
	ours, err := Migrations()
	if err != nil {
		return st, err
	}
	st.WatcherLatest = len(ours)
	applied, err := appliedVersions(ctx, pool)
	if err != nil {
		return st, err
	}
	for v := range applied {
		st.Watcher = append(st.Watcher, v)
	}
	slices.Sort(st.Watcher)
	return st, nil
}

func riverMigrator(pool *pgxpool.Pool, logger *slog.Logger) (*rivermigrate.Migrator[pgx.Tx], error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: logger})
	if err != nil {
		return nil, fmt.Errorf("river migrator: %w", err)
	}
	return m, nil
}

func appliedVersions(ctx context.Context, pool *pgxpool.Pool) (map[int]bool, error) {
	if _, err := pool.Exec(ctx, migrationTable); err != nil {
		return nil, fmt.Errorf("watcher_migration: %w", err)
	}
	rows, err := pool.Query(ctx, `SELECT version FROM watcher_migration`)
	if err != nil {
		return nil, fmt.Errorf("watcher_migration: %w", err)
	}
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return nil, fmt.Errorf("watcher_migration: %w", err)
	}
	out := map[int]bool{}
	for _, v := range vs {
		out[v] = true
	}
	return out, nil
}

// withLock runs f holding the migration lock of the database.
func withLock(ctx context.Context, pool *pgxpool.Pool, f func() error) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}
	defer func() {
		_, uerr := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
		if uerr != nil {
			conn.Conn().Close(context.WithoutCancel(ctx)) // the session ends, and its lock with it
		}
	}()
	return f()
}
