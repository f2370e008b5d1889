package watch

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// failIndexSave is the snapshot store of a run that fails to save the
// index after it wrote and removed the posting files (the process dies
// there): the run marker stays.
type failIndexSave struct{ snapshot.Backend }

func (failIndexSave) SaveIndex(string, snapshot.Index) (string, error) {
	return "", errors.New("index save failed (test)")
}

// Re-read s17 (fixstore 4): a run stopped after it recorded its events
// in the outbox and wrote some files, before it saved the index; a
// delivery pass (the daemon's redelivery timer, `watcher deliver`) then
// delivers them (the outbox files are deleted); the next run redoes the
// stopped run's changes. Each change reaches the webhook once: the redo
// must not record again an event that was delivered already (the outbox
// alone dedupes only what it still holds). Also an addition the stopped
// run recorded (snapshot.Entry.Unsaved) and a posting it removed.
func TestRedoneChangesAreNotDeliveredTwice(t *testing.T) {
	for _, stopAt := range []int{1, 2, 3, 0} { // 0: the index save fails after the files are written and removed
		nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
		r, cfg := newRunner(t, nf, h)
		run(t, r, cfg)
		h.take()
		nf.SetJobs([]fake.Job{job(1), job(2)}) // 103 missing once: the stopped run removes it
		if res := run(t, r, cfg); res.Sources[0].Missing != 1 {
			t.Fatalf("103 not missing: %+v", res.Sources[0])
		}
		nf.SetJobs([]fake.Job{retitled(1), retitled(2), job(4)})
		if stopAt > 0 {
			stoppedRun(t, r, cfg, stopAtWrite(stopAt))
		} else {
			store := r.back
			r.back = failIndexSave{store}
			res, err := r.Run(context.Background(), cfg.Sources)
			r.back = store
			if ok, _ := r.store.Interrupted(); err == nil && !res.Failed() || !ok || r.store.Exists("nf", "103") {
				t.Fatalf("a run whose index save failed: %v, %+v; the run marker there %v", err, res.Sources, ok)
			}
		}
		if got := h.take(); len(got) != 0 {
			t.Fatalf("stop at %d: the stopped run delivered %d events", stopAt, len(got))
		}
		d, err := freshRunner(t, cfg).Redeliver(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		first := h.take()
		if d.Delivered == 0 || len(first) == 0 {
			t.Fatalf("stop at %d: the delivery pass delivered nothing (%+v)", stopAt, d)
		}
		res := run(t, freshRunner(t, cfg), cfg)
		again := h.take()
		for _, id := range again {
			if slices.Contains(first, id) {
				t.Fatalf("stop at %d: event %s delivered twice (first %v, after the redo %v; the redo's events %d)", stopAt, id, first, again, len(res.Events))
			}
		}
		all := append(slices.Clone(first), again...)
		slices.Sort(all)
		if len(all) != 4 || len(slices.Compact(all)) != 4 {
			t.Fatalf("stop at %d: the webhook got %v; want 101's and 102's changes, 104's addition and 103's removal, once each", stopAt, all)
		}
		checkSettled(t, cfg)
	}
}
