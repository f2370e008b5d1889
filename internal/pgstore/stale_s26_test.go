package pgstore

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Two runs of one source through one Backend whose writes fall in one
// write phase (a worker's jobs share one: a job rescued while the first
// still runs). Each run ends its source (EndSource, as the runner does),
// so each is a batch of its own, checked against what that run read: the
// run that read before another process's write writes nothing, the run
// that read after it writes (review s25b P1; before, both merged into one
// batch under the base of whichever saved its index last).
func TestOverlappingRunsOfASourceAreBatchesOfTheirOwn(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	types := map[string]string{"acme": "lever"}
	b := NewBackend(ctx, s, types, nil)
	other := NewBackend(ctx, s, types, nil) // another worker process
	for _, x := range []*Backend{b, other} {
		x.Now = func() time.Time { return t0 }
	}
	phase := func(x *Backend, f func()) {
		t.Helper()
		if err := x.BeginWrite(); err != nil {
			t.Fatal(err)
		}
		f()
		if err := x.EndWrite(); err != nil {
			t.Fatal(err)
		}
	}
	post := func(id string) []byte {
		t.Helper()
		data, err := model.Encode(model.Posting{ID: id, Source: "acme", Title: "Data Engineer " + id})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// one run's writes: a posting, its index on the version it read
	runWrites := func(x *Backend, id string, gen int, read snapshot.Index) {
		t.Helper()
		if id != "" {
			if _, err := x.WritePosting("acme", id, post(id)); err != nil {
				t.Fatal(err)
			}
		}
		idx := snapshot.Index{Normalizer: "v", Generation: gen, Postings: map[string]snapshot.Entry{}, StateVersion: read.StateVersion}
		if _, err := x.SaveIndex("acme", idx); err != nil {
			t.Fatal(err)
		}
		x.EndSource("acme")
	}
	load := func(x *Backend) snapshot.Index {
		t.Helper()
		idx, err := x.LoadIndex("acme")
		if err != nil {
			t.Fatal(err)
		}
		return idx
	}
	phase(b, func() { runWrites(b, "", 1, load(b)) }) // the source has a state
	stale := load(b)                                  // job 1 reads version N
	otherRead := load(other)
	phase(other, func() { runWrites(other, "", 2, otherRead) }) // N+1, by another process
	fresh := load(b)                                            // the rescued job 2 reads N+1
	phase(b, func() {
		runWrites(b, "stale-1", 2, stale)
		runWrites(b, "fresh-1", 3, fresh)
	})
	has := func(id string) bool {
		t.Helper()
		_, found, err := b.Lookup("acme", id)
		if err != nil {
			t.Fatal(err)
		}
		return found
	}
	if has("stale-1") {
		t.Fatal("the posting of the run that read before another process's write was written")
	}
	if !has("fresh-1") {
		t.Fatal("the posting of the run that read the current version was not written")
	}
	if got := b.Superseded(); !slices.Equal(got, []string{"acme"}) {
		t.Fatalf("superseded %v, want acme (the stale run's batch)", got)
	}
	if r := b.LastApplied(); r.Versions != 1 {
		t.Fatalf("applied %+v, want the fresh run's one version", r)
	}
	if idx := load(b); idx.Generation != 3 {
		t.Fatalf("stored index generation %d, want the fresh run's 3", idx.Generation)
	}

	// the runs' batches are applied in the order the runs ended: the
	// second, on the version the first read, is stale once the first is
	// written (it read before that write)
	read := load(b)
	phase(b, func() {
		runWrites(b, "first-1", 4, read)
		runWrites(b, "second-1", 5, read)
	})
	if !has("first-1") || has("second-1") {
		t.Fatalf("first-1 written %v, second-1 written %v; want the first run's only", has("first-1"), has("second-1"))
	}
}
