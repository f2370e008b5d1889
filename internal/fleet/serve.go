package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// ServeReader is the database as `watcher serve` reads it (serve.Reader):
// statuses and posting histories as `status` and `show` print them, open
// postings from postings, the recent events from the events table (their
// ids the ones delivered), the outbox as the deliver jobs not finished.
// Nothing is pushed to git: Unpushed is never ok.
type ServeReader struct {
	db  *DB
	cfg *config.Config
	ctx context.Context
	now func() time.Time
}

var _ serve.Reader = (*ServeReader)(nil)

// NewServeReader reads db for the sources of cfg; ctx bounds every read.
func NewServeReader(ctx context.Context, db *DB, cfg *config.Config) *ServeReader {
	return &ServeReader{db: db, cfg: cfg, ctx: ctx, now: time.Now}
}

// readTimeout bounds one read of a page.
const readTimeout = 30 * time.Second

func (r *ServeReader) bounded() (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.ctx, readTimeout)
}

// boundedBy is bounded for a read of a request: it ends with the request's
// ctx too (the client went away).
func (r *ServeReader) boundedBy(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	stop := context.AfterFunc(r.ctx, cancel)
	return ctx, func() { stop(); cancel() }
}

// Readable pings the database.
func (r *ServeReader) Readable() error {
	ctx, cancel := r.bounded()
	defer cancel()
	if err := r.db.Store.Pool().Ping(ctx); err != nil {
		return fmt.Errorf("fleet: database: %w", err)
	}
	return nil
}

// Source finds a configured source by name.
func (r *ServeReader) Source(name string) (serve.SourceConfig, bool) {
	for _, s := range r.cfg.Sources {
		if s.Name == name {
			return serve.SourceConfig{Name: s.Name, Type: s.Type, Company: s.Company, Schedule: r.cfg.SourceSchedule(s)}, true
		}
	}
	return serve.SourceConfig{}, false
}

// Statuses is every configured source's status (DB.Statuses).
func (r *ServeReader) Statuses() ([]serve.Status, error) {
	ctx, cancel := r.bounded()
	defer cancel()
	return r.db.Statuses(ctx, r.cfg, r.now())
}

// SourceStatus is one configured source's status.
func (r *ServeReader) SourceStatus(name string) (serve.Status, error) {
	sts, err := r.Statuses()
	if err != nil {
		return serve.Status{}, err
	}
	for _, st := range sts {
		if st.Name == name {
			return st, nil
		}
	}
	return serve.Status{}, fmt.Errorf("fleet: source %q: %w", name, ErrNoSource)
}

// Listing is the source's open postings without descriptions, by id.
func (r *ServeReader) Listing(source string) ([]model.Posting, error) {
	ps, err := r.db.Backend.Postings(source)
	if err != nil {
		return nil, err
	}
	serve.Lighten(ps)
	return ps, nil
}

// Version is the source's write counter (source_state.version).
func (r *ServeReader) Version(source string) string { return r.db.Backend.Version(source) }

// Detail is a posting and its history from the versions table.
func (r *ServeReader) Detail(ctx context.Context, source, id string) (serve.Detail, error) {
	ctx, cancel := r.boundedBy(ctx)
	defer cancel()
	return r.db.Detail(ctx, source, id)
}

// Events are the recorded events of the configured sources (or of
// q.Source), newest first: the events table's, under the ids they were
// delivered with. Commit is empty: the history is the database's.
// maxFilterScan bounds the events a filtered read looks at (as the git
// reader's walk is bounded).
const maxFilterScan = 20000

// errEnough ends a read of rows once it has what it needs.
var errEnough = errors.New("enough rows")

func (r *ServeReader) Events(q serve.EventQuery) ([]serve.Event, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	var names []string
	for _, s := range r.cfg.Sources {
		if q.Source == "" || q.Source == s.Name {
			names = append(names, s.Name)
		}
	}
	var since *time.Time
	if !q.Since.IsZero() {
		since = &q.Since
	}
	var before *string
	if q.Before != "" {
		before = &q.Before
	}
	// a filter (Match) is applied to the rows as they come: the newest
	// maxFilterScan events are read for up to Limit matches
	rowLimit := q.Limit
	if q.Match != nil {
		rowLimit = maxFilterScan
	}
	ctx, cancel := r.bounded()
	defer cancel()
	// Before: the rows after the cursor's event in the answer's order
	// (keyset paging), none when no such event is recorded
	if q.Before != "" {
		// a page's next here is an event id: anything else is no cursor
		// of this API, answered without a query (review s28 F5: "%00"
		// was a database error, a 500)
		if !serve.EventIDForm(q.Before) {
			return nil, serve.ErrBadCursor
		}
		var n int
		if err := r.db.Store.Pool().QueryRow(ctx, `SELECT count(*) FROM events WHERE id = $1 AND source = ANY($2)`, q.Before, names).Scan(&n); err != nil {
			return nil, fmt.Errorf("fleet: events: %w", err)
		}
		if n == 0 {
			return nil, serve.ErrNoCursor
		}
	}
	rows, err := r.db.Store.Pool().Query(ctx, `SELECT id, payload::text FROM events
		WHERE source = ANY($1) AND ($2::timestamptz IS NULL OR recorded_at >= $2)
		AND ($4::text IS NULL OR (recorded_at, id) < (SELECT recorded_at, id FROM events WHERE id = $4))
		ORDER BY recorded_at DESC, id DESC LIMIT $3`, names, since, rowLimit, before)
	if err != nil {
		return nil, fmt.Errorf("fleet: events: %w", err)
	}
	out := []serve.Event{}
	var id string
	var payload []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &payload}, func() error {
		var e notify.Event
		if err := json.Unmarshal(payload, &e); err != nil {
			return fmt.Errorf("event %s: payload: %w", id, err)
		}
		ev := serve.Event{ID: id, Type: e.Type, Timestamp: e.Timestamp.UTC(), Data: e.Data}
		if q.Match == nil || q.Match(ev) {
			out = append(out, ev)
		}
		if len(out) >= q.Limit {
			return errEnough // the rows after are not read
		}
		return nil
	})
	if errors.Is(err, errEnough) {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("fleet: events: %w", err)
	}
	return out, nil
}

// OutboxDepth is the number of deliver jobs not finished (-1 when it
// cannot be read).
func (r *ServeReader) OutboxDepth() int {
	ctx, cancel := r.bounded()
	defer cancel()
	var n int
	if err := r.db.Store.Pool().QueryRow(ctx, `SELECT count(*) FROM river_job
		WHERE kind = 'deliver' AND state NOT IN ('completed', 'cancelled', 'discarded')`).Scan(&n); err != nil {
		return -1
	}
	return n
}

// Unpushed: the database pushes nothing to git.
func (r *ServeReader) Unpushed() (int, bool, error) { return 0, false, nil }

// Now is the reader's clock.
func (r *ServeReader) Now() time.Time { return r.now() }
