package watch

import (
	"fmt"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s17 F7: an index older than the snapshot files (restored from a
// backup or a CI cache, a hand merge) that lacks a posting whose file is
// there: the posting is not reported added. Unchanged, nothing is
// reported and the index has it again; changed meanwhile, it is one
// change from the file's version.
func TestIndexWithoutAFiledPostingReportsNoAddition(t *testing.T) {
	for _, change := range []bool{false, true} {
		t.Run(fmt.Sprintf("changed %v", change), func(t *testing.T) {
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			var logs notifytest.Buffer
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			s := snapStore(t, cfg)
			idx, err := s.LoadIndex("nf")
			if err != nil {
				t.Fatal(err)
			}
			delete(idx.Postings, "102")
			if _, err := s.SaveIndex("nf", idx); err != nil {
				t.Fatal(err)
			}
			gitOut(t, cfg.Snapshots, "add", "-A")
			gitOut(t, cfg.Snapshots, "-c", "user.name=u", "-c", "user.email=u@localhost", "commit", "-q", "-m", "an older index")
			want := 0
			if change {
				nf.SetJobs([]fake.Job{job(1), retitled(2), job(3)})
				want = 1
			}
			res := run(t, r, cfg)
			st := res.Sources[0]
			if st.Added+st.Removed != 0 || st.Changed != want || len(res.Events) != want {
				t.Fatalf("%+v, %d events; want %d changed, nothing added", st, len(res.Events), want)
			}
			if change {
				if e := res.Events[0]; e.Data.Previous == nil || e.Data.Previous.Title != "Data Scientist 2 (L4)" {
					t.Fatalf("event %+v; want a change from the file's version", e.Data)
				}
			}
			if idx, err := s.LoadIndex("nf"); err != nil || idx.Postings["102"].Hash == "" {
				t.Fatalf("the index does not have posting 102 again: %v", err)
			}
			checkSettled(t, cfg)
			if n := len(h.take()); n != want {
				t.Fatalf("%d events delivered, want %d", n, want)
			}
		})
	}
}
