package pgstore

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/careers-watcher/careers-watcher/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// migrated is a fresh database with every migration applied (copied from
// a template migrated once per package run).
func migrated(t *testing.T) *Store {
	t.Helper()
	dsn := pgtest.DBFrom(t, "pgstore_migrated", func(ctx context.Context, dsn string) error {
		pool, err := pgxpool.New(ctx, dsn)
		if err != nil {
			return err
		}
		defer pool.Close()
		_, err = MigrateUp(ctx, pool, nil)
		return err
	})
	s, err := Open(context.Background(), dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// counts are the rows of the written tables and the deliver jobs.
func counts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, q := range []string{"sources", "postings", "versions", "events", "source_health", "river_job"} {
		var n int
		if err := s.pool.QueryRow(context.Background(), "SELECT count(*) FROM "+q).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", q, err)
		}
		out[q] = n
	}
	return out
}

var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func addedBatch(at time.Time) Batch {
	return Batch{
		Source: "acme", SourceType: "greenhouse", At: at,
		Changes: []Change{{PostingID: "42", Kind: Added, Snapshot: []byte(`{"id":"42","title":"Data Engineer"}`), Hash: "h1"}},
		Events: []Event{{
			ID: "ev-added-42-h1", Type: "posting.added", PostingID: "42",
			Payload:   []byte(`{"title":"Data Engineer"}`),
			Notifiers: []string{"slack", "mail"},
		}},
		Health: &Health{State: "ok", Success: true},
	}
}

// TestApplyWritesAllInOneTransaction: a batch writes the posting, its
// version, its event and a deliver job per notifier; rolled back (by the
// caller, or by a failure late in the batch) it leaves no row anywhere,
// jobs included.
func TestApplyWritesAllInOneTransaction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := migrated(t)

	// rolled back by the caller after everything was written
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx) // a no-op once rolled back below; releases the connection on a failure
	res, err := s.applyTx(ctx, tx, addedBatch(t0))
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Versions: 1, Events: 1, Jobs: 2}) {
		t.Fatalf("inside the transaction: %+v", res)
	}
	var jobsInTx int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'deliver'`).Scan(&jobsInTx); err != nil || jobsInTx != 2 {
		t.Fatalf("deliver jobs inside the transaction: %d, %v", jobsInTx, err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	for table, n := range counts(t, s) {
		if n != 0 {
			t.Errorf("after rollback: %d rows in %s", n, table)
		}
	}

	// a failure after the posting, version and first event were written:
	// the second event's payload is not JSON
	b := addedBatch(t0)
	b.Events = append(b.Events, Event{ID: "ev-bad", Type: "posting.changed", PostingID: "42", Payload: []byte("{not json"), Notifiers: []string{"slack"}})
	if _, err := s.Apply(ctx, b); err == nil || !strings.Contains(err.Error(), `source "acme": event ev-bad`) {
		t.Fatalf("Apply with a bad event: err = %v", err)
	}
	for table, n := range counts(t, s) {
		if n != 0 {
			t.Errorf("after a failed Apply: %d rows in %s", n, table)
		}
	}

	res, err = s.Apply(ctx, addedBatch(t0))
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Versions: 1, Events: 1, Jobs: 2}) {
		t.Fatalf("Apply: %+v", res)
	}
	want := map[string]int{"sources": 1, "postings": 1, "versions": 1, "events": 1, "source_health": 1, "river_job": 2}
	if got := counts(t, s); !mapsEqual(got, want) {
		t.Fatalf("after Apply: %v, want %v", got, want)
	}
	var notifiers []string
	rows, _ := s.pool.Query(ctx, `SELECT args->>'notifier' FROM river_job WHERE kind = 'deliver' AND queue = $1 AND args->>'event_id' = 'ev-added-42-h1' ORDER BY 1`, DeliverQueue)
	notifiers, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || !slices.Equal(notifiers, []string{"mail", "slack"}) {
		t.Fatalf("deliver jobs' notifiers: %v, %v", notifiers, err)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestReapplyRecordsNoDuplicate: the same batch applied again (a crash
// after the commit, a second worker) writes no version, no event and no
// job; a batch that repeats a recorded event beside a new one enqueues
// jobs for the new one only.
func TestReapplyRecordsNoDuplicate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := migrated(t)
	if _, err := s.Apply(ctx, addedBatch(t0)); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	res, err := s.Apply(ctx, addedBatch(t0.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{DuplicateEvents: 1}) {
		t.Fatalf("re-apply: %+v, want only a duplicate event", res)
	}
	if after := counts(t, s); !mapsEqual(before, after) {
		t.Fatalf("re-apply changed the row counts: %v -> %v", before, after)
	}
	var lastSeen time.Time
	if err := s.pool.QueryRow(ctx, `SELECT last_seen FROM postings WHERE source = 'acme' AND id = '42'`).Scan(&lastSeen); err != nil || !lastSeen.Equal(t0.Add(time.Hour)) {
		t.Errorf("last_seen after re-apply: %v, %v", lastSeen, err)
	}

	b := addedBatch(t0.Add(2 * time.Hour))
	b.Changes = []Change{{PostingID: "42", Kind: Changed, Snapshot: []byte(`{"id":"42","title":"Senior Data Engineer"}`), Hash: "h2"}}
	b.Events = append(b.Events, Event{ID: "ev-changed-42-h2", Type: "posting.changed", PostingID: "42", Payload: []byte(`{}`), Notifiers: []string{"slack"}})
	res, err = s.Apply(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Versions: 1, Events: 1, DuplicateEvents: 1, Jobs: 1}) {
		t.Fatalf("a new event beside a recorded one: %+v", res)
	}
	var jobs, events int
	s.pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'deliver'`).Scan(&jobs)
	s.pool.QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&events)
	if jobs != 3 || events != 2 {
		t.Fatalf("jobs %d (want 3), events %d (want 2)", jobs, events)
	}

	// the events table refuses a second row under an id, whoever writes it
	_, err = s.pool.Exec(ctx, `INSERT INTO events (id, type, source, payload, recorded_at) VALUES ('ev-added-42-h1', 'posting.added', 'acme', '{}', now())`)
	if err == nil {
		t.Fatal("a second events row under a recorded id was accepted")
	}
	// and River refuses a second deliver job for one event and notifier
	tx, _ := s.pool.Begin(ctx)
	defer tx.Rollback(ctx)
	r, err := s.river.InsertTx(ctx, tx, DeliverArgs{EventID: "ev-added-42-h1", Notifier: "slack"}, nil)
	if err != nil || !r.UniqueSkippedAsDuplicate {
		t.Fatalf("second deliver job for one event and notifier: skipped=%v err=%v", r != nil && r.UniqueSkippedAsDuplicate, err)
	}
}

// TestHistory: every change is a version, in order, and versions cannot
// be rewritten.
func TestHistory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := migrated(t)
	steps := []Change{
		{PostingID: "7", Kind: Added, Snapshot: []byte(`{"v":1}`), Hash: "a"},
		{PostingID: "7", Kind: Changed, Snapshot: []byte(`{"v":2}`), Hash: "b"},
		{PostingID: "7", Kind: Changed, Snapshot: []byte(`{"v":2}`), Hash: "b"}, // unchanged: no version
		{PostingID: "7", Kind: Removed},
		{PostingID: "7", Kind: Removed},                                       // removed already: no version
		{PostingID: "7", Kind: Added, Snapshot: []byte(`{"v":2}`), Hash: "b"}, // back: reopened
		{PostingID: "8", Kind: Added, Snapshot: []byte(`{"other":true}`), Hash: "z"},
	}
	for i, c := range steps {
		if _, err := s.Apply(ctx, Batch{Source: "acme", At: t0.Add(time.Duration(i) * time.Hour), Changes: []Change{c}}); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	h, err := s.History(ctx, "acme", "7")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range h {
		got = append(got, fmt.Sprintf("%d %s %s %s %s", v.Version, v.Change, v.Hash, v.Snapshot, v.RecordedAt.UTC().Format("15h")))
	}
	want := []string{
		`1 added a {"v": 1} 09h`,
		`2 changed b {"v": 2} 10h`,
		`3 removed b  12h`,
		`4 reopened b {"v": 2} 14h`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var version int
	var removed *time.Time
	if err := s.pool.QueryRow(ctx, `SELECT version, removed_at FROM postings WHERE source = 'acme' AND id = '7'`).Scan(&version, &removed); err != nil || version != 4 || removed != nil {
		t.Errorf("current row: version %d removed_at %v err %v", version, removed, err)
	}
	if h, err := s.History(ctx, "acme", "nope"); err != nil || len(h) != 0 {
		t.Errorf("history of an unknown posting: %v, %v", h, err)
	}
	for _, q := range []string{`UPDATE versions SET hash = 'x'`, `DELETE FROM versions`} {
		if _, err := s.pool.Exec(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err = %v, want the append-only refusal", q, err)
		}
	}
}

// TestHealth: a failure keeps the last success's time.
func TestHealth(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := migrated(t)
	if _, err := s.Apply(ctx, Batch{Source: "acme", At: t0, Health: &Health{State: "ok", Success: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, Batch{Source: "acme", At: t0.Add(time.Hour), Health: &Health{State: "failing", Failures: 1, LastError: "list page 1: 503"}}); err != nil {
		t.Fatal(err)
	}
	var state, lastErr string
	var failures int
	var success, failure time.Time
	err := s.pool.QueryRow(ctx, `SELECT state, failures, last_error, last_success, last_failure FROM source_health WHERE source = 'acme'`).
		Scan(&state, &failures, &lastErr, &success, &failure)
	if err != nil || state != "failing" || failures != 1 || lastErr != "list page 1: 503" || !success.Equal(t0) || !failure.Equal(t0.Add(time.Hour)) {
		t.Fatalf("health: %s %d %q %v %v err %v", state, failures, lastErr, success, failure, err)
	}
}

// TestMigrateDownThenUp: from an empty database up to current, down step
// by step (ours, then River's), and up again.
func TestMigrateDownThenUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	exists := func(table string) bool {
		var ok bool
		if err := pool.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, table).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	ours, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ours) < 2 {
		t.Fatalf("%d migrations of ours", len(ours))
	}

	steps, err := MigrateUp(ctx, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := MigrationStatus(ctx, pool, nil)
	if err != nil || !st.Current() {
		t.Fatalf("after up: %+v, %v", st, err)
	}
	if len(steps) != st.RiverLatest+len(ours) || steps[0].Line != LineRiver || steps[len(steps)-1] != (Step{Line: LineWatcher, Version: len(ours), Name: ours[len(ours)-1].Name}) {
		t.Fatalf("up steps: %v", steps)
	}
	if again, err := MigrateUp(ctx, pool, nil); err != nil || len(again) != 0 {
		t.Fatalf("second up: %v, %v", again, err)
	}

	steps, err = MigrateDown(ctx, pool, 1, false, nil)
	if err != nil || len(steps) != 1 || steps[0] != (Step{Line: LineWatcher, Version: 5, Name: "robots_txt", Down: true}) {
		t.Fatalf("down 1: %v, %v", steps, err)
	}
	if exists("robots_txt") || !exists("host_turns") || !exists("postings") {
		t.Fatal("down 1 did not undo exactly migration 5")
	}
	// review s33 F3: more steps than are applied, or the first migration
	// without --drop-history, undo nothing
	applied := len(ours) - 1 + st.RiverLatest
	if _, err := MigrateDown(ctx, pool, applied+1, true, nil); err == nil || !strings.Contains(err.Error(), "nothing undone") {
		t.Fatalf("down %d of %d applied: %v", applied+1, applied, err)
	}
	if _, err := MigrateDown(ctx, pool, 4, false, nil); err == nil || !strings.Contains(err.Error(), "--drop-history") {
		t.Fatalf("down to the first migration without drop-history: %v", err)
	}
	if !exists("host_turns") || !exists("postings") {
		t.Fatal("a refused down undid migrations")
	}
	steps, err = MigrateDown(ctx, pool, 5, true, nil)
	if err != nil || len(steps) != 5 || steps[0].Version != 4 || steps[3].Version != 1 || steps[3].Line != LineWatcher || steps[4].Line != LineRiver || steps[4].Version != st.RiverLatest {
		t.Fatalf("down 5: %v, %v", steps, err)
	}
	if exists("postings") || exists("versions") || exists("events") {
		t.Fatal("our tables left after our migrations were undone")
	}
	st, _ = MigrationStatus(ctx, pool, nil)
	if st.Current() || len(st.Watcher) != 0 || len(st.River) != st.RiverLatest-1 {
		t.Fatalf("status after down 3: %+v", st)
	}

	steps, err = MigrateUp(ctx, pool, nil)
	if err != nil || len(steps) != 1+len(ours) {
		t.Fatalf("up again: %v, %v", steps, err)
	}
	if !exists("postings") || !exists("versions_recorded") || !exists("river_job") {
		t.Fatal("tables missing after up again")
	}
	// everything down, River's job tables included, and up once more
	if _, err := MigrateDown(ctx, pool, st.RiverLatest+len(ours), true, nil); err != nil {
		t.Fatal(err)
	}
	if exists("river_job") || exists("postings") {
		t.Fatal("tables left after everything was undone")
	}
	if _, err := MigrateUp(ctx, pool, nil); err != nil {
		t.Fatal(err)
	}
	if st, err := MigrationStatus(ctx, pool, nil); err != nil || !st.Current() {
		t.Fatalf("after the last up: %+v, %v", st, err)
	}
	if _, err := MigrateDown(ctx, pool, 0, true, nil); err == nil {
		t.Error("down 0 accepted")
	}
}
