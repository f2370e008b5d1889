package watch

import (
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A run stopped after it recorded a new posting's 'added' event and wrote
// its file (the recovery commits both); the platform changes the posting
// before the next run. The notifiers were told of the addition as the
// stopped run made it: the next run reports a change from that version,
// never a second 'added' (review s20 F13: "added v0" then "added v1").
func TestStoppedAddChangedBeforeTheNextRun(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	nf.SetJobs([]fake.Job{job(0), retitled(1), job(2)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	nf.SetJobs([]fake.Job{retitled(0), retitled(1), job(2)})
	res := run(t, r, cfg)
	var types []string
	for _, e := range res.Events {
		if e.Data.Posting != nil && e.Data.Posting.ID == "100" {
			types = append(types, e.Type)
		}
	}
	if slices.Contains(types, "posting.added") {
		t.Fatalf("the posting the stopped run added was added again: events of 100 %q, lines %q", types, res.Sources[0].Lines())
	}
	if !slices.Equal(types, []string{"posting.changed"}) {
		t.Fatalf("events of 100 %q, want its change from the stopped run's version; lines %q", types, res.Sources[0].Lines())
	}
	ids := h.take()
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	if len(ids) != 3 || len(slices.Compact(sorted)) != 3 {
		t.Fatalf("the webhook got %v; want 100 added (the stopped run's), 101 changed, 100 changed, once each", ids)
	}
	checkSettled(t, cfg)
	if msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B"); !strings.Contains(msg, "~ 100") {
		t.Fatalf("commit message:\n%s", msg)
	}
}
