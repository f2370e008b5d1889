package watch

import (
	"context"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Each real run ends with a run record per source: ok moves last success,
// a listing held as suspicious does not, and a run stopped by a signal
// leaves the record as it was.
func TestRunRecordPerSource(t *testing.T) {
	t.Parallel()
	ids := []int{}
	for i := 1; i <= 20; i++ {
		ids = append(ids, i)
	}
	g, h := newGH(t, ids...), newHook(t)
	r, cfg := ghRunner(t, t.TempDir(), g, h)
	now := time.Date(2026, 5, 6, 7, 0, 0, 0, time.UTC)
	r.opts.Now = func() time.Time { return now }
	peek := func(what string) snapshot.RunRecord {
		t.Helper()
		rec, ok, err := r.store.PeekRun("acme")
		if !ok || err != nil {
			t.Fatalf("%s: no run record: %v", what, err)
		}
		return rec
	}

	run(t, r, cfg)
	if rec := peek("an ok run"); !rec.LastRun.Equal(now) || !rec.LastSuccess.Equal(now) || rec.Outcome != snapshot.RunOK {
		t.Fatalf("after an ok run: %+v", rec)
	}
	okAt := now

	now = now.Add(time.Hour)
	g.set(1, 2, 3) // shrinks by 85%: suspicious
	if res, _ := r.Run(context.Background(), cfg.Sources); !res.Sources[0].Suspicious {
		t.Fatalf("the shrunk listing was not held as suspicious: %+v", res.Sources[0])
	}
	if rec := peek("a suspicious run"); !rec.LastRun.Equal(now) || !rec.LastSuccess.Equal(okAt) || rec.Outcome != snapshot.RunSuspicious {
		t.Fatalf("after a suspicious run: %+v", rec)
	}
	before := peek("before a stopped run")

	now = now.Add(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // stopped before it fetched anything
	if _, err := r.Run(ctx, cfg.Sources); err != nil {
		t.Logf("stopped run: %v", err)
	}
	if rec := peek("a stopped run"); rec != before {
		t.Fatalf("a stopped run changed the run record: %+v -> %+v", before, rec)
	}
}
