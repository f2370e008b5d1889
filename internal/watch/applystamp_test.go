package watch

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// An Eightfold tenant whose apply listing has t_create and no t_update
// (the real Albemarle answer): a title renamed in place is read and
// reported (F1: it was kept by its stamp, t_create, forever). And the
// stamps of earlier versions (the time alone) are no event: every detail
// is read once more and compared, nothing changed, nothing notified.
func TestApplyListingEditWithoutUpdateTime(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{
		{ID: 21, Name: "Supply Planner, Bromine S&OP", Team: "Supply Chain", Locations: []string{"Charlotte, NC"}, TCreate: 1785801600, Description: "<p>Plan bromine supply. SQL and Excel.</p>"},
		{ID: 22, Name: "Director, Media Relations", Team: "Comms", Locations: []string{"Charlotte, NC"}, TCreate: 1785801700, Description: "<p>Lead media relations.</p>"},
	}
	nf := fake.New(t, "netflix.com", jobs)
	r, cfg := deliveryRunner(t, nf, "", io.Discard)
	if res := run(t, r, cfg); res.Sources[0].Added != 2 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	if res := run(t, r, cfg); res.Sources[0].Details != 0 || res.Commit != "" {
		t.Fatalf("nothing moved, yet: %+v, commit %q", res.Sources[0], res.Commit)
	}

	// the upgrade: stamps as earlier versions wrote them
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex("nf")
	if err != nil {
		t.Fatal(err)
	}
	for i, j := range jobs {
		id := strconv.FormatInt(j.ID, 10)
		e := idx.Postings[id]
		if !strings.HasPrefix(e.Stamp, strconv.FormatInt(j.TCreate, 10)+":") {
			t.Fatalf("posting %d: stamp %q", i, e.Stamp)
		}
		e.Stamp = strconv.FormatInt(j.TCreate, 10)
		idx.Postings[id] = e
	}
	if _, err := s.SaveIndex("nf", idx); err != nil {
		t.Fatal(err)
	}
	res := run(t, r, cfg)
	if sr := res.Sources[0]; sr.Details != 2 || sr.Added+sr.Changed+sr.Removed+sr.DetailFailures != 0 || len(sr.lines) != 0 {
		t.Fatalf("after the upgrade: %+v", sr)
	}
	if res.Commit != "" {
		t.Fatalf("the upgrade made a commit %s", res.Commit)
	}
	if res := run(t, r, cfg); res.Sources[0].Details != 0 {
		t.Fatalf("the run after the upgrade read details again: %+v", res.Sources[0])
	}

	jobs[0].Name = "Supply Planner II, Bromine S&OP" // in the listing and the detail; t_create as it was
	nf.SetJobs(jobs)
	res = run(t, r, cfg)
	if sr := res.Sources[0]; sr.Changed != 1 || sr.Details != 1 {
		t.Fatalf("renamed: %+v", sr)
	}
	p, _, err := s.Read("nf", "21")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Supply Planner II, Bromine S&OP" {
		t.Fatalf("title %q", p.Title)
	}
}
