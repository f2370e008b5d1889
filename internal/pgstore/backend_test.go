package pgstore

import (
	"context"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
	"github.com/careers-watcher/careers-watcher/internal/snapshot/snapshottest"
)

// The snapshot.Backend contract, as the files store keeps it, on the
// database (its write phase one transaction).
func TestBackendContract(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	snapshottest.RunTransactional(t, func() snapshot.Backend {
		return NewBackend(ctx, s, map[string]string{"acme": "greenhouse"}, nil)
	})
}

type named string

func (n named) Name() string                               { return string(n) }
func (n named) Notify(context.Context, notify.Event) error { return nil }

// A write phase becomes one transaction: postings, versions, index,
// health, events and deliver jobs; a second phase with a change and a
// removal adds a version each; the same events again are no new rows.
func TestBackendWritePhase(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	b := NewBackend(ctx, s, map[string]string{"acme": "lever"}, nil)
	b.Now = func() time.Time { return t0 }
	post := func(id, title string) []byte {
		data, err := model.Encode(model.Posting{ID: id, Source: "acme", Title: title, Company: "Acme", Description: "Go & <SQL>\nline two"})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	routes := []notify.Route{{Notifier: named("hook")}, {Notifier: named("mail"), Events: []string{"posting.removed"}}}
	p1, p2 := post("1", "Data Engineer"), post("2", "Analyst")
	ev := func(typ, id string) notify.Event {
		p := model.Posting{ID: id, Source: "acme"}
		return notify.Event{ID: notify.EventID(typ, "acme", id), Type: typ, Timestamp: t0, Data: notify.Data{Source: "acme", Posting: &p}}
	}

	if err := b.BeginWrite(); err != nil {
		t.Fatal(err)
	}
	b.WritePosting("acme", "1", p1)
	b.WritePosting("acme", "2", p2)
	idx := snapshot.Index{Normalizer: "v", Generation: 1, Postings: map[string]snapshot.Entry{"1": {Hash: model.Hash(p1)}, "2": {Hash: model.Hash(p2)}}}
	b.SaveIndex("acme", idx)
	if err := b.RecordEvents([]notify.Event{ev(notify.PostingAdded, "1"), ev(notify.PostingAdded, "2")}, routes); err != nil {
		t.Fatal(err)
	}
	if c := counts(t, s); c["postings"] != 0 {
		t.Fatalf("written before EndWrite: %v", c)
	}
	if err := b.EndWrite(); err != nil {
		t.Fatal(err)
	}
	if c := counts(t, s); c["postings"] != 2 || c["versions"] != 2 || c["events"] != 2 || c["river_job"] != 2 || c["source_health"] != 1 {
		t.Fatalf("after the first phase: %v", c)
	}
	if _, raw, err := b.Read("acme", "1"); err != nil || string(raw) != string(p1) {
		t.Fatalf("Read gives other bytes than written:\n%s\n%s (%v)", raw, p1, err)
	}

	// changed 1, removed 2, the old events again
	b.Now = func() time.Time { return t0.Add(time.Hour) }
	p1b := post("1", "Senior Data Engineer")
	b.BeginWrite()
	b.WritePosting("acme", "1", p1b)
	b.RemovePosting("acme", "2")
	b.SaveIndex("acme", snapshot.Index{Normalizer: "v", Generation: 2, Postings: map[string]snapshot.Entry{"1": {Hash: model.Hash(p1b)}}})
	b.RecordEvents([]notify.Event{ev(notify.PostingAdded, "1"), ev(notify.PostingChanged, "1"), ev(notify.PostingRemoved, "2")}, routes)
	if err := b.EndWrite(); err != nil {
		t.Fatal(err)
	}
	res := b.LastApplied()
	if res.Versions != 2 || res.Events != 2 || res.DuplicateEvents != 1 || res.Jobs != 3 {
		t.Fatalf("second phase: %+v; want 2 versions, 2 new events, 1 duplicate, 3 jobs (removal to hook and mail)", res)
	}
	h, err := s.History(ctx, "acme", "2")
	if err != nil || len(h) != 2 || h[1].Change != Removed {
		t.Fatalf("history of 2: %+v, %v", h, err)
	}
	if ps, _ := b.Postings("acme"); len(ps) != 1 || ps[0].Title != "Senior Data Engineer" {
		t.Fatalf("open postings: %+v", ps)
	}

	// a failed run: health failing, nothing else
	b.BeginWrite()
	b.SaveIndex("acme", snapshot.Index{Normalizer: "v", Generation: 2, Failures: 2, Postings: map[string]snapshot.Entry{"1": {Hash: model.Hash(p1b)}}})
	if err := b.EndWrite(); err != nil {
		t.Fatal(err)
	}
	var state string
	var failures int
	s.pool.QueryRow(ctx, `SELECT state, failures FROM source_health WHERE source = 'acme'`).Scan(&state, &failures)
	if state != "failing" || failures != 2 {
		t.Fatalf("health after a failed run: %s, %d", state, failures)
	}

	// a phase that is dropped (BeginWrite again) writes nothing
	b.BeginWrite()
	b.WritePosting("acme", "3", post("3", "Dropped"))
	b.BeginWrite()
	b.EndWrite()
	if b.Exists("acme", "3") {
		t.Fatal("a dropped write phase was written")
	}
}
