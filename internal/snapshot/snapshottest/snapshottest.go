// Package snapshottest checks that a storage backend keeps the contract of
// snapshot.Backend: what the pipeline writes it reads back, the readers see
// it without changing it, and a write phase that never ended is reported.
// Every backend (the files, a database) runs the same checks.
package snapshottest

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Run checks a backend. open returns a handle on one empty storage made
// for this test; each call is a new handle on the same storage (a new
// process, for the files; a new connection, for a database).
func Run(t *testing.T, open func() snapshot.Backend) {
	t.Helper()
	run(t, open, false)
}

// RunTransactional checks a backend whose write phase is one transaction
// (a database): the same checks, but what a write phase that never ended
// wrote is not there afterwards, and nothing is reported interrupted.
func RunTransactional(t *testing.T, open func() snapshot.Backend) {
	t.Helper()
	run(t, open, true)
}

func run(t *testing.T, open func() snapshot.Backend, transactional bool) {
	t.Helper()
	b := open()
	const src = "acme"
	if err := b.CheckSourceDir(src); err != nil {
		t.Fatalf("CheckSourceDir of a new source: %v", err)
	}
	idx, err := b.LoadIndex(src)
	if err != nil || len(idx.Postings) != 0 || b.HasIndex(src) {
		t.Fatalf("a new source: index %+v, %v, stored %v; want empty, not stored", idx, err, b.HasIndex(src))
	}
	if ps, err := b.Postings(src); err != nil || len(ps) != 0 || b.HasSource(src) {
		t.Fatalf("a new source: postings %v, %v, has source %v", ps, err, b.HasSource(src))
	}
	before := b.Version(src)

	// a write phase: two postings, the index, validators and adapter state
	if err := b.BeginWrite(); err != nil {
		t.Fatal(err)
	}
	posts := map[string][]byte{}
	for _, id := range []string{"b2", "a1", "../odd id"} {
		data, err := model.Encode(model.Posting{ID: id, Source: src, Title: "Title " + id, Company: "Acme"})
		if err != nil {
			t.Fatal(err)
		}
		key, err := b.WritePosting(src, id, data)
		if err != nil || key == "" {
			t.Fatalf("WritePosting %q: %q, %v", id, key, err)
		}
		posts[id] = data
	}
	stored := snapshot.Index{Normalizer: "v1", Generation: 3, Failures: 1, Incidents: 2, Postings: map[string]snapshot.Entry{}}
	for id, data := range posts {
		stored.Postings[id] = snapshot.Entry{Stamp: "s-" + id, Hash: model.Hash(data)}
	}
	if _, err := b.WriteReadme(src, posts, nil, stored); err != nil {
		t.Fatalf("WriteReadme: %v", err)
	}
	if key, err := b.SaveIndex(src, stored); err != nil || key == "" {
		t.Fatalf("SaveIndex: %q, %v", key, err)
	}
	if key, err := b.SaveValidators(src, nil); err != nil || key != "" {
		t.Fatalf("SaveValidators of none, none stored: %q, %v; want nothing written", key, err)
	}
	val := []byte(`{"https://e.com/jobs": {"etag": "\"x\""}}` + "\n")
	if key, err := b.SaveValidators(src, val); err != nil || key == "" {
		t.Fatalf("SaveValidators: %q, %v", key, err)
	}
	state := []byte(`{"interface": "api"}` + "\n")
	if key, wrote, err := b.SaveAdapterState(src, state); err != nil || key == "" || !wrote {
		t.Fatalf("SaveAdapterState: %q, %v, %v", key, wrote, err)
	}
	if _, wrote, err := b.SaveAdapterState(src, state); err != nil || wrote {
		t.Fatalf("SaveAdapterState of the same state: wrote %v, %v; want no write", wrote, err)
	}
	if err := b.EndWrite(); err != nil {
		t.Fatal(err)
	}

	// read back, by a new handle
	b = open()
	if stopped, _ := b.Interrupted(); stopped {
		t.Fatal("a write phase that ended is reported interrupted")
	}
	got, err := b.LoadIndex(src)
	got.StateVersion = nil // the store's own record of what was read, not the index's
	if err != nil || !reflect.DeepEqual(got, stored) || !b.HasIndex(src) {
		t.Fatalf("LoadIndex = %+v, %v; want %+v", got, err, stored)
	}
	if got, err := b.PeekIndex(src); err != nil || !reflect.DeepEqual(got, stored) {
		t.Fatalf("PeekIndex = %+v, %v; want %+v", got, err, stored)
	}
	for id, data := range posts {
		p, raw, err := b.Read(src, id)
		if err != nil || p.ID != id || !bytes.Equal(raw, data) || !b.Exists(src, id) {
			t.Fatalf("Read %q: %+v, %q, %v", id, p, raw, err)
		}
		if p, ok, err := b.Lookup(src, id); err != nil || !ok || p.ID != id {
			t.Fatalf("Lookup %q: %+v, %v, %v", id, p, ok, err)
		}
	}
	ps, err := b.Postings(src)
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	if want := []string{"../odd id", "a1", "b2"}; err != nil || !slices.Equal(ids, want) {
		t.Fatalf("Postings: %v, %v; want %v (sorted by id)", ids, err, want)
	}
	if srcs, err := b.Sources(); err != nil || !slices.Equal(srcs, []string{src}) || !b.HasSource(src) {
		t.Fatalf("Sources: %v, %v", srcs, err)
	}
	if got := b.LoadValidators(src); !bytes.Equal(got, val) {
		t.Fatalf("LoadValidators = %q, want %q", got, val)
	}
	if got := b.LoadAdapterState(src); !bytes.Equal(got, state) {
		t.Fatalf("LoadAdapterState = %q, want %q", got, state)
	}
	if b.Version(src) == before {
		t.Fatal("Version did not change with the source's postings")
	}
	if _, ok, err := b.Lookup(src, "nope"); ok || err != nil || b.Exists(src, "nope") {
		t.Fatalf("Lookup of an unknown posting: %v, %v", ok, err)
	}

	// a removal, validators dropped; then a write phase that never ends
	if err := b.BeginWrite(); err != nil {
		t.Fatal(err)
	}
	if key, err := b.RemovePosting(src, "a1"); err != nil || key == "" {
		t.Fatalf("RemovePosting: %q, %v", key, err)
	}
	if _, err := b.RemovePosting(src, "a1"); err != nil {
		t.Fatalf("RemovePosting of a posting already gone: %v", err)
	}
	if key, err := b.SaveValidators(src, nil); err != nil || key == "" {
		t.Fatalf("SaveValidators of none, some stored: %q, %v; want the removal", key, err)
	}
	b = open()
	if transactional {
		if stopped, _ := b.Interrupted(); stopped {
			t.Fatal("a transactional backend reports a write phase interrupted")
		}
		if _, ok, _ := b.Lookup(src, "a1"); !ok || !b.Exists(src, "a1") || !bytes.Equal(b.LoadValidators(src), val) {
			t.Fatal("a write phase that never ended left a removal behind")
		}
		return
	}
	if stopped, _ := b.Interrupted(); !stopped {
		t.Fatal("a write phase that never ended is not reported")
	}
	if b.Exists(src, "a1") || b.LoadValidators(src) != nil {
		t.Fatal("a removed posting or validators are still there")
	}
	if _, ok, _ := b.Lookup(src, "a1"); ok {
		t.Fatal("Lookup finds a removed posting")
	}
	if err := b.EndWrite(); err != nil {
		t.Fatal(err)
	}
	if stopped, _ := b.Interrupted(); stopped {
		t.Fatal("still interrupted after EndWrite")
	}
}
