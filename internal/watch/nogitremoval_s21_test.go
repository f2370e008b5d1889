package watch

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Without git (git.commit false), a run stopped after it recorded a
// removal (the event in the outbox, the file gone) leaves the posting
// open in the index it never saved: the recovery reads the outbox's
// recorded removals, so that the posting's return is announced as added,
// not kept quiet (review s21 F14).
func TestStoppedRemovalWithoutGitThenBack(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3), job(4)}), newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: false}
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com, allow_shrink: true, remove_after: 1}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	r := freshRunner(t, cfg)
	run(t, r, cfg)
	h.take()
	// 101 removed; 102 and 103 changed: two writes, stopped after one
	nf.SetJobs([]fake.Job{retitled(2), retitled(3), job(4)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	nf.SetJobs([]fake.Job{job(1), retitled(2), retitled(3), job(4)})
	res := run(t, r, cfg)
	var types []string
	for _, e := range res.Events {
		if e.Data.Posting != nil && e.Data.Posting.ID == "101" {
			types = append(types, e.Type)
		}
	}
	if !slices.Equal(types, []string{"posting.added"}) {
		t.Fatalf("events of 101 after its recorded removal: %q, want its return added; lines %q", types, res.Sources[0].Lines())
	}
}
