package pgstore

import (
	"context"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// TestBackendSnapshotIsOneMoment: the reads of Backend.Snapshot (what
// export-git reads) all see the database as it was when it began: a write
// phase applied meanwhile (a worker) changes neither its postings nor its
// index, so the two can never come from two moments; the pool sees it.
func TestBackendSnapshotIsOneMoment(t *testing.T) {
	s := migrated(t)
	ctx := context.Background()
	b := NewBackend(ctx, s, map[string]string{"acme": "lever"}, nil)
	b.Now = func() time.Time { return t0 }
	write := func(ids ...string) {
		t.Helper()
		b.BeginWrite()
		idx := snapshot.Index{Postings: map[string]snapshot.Entry{}}
		for _, id := range ids {
			b.WritePosting("acme", id, encodePosting(t, "acme", id, "Data Engineer "+id))
			idx.Postings[id] = snapshot.Entry{Hash: "h" + id}
		}
		b.SaveIndex("acme", idx)
		if err := b.EndWrite(); err != nil {
			t.Fatal(err)
		}
	}
	write("1")
	snap, end, err := b.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer end()
	if got, err := snap.Snapshots("acme"); err != nil || len(got) != 1 {
		t.Fatalf("snapshot before: %d postings, %v", len(got), err)
	}
	write("1", "2") // a worker's write phase, after the snapshot began
	got, err := snap.Snapshots("acme")
	if err != nil || len(got) != 1 {
		t.Errorf("the snapshot sees %d postings (%v), want the 1 of its moment", len(got), err)
	}
	idx, err := snap.PeekIndex("acme")
	if err != nil || len(idx.Postings) != 1 {
		t.Errorf("the snapshot's index has %d postings (%v), want the 1 of its moment", len(idx.Postings), err)
	}
	if now, err := b.Snapshots("acme"); err != nil || len(now) != 2 {
		t.Errorf("the pool sees %d postings (%v), want 2", len(now), err)
	}
}
