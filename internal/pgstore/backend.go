package pgstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Backend is the PostgreSQL side of the store seam: snapshot.Backend (and
// snapshot.Reader) on a Store, so that the pipeline of internal/watch
// (fetch, normalize, guard, diff, events) reads and writes the database as
// it does the snapshot folder.
//
// The write phase is a transaction, not a sequence of durable writes:
// between BeginWrite and EndWrite the writes (postings, removals, index,
// validators, adapter state) and the events (RecordEvents) are buffered,
// and EndWrite applies them one transaction per source (Store.Apply: all
// of a source's writes or none, its deliver jobs enqueued in the same
// transaction; a source the database refuses is recorded failing and the
// others are written, see WriteError). A write phase that never
// ends leaves nothing behind, so Interrupted is always false: the next run
// fetches again and makes the same changes, under the same event ids.
//
// Reads see what is committed, not the buffer of a write phase in progress
// (the pipeline reads before it writes). The methods of snapshot.Backend
// take no context: they use the one given to NewBackend.
type Backend struct {
	s     *Store
	ctx   context.Context
	types map[string]string // source name -> type, for the sources rows
	log   *slog.Logger
	// Now stamps the rows of a write phase; nil: time.Now.
	Now func() time.Time
	// q, when set, is the transaction every read goes through (Snapshot);
	// nil: the pool.
	q querier
	// Redact masks the config's secrets (whole or cut short) in what is
	// stored for people to read: the error of a write phase the database
	// refused (source_health.last_error), which may quote a posting's
	// values. nil stores it as it is.
	Redact func(string) string

	mu      sync.Mutex
	pending map[string]*pendingSource // the write phase's buffer, by source
	// ended are the batches of sources whose run ended its writes
	// (EndSource), in that order: a second run of a source in the same
	// write phase (a worker's jobs share one) starts a batch of its own
	ended []endedSource
	last  Result // what the last EndWrite wrote
	// superseded are the sources the last EndWrite left to a run that
	// wrote them after this one read them (ErrStale)
	superseded []string
	// applied is what the write phase's ApplySource calls wrote, left to
	// a run that wrote it since, or failed: EndWrite's answer joins it
	applied phaseApplied
}

// phaseApplied is what a write phase applied source by source.
type phaseApplied struct {
	res        Result
	superseded []string
	failed     []SourceError
}

type endedSource struct {
	source string
	p      *pendingSource
}

type pendingSource struct {
	writes  map[string][]byte // id -> canonical bytes
	removes map[string]bool
	state   State
	index   *snapshot.Index
	events  []Event
}

// NewBackend is the Backend of s; types names each source's type (for the
// sources table), ctx bounds every query.
func NewBackend(ctx context.Context, s *Store, types map[string]string, logger *slog.Logger) *Backend {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Backend{s: s, ctx: ctx, types: types, log: logger, pending: map[string]*pendingSource{}}
}

var _ snapshot.Backend = (*Backend)(nil)

// querier is what the reads need of a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// db is where the reads go: the snapshot's transaction, or the pool.
func (b *Backend) db() querier {
	if b.q != nil {
		return b.q
	}
	return b.s.pool
}

// Snapshot is a Backend whose reads all see one moment of the database: a
// REPEATABLE READ, read-only transaction (what export-git reads, so that a
// source's postings, index and state never come from two moments while
// workers write). It is for reading only; end finishes the transaction.
func (b *Backend) Snapshot(ctx context.Context) (snap *Backend, end func(), err error) {
	tx, err := b.s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, nil, fmt.Errorf("pgstore: begin a snapshot: %w", err)
	}
	snap = &Backend{s: b.s, ctx: ctx, types: b.types, log: b.log, Now: b.Now, Redact: b.Redact, q: tx, pending: map[string]*pendingSource{}}
	return snap, func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }, nil
}

func (b *Backend) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now()
}

func (b *Backend) pend(source string) *pendingSource {
	p := b.pending[source]
	if p == nil {
		p = &pendingSource{writes: map[string][]byte{}, removes: map[string]bool{}}
		b.pending[source] = p
	}
	return p
}

// key names a buffered write (the pipeline collects them; any non-empty
// string says "written").
func key(kind, source, id string) string { return kind + ":" + source + "/" + id }

// CheckSourceDir refuses an empty source name; a database row cannot be
// written outside its table.
func (b *Backend) CheckSourceDir(source string) error {
	if source == "" {
		return errors.New("pgstore: empty source name")
	}
	return nil
}

// LoadIndex is the stored index of a source, or one rebuilt from its open
// postings (with fresh counters, as the files store does) when none is
// stored. Its StateVersion is the version of the source's state it was
// read at: the run hands it back with the index it saves (SaveIndex), and
// the source's batch is written only while the store is still at it
// (Batch.Base); an index saved without one is written unchecked.
func (b *Backend) LoadIndex(source string) (snapshot.Index, error) {
	idx, ok, version, err := b.storedIndexAt(source)
	if err != nil {
		return idx, err
	}
	if !ok {
		if idx, err = b.openIndex(source, int(b.now().Unix())); err != nil {
			return idx, err
		}
	}
	idx.StateVersion = &version
	return idx, nil
}

// openIndex is an index of the source's open postings (ids and hashes)
// with the counters at fresh.
func (b *Backend) openIndex(source string, fresh int) (snapshot.Index, error) {
	idx := snapshot.Index{Generation: fresh, Incidents: fresh, Postings: map[string]snapshot.Entry{}, Rebuilt: true}
	rows, err := b.db().Query(b.ctx, `SELECT id, hash FROM postings WHERE source = $1 AND removed_at IS NULL`, source)
	if err != nil {
		return snapshot.Index{}, fmt.Errorf("pgstore: index of source %q: %w", source, err)
	}
	var id, hash string
	_, err = pgx.ForEachRow(rows, []any{&id, &hash}, func() error {
		idx.Postings[id] = snapshot.Entry{Hash: hash}
		return nil
	})
	if err != nil {
		return snapshot.Index{}, fmt.Errorf("pgstore: index of source %q: %w", source, err)
	}
	return idx, nil
}

func (b *Backend) storedIndex(source string) (snapshot.Index, bool, error) {
	idx, ok, _, err := b.storedIndexAt(source)
	return idx, ok, err
}

// storedIndexAt is storedIndex and the version of the source's state it
// was read at (0: no state stored).
func (b *Backend) storedIndexAt(source string) (snapshot.Index, bool, int64, error) {
	var raw []byte
	var version int64
	err := b.db().QueryRow(b.ctx, `SELECT idx::text, version FROM source_state WHERE source = $1`, source).Scan(&raw, &version)
	if errors.Is(err, pgx.ErrNoRows) {
		return snapshot.Index{}, false, 0, nil
	}
	if err != nil {
		return snapshot.Index{}, false, 0, fmt.Errorf("pgstore: index of source %q: %w", source, err)
	}
	if raw == nil {
		return snapshot.Index{}, false, version, nil
	}
	idx, ok := snapshot.DecodeIndex(raw)
	return idx, ok, version, nil
}

// HasIndex reports whether an index of the source is stored.
func (b *Backend) HasIndex(source string) bool {
	_, ok, err := b.storedIndex(source)
	return err == nil && ok
}

// PeekIndex is the stored index for a reader; without one, the open
// postings' ids and hashes (nothing is written).
func (b *Backend) PeekIndex(source string) (snapshot.Index, error) {
	idx, ok, err := b.storedIndex(source)
	if err != nil || ok {
		return idx, err
	}
	return b.openIndex(source, 0)
}

// Read is the stored snapshot of an open posting and its canonical bytes.
func (b *Backend) Read(source, id string) (model.Posting, []byte, error) {
	p, raw, ok, err := b.read(source, id)
	if err != nil {
		return model.Posting{}, nil, err
	}
	if !ok {
		return model.Posting{}, nil, fmt.Errorf("pgstore: source %q: posting %q: not stored", source, id)
	}
	return p, raw, nil
}

func (b *Backend) read(source, id string) (model.Posting, []byte, bool, error) {
	var js []byte
	err := b.db().QueryRow(b.ctx, `SELECT snapshot::text FROM postings WHERE source = $1 AND id = $2 AND removed_at IS NULL`, source, id).Scan(&js)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Posting{}, nil, false, nil
	}
	if err != nil {
		return model.Posting{}, nil, false, fmt.Errorf("pgstore: source %q: posting %q: %w", source, id, err)
	}
	p, raw, err := decodeSnapshot(js)
	if err != nil {
		return model.Posting{}, nil, false, fmt.Errorf("pgstore: source %q: posting %q: %w", source, id, err)
	}
	return p, raw, true, nil
}

// decodeSnapshot reads a posting from its JSONB text and gives back its
// canonical bytes (JSONB keeps neither key order nor spacing: the bytes
// are the canonical encoding again, which is what was stored).
func decodeSnapshot(js []byte) (model.Posting, []byte, error) {
	p, err := model.Decode(js)
	if err != nil {
		return model.Posting{}, nil, err
	}
	raw, err := model.Encode(p)
	if err != nil {
		return model.Posting{}, nil, err
	}
	return p, raw, nil
}

// Exists reports whether the posting is stored and open.
func (b *Backend) Exists(source, id string) bool {
	var one int
	err := b.db().QueryRow(b.ctx, `SELECT 1 FROM postings WHERE source = $1 AND id = $2 AND removed_at IS NULL`, source, id).Scan(&one)
	return err == nil
}

// Presence answers Exists for every posting of a source from one query,
// made at the first question (a run asks for every posting).
func (b *Backend) Presence(source string) func(id string) bool {
	var ids map[string]bool
	return func(id string) bool {
		if ids == nil {
			ids = map[string]bool{}
			rows, err := b.db().Query(b.ctx, `SELECT id FROM postings WHERE source = $1 AND removed_at IS NULL`, source)
			if err != nil {
				ids = nil
				return b.Exists(source, id)
			}
			var one string
			if _, err := pgx.ForEachRow(rows, []any{&one}, func() error { ids[one] = true; return nil }); err != nil {
				ids = nil
				return b.Exists(source, id)
			}
		}
		return ids[id]
	}
}

func (b *Backend) stateColumn(source, column string) []byte {
	var v []byte
	err := b.db().QueryRow(b.ctx, `SELECT `+column+` FROM source_state WHERE source = $1`, source).Scan(&v)
	if err != nil || len(v) == 0 {
		return nil
	}
	return v
}

// LoadValidators are the source's stored HTTP validators (nil: none).
func (b *Backend) LoadValidators(source string) []byte { return b.stateColumn(source, "validators") }

// LoadAdapterState is the source's stored adapter state (nil: none).
func (b *Backend) LoadAdapterState(source string) []byte {
	return b.stateColumn(source, "adapter_state")
}

// BeginWrite starts a write phase: the buffer of an earlier one that never
// ended is dropped (nothing of it was written).
func (b *Backend) BeginWrite() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = map[string]*pendingSource{}
	b.ended = nil
	b.applied = phaseApplied{}
	return nil
}

// EndSource closes the buffer of a source whose run has made all its
// writes: EndWrite applies it as a batch of its own, checked against the
// version that run read. The writes of another run of the source in the
// same write phase (a worker's jobs share one) go to a new batch, instead
// of merging with this one under whichever run saved its index last
// (review s25b P1). Without EndSource, a source's writes in a write phase
// are one batch.
func (b *Backend) EndSource(source string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if p := b.pending[source]; p != nil {
		b.ended = append(b.ended, endedSource{source, p})
		delete(b.pending, source)
	}
}

// ApplySource applies the batch of a source whose run has just ended its
// writes (EndSource), in a transaction of its own, at once: the run (a
// worker's poll job) ends after its batch is in the database, not when
// the last of the runs that share the write phase ends (review s27: a
// job done before its batch was written lost it to a crash until the
// source's next poll), and a worker's overlapping jobs hold no batches
// in memory for each other. written is false when the batch was not
// written: another run wrote the source after this run read it (err
// nil; Superseded names it), or the database refused it (err, a
// *WriteError; the failure is recorded). EndWrite's answer includes
// both.
func (b *Backend) ApplySource(source string) (written bool, err error) {
	b.mu.Lock()
	i := slices.IndexFunc(b.ended, func(e endedSource) bool { return e.source == source })
	for j := len(b.ended) - 1; j > i; j-- {
		if b.ended[j].source == source {
			i = j // the run's own: the last ended
			break
		}
	}
	if i < 0 {
		b.mu.Unlock()
		return true, nil // nothing buffered: nothing to write
	}
	e := b.ended[i]
	b.ended = slices.Delete(b.ended, i, i+1)
	b.mu.Unlock()
	r, stale, err := b.apply(e, b.now().UTC())
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case stale:
		if !slices.Contains(b.applied.superseded, source) {
			b.applied.superseded = append(b.applied.superseded, source)
		}
		return false, nil
	case err != nil:
		se := SourceError{Source: source, Err: err}
		b.applied.failed = append(b.applied.failed, se)
		return false, &WriteError{Sources: []SourceError{se}}
	}
	b.applied.res.add(r)
	return true, nil
}

// DropSource discards the buffer of a source whose run stopped before its
// last write (it never reached EndSource): half a run is not applied with
// the batches of the runs that ended.
func (b *Backend) DropSource(source string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.pending, source)
}

// Interrupted is always false: a write phase is one transaction.
func (b *Backend) Interrupted() (bool, time.Time) { return false, time.Time{} }

// WritePosting buffers a posting's new snapshot.
func (b *Backend) WritePosting(source, id string, data []byte) (string, error) {
	if _, err := model.Decode(data); err != nil {
		return "", fmt.Errorf("pgstore: source %q: posting %q: not a snapshot: %w", source, id, err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.pend(source)
	p.writes[id] = bytes.Clone(data)
	delete(p.removes, id)
	return key("posting", source, id), nil
}

// RemovePosting buffers a posting's removal (one not stored is no error).
func (b *Backend) RemovePosting(source, id string) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.pend(source)
	p.removes[id] = true
	delete(p.writes, id)
	return key("posting", source, id), nil
}

// WriteReadme writes nothing: the database has no README view.
func (b *Backend) WriteReadme(string, map[string][]byte, []string, snapshot.Index) ([]string, error) {
	return nil, nil
}

// SaveIndex buffers the source's index; EndWrite also derives the source's
// health and the postings seen again from it.
func (b *Backend) SaveIndex(source string, idx snapshot.Index) (string, error) {
	idx = storableKeys(idx) // before JSON turns invalid UTF-8 into U+FFFD
	raw, err := json.Marshal(idx)
	if err != nil {
		return "", fmt.Errorf("pgstore: index of source %q: %w", source, err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.pend(source)
	p.state.Index, p.state.SetIndex = raw, true
	c := idx
	c.Postings = maps(idx.Postings)
	p.index = &c
	return key("index", source, ""), nil
}

func maps(m map[string]snapshot.Entry) map[string]snapshot.Entry {
	out := make(map[string]snapshot.Entry, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// SaveValidators buffers the source's validators (empty: removed); "" when
// there are none and none are stored.
func (b *Backend) SaveValidators(source string, data []byte) (string, error) {
	b.mu.Lock()
	p := b.pend(source)
	var had bool
	if p.state.SetValidators {
		had = len(p.state.Validators) > 0
	}
	b.mu.Unlock()
	if !had {
		had = b.LoadValidators(source) != nil
	}
	if len(data) == 0 && !had {
		return "", nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(data) == 0 {
		data = nil
	}
	p.state.Validators, p.state.SetValidators = bytes.Clone(data), true
	return key("validators", source, ""), nil
}

// SaveAdapterState buffers the source's adapter state; wrote is false
// when it is the state stored (or buffered) already.
func (b *Backend) SaveAdapterState(source string, data []byte) (string, bool, error) {
	b.mu.Lock()
	p := b.pend(source)
	cur, set := p.state.AdapterState, p.state.SetAdapterState
	b.mu.Unlock()
	if !set {
		cur = b.LoadAdapterState(source)
	}
	k := key("state", source, "")
	if bytes.Equal(cur, data) {
		return k, false, nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	p.state.AdapterState, p.state.SetAdapterState = bytes.Clone(data), true
	return k, true, nil
}

// RecordEvents buffers a write phase's events, each owed to the notifiers
// of the routes that match it (as the files' outbox decides): EndWrite
// records every event (the events table is the history, also of events no
// notifier takes) and enqueues one deliver job per event and notifier.
func (b *Backend) RecordEvents(events []notify.Event, routes []notify.Route) error {
	var recs []Event
	var sources []string
	for _, e := range events {
		if e.ID == "" || e.Data.Source == "" {
			return fmt.Errorf("pgstore: event %q (%s): no id or source", e.ID, e.Type)
		}
		e.Timestamp = e.Timestamp.UTC().Truncate(time.Second)
		payload, err := notify.Body(e)
		if err != nil {
			return fmt.Errorf("pgstore: event %s: %w", e.ID, err)
		}
		var owed []string
		for _, r := range routes {
			if r.Notifier == nil || !r.Match(e) {
				continue
			}
			if n := r.Notifier.Name(); !slices.Contains(owed, n) {
				owed = append(owed, n)
			}
		}
		rec := Event{ID: e.ID, Type: e.Type, Payload: payload, Notifiers: owed}
		if e.Data.Posting != nil && !isSourceEvent(e.Type) {
			rec.PostingID = e.Data.Posting.ID
		}
		recs = append(recs, rec)
		sources = append(sources, e.Data.Source)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, rec := range recs {
		p := b.pend(sources[i])
		p.events = append(p.events, rec)
	}
	return nil
}

func isSourceEvent(typ string) bool {
	return typ == notify.SourceFailed || typ == notify.SourceRecovered || typ == notify.SourceSuspicious
}

// EndWrite applies what is left of the write phase's buffer (the batches
// no ApplySource wrote), one transaction per source, and answers for the
// whole phase, the batches ApplySource wrote included:
// a source whose batch cannot be written (a database error, a value the
// database refuses) has nothing of it written, is recorded as failing
// with the reason, and costs the other sources nothing. The error is then
// a *WriteError naming each such source. The buffer is dropped either way
// (the next run makes the same changes again, under the same event ids).
func (b *Backend) EndWrite() error {
	b.mu.Lock()
	batches := b.ended
	pending := b.pending
	applied := b.applied
	b.pending, b.ended, b.applied = map[string]*pendingSource{}, nil, phaseApplied{}
	b.mu.Unlock()
	// the ended batches in the order their runs ended, then the others
	// by source name
	names := make([]string, 0, len(pending))
	for s := range pending {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		batches = append(batches, endedSource{s, pending[s]})
	}
	res, superseded := applied.res, applied.superseded
	werr := WriteError{Sources: applied.failed}
	at := b.now().UTC()
	for _, e := range batches {
		r, stale, err := b.apply(e, at)
		switch {
		case stale:
			if !slices.Contains(superseded, e.source) {
				superseded = append(superseded, e.source)
			}
		case err != nil:
			werr.Sources = append(werr.Sources, SourceError{Source: e.source, Err: err})
		default:
			res.add(r)
		}
	}
	b.mu.Lock()
	b.last, b.superseded = res, superseded
	b.mu.Unlock()
	if len(batches) > 0 {
		b.log.Debug("pgstore: write phase applied", "batches", len(batches), "superseded_sources", len(superseded), "failed_sources", len(werr.Sources), "versions", res.Versions, "events", res.Events, "duplicate_events", res.DuplicateEvents, "jobs", res.Jobs)
	}
	if len(werr.Sources) > 0 {
		return &werr
	}
	return nil
}

// apply writes one source's batch in a transaction of its own, checked
// against the version its run read. stale: another run wrote the source
// since (not a failure: that run's write stands). A batch the database
// refuses has nothing of it written, and the source is recorded failing
// with the reason.
func (b *Backend) apply(e endedSource, at time.Time) (r Result, stale bool, err error) {
	// A signal after the writes were made does not cut the write short;
	// each source's transaction, and the record of its failure, has its
	// own time (one deadline for all would fail every source after it).
	base := context.WithoutCancel(b.ctx)
	s := e.source
	bt := e.p.batch(s, b.types[s], at)
	if idx := e.p.index; idx != nil && idx.StateVersion != nil {
		// the version the run that saved the index read (two runs of
		// a source through this Backend each have their own; review
		// s25 P1)
		v := *idx.StateVersion
		bt.Base = &v
	}
	ctx, cancel := context.WithTimeout(base, ApplyTimeout)
	r, err = b.s.Apply(ctx, bt)
	cancel()
	if errors.Is(err, ErrStale) {
		b.log.Warn("pgstore: a source's write phase left to a run that wrote it since", "source", s, "error", err.Error())
		return Result{}, true, nil
	}
	if err != nil {
		err = fmt.Errorf("pgstore: %w", err)
		hctx, hcancel := context.WithTimeout(base, ApplyTimeout)
		reason := err.Error()
		if b.Redact != nil {
			reason = b.Redact(reason)
		}
		herr := b.s.recordFailure(hctx, s, b.types[s], at, reason)
		hcancel()
		if herr != nil {
			b.log.Error("pgstore: the failure of a source's write phase not recorded", "source", s, "error", herr)
		}
		return Result{}, false, err
	}
	return r, false, nil
}

// add counts another batch's writes.
func (r *Result) add(o Result) {
	r.Versions += o.Versions
	r.Events += o.Events
	r.DuplicateEvents += o.DuplicateEvents
	r.Jobs += o.Jobs
}

// WriteError is a write phase in which some sources were not written (the
// others were).
type WriteError struct {
	Sources []SourceError // by source name
}

// SourceError is why one source's batch was not written.
type SourceError struct {
	Source string
	Err    error
}

func (e *WriteError) Error() string {
	if len(e.Sources) == 1 {
		return e.Sources[0].Err.Error()
	}
	msgs := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		msgs[i] = s.Err.Error()
	}
	return fmt.Sprintf("pgstore: %d sources not written: %s", len(e.Sources), strings.Join(msgs, "; "))
}

// Unwrap gives the errors of the sources.
func (e *WriteError) Unwrap() []error {
	out := make([]error, len(e.Sources))
	for i, s := range e.Sources {
		out[i] = s.Err
	}
	return out
}

// AsWriteError finds the WriteError in a run's error. alone tells whether
// the database's refusals are all the run's error: a WriteError joined with
// the run's own failure (a fetch, a stop) is that failure's, and the run
// failed whatever the database recorded.
func AsWriteError(err error) (werr *WriteError, alone bool) {
	if !errors.As(err, &werr) {
		return nil, false
	}
	return werr, err == error(werr)
}

// SourceErr is why source was not written, nil when it was (or was not
// part of the write phase).
func (e *WriteError) SourceErr(source string) error {
	for _, s := range e.Sources {
		if s.Source == source {
			return s.Err
		}
	}
	return nil
}

// recordFailure records, in a transaction of its own, that a source's
// write phase failed: its health failing, one failure more, the reason.
func (s *Store) recordFailure(ctx context.Context, source, typ string, at time.Time, reason string) error {
	reason = strings.ToValidUTF8(strings.ReplaceAll(reason, "\x00", ""), "\uFFFD")
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO sources (name, type) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, source, typ); err != nil {
			return fmt.Errorf("source row: %w", err)
		}
		_, err := tx.Exec(ctx, `INSERT INTO source_health AS h (source, state, failures, last_error, last_failure, updated_at)
			VALUES ($1, 'failing', 1, $3, $2, $2)
			ON CONFLICT (source) DO UPDATE SET state = 'failing', failures = h.failures + 1,
				last_error = excluded.last_error, last_failure = excluded.last_failure, updated_at = excluded.updated_at`,
			source, at, reason)
		if err != nil {
			return fmt.Errorf("health: %w", err)
		}
		return nil
	})
}

// ApplyTimeout bounds the transaction of a write phase.
var ApplyTimeout = 5 * time.Minute

// Superseded are the sources the last write phase did not write because
// another run wrote them after this run read them (ErrStale), by name.
func (b *Backend) Superseded() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.superseded)
}

// LastApplied is what the last write phase wrote.
func (b *Backend) LastApplied() Result {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.last
}

// batch turns a source's buffer into a Batch.
func (p *pendingSource) batch(source, typ string, at time.Time) Batch {
	bt := Batch{Source: source, SourceType: typ, At: at, Events: p.events}
	ids := make([]string, 0, len(p.writes))
	for id := range p.writes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		data := p.writes[id]
		bt.Changes = append(bt.Changes, Change{PostingID: id, Kind: Changed, Snapshot: data, Hash: model.Hash(data)})
	}
	removes := make([]string, 0, len(p.removes))
	for id := range p.removes {
		removes = append(removes, id)
	}
	sort.Strings(removes)
	for _, id := range removes {
		bt.Changes = append(bt.Changes, Change{PostingID: id, Kind: Removed})
	}
	if p.index != nil {
		for id, e := range p.index.Postings {
			if _, written := p.writes[id]; !written && e.Missing == 0 {
				bt.Seen = append(bt.Seen, id)
			}
		}
		sort.Strings(bt.Seen)
		bt.Health = healthOf(*p.index)
	}
	st := p.state
	bt.State = &st
	return bt
}

// healthOf is a source's health as its index says after a run: failing
// (failed runs in a row), held as suspicious, or ok.
func healthOf(idx snapshot.Index) *Health {
	h := &Health{State: "ok", Failures: idx.Failures, Success: idx.Failures == 0}
	switch { // failing first, as the readers rank it (serve's status)
	case idx.Failures > 0:
		h.State = "failing"
		h.LastError = "fetch failed (" + strconv.Itoa(idx.Failures) + " in a row)"
	case idx.Suspicious:
		h.State = "suspicious"
	}
	return h
}

// Sources lists the sources with stored postings (open or removed), sorted.
func (b *Backend) Sources() ([]string, error) {
	rows, err := b.db().Query(b.ctx, `SELECT DISTINCT source FROM postings ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("pgstore: sources: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("pgstore: sources: %w", err)
	}
	return out, nil
}

// HasSource reports whether the source has stored postings.
func (b *Backend) HasSource(source string) bool {
	var one int
	return b.db().QueryRow(b.ctx, `SELECT 1 FROM postings WHERE source = $1 LIMIT 1`, source).Scan(&one) == nil
}

// Postings are the source's open postings, sorted by id.
func (b *Backend) Postings(source string) ([]model.Posting, error) {
	rows, err := b.db().Query(b.ctx, `SELECT id, snapshot::text FROM postings WHERE source = $1 AND removed_at IS NULL ORDER BY id COLLATE "C"`, source)
	if err != nil {
		return nil, fmt.Errorf("pgstore: postings of source %q: %w", source, err)
	}
	var out []model.Posting
	var id string
	var js []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &js}, func() error {
		p, err := model.Decode(js)
		if err != nil {
			return fmt.Errorf("posting %q: %w", id, err)
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pgstore: postings of source %q: %w", source, err)
	}
	return out, nil
}

// Lookup is one open posting for a reader.
func (b *Backend) Lookup(source, id string) (model.Posting, bool, error) {
	p, _, ok, err := b.read(source, id)
	return p, ok, err
}

// Version moves with every write phase that touched the source.
func (b *Backend) Version(source string) string {
	var v int64
	if err := b.db().QueryRow(b.ctx, `SELECT version FROM source_state WHERE source = $1`, source).Scan(&v); err != nil {
		return ""
	}
	return strconv.FormatInt(v, 10)
}
