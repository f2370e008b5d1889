package pgstore

import (
	"context"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A source whose run stopped before its last write is discarded: half of
// its run is not applied beside the batch of a source whose run ended.
func TestDroppedSourceIsNotAppliedWithTheEndedOnes(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	b := NewBackend(context.Background(), s, map[string]string{"done": "lever", "half": "lever"}, nil)
	if err := b.BeginWrite(); err != nil {
		t.Fatal(err)
	}
	write := func(source, id string) {
		t.Helper()
		data, err := model.Encode(model.Posting{ID: id, Source: source, Title: "Data Engineer " + id})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.WritePosting(source, id, data); err != nil {
			t.Fatal(err)
		}
	}
	write("done", "done-1")
	if _, err := b.SaveIndex("done", snapshot.Index{Normalizer: "v", Generation: 1, Postings: map[string]snapshot.Entry{}}); err != nil {
		t.Fatal(err)
	}
	b.EndSource("done")
	write("half", "half-1") // its run fails before its index
	b.DropSource("half")
	if err := b.EndWrite(); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"done-1": true, "half-1": false} {
		_, found, err := b.Lookup(id[:4], id)
		if err != nil {
			t.Fatal(err)
		}
		if found != want {
			t.Errorf("posting %s stored: %v, want %v", id, found, want)
		}
	}
}
