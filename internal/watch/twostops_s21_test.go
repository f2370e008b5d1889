package watch

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Two runs stopped in a row in their write phase: the first adds posting
// 100 (version A), the second changes it to B or removes it; then a run
// completes. The notifiers must end with the platform's state, each
// change told once: no second 'added' for a posting they were told of,
// a return to A reported (review s21 F5, F10 A). The stopped runs record
// their events within the same second (all the outbox's times say): the
// recovery finishes each posting's last one, in whatever order the
// outbox lists them.
func TestTwoStoppedRunsInARow(t *testing.T) {
	t.Parallel()
	vA, vB := job(0), retitled(0)
	for _, c := range []struct {
		name        string
		second      []fake.Job // the board at the second stopped run
		last        []fake.Job // the board at the completing run
		want        []string   // the completing run's events of 100
		deliveries  int        // distinct webhook events over the three runs (101's two changes included)
		mayRedoLast bool       // the completing run may redo a stopped run's event (same id)
	}{
		{"added A, changed to B, still B", []fake.Job{vB, job(1), job(2)}, []fake.Job{vB, job(1), job(2)}, nil, 4, true},
		{"added A, changed to B, back to A", []fake.Job{vB, job(1), job(2)}, []fake.Job{vA, job(1), job(2)}, []string{"posting.changed"}, 5, false},
		// gone from one run only (a removal waits for the debounce): back
		// inside it, nothing new (103 added at the second stop: its
		// second write)
		{"added A, missing once, listed again as A", []fake.Job{job(1), job(2), job(3)}, []fake.Job{vA, job(1), job(2), job(3)}, nil, 4, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
			r, cfg := newRunner(t, nf, h)
			run(t, r, cfg)
			h.take()
			// 101 changes at each stopped run too (and back): a second
			// write, after which the run is stopped
			nf.SetJobs([]fake.Job{vA, retitled(1), job(2)})
			stoppedRun(t, r, cfg, stopAtWrite(1))
			nf.SetJobs(c.second)
			stoppedRun(t, r, cfg, stopAtWrite(1))
			nf.SetJobs(c.last)
			res := run(t, r, cfg)
			var types []string
			for _, e := range res.Events {
				if e.Data.Posting != nil && e.Data.Posting.ID == "100" {
					types = append(types, e.Type)
				}
			}
			if c.mayRedoLast && len(types) == 1 {
				types = nil // a stopped run's event redone, with its id (the distinct count below checks it)
			}
			if !slices.Equal(types, c.want) {
				t.Errorf("the completing run's events of 100: %q, want %q; lines %q", types, c.want, res.Sources[0].Lines())
			}
			ids := h.take()
			distinct := slices.Compact(slices.Sorted(slices.Values(ids)))
			if len(distinct) != c.deliveries {
				t.Errorf("the webhook got %d distinct events (%d deliveries), want %d", len(distinct), len(ids), c.deliveries)
			}
			checkSettled(t, cfg)
		})
	}
}

// lastOfEach keeps, of a posting's events, the one no other starts from,
// whatever their order (the outbox lists them by file name).
func TestLastOfEachFollowsTheVersions(t *testing.T) {
	a, b := model.Posting{ID: "1", Title: "A"}, model.Posting{ID: "1", Title: "B"}
	added := notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: "s", Posting: &a}}
	changed := notify.Event{Type: notify.PostingChanged, Data: notify.Data{Source: "s", Posting: &b, Previous: &a}}
	other := notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: "s", Posting: &model.Posting{ID: "2"}}}
	for _, evs := range [][]notify.Event{{added, changed, other}, {changed, other, added}} {
		got := lastOfEach(evs)
		if len(got) != 2 || got[0].Type != notify.PostingChanged && got[1].Type != notify.PostingChanged {
			t.Fatalf("lastOfEach(%d events) = %+v, want 1's change and 2's addition", len(evs), got)
		}
		for _, e := range got {
			if e.Data.Posting.ID == "1" && e.Type != notify.PostingChanged {
				t.Fatalf("posting 1 ends at its %s, want its change", e.Type)
			}
		}
	}
}
