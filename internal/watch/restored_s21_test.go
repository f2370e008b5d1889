package watch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s20 F6: a listed posting whose snapshot file was deleted, the
// deletion committed: the run restored the file quietly and left it to
// whatever commit came next, the run's last one "watcher: notification
// outbox (0 delivered, 0 pending)", which then held only the posting's
// file. Now the restore is the source's own commit line ("nf: 102.json
// was missing: restored"), with a warning naming the file; still no event.
// A deletion in the work tree only is undone without a commit.
func TestRestoredSnapshotHasItsOwnCommitLine(t *testing.T) {
	t.Parallel()
	for _, committed := range []bool{false, true} {
		t.Run(fmt.Sprintf("deletion committed %v", committed), func(t *testing.T) {
			var logs notifytest.Buffer
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			path := snapStore(t, cfg).PostingPath("nf", "102")
			good := readFile(t, path)
			gitOut(t, cfg.Snapshots, "rm", "-q", "nf/102.json")
			if committed {
				gitOut(t, cfg.Snapshots, "-c", "user.name=u", "-c", "user.email=u@localhost", "commit", "-q", "-m", "user: drop 102")
			}
			res := run(t, r, cfg)
			if s := res.Sources[0]; s.Added+s.Removed+s.Changed+s.Rewrites != 0 || len(res.Events) != 0 {
				t.Fatalf("%+v, %d events; want nothing reported", s, len(res.Events))
			}
			if got := readFile(t, path); got != good {
				t.Fatalf("the file was not restored:\n%s", got)
			}
			if !warned(logs.String(), "source=nf", path, "restored") {
				t.Fatalf("no warning naming the file:\n%s", logs.String())
			}
			msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
			if committed {
				if subj, _, _ := strings.Cut(msg, "\n"); subj != "nf: 102.json was missing: restored" {
					t.Fatalf("commit message:\n%s", msg)
				}
				if files := gitOut(t, cfg.Snapshots, "show", "--format=", "--name-only", "HEAD"); !strings.Contains(files, "nf/102.json") {
					t.Fatalf("the restore's commit does not hold the file:\n%s", files)
				}
			} else if !strings.HasPrefix(msg, "nf: 3 added\n") {
				t.Fatalf("a commit for a deletion never committed:\n%s", msg)
			}
			checkSettled(t, cfg)
			if got := run(t, r, cfg); got.Commit != "" || len(got.Events) != 0 {
				t.Fatalf("the run after the restore: commit %q, %d events", got.Commit, len(got.Events))
			}
		})
	}
}
