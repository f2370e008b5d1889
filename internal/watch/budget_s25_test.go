package watch

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// budgetRunner is a runner of one eightfold source at nf with
// http.source_budget set to budget, logging into logs.
func budgetRunner(t *testing.T, nf *fake.Server, budget string, logs *bytes.Buffer) *Runner {
	t.Helper()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, source_budget: %s}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\n", budget, nf.URL)
	cfg := parseConfig(t, t.TempDir(), yml, nil)
	return quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
}

// detailRequests counts the fake's requests for a posting's detail.
func detailRequests(nf *fake.Server) int {
	n := 0
	for _, r := range nf.Requests() {
		if strings.Contains(r.Path, "/position_details") || strings.Contains(r.Path, "/jobs/") {
			n++
		}
	}
	return n
}

// Once a source's requests have taken the time http.source_budget allows
// them, its remaining details are not asked for: the postings are not
// recorded this run (none is lost, none is reported removed), the source
// does not fail, one warning names the key, and the next run, with time to
// spare, records them (review s24 F3: a board that trickles every detail
// held a one-shot run for a timeout per page, without end).
func TestSourceBudgetSpentLeavesDetailsForTheNextRun(t *testing.T) {
	t.Parallel()
	nf := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)})
	var logs bytes.Buffer
	// any request takes more than a nanosecond: the listing's one page is
	// read, then the budget is spent
	r := budgetRunner(t, nf, "1ns", &logs)
	res := run(t, r, r.cfg)
	sr := res.Sources[0]
	if sr.Err != nil || sr.Added != 0 || sr.Removed != 0 || sr.DetailFailures != 3 {
		t.Fatalf("run with its budget spent after the listing: %+v", sr)
	}
	if n := detailRequests(nf); n != 0 {
		t.Fatalf("%d detail requests sent after the budget was spent", n)
	}
	out := logs.String()
	if strings.Count(out, "http.source_budget") != 1 || !strings.Contains(out, "postings=3") {
		t.Fatalf("want one warning naming http.source_budget for the 3 postings, logs:\n%s", out)
	}
	if strings.Contains(out, "posting detail failed") {
		t.Fatalf("a warning per posting for a spent budget:\n%s", out)
	}

	r.cfg.HTTP.SourceBudget = time.Hour
	res = run(t, r, r.cfg)
	if sr := res.Sources[0]; sr.Added != 3 || sr.DetailFailures != 0 {
		t.Fatalf("next run, with time to spare: %+v", sr)
	}
	s, err := snapshot.Open(r.cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex("nf")
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Postings) != 3 {
		t.Fatalf("stored postings: %d, want 3", len(idx.Postings))
	}

	// a known posting whose detail is not asked keeps its snapshot and is
	// asked again: its stamp moved, the budget is spent before its detail
	j := job(2)
	j.TUpdate += 100
	j.Name = "Senior " + j.Name
	nf.SetJobs([]fake.Job{job(1), j, job(3)})
	r.cfg.HTTP.SourceBudget = time.Nanosecond
	res = run(t, r, r.cfg)
	if sr := res.Sources[0]; sr.Changed != 0 || sr.Removed != 0 || sr.DetailFailures != 1 || res.Commit != "" {
		t.Fatalf("known posting, budget spent: %+v, commit %q", sr, res.Commit)
	}
	r.cfg.HTTP.SourceBudget = time.Hour
	if sr := run(t, r, r.cfg).Sources[0]; sr.Changed != 1 {
		t.Fatalf("the change, next run: %+v", sr)
	}
}
