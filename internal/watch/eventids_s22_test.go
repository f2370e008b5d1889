package watch

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Runs stopped in their write phase do not move the source's generation
// (their index is never saved), and the generation is part of every event
// id. A posting that goes A -> B in one stopped run, B -> A in the next
// and A -> B again in a third run made that third change with the first
// one's id: the outbox, the webhook receivers and the feeds, which all
// take an id they have seen for a repeat, dropped it, and the notifiers
// kept believing A (review s21 F11). Every occurrence of a change must
// get an id of its own; a stopped run's change redone is still sent once;
// the receiver ends with the platform's version. With git and without
// (where the recovery did not write the files of the changes a stopped
// run recorded, and a return to the version before was never told:
// review s22 F11).
func TestBackAndForthAcrossStoppedRunsHasNewIDs(t *testing.T) {
	t.Parallel()
	vA, vB := job(0), retitled(0)
	for _, gitOn := range []bool{true, false} {
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
			{"A to B, stop; back to A", []fake.Job{vB}, vA, 2},
			{"A to B, stop; B to A, stop; A to B, stop; still B", []fake.Job{vB, vA, vB}, vB, 3},
		} {
			t.Run(fmt.Sprintf("git %v, %s", gitOn, c.name), func(t *testing.T) {
				t.Parallel()
				nf, rc := fake.New(t, "netflix.com", []fake.Job{vA, job(1)}), newStateReceiver(t)
				dir := t.TempDir()
				cfg, err := config.Parse([]byte(fmt.Sprintf(`snapshots: snaps
git: {commit: %v}
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, gitOn, nf.URL, rc.URL)), filepath.Join(dir, "config.yaml"), nil, Plugins())
				if err != nil {
					t.Fatal(err)
				}
				r := freshRunner(t, cfg)
				run(t, r, cfg)
				rc.mu.Lock()
				first, firstDelivered := len(rc.ids), rc.delivered
				rc.mu.Unlock()
				// 101 changes at every run (and back): a second write, after
				// which the run is stopped; its changes are events too
				other := []fake.Job{retitled(1), job(1)}
				for i, v := range c.stops {
					nf.SetJobs([]fake.Job{v, other[i%2]})
					stoppedRun(t, r, cfg, stopAtWrite(1))
				}
				final := other[len(c.stops)%2]
				nf.SetJobs([]fake.Job{c.last, final})
				run(t, r, cfg)
				rc.mu.Lock()
				defer rc.mu.Unlock()
				// (the receiver keeps each id once: a repeated one is dropped,
				// as receivers that dedupe by webhook-id do)
				distinct := len(rc.ids) - first
				if want := c.want + len(c.stops) + 1; distinct != want {
					t.Errorf("the webhook got %d distinct events (%d deliveries), want %d (%d of 100, %d of 101)", distinct, rc.delivered-firstDelivered, want, c.want, len(c.stops)+1)
				}
				if rc.last["100"] != c.last.Name || rc.last["101"] != final.Name {
					t.Errorf("the receiver ends with 100 %q and 101 %q, want %q and %q", rc.last["100"], rc.last["101"], c.last.Name, final.Name)
				}
				if got := readPosting(t, cfg, "100").Title; got != c.last.Name {
					t.Errorf("100's file has title %q, want %q", got, c.last.Name)
				}
				if gitOn {
					checkSettled(t, cfg)
				}
			})
		}
	}
}
