package watch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/report"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// The README kept from cached rows is byte for byte the one built from
// every snapshot, through additions, changes, removals and a damaged cache.
func TestReadmeFromRowsEqualsAFullRebuild(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	readme := filepath.Join(cfg.Snapshots, "nf", report.ReadmeName)
	check := func(step string) {
		t.Helper()
		got, err := os.ReadFile(readme)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		postings, err := report.Postings(cfg.Snapshots, "nf")
		if err != nil {
			t.Fatal(err)
		}
		if want := report.SourceReadme("nf", postings); string(got) != string(want) {
			t.Fatalf("%s: README differs from a full rebuild:\n%s\nwant:\n%s", step, got, want)
		}
	}
	run(t, r, cfg)
	check("first run")
	changed := job(2)
	changed.TUpdate++
	changed.Name = "Principal Data Scientist (L7)"
	nf.SetJobs([]fake.Job{job(1), changed, job(4)})
	run(t, r, cfg)
	check("added and changed")
	run(t, r, cfg) // job 3 missing twice: removed
	check("removed")
	os.WriteFile(r.readmeRowsPath("nf"), []byte("{broken"), 0o644)
	nf.SetJobs([]fake.Job{job(1), changed, job(4), job(5)})
	run(t, r, cfg)
	check("damaged rows cache")
}
