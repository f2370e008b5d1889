package watch

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Runs stopped in their write phase do not move the source's generation
// (their index is never saved), and the generation is part of every event
// id. A posting that goes A -> B in one stopped run, B -> A in the next
// and A -> B again in a third run made that third change with the first
// one's id: the outbox, the webhook receivers and the feeds, which all
// take an id they have seen for a repeat, dropped it, and the notifiers
// kept believing A (review s21 F11). Every occurrence of a change must
// get an id of its own; a stopped run's change redone is still sent once.
func TestBackAndForthAcrossStoppedRunsHasNewIDs(t *testing.T) {
	t.Parallel()
	vA, vB := job(0), retitled(0)
	for _, c := range []struct {
		name  string
		stops []fake.Job // the version of 100 at each stopped run
		last  fake.Job   // at the completing run
		want  int        // distinct webhook events of 100 over the stopped and the completing runs
	}{
		{"A to B, stop; B to A, stop; A to B", []fake.Job{vB, vA}, vB, 3},
		{"A to B, stop; B to A, stop; A to B, stop; B to A", []fake.Job{vB, vA, vB}, vA, 4},
		{"A to B, stop; B to A, stop; still A", []fake.Job{vB, vA}, vA, 2},
		{"A to B, stop; still B", []fake.Job{vB}, vB, 1},
		{"A to B, stop; B to A, stop; A to B, stop; still B", []fake.Job{vB, vA, vB}, vB, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			nf, h := fake.New(t, "netflix.com", []fake.Job{vA, job(1)}), newHook(t)
			r, cfg := newRunner(t, nf, h)
			run(t, r, cfg)
			h.take()
			// 101 changes at every run (and back): a second write, after
			// which the run is stopped; its changes are events too
			other := []fake.Job{retitled(1), job(1)}
			for i, v := range c.stops {
				nf.SetJobs([]fake.Job{v, other[i%2]})
				stoppedRun(t, r, cfg, stopAtWrite(1))
			}
			nf.SetJobs([]fake.Job{c.last, other[len(c.stops)%2]})
			run(t, r, cfg)
			ids := h.take()
			distinct := slices.Compact(slices.Sorted(slices.Values(ids)))
			if want := c.want + len(c.stops) + 1; len(distinct) != want {
				t.Errorf("the webhook got %d distinct events (%d deliveries), want %d (%d of 100, %d of 101)", len(distinct), len(ids), want, c.want, len(c.stops)+1)
			}
			if got := readPosting(t, cfg, "100").Title; got != mustTitle(t, c.last) {
				t.Errorf("100's file has title %q, want %q", got, mustTitle(t, c.last))
			}
			checkSettled(t, cfg)
		})
	}
}

func mustTitle(t *testing.T, j fake.Job) string {
	t.Helper()
	if j.Name == "" {
		t.Fatal("job without a name")
	}
	return j.Name
}
