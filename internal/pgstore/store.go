// Package pgstore is the PostgreSQL store of fleet mode (issue 14): the
// schema (versioned migrations, ours and River's, up and down), and the
// transactional write of a source's changes: the postings' current
// snapshots, an append-only row per change, the events under their
// deterministic ids and a River `deliver` job per event and notifier, all
// in one transaction.
//
// Backend is the snapshot.Backend the pipeline (internal/watch) writes
// through: its write phase is buffered and becomes one Apply per source.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// Store is a connection pool to a migrated database and an insert-only
// River client on it.
type Store struct {
	pool  *pgxpool.Pool
	river *river.Client[pgx.Tx]
}

// Open connects to the database at dsn (a postgres:// URL or key=value
// string). The DSN holds a password: callers redact it from anything they
// print; errors from here never quote it.
func Open(ctx context.Context, dsn string, logger *slog.Logger) (*Store, error) {
	return OpenConns(ctx, dsn, 0, logger)
}

// OpenConns is Open with a pool of conns connections when conns is above
// 0 (a worker: one per running job and some for River; pgx's default,
// max(4, CPUs), would be more on a large machine than the README's sizing
// counts), or of the DSN's pool_max_conns when that is larger (a smaller
// one would leave jobs waiting for a connection).
func OpenConns(ctx context.Context, dsn string, conns int, logger *slog.Logger) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's parse errors can quote the string: say only that it is bad
		return nil, errors.New("database_url: not a valid PostgreSQL connection string")
	}
	// pgx has read pool_max_conns into MaxConns when the DSN names it
	if set := strings.Contains(dsn, "pool_max_conns="); conns > 0 && (!set || cfg.MaxConns < int32(conns)) {
		cfg.MaxConns = int32(conns)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", where(cfg), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to %s: %w", where(cfg), err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	rc, err := river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: logger})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("river client: %w", err)
	}
	return &Store{pool: pool, river: rc}, nil
}

// where names a database without its credentials: database "x" on host h.
func where(cfg *pgxpool.Config) string {
	return fmt.Sprintf("database %q on %s", cfg.ConnConfig.Database, cfg.ConnConfig.Host)
}

// Pool is the store's connection pool.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool.
func (s *Store) Close() { s.pool.Close() }

// Kind of a posting change.
const (
	Added   = "added"
	Changed = "changed"
	Removed = "removed"
)

// Change is one posting's new state.
type Change struct {
	PostingID string
	Kind      string // Added, Changed or Removed
	// Snapshot is the posting's canonical JSON (not read for a removal);
	// Hash is its content hash.
	Snapshot []byte
	Hash     string
}

// Event is one event of the changes, under its deterministic id, and the
// notifiers it goes to (one deliver job each).
type Event struct {
	ID        string
	Type      string // posting.added, source.failed, ...
	PostingID string // "" for a source event
	Payload   []byte // JSON
	Notifiers []string
}

// Health is a source's health after a run.
type Health struct {
	State     string // ok, failing or suspicious
	Failures  int    // failed runs in a row
	LastError string
	Success   bool // this run fetched the source
}

// Batch is what one run of one source writes: it becomes the truth whole
// or not at all.
type Batch struct {
	Source     string
	SourceType string
	At         time.Time
	Changes    []Change
	// Seen are the postings fetched unchanged: their last_seen moves on.
	Seen   []string
	Events []Event
	Health *Health // nil: left as it is
	State  *State  // nil: left as it is
	// Base, when set, is the version of the source's state (source_state,
	// 0 for none) the run read before it compared: the batch is written
	// only while the store is still at it (ErrStale otherwise), so that of
	// two runs of one source that overlap (a cron `run` beside a worker's
	// poll, a job rescued while its first worker lives) the one that read
	// first cannot write last.
	Base *int64
}

// State is what the pipeline keeps of a source besides its postings (the
// files store's .watcher/ folder): each part is replaced only when its Set
// flag is true (a nil value then removes it).
type State struct {
	Index           []byte // snapshot.Index as JSON
	SetIndex        bool
	Validators      []byte // HTTP validators, JSON as saved
	SetValidators   bool
	AdapterState    []byte // adapter state, JSON as saved
	SetAdapterState bool
}

// Result counts what a batch wrote. A change equal to the stored posting
// writes no version; an event already recorded writes nothing and enqueues
// no job.
type Result struct {
	Versions        int
	Events          int
	DuplicateEvents int
	Jobs            int
}

// ErrStale is the answer to a batch whose source another run wrote after
// this run read its state (Batch.Base): writing it would put back what
// this run fetched earlier over what the other run fetched later, with
// events against a version the store no longer holds. Nothing of the
// batch is written; the next run compares with what the store holds then.
var ErrStale = errors.New("another run wrote the source after this run read it: nothing of this run is written for it (the next run compares again)")

// DeliverArgs is the `deliver` job: one event to one notifier. Unique by
// both, so a second job for the same delivery is never enqueued while the
// first is kept.
type DeliverArgs struct {
	EventID  string `json:"event_id" river:"unique"`
	Notifier string `json:"notifier" river:"unique"`
}

// Kind is River's name of the job.
func (DeliverArgs) Kind() string { return "deliver" }

// DeliverQueue is the queue of the deliver jobs.
const DeliverQueue = "deliver"

// InsertOpts: the deliver queue, unique by event and notifier.
func (DeliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: DeliverQueue, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// Apply writes a source's batch in one transaction: the source, each
// posting's current snapshot and its version row, the health, the events
// (an id already recorded is skipped) and a deliver job per new event and
// notifier, enqueued in the same transaction. On any error nothing of it
// is written.
func (s *Store) Apply(ctx context.Context, b Batch) (Result, error) {
	var res Result
	if b.Source == "" {
		return res, errors.New("apply: empty source name")
	}
	if b.At.IsZero() {
		b.At = time.Now()
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		r, err := s.applyTx(ctx, tx, b)
		res = r
		return err
	})
	if err != nil {
		return Result{}, fmt.Errorf("source %q: %w", b.Source, err)
	}
	return res, nil
}

// ApplyAll writes the batches of several sources (one run's write phase)
// in one transaction: all of them or none.
func (s *Store) ApplyAll(ctx context.Context, bs []Batch) (Result, error) {
	var res Result
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		res = Result{}
		for _, b := range bs {
			if b.Source == "" {
				return errors.New("apply: empty source name")
			}
			if b.At.IsZero() {
				b.At = time.Now()
			}
			r, err := s.applyTx(ctx, tx, b)
			if err != nil {
				return fmt.Errorf("source %q: %w", b.Source, err)
			}
			res.Versions += r.Versions
			res.Events += r.Events
			res.DuplicateEvents += r.DuplicateEvents
			res.Jobs += r.Jobs
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// applyTx is Apply inside tx (a test rolls it back).
func (s *Store) applyTx(ctx context.Context, tx pgx.Tx, b Batch) (Result, error) {
	var res Result
	if b.Base != nil {
		// one writer of a source at a time (also before its state row
		// exists), then the version it read must still be the stored one
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('careers-watcher:source:' || $1, 0))`, b.Source); err != nil {
			return res, fmt.Errorf("source lock: %w", err)
		}
		var v int64
		err := tx.QueryRow(ctx, `SELECT version FROM source_state WHERE source = $1`, b.Source).Scan(&v)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return res, fmt.Errorf("source state: %w", err)
		}
		if v != *b.Base {
			return res, fmt.Errorf("%w (state version %d, read at %d)", ErrStale, v, *b.Base)
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO sources (name, type) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET type = excluded.type WHERE sources.type IS DISTINCT FROM excluded.type`,
		b.Source, b.SourceType); err != nil {
		return res, fmt.Errorf("source row: %w", err)
	}
	for _, c := range b.Changes {
		c, err := storableChange(c)
		if err != nil {
			return res, fmt.Errorf("posting %q: %w", c.PostingID, err)
		}
		wrote, err := applyChange(ctx, tx, b.Source, b.At, c)
		if err != nil {
			return res, fmt.Errorf("posting %q: %w", c.PostingID, err)
		}
		if wrote {
			res.Versions++
		}
	}
	if len(b.Seen) > 0 {
		seen := make([]string, len(b.Seen))
		for i, id := range b.Seen {
			seen[i] = storableID(id)
		}
		if _, err := tx.Exec(ctx, `UPDATE postings SET last_seen = $3
			WHERE source = $1 AND id = ANY($2) AND removed_at IS NULL AND last_seen < $3`,
			b.Source, seen, b.At); err != nil {
			return res, fmt.Errorf("last_seen: %w", err)
		}
	}
	if h := b.Health; h != nil {
		if err := applyHealth(ctx, tx, b.Source, b.At, *h); err != nil {
			return res, err
		}
	}
	if err := applyState(ctx, tx, b.Source, b.At, b.State); err != nil {
		return res, err
	}
	var jobs []river.InsertManyParams
	for _, e := range b.Events {
		payload := e.Payload
		if payload == nil {
			payload = []byte("{}")
		}
		tag, err := tx.Exec(ctx, `INSERT INTO events (id, type, source, posting_id, payload, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
			e.ID, e.Type, b.Source, storableID(e.PostingID), payload, b.At)
		if err != nil {
			return res, fmt.Errorf("event %s: %w", e.ID, err)
		}
		if tag.RowsAffected() == 0 {
			res.DuplicateEvents++
			continue // recorded before: its jobs were enqueued with it
		}
		res.Events++
		for _, n := range e.Notifiers {
			jobs = append(jobs, river.InsertManyParams{Args: DeliverArgs{EventID: e.ID, Notifier: n}})
		}
	}
	if len(jobs) > 0 {
		inserted, err := s.river.InsertManyTx(ctx, tx, jobs)
		if err != nil {
			return res, fmt.Errorf("enqueue %d deliver jobs: %w", len(jobs), err)
		}
		for _, r := range inserted {
			if !r.UniqueSkippedAsDuplicate {
				res.Jobs++
			}
		}
	}
	return res, nil
}

// applyChange writes one posting and, when it changed, its version row;
// wrote is false for a change equal to what is stored.
func applyChange(ctx context.Context, tx pgx.Tx, source string, at time.Time, c Change) (wrote bool, err error) {
	var version int
	var change, hash string
	var snap []byte
	switch c.Kind {
	case Added, Changed:
		if len(c.Snapshot) == 0 || c.Hash == "" {
			return false, errors.New("a snapshot and its hash are required")
		}
		// xmax = 0: the row was inserted, not updated
		var inserted, reopened bool
		err = tx.QueryRow(ctx, `
			WITH old AS (SELECT removed_at FROM postings WHERE source = $1 AND id = $2)
			INSERT INTO postings AS p (source, id, snapshot, hash, version, first_seen, last_seen, changed_at)
			VALUES ($1, $2, $3, $4, 1, $5, $5, $5)
			ON CONFLICT (source, id) DO UPDATE
				SET snapshot = excluded.snapshot, hash = excluded.hash, version = p.version + 1,
					last_seen = excluded.last_seen, changed_at = excluded.changed_at, removed_at = NULL
				WHERE p.hash <> excluded.hash OR p.removed_at IS NOT NULL
			RETURNING p.version, p.xmax = 0, COALESCE((SELECT removed_at IS NOT NULL FROM old), false)`,
			source, c.PostingID, c.Snapshot, c.Hash, at).Scan(&version, &inserted, &reopened)
		if errors.Is(err, pgx.ErrNoRows) {
			// the stored posting is this one: seen again, nothing changed
			_, err = tx.Exec(ctx, `UPDATE postings SET last_seen = $3 WHERE source = $1 AND id = $2 AND last_seen < $3`,
				source, c.PostingID, at)
			return false, err
		}
		if err != nil {
			return false, err
		}
		switch {
		case inserted:
			change = Added
		case reopened:
			change = "reopened"
		default:
			change = Changed
		}
		hash, snap = c.Hash, c.Snapshot
	case Removed:
		err = tx.QueryRow(ctx, `UPDATE postings SET removed_at = $3, changed_at = $3, version = version + 1
			WHERE source = $1 AND id = $2 AND removed_at IS NULL RETURNING version, hash`,
			source, c.PostingID, at).Scan(&version, &hash)
		if errors.Is(err, pgx.ErrNoRows) {
			return false, nil // unknown or removed already
		}
		if err != nil {
			return false, err
		}
		change = Removed
	default:
		return false, fmt.Errorf("unknown change kind %q", c.Kind)
	}
	_, err = tx.Exec(ctx, `INSERT INTO versions (source, posting_id, version, change, hash, snapshot, recorded_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, source, c.PostingID, version, change, hash, snap, at)
	if err != nil {
		return false, fmt.Errorf("version %d: %w", version, err)
	}
	return true, nil
}

// applyState stores the parts of st that are set, and moves the source's
// version (readers cache by it) with every batch.
func applyState(ctx context.Context, tx pgx.Tx, source string, at time.Time, st *State) error {
	if st == nil {
		st = &State{}
	}
	var idx any
	if st.SetIndex && st.Index != nil {
		raw, err := storableIndex(st.Index)
		if err != nil {
			return fmt.Errorf("source state: %w", err)
		}
		idx = string(raw) // jsonb from its text
	}
	val, state := st.Validators, st.AdapterState
	if !st.SetValidators {
		val = nil
	}
	if !st.SetAdapterState {
		state = nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO source_state AS s (source, idx, validators, adapter_state, version, updated_at)
		VALUES ($1, $2::jsonb, $4, $6, 1, $8)
		ON CONFLICT (source) DO UPDATE SET
			idx = CASE WHEN $3 THEN excluded.idx ELSE s.idx END,
			validators = CASE WHEN $5 THEN excluded.validators ELSE s.validators END,
			adapter_state = CASE WHEN $7 THEN excluded.adapter_state ELSE s.adapter_state END,
			version = s.version + 1, updated_at = excluded.updated_at`,
		source, idx, st.SetIndex, val, st.SetValidators, state, st.SetAdapterState, at)
	if err != nil {
		return fmt.Errorf("source state: %w", err)
	}
	return nil
}

func applyHealth(ctx context.Context, tx pgx.Tx, source string, at time.Time, h Health) error {
	var success, failure *time.Time
	if h.Success {
		success = &at
	} else {
		failure = &at
	}
	_, err := tx.Exec(ctx, `INSERT INTO source_health AS h (source, state, failures, last_error, last_success, last_failure, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (source) DO UPDATE SET state = excluded.state, failures = excluded.failures,
			last_error = excluded.last_error,
			last_success = COALESCE(excluded.last_success, h.last_success),
			last_failure = COALESCE(excluded.last_failure, h.last_failure),
			updated_at = excluded.updated_at`,
		source, h.State, h.Failures, h.LastError, success, failure, at)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	return nil
}

// Version is one row of a posting's history.
type Version struct {
	Version    int
	Change     string // added, changed, removed, reopened
	Hash       string
	Snapshot   []byte // nil for a removal
	RecordedAt time.Time
}

// History is a posting's versions, oldest first (none for an unknown one).
func (s *Store) History(ctx context.Context, source, id string) ([]Version, error) {
	rows, err := s.pool.Query(ctx, `SELECT version, change, hash, snapshot, recorded_at FROM versions
		WHERE source = $1 AND posting_id = $2 ORDER BY version`, source, id)
	if err != nil {
		return nil, fmt.Errorf("history of %s/%s: %w", source, id, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Version, error) {
		var v Version
		err := r.Scan(&v.Version, &v.Change, &v.Hash, &v.Snapshot, &v.RecordedAt)
		return v, err
	})
	if err != nil {
		return nil, fmt.Errorf("history of %s/%s: %w", source, id, err)
	}
	return out, nil
}
