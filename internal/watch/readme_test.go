package watch

import (
	"os"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The README kept from cached rows is byte for byte the one built from
// every snapshot, through additions, changes, removals and a damaged cache.
func TestReadmeFromRowsEqualsAFullRebuild(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	readme := r.store.ReadmePath("nf")
	check := func(step string) {
		t.Helper()
		got, err := os.ReadFile(readme)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		postings, err := r.store.Postings("nf")
		if err != nil {
			t.Fatal(err)
		}
		if want := snapshot.SourceReadme("nf", postings); string(got) != string(want) {
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
	os.WriteFile(r.store.ReadmeRowsPath("nf"), []byte("{broken"), 0o644)
	nf.SetJobs([]fake.Job{job(1), changed, job(4), job(5)})
	run(t, r, cfg)
	check("damaged rows cache")
}
