package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/report"
)

// ReportReader is the database as `watcher report` reads it
// (report.Reader): the open postings from postings, the trend from the
// versions table. Every read is in one REPEATABLE READ, read-only
// transaction, so the open postings and the history are of one moment
// while workers write. Close ends it.
type ReportReader struct {
	ctx context.Context
	tx  pgx.Tx
}

var _ report.Reader = (*ReportReader)(nil)

// NewReportReader begins the reader's transaction; ctx bounds every read.
func (s *Store) NewReportReader(ctx context.Context) (*ReportReader, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("pgstore: report: begin: %w", err)
	}
	return &ReportReader{ctx: ctx, tx: tx}, nil
}

// Close ends the reader's transaction.
func (r *ReportReader) Close() { _ = r.tx.Rollback(context.WithoutCancel(r.ctx)) }

// Sources checks the requested sources against the database (a source
// with stored postings, open or removed) or lists all of them.
func (r *ReportReader) Sources(want []string) ([]string, error) {
	rows, err := r.tx.Query(r.ctx, `SELECT DISTINCT source FROM postings ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("report: sources in the database: %w", err)
	}
	all, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("report: sources in the database: %w", err)
	}
	if len(want) == 0 {
		return all, nil
	}
	known := map[string]bool{}
	for _, s := range all {
		known[s] = true
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range want {
		if !known[s] {
			return nil, fmt.Errorf("report: source %q: no postings in the database", s)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out, nil
}

// Open is the source's open postings, by id.
func (r *ReportReader) Open(source string) ([]model.Posting, []string, error) {
	rows, err := r.tx.Query(r.ctx, `SELECT id, snapshot::text FROM postings WHERE source = $1 AND removed_at IS NULL ORDER BY id COLLATE "C"`, source)
	if err != nil {
		return nil, nil, fmt.Errorf("report: postings of source %q: %w", source, err)
	}
	var out []model.Posting
	var notes []string
	var id string
	var js []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &js}, func() error {
		p, err := model.Decode(js)
		if err != nil {
			notes = append(notes, fmt.Sprintf("posting %q: not a posting: %v", id, err))
			return nil
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("report: postings of source %q: %w", source, err)
	}
	return out, notes, nil
}

// History reads the window from the versions table. A source whose first
// version is at or after since starts there: that write is its baseline
// (as the commit that creates a source's folder). The start state is each
// posting's last version before the window (or at the baseline); the end
// state the open postings; every write in the window (the versions
// recorded at one time) is a Change: additions and reopenings opened,
// removals closed.
func (r *ReportReader) History(sources []string, since time.Time) (report.History, error) {
	h := report.History{Available: true, Sources: map[string]report.SourceHistory{}}
	first := map[string]time.Time{}
	rows, err := r.tx.Query(r.ctx, `SELECT source, min(recorded_at) FROM versions WHERE source = ANY($1) GROUP BY source`, sources)
	if err != nil {
		return h, fmt.Errorf("report: history: %w", err)
	}
	var src string
	var at time.Time
	if _, err := pgx.ForEachRow(rows, []any{&src, &at}, func() error { first[src] = at; return nil }); err != nil {
		return h, fmt.Errorf("report: history: %w", err)
	}
	// each source's cut: the window's start (versions before it are the
	// start state), or its first write (versions at it are the start)
	cuts := make([]time.Time, len(sources))
	incl := make([]bool, len(sources))
	for i, s := range sources {
		cuts[i] = since
		if f, ok := first[s]; ok && !f.Before(since) {
			cuts[i], incl[i] = f, true
			sh := h.Sources[s]
			sh.Start = f.UTC()
			h.Sources[s] = sh
		}
	}
	const cut = `JOIN unnest($1::text[], $2::timestamptz[], $3::bool[]) AS c(source, cut, incl) ON v.source = c.source`
	skills := func(raw []byte) ([]string, error) {
		var sk model.Skills
		if raw != nil {
			if err := json.Unmarshal(raw, &sk); err != nil {
				return nil, err
			}
		}
		return report.SkillsOf(sk), nil
	}
	start := map[string][][]string{}
	rows, err = r.tx.Query(r.ctx, `SELECT DISTINCT ON (v.source, v.posting_id) v.source, v.posting_id, v.change, (v.snapshot->'skills')::text
		FROM versions v `+cut+`
		WHERE v.recorded_at < c.cut OR (c.incl AND v.recorded_at = c.cut)
		ORDER BY v.source, v.posting_id, v.version DESC`, sources, cuts, incl)
	if err != nil {
		return h, fmt.Errorf("report: history: start of the window: %w", err)
	}
	var id, change string
	var raw []byte
	if _, err := pgx.ForEachRow(rows, []any{&src, &id, &change, &raw}, func() error {
		if change == "removed" {
			return nil
		}
		sk, err := skills(raw)
		if err != nil {
			return fmt.Errorf("posting %s/%s: skills: %w", src, id, err)
		}
		start[src] = append(start[src], sk)
		return nil
	}); err != nil {
		return h, fmt.Errorf("report: history: start of the window: %w", err)
	}
	end := map[string][][]string{}
	rows, err = r.tx.Query(r.ctx, `SELECT source, id, (snapshot->'skills')::text FROM postings
		WHERE source = ANY($1) AND removed_at IS NULL ORDER BY source, id COLLATE "C"`, sources)
	if err != nil {
		return h, fmt.Errorf("report: history: open postings: %w", err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&src, &id, &raw}, func() error {
		sk, err := skills(raw)
		if err != nil {
			return fmt.Errorf("posting %s/%s: skills: %w", src, id, err)
		}
		end[src] = append(end[src], sk)
		return nil
	}); err != nil {
		return h, fmt.Errorf("report: history: open postings: %w", err)
	}
	rows, err = r.tx.Query(r.ctx, `SELECT v.source, v.recorded_at,
			count(*) FILTER (WHERE v.change IN ('added', 'reopened')), count(*) FILTER (WHERE v.change = 'removed')
		FROM versions v `+cut+`
		WHERE v.recorded_at > c.cut OR (NOT c.incl AND v.recorded_at = c.cut)
		GROUP BY v.source, v.recorded_at`, sources, cuts, incl)
	if err != nil {
		return h, fmt.Errorf("report: history: changes: %w", err)
	}
	writes := map[time.Time]bool{}
	var opened, closed int
	if _, err := pgx.ForEachRow(rows, []any{&src, &at, &opened, &closed}, func() error {
		h.Changes = append(h.Changes, report.Change{Source: src, When: at.UTC(), Opened: opened, Closed: closed})
		writes[at.UTC()] = true
		return nil
	}); err != nil {
		return h, fmt.Errorf("report: history: changes: %w", err)
	}
	// as the commit that creates a source's folder, its first write counts
	for i := range sources {
		if incl[i] {
			writes[cuts[i].UTC()] = true
		}
	}
	h.Commits = len(writes)
	for _, s := range sources {
		sh := h.Sources[s]
		sh.StartSkills, sh.EndSkills = start[s], end[s]
		h.Sources[s] = sh
	}
	return h, nil
}
