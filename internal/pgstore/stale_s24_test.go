package pgstore

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Two runs of one source overlap (a cron `watcher run` beside a worker's
// poll, a job rescued while its first worker lives): both read the source
// at one version, the run that read later writes first. The run that read
// first writes nothing of it: not its older posting over the newer one,
// not an event against a version the store no longer holds; it is no
// failure of the source, and the next run compares with the store (review
// s24 F1). A first run of a source (no state yet) is guarded the same way.
func TestOverlappingRunsWriteOnlyOnTheVersionTheyRead(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	post := func(title string) []byte {
		data, err := model.Encode(model.Posting{ID: "42", Source: "acme", Title: title, Company: "Acme"})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	ev := func(typ, title string) notify.Event {
		p := model.Posting{ID: "42", Source: "acme", Title: title}
		return notify.Event{ID: notify.EventID(typ, "acme", "42", title), Type: typ, Timestamp: t0, Data: notify.Data{Source: "acme", Posting: &p}}
	}
	routes := []notify.Route{{Notifier: named("hook")}}
	backend := func() *Backend {
		b := NewBackend(ctx, s, map[string]string{"acme": "lever"}, nil)
		b.Now = func() time.Time { return t0 }
		return b
	}
	// a run's write phase after it read the source (LoadIndex)
	type result struct {
		Result
		Superseded []string
	}
	// the version each Backend's run read (LoadIndex), handed back with
	// its index as the runner does
	read := map[*Backend]*int64{}
	load := func(b *Backend) {
		t.Helper()
		idx, err := b.LoadIndex("acme")
		if err != nil {
			t.Fatal(err)
		}
		read[b] = idx.StateVersion
	}
	write := func(b *Backend, title, typ string, gen int) result {
		t.Helper()
		if err := b.BeginWrite(); err != nil {
			t.Fatal(err)
		}
		data := post(title)
		if _, err := b.WritePosting("acme", "42", data); err != nil {
			t.Fatal(err)
		}
		if _, err := b.SaveIndex("acme", snapshot.Index{Normalizer: "v", Generation: gen, Postings: map[string]snapshot.Entry{"42": {Hash: model.Hash(data)}}, StateVersion: read[b]}); err != nil {
			t.Fatal(err)
		}
		if err := b.RecordEvents([]notify.Event{ev(typ, title)}, routes); err != nil {
			t.Fatal(err)
		}
		if err := b.EndWrite(); err != nil {
			t.Fatalf("EndWrite: %v (a superseded source is no error)", err)
		}
		return result{b.LastApplied(), b.Superseded()}
	}
	stored := func() string {
		t.Helper()
		_, raw, err := backend().Read("acme", "42")
		if err != nil {
			t.Fatal(err)
		}
		p, err := model.Decode(raw)
		if err != nil {
			t.Fatal(err)
		}
		return p.Title
	}

	// first runs of the source, overlapping: no state row to lock yet
	x, y := backend(), backend()
	for _, b := range []*Backend{x, y} {
		load(b)
	}
	if r := write(y, "Data Engineer", notify.PostingAdded, 1); len(r.Superseded) != 0 || r.Events != 1 {
		t.Fatalf("the first writer: %+v", r)
	}
	if r := write(x, "Data Engineer (old)", notify.PostingAdded, 1); len(r.Superseded) != 1 || r.Events != 0 || r.Versions != 0 {
		t.Fatalf("the stale first run wrote: %+v", r)
	}

	// then both read version 1's state; Y (fetched C) writes first
	x, y = backend(), backend()
	for _, b := range []*Backend{x, y} {
		load(b)
	}
	if r := write(y, "Data Engineer III", notify.PostingChanged, 2); len(r.Superseded) != 0 || r.Versions != 1 || r.Events != 1 {
		t.Fatalf("the run that read later: %+v", r)
	}
	r := write(x, "Data Engineer II", notify.PostingChanged, 2)
	if len(r.Superseded) != 1 || r.Superseded[0] != "acme" || r.Versions != 0 || r.Events != 0 || r.Jobs != 0 {
		t.Fatalf("the run that read first: %+v, want acme superseded and nothing written", r)
	}
	if got := stored(); got != "Data Engineer III" {
		t.Fatalf("stored title %q after the stale run, want the newer fetch's", got)
	}
	var state string
	var failures int
	if err := s.pool.QueryRow(ctx, `SELECT state, failures FROM source_health WHERE source = 'acme'`).Scan(&state, &failures); err != nil || state != "ok" || failures != 0 {
		t.Fatalf("health after a superseded run: %s %d (%v), want ok", state, failures, err)
	}
	var events int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM events WHERE payload::text LIKE '%Data Engineer II"%'`).Scan(&events); err != nil || events != 0 {
		t.Fatalf("the stale run's event is recorded (%d, %v)", events, err)
	}

	// the next run reads the store as it is and writes
	z := backend()
	load(z)
	if r := write(z, "Data Engineer IV", notify.PostingChanged, 3); len(r.Superseded) != 0 || r.Versions != 1 {
		t.Fatalf("the next run: %+v", r)
	}
	// a batch without a base (an import) is not checked
	if _, err := s.Apply(ctx, Batch{Source: "acme", SourceType: "lever", At: t0, Health: &Health{State: "ok", Success: true}}); errors.Is(err, ErrStale) || err != nil {
		t.Fatalf("a batch without a base: %v", err)
	}
}

// A worker runs several poll jobs at once through one Backend: the write
// phase of one source leaves the base another source's fetch recorded, so
// that source's write is checked too.
func TestWritePhaseKeepsOtherSourcesBases(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	b := NewBackend(ctx, s, map[string]string{"acme": "lever", "beta": "lever"}, nil)
	b.Now = func() time.Time { return t0 }
	read := map[string]snapshot.Index{}
	for _, src := range []string{"acme", "beta"} {
		idx, err := b.LoadIndex(src)
		if err != nil {
			t.Fatal(err)
		}
		read[src] = idx
	}
	write := func(b *Backend, src string, read snapshot.Index) {
		t.Helper()
		b.BeginWrite()
		if _, err := b.SaveIndex(src, snapshot.Index{Normalizer: "v", Generation: 1, Postings: map[string]snapshot.Entry{}, StateVersion: read.StateVersion}); err != nil {
			t.Fatal(err)
		}
		if err := b.EndWrite(); err != nil {
			t.Fatal(err)
		}
	}
	write(b, "acme", read["acme"]) // acme's job writes while beta's still fetches
	other := NewBackend(ctx, s, map[string]string{"beta": "lever"}, nil)
	otherRead, err := other.LoadIndex("beta")
	if err != nil {
		t.Fatal(err)
	}
	write(other, "beta", otherRead) // another run writes beta meanwhile
	write(b, "beta", read["beta"])  // beta's job, read before that write
	if got := b.Superseded(); len(got) != 1 || got[0] != "beta" {
		t.Fatalf("superseded %v, want beta: its base was dropped by acme's write phase", got)
	}
}
