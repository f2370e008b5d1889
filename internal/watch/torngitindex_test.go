package watch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s17 F16: a torn snapshots/.git/index stopped every run for good
// while changes waited. The next run commits its change, rebuilding the
// git index from HEAD with a warning naming it.
func TestTornGitIndexDoesNotStopRuns(t *testing.T) {
	var logs notifytest.Buffer
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := loggedRunner(t, nf, h, &logs)
	run(t, r, cfg)
	h.take()
	index := filepath.Join(cfg.Snapshots, ".git", "index")
	b, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(index, b[:100], 0o644); err != nil {
		t.Fatal(err)
	}
	nf.SetJobs([]fake.Job{job(1), retitled(2)})
	res := run(t, r, cfg)
	if st := res.Sources[0]; st.Changed != 1 || res.Commit == "" {
		t.Fatalf("%+v, commit %q; want the change committed", st, res.Commit)
	}
	if !warned(logs.String(), "git index", index) {
		t.Fatalf("no warning naming the index:\n%s", logs.String())
	}
	checkSettled(t, cfg)
}
