package watch

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A first run's new postings are compared with the files the folder has
// (none: it is not there yet) through one listing of the folder, which
// finds it missing: no read of each posting's file (it read it twice,
// for compareUnindexed and compareFiled, 4 failed system calls per new
// posting), and no listing per posting. A posting whose file is there
// while the index lacks it is still compared with the file
// (TestIndexWithoutAFiledPostingReportsNoAddition). Not parallel: the
// count is the process's.
func TestFirstRunListsTheMissingFolderOnce(t *testing.T) {
	jobs := []fake.Job{job(1), job(2), job(3), job(4), job(5)}
	nf, h := fake.New(t, "netflix.com", jobs), newHook(t)
	var logs notifytest.Buffer
	r, cfg := loggedRunner(t, nf, h, &logs)
	before := snapshot.FolderListings()
	res := run(t, r, cfg)
	if st := res.Sources[0]; st.Added != len(jobs) {
		t.Fatalf("%+v; want %d added", st, len(jobs))
	}
	if got := snapshot.FolderListings() - before; got > 1 {
		t.Errorf("a first run of one source listed its folder %d times, want at most 1", got)
	}
	checkSettled(t, cfg)
}
