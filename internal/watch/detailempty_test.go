package watch

import (
	"io"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

const emptyDetailDesc = "<p>Lead our media relations. You have 5+ years of experience with Python. The pay range is $120,000 - $150,000 per year.</p>"

// A detail answer (200) that still lacks the description, for a posting
// stored with one, is a detail failure, not a change: the snapshot and its
// old stamp stay (F11: description, pay and skills were wiped and the new
// stamp froze the emptied posting). The next run asks again, and the
// description back is no change.
func TestEmptyDetailOfDescribedPostingIsAFailure(t *testing.T) {
	t.Parallel()
	j := fake.Job{ID: 11, Name: "Director, Media Relations", Team: "Comms", Locations: []string{"Los Gatos, California"},
		TCreate: 1700000000, TUpdate: 1700000000, Description: emptyDetailDesc}
	nf := fake.New(t, "netflix.com", []fake.Job{j})
	r, cfg := deliveryRunner(t, nf, "", io.Discard)
	if res := run(t, r, cfg); res.Sources[0].Added != 1 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	before, _, err := s.Read("nf", "11")
	if err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex("nf")
	if err != nil {
		t.Fatal(err)
	}
	oldStamp := idx.Postings["11"].Stamp

	j.TUpdate, j.Description = 1700000500, "" // a moved stamp, a detail without its text
	nf.SetJobs([]fake.Job{j})
	res := run(t, r, cfg)
	if sr := res.Sources[0]; sr.Changed != 0 || sr.DetailFailures != 1 || res.Commit != "" {
		t.Fatalf("empty detail: %+v, commit %q", sr, res.Commit)
	}
	after, _, err := s.Read("nf", "11")
	if err != nil {
		t.Fatal(err)
	}
	if after.Description != before.Description || after.Description == "" {
		t.Fatalf("description changed by an empty detail: %q -> %q", before.Description, after.Description)
	}
	if idx, err = s.LoadIndex("nf"); err != nil {
		t.Fatal(err)
	}
	if got := idx.Postings["11"].Stamp; got != oldStamp || got == "" {
		t.Fatalf("stamp after the failed detail: %q, want the old one", got)
	}

	j.Description = emptyDetailDesc // the next run asks again
	nf.SetJobs([]fake.Job{j})
	res = run(t, r, cfg)
	if sr := res.Sources[0]; sr.Details != 1 || sr.Changed != 0 || sr.DetailFailures != 0 {
		t.Fatalf("description back: %+v", sr)
	}
}

// A posting the platform publishes with no description at all is no
// failure that repeats forever: a new one is recorded (it is open), and
// it keeps no stamp, so every run asks its detail again: no event while it
// stays empty, a change when its description shows up (never frozen out).
func TestEmptyDetailOfNewPostingIsRecordedAndAskedAgain(t *testing.T) {
	t.Parallel()
	j := fake.Job{ID: 12, Name: "Evergreen: Engineers", Team: "Eng", Locations: []string{"Remote"},
		TCreate: 1700000000, TUpdate: 1700000000}
	nf := fake.New(t, "netflix.com", []fake.Job{j})
	r, cfg := deliveryRunner(t, nf, "", io.Discard)
	if res := run(t, r, cfg); res.Sources[0].Added != 1 || res.Sources[0].DetailFailures != 0 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	res := run(t, r, cfg)
	if sr := res.Sources[0]; sr.Details != 1 || sr.Changed != 0 || sr.DetailFailures != 0 || res.Commit != "" {
		t.Fatalf("second run, still empty: %+v, commit %q", sr, res.Commit)
	}
	j.Description = emptyDetailDesc // same stamp: only a new detail request sees it
	nf.SetJobs([]fake.Job{j})
	res = run(t, r, cfg)
	if sr := res.Sources[0]; sr.Changed != 1 {
		t.Fatalf("description published: %+v", sr)
	}
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := s.Read("nf", "12")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Description, "media relations") {
		t.Fatalf("description not read: %q", p.Description)
	}
	idx, err := s.LoadIndex("nf")
	if err != nil {
		t.Fatal(err)
	}
	if idx.Postings["12"].Stamp == "" {
		t.Fatal("a described posting keeps no stamp: asked again every run")
	}
}
