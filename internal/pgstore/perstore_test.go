package pgstore

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

func encodePosting(t *testing.T, source, id, title string) []byte {
	t.Helper()
	data, err := model.Encode(model.Posting{ID: id, Source: source, Title: title, Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A posting id PostgreSQL's text cannot hold (a NUL byte, invalid UTF-8),
// from a board or an imported history, is stored under its model.PostingKey
// (nothing lost, no collision): the hostile source is written, and so is
// every other source of the write phase.
func TestBackendUnstorableIDs(t *testing.T) {
	s := migrated(t)
	ctx := context.Background()
	b := NewBackend(ctx, s, map[string]string{"acme": "lever", "evil": "greenhouse"}, nil)
	b.Now = func() time.Time { return t0 }
	ids := []string{"x\x00y", "x\xffy", "x\xfey", "ok"}
	b.BeginWrite()
	b.WritePosting("acme", "1", encodePosting(t, "acme", "1", "Data Engineer"))
	b.SaveIndex("acme", snapshot.Index{Postings: map[string]snapshot.Entry{"1": {Hash: "h"}}})
	idx := snapshot.Index{Postings: map[string]snapshot.Entry{}}
	for _, id := range ids {
		b.WritePosting("evil", id, encodePosting(t, "evil", id, "Ti\x00tle"))
		idx.Postings[id] = snapshot.Entry{Hash: "h"}
	}
	b.SaveIndex("evil", idx)
	if err := b.EndWrite(); err != nil {
		t.Fatalf("EndWrite: %v", err)
	}
	if !b.Exists("acme", "1") {
		t.Fatal("the other source was not written")
	}
	for _, id := range ids {
		key := model.PostingKey(id)
		p, _, err := b.Read("evil", key)
		if err != nil {
			t.Fatalf("posting %q under %q: %v", id, key, err)
		}
		if p.ID != key || p.Title != "Title" || model.UnKey(p.ID) != id {
			t.Errorf("posting %q stored as %+v", id, p)
		}
	}
	if c := counts(t, s); c["postings"] != 1+len(ids) {
		t.Fatalf("counts: %v (two ids share a key?)", c)
	}
	got, err := b.PeekIndex("evil")
	if err != nil || len(got.Postings) != len(ids) {
		t.Fatalf("index of evil: %+v, %v", got, err)
	}
	for _, id := range ids {
		if _, ok := got.Postings[model.PostingKey(id)]; !ok {
			t.Errorf("index lacks the key of %q", id)
		}
	}
}

// The write phase is one transaction per source: a source the database
// refuses is not written, is recorded as failing with an error naming the
// source and the posting, and the other sources are written.
func TestBackendFailingSourceAlone(t *testing.T) {
	s := migrated(t)
	ctx := context.Background()
	// the database refuses one posting of one source
	if _, err := s.pool.Exec(ctx, `CREATE FUNCTION refuse_bad() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.id = 'bad' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
		CREATE TRIGGER refuse_bad BEFORE INSERT ON postings FOR EACH ROW EXECUTE FUNCTION refuse_bad();`); err != nil {
		t.Fatal(err)
	}
	b := NewBackend(ctx, s, map[string]string{"acme": "lever", "evil": "greenhouse", "zeta": "ashby"}, nil)
	b.Now = func() time.Time { return t0 }
	b.BeginWrite()
	for _, src := range []string{"acme", "evil", "zeta"} {
		b.WritePosting(src, "1", encodePosting(t, src, "1", "Data Engineer"))
		b.SaveIndex(src, snapshot.Index{Postings: map[string]snapshot.Entry{"1": {Hash: "h"}}})
	}
	b.WritePosting("evil", "bad", encodePosting(t, "evil", "bad", "Analyst"))
	err := b.EndWrite()
	var werr *WriteError
	if !errors.As(err, &werr) || len(werr.Sources) != 1 || werr.Sources[0].Source != "evil" {
		t.Fatalf("EndWrite: %v; want a WriteError of source evil alone", err)
	}
	if msg := werr.SourceErr("evil").Error(); !strings.Contains(msg, `source "evil"`) || !strings.Contains(msg, `posting "bad"`) {
		t.Errorf("error %q does not name the source and the posting", msg)
	}
	if werr.SourceErr("acme") != nil {
		t.Error("acme reported failing")
	}
	for _, src := range []string{"acme", "zeta"} {
		if !b.Exists(src, "1") {
			t.Errorf("source %s not written", src)
		}
	}
	if b.Exists("evil", "1") {
		t.Error("part of the failing source was written")
	}
	var state, lastErr string
	var failures int
	if err := s.pool.QueryRow(ctx, `SELECT state, failures, last_error FROM source_health WHERE source = 'evil'`).Scan(&state, &failures, &lastErr); err != nil {
		t.Fatalf("no health of the failing source: %v", err)
	}
	if state != "failing" || failures != 1 || !strings.Contains(lastErr, `posting "bad"`) {
		t.Errorf("health of evil: %s, %d, %q", state, failures, lastErr)
	}
	if res := b.LastApplied(); res.Versions != 2 {
		t.Errorf("LastApplied: %+v; want the 2 versions of acme and zeta", res)
	}
}

// A history imported from the files store (import-git: Store.ApplyAll, no
// Backend) with a posting id holding a NUL byte, in its snapshot and its
// index, is stored under the id's key, as a run would store it.
func TestApplyImportedUnstorableID(t *testing.T) {
	s := migrated(t)
	ctx := context.Background()
	id := "x\x00y"
	snap := encodePosting(t, "acme", id, "Data\x00 Engineer")
	idx := []byte(`{"normalizer":"v","generation":1,"postings":{"x\u0000y":{"hash":"h"}}}`)
	_, err := s.ApplyAll(ctx, []Batch{{Source: "acme", SourceType: "lever", At: t0,
		Changes: []Change{{PostingID: id, Kind: Added, Snapshot: snap, Hash: model.Hash(snap)}},
		State:   &State{Index: idx, SetIndex: true}}})
	if err != nil {
		t.Fatalf("ApplyAll: %v", err)
	}
	b := NewBackend(ctx, s, nil, nil)
	key := model.PostingKey(id)
	p, _, err := b.Read("acme", key)
	if err != nil || p.ID != key || p.Title != "Data Engineer" {
		t.Fatalf("stored %+v, %v", p, err)
	}
	got, err := b.PeekIndex("acme")
	if _, ok := got.Postings[key]; err != nil || !ok {
		t.Fatalf("index %+v, %v", got, err)
	}
}
