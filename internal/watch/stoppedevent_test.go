package watch

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A run stopped after it recorded a change's event (A -> B) and before it
// wrote the posting's file (the file, and the index, still A); the
// recovery commits the event, which the notifiers get. When the platform
// is back at A at the next run, the notifiers must not be left believing
// B: the change B -> A is reported, with its own event, as when the
// stopped run had written the file (see compareMoved).
func TestRecordedChangeWhoseFileWasNotWrittenIsRevertedOnTheRecord(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	// both changes recorded; the run stops after 101's file, before 102's
	nf.SetJobs([]fake.Job{retitled(1), retitled(2)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	if p := readPosting(t, cfg, "102"); p.Title != "Data Scientist 2 (L4)" {
		t.Fatalf("the stopped run wrote 102's file: %q", p.Title)
	}
	nf.SetJobs([]fake.Job{retitled(1), job(2)})
	res := run(t, r, cfg)
	var back []string
	for _, e := range res.Events {
		if e.Data.Posting.ID == "102" && e.Data.Previous != nil {
			back = append(back, e.Data.Previous.Title+" -> "+e.Data.Posting.Title)
		}
	}
	if !slices.Equal(back, []string{"Staff Data Scientist 2 (L4) -> Data Scientist 2 (L4)"}) {
		t.Fatalf("102's events %q; want its change back from the recorded version", back)
	}
	if p := readPosting(t, cfg, "102"); p.Title != "Data Scientist 2 (L4)" {
		t.Fatalf("102's file holds %q", p.Title)
	}
	ids := h.take()
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	if len(ids) != 3 || len(slices.Compact(sorted)) != 3 {
		t.Fatalf("the webhook got %v; want 101's and 102's changes and 102's change back, once each", ids)
	}
	checkSettled(t, cfg)
	if got := run(t, r, cfg); got.Commit != "" || len(got.Events) != 0 {
		t.Fatal("the run after committed or made events")
	}
}
