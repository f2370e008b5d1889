package fleet

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/serve"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The readers of the database (status, postings, show): the same answers
// as serve.Folder gives of a snapshot folder, read from the tables.

// Statuses is every configured source's status, in config order: health
// and counters from its stored index (or its open postings when none is
// stored), last run and last success from source_health, last change from
// versions, deliveries still owed per notifier from the deliver jobs not
// finished, next run from its schedule. Two queries, whatever the number
// of sources: one row per source, and the owed deliveries grouped by
// source and notifier.
func (d *DB) Statuses(ctx context.Context, cfg *config.Config, now time.Time) ([]serve.Status, error) {
	names := make([]string, len(cfg.Sources))
	for i, src := range cfg.Sources {
		names[i] = src.Name
	}
	pool := d.Store.Pool()
	type row struct {
		idx                            []byte
		open                           int
		lastRun, lastSuccess, lastDiff *time.Time
	}
	byName := make(map[string]row, len(names))
	rows, err := pool.Query(ctx, `SELECT n.source, st.idx::text,
			CASE WHEN st.idx IS NULL THEN (SELECT count(*) FROM postings p WHERE p.source = n.source AND p.removed_at IS NULL) ELSE 0 END,
			h.updated_at, h.last_success,
			(SELECT max(recorded_at) FROM versions v WHERE v.source = n.source)
		FROM unnest($1::text[]) AS n(source)
		LEFT JOIN source_state st ON st.source = n.source AND st.idx IS NOT NULL
		LEFT JOIN source_health h ON h.source = n.source`, names)
	if err != nil {
		return nil, fmt.Errorf("fleet: status of the sources: %w", err)
	}
	var name string
	var r row
	if _, err := pgx.ForEachRow(rows, []any{&name, &r.idx, &r.open, &r.lastRun, &r.lastSuccess, &r.lastDiff}, func() error {
		byName[name] = r
		r = row{}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("fleet: status of the sources: %w", err)
	}
	pending := map[string]map[string]int{}
	rows, err = pool.Query(ctx, `SELECT e.source, j.args->>'notifier', count(*) FROM river_job j JOIN events e ON e.id = j.args->>'event_id'
		WHERE j.kind = 'deliver' AND j.state NOT IN ('completed', 'cancelled', 'discarded') AND e.source = ANY($1) GROUP BY 1, 2`, names)
	if err != nil {
		return nil, fmt.Errorf("fleet: pending deliveries: %w", err)
	}
	var notifier string
	var n int
	if _, err := pgx.ForEachRow(rows, []any{&name, &notifier, &n}, func() error {
		if pending[name] == nil {
			pending[name] = map[string]int{}
		}
		pending[name][notifier] = n
		return nil
	}); err != nil {
		return nil, fmt.Errorf("fleet: pending deliveries: %w", err)
	}
	out := make([]serve.Status, 0, len(cfg.Sources))
	for _, src := range cfg.Sources {
		st := serve.Status{Name: src.Name, Type: src.Type, Company: src.Company, Health: "ok", Pending: pending[src.Name]}
		if st.Pending == nil {
			st.Pending = map[string]int{}
		}
		r := byName[src.Name]
		st.Open = r.open
		if r.idx != nil {
			idx, ok := snapshot.DecodeIndex(r.idx)
			if !ok { // unreadable: as PeekIndex, the open postings
				if idx, err = d.Backend.PeekIndex(src.Name); err != nil {
					return nil, err
				}
			}
			st.Failures, st.Suspicious, st.Generation, st.Open = idx.Failures, idx.Suspicious, idx.Generation, len(idx.Postings)
		}
		// as serve ranks a folder's source
		switch {
		case st.Failures > 0:
			st.Health = "failing"
		case st.Suspicious:
			st.Health = "suspicious"
		}
		st.LastRun, st.LastSuccess, st.LastChange = utc(r.lastRun), utc(r.lastSuccess), utc(r.lastDiff)
		serve.NeverRun(&st)
		if sch, err := config.Parser.Parse(cfg.SourceSchedule(src)); err == nil {
			next := sch.Next(now).UTC()
			st.NextRun = &next
		}
		out = append(out, st)
	}
	return out, nil
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// Detail is a posting and its history from the versions table, newest
// first: each version as the event it was (posting.added, .changed with
// the fields' old and new values, .removed; a reopening is an addition).
// Posting is the open version, else the last known one; nil when the
// posting was never stored. Event ids are the version numbers ("v3"):
// the history is the database's, not git's (Commit is empty).
func (d *DB) Detail(ctx context.Context, source, id string) (serve.Detail, error) {
	det := serve.Detail{History: []serve.Event{}}
	rows, err := d.Store.Pool().Query(ctx, `SELECT version, change, snapshot::text, recorded_at FROM versions
		WHERE source = $1 AND posting_id = $2 ORDER BY version`, source, id)
	if err != nil {
		return det, fmt.Errorf("fleet: history of %s/%s: %w", source, id, err)
	}
	var version int
	var change string
	var snap *string
	var at time.Time
	var prev *model.Posting
	_, err = pgx.ForEachRow(rows, []any{&version, &change, &snap, &at}, func() error {
		ev := serve.Event{ID: "v" + strconv.Itoa(version), Timestamp: at.UTC(), Data: notify.Data{Source: source}}
		var cur *model.Posting
		if snap != nil {
			p, err := model.Decode([]byte(*snap))
			if err != nil {
				return fmt.Errorf("version %d: %w", version, err)
			}
			cur = &p
		}
		switch change {
		case "added", "reopened":
			ev.Type, ev.Data.Posting = notify.PostingAdded, cur
		case "changed":
			ev.Type, ev.Data.Posting = notify.PostingChanged, cur
			if prev != nil && cur != nil {
				ev.Data.Previous, ev.Data.Changes = prev, diff.Postings(*prev, *cur)
			}
		case "removed":
			ev.Type, ev.Data.Posting = notify.PostingRemoved, prev
		default:
			return fmt.Errorf("version %d: unknown change %q", version, change)
		}
		if cur != nil {
			prev = cur
		}
		det.History = append([]serve.Event{ev}, det.History...)
		return nil
	})
	if err != nil {
		return det, fmt.Errorf("fleet: history of %s/%s: %w", source, id, err)
	}
	// open, and whether the stored snapshot is the last version's (then
	// the one decoded above: not read and decoded again)
	var open, same bool
	err = d.Store.Pool().QueryRow(ctx, `SELECT p.removed_at IS NULL, p.snapshot IS NOT DISTINCT FROM
			(SELECT v.snapshot FROM versions v WHERE v.source = $1 AND v.posting_id = $2 ORDER BY v.version DESC LIMIT 1)
		FROM postings p WHERE p.source = $1 AND p.id = $2`, source, id).Scan(&open, &same)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return det, fmt.Errorf("fleet: posting %s/%s: %w", source, id, err)
	}
	switch {
	case open && same && prev != nil:
		det.Open, det.Posting = true, prev
	case open:
		p, ok, err := d.Backend.Lookup(source, id)
		if err != nil {
			return det, err
		}
		if ok {
			det.Open, det.Posting = true, &p
		}
	default:
		det.Posting = prev
	}
	return det, nil
}

// ErrNoSource is the error of a source name the config does not have.
var ErrNoSource = errors.New("no such source in the config")
