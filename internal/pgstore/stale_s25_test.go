package pgstore

import (
	"context"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Review s25 P1: the bases are one slot per source in a Backend. Two runs
// of one source through one Backend (a worker process whose job was
// rescued while it still runs it, or any two runs sharing the process's
// Backend) both read version N; the first to write takes the slot, and the
// second writes with no base at all: unchecked, over the newer write.
func TestReview25_SecondRunOfASourceInOneBackendIsChecked(t *testing.T) {
	t.Parallel()
	s := migrated(t)
	ctx := context.Background()
	b := NewBackend(ctx, s, map[string]string{"acme": "lever"}, nil)
	b.Now = func() time.Time { return t0 }
	// write saves an index as a run does: with the state version its
	// LoadIndex read (read; nil: a write of no run's read)
	write := func(gen int, read *snapshot.Index) {
		t.Helper()
		if err := b.BeginWrite(); err != nil {
			t.Fatal(err)
		}
		idx := snapshot.Index{Normalizer: "v", Generation: gen, Postings: map[string]snapshot.Entry{}}
		if read != nil {
			idx.StateVersion = read.StateVersion
		}
		if _, err := b.SaveIndex("acme", idx); err != nil {
			t.Fatal(err)
		}
		if err := b.EndWrite(); err != nil {
			t.Fatal(err)
		}
	}
	write(1, nil) // the source has a state
	var reads [2]snapshot.Index
	for i := range reads { // job 1, then the rescued job 2, read the same version
		var err error
		if reads[i], err = b.LoadIndex("acme"); err != nil {
			t.Fatal(err)
		}
	}
	write(2, &reads[1]) // job 2 writes first
	write(3, &reads[0]) // job 1, read before job 2's write
	if got := b.Superseded(); len(got) != 1 || got[0] != "acme" {
		t.Fatalf("superseded %v: the run that read before the other's write wrote over it unchecked", got)
	}
}
