package watch

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s17 F7b: a posting whose snapshot file is gone (deleted by hand,
// the deletion committed or not, other runs committed since) that then
// leaves the board is reported removed with what it was (its title), from
// the newest committed copy, not as an empty posting.
func TestRemovalOfAPostingWhoseFileIsGoneS19(t *testing.T) {
	for _, c := range []struct {
		name           string
		commit, others bool
	}{{"deleted", false, false}, {"deletion committed", true, false}, {"deletion committed, commits since", true, true}} {
		t.Run(c.name, func(t *testing.T) {
			jobs := []fake.Job{job(1), job(2), job(3), job(4)}
			nf, h := fake.New(t, "netflix.com", jobs), newHook(t)
			var logs notifytest.Buffer
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			s := snapStore(t, cfg)
			if err := os.Remove(s.PostingPath("nf", "102")); err != nil {
				t.Fatal(err)
			}
			if c.commit {
				gitOut(t, cfg.Snapshots, "add", "-A")
				gitOut(t, cfg.Snapshots, "commit", "-q", "-m", "by hand")
			}
			if c.others {
				// commits by hand since: the copy is further back than
				// the commits a stopped run's recovery looks at
				for i := range 12 {
					gitOut(t, cfg.Snapshots, "commit", "-q", "--allow-empty", "-m", fmt.Sprint("note ", i))
				}
			}
			nf.SetJobs([]fake.Job{job(1), job(3), job(4)})
			run(t, r, cfg) // missing once (guard.remove_after 2)
			res := run(t, r, cfg)
			var removed []notify.Event
			for _, e := range res.Events {
				if e.Type == notify.PostingRemoved {
					removed = append(removed, e)
				}
			}
			if len(removed) != 1 {
				t.Fatalf("%d removals in %+v, want 1", len(removed), res.Sources[0])
			}
			if p := removed[0].Data.Posting; p == nil || p.ID != "102" || p.Title != "Data Scientist 2 (L4)" {
				t.Fatalf("removal carries %+v, want posting 102 with its title", p)
			}
			if !strings.Contains(logs.String(), "its removal carries its newest committed copy") != !c.others && c.commit {
				t.Errorf("logs:\n%s", logs.String())
			}
			checkSettled(t, cfg)
		})
	}
}

// Without any history (git.commit: false) a posting whose file was
// deleted by hand is still reported removed when it leaves the board (it
// was listed and is no more: no change lost), with its id, and a warning
// that names it.
func TestRemovalWithoutFileOrHistoryS19(t *testing.T) {
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3), job(4)}), newHook(t)
	var logs notifytest.Buffer
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: false}
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg := parseConfig(t, t.TempDir(), yml, nil)
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	run(t, r, cfg)
	if err := os.Remove(snapStore(t, cfg).PostingPath("nf", "102")); err != nil {
		t.Fatal(err)
	}
	nf.SetJobs([]fake.Job{job(1), job(3), job(4)})
	run(t, r, cfg)
	res := run(t, r, cfg)
	if st := res.Sources[0]; st.Removed != 1 || len(res.Events) != 1 || res.Events[0].Data.Posting.ID != "102" {
		t.Fatalf("%+v, events %+v; want posting 102 removed", st, res.Events)
	}
	if !strings.Contains(logs.String(), `its removal carries only its id" source=nf posting=102`) {
		t.Errorf("no warning naming the posting:\n%s", logs.String())
	}
}
