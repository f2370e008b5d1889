package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A run stopped after it recorded a new posting's 'added' event and
// wrote its file, before it saved the index (the run stops at the next
// posting, a change whose event is recorded too): the recovery commits both
// (the notifiers get the 'added'). When the platform drops the posting
// before it is listed again, the file must not stay for good: it is
// removed after the usual debounce, with a 'removed' event (the
// notifiers were told it was added), and the folder is settled. When the
// platform still lists it, it is the addition it was, reported once.
func TestStoppedAddIsRemovedWhenThePostingGoes(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	for _, gone := range []bool{true, false} {
		name := "listed again"
		if gone {
			name = "dropped"
		}
		t.Run(name, func(t *testing.T) {
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
			r, cfg := newRunner(t, nf, h)
			run(t, r, cfg)
			h.take()
			nf.SetJobs([]fake.Job{job(0), retitled(1), job(2)})
			stoppedRun(t, r, cfg, stopAtWrite(1))
			file := filepath.Join(cfg.Snapshots, "nf", "100.json")
			if _, err := os.Stat(file); err != nil {
				t.Fatalf("the stopped run did not write the new posting's file: %v", err)
			}
			if !gone {
				res := run(t, r, cfg)
				if s := res.Sources[0]; s.Added != 1 || s.Changed != 1 || !slices.Contains(s.Lines(), "+ 100 Data Scientist 0 (L4)") {
					t.Fatalf("the posting listed again: %+v", s)
				}
				if got := h.take(); len(got) != 2 || got[0] == got[1] {
					t.Fatalf("the webhook got %v, want the 'added' and the change, once each", got)
				}
				checkSettled(t, cfg)
				return
			}
			nf.SetJobs([]fake.Job{retitled(1), job(2)})
			var removed []string
			var types []string
			for n := 0; n < 10; n++ {
				res := run(t, r, cfg)
				for _, e := range res.Events {
					if e.Data.Posting.ID == "100" {
						types = append(types, e.Type+" "+e.Data.Posting.ID+" "+e.Data.Posting.Title)
					}
				}
				if res.Sources[0].Removed > 0 {
					removed = res.Sources[0].Lines()
					break
				}
			}
			if !slices.Equal(removed, []string{"- 100 Data Scientist 0 (L4)"}) {
				t.Fatalf("no run removed the stopped run's posting: lines %q, events %q", removed, types)
			}
			if !slices.Equal(types, []string{"posting.removed 100 Data Scientist 0 (L4)"}) {
				t.Fatalf("events of 100 %q; want its removal only", types)
			}
			if _, err := os.Stat(file); err == nil {
				t.Fatal("the file is still there")
			}
			ids := h.take()
			sorted := slices.Clone(ids)
			slices.Sort(sorted)
			if len(ids) != 3 || len(slices.Compact(sorted)) != 3 {
				t.Fatalf("the webhook got %v; want 100 added (the stopped run's), 101 changed, 100 removed, once each", ids)
			}
			checkSettled(t, cfg)
			if msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B"); !strings.Contains(msg, "- 100 Data Scientist 0 (L4)") {
				t.Fatalf("commit message:\n%s", msg)
			}
		})
	}
}
