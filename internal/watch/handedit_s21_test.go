package watch

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s20 F3: a snapshot file edited by hand (still readable, another
// size) of a posting the board lists as the version its index names. The
// run used to take the edited file's size into the index without a
// commit of its own: the folder stayed modified run after run, and a
// later commit carried the index with the edited size but never the file.
// Now the file is rewritten from the fetched posting (the version the
// index names, the one the notifiers were told of), with a warning that
// names it and a commit line saying so; no event. An edit left in the work
// tree only is back to HEAD's copy (no commit needed); one committed by
// the user makes a commit of the repair. Either way the folder is clean.
func TestHandEditedSnapshotIsRewrittenAndCommitted(t *testing.T) {
	t.Parallel()
	for _, committed := range []bool{false, true} {
		t.Run(fmt.Sprintf("edit committed %v", committed), func(t *testing.T) {
			var logs notifytest.Buffer
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			path := snapStore(t, cfg).PostingPath("nf", "102")
			good := readFile(t, path)
			edited := strings.Replace(good, "Data Scientist 2 (L4)", "Hacked", 1)
			if edited == good {
				t.Fatalf("no title to edit in:\n%s", good)
			}
			if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			if committed {
				gitOut(t, cfg.Snapshots, "-c", "user.name=u", "-c", "user.email=u@localhost", "commit", "-q", "-am", "user: edit 102")
			}
			res := run(t, r, cfg)
			if s := res.Sources[0]; s.Added+s.Removed+s.Changed+s.Rewrites != 0 || len(res.Events) != 0 {
				t.Fatalf("%+v, %d events; want nothing reported", s, len(res.Events))
			}
			if got := readFile(t, path); got != good {
				t.Fatalf("the edited file was not rewritten:\n%s", got)
			}
			if !warned(logs.String(), "source=nf", path, "edited") {
				t.Fatalf("no warning naming the file:\n%s", logs.String())
			}
			msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
			if committed {
				if subj, _, _ := strings.Cut(msg, "\n"); subj != "nf: 102.json was edited: rewritten" || !strings.Contains(msg, "\nnf: 102.json was edited: rewritten\n") {
					t.Fatalf("commit message:\n%s", msg)
				}
				if files := gitOut(t, cfg.Snapshots, "show", "--format=", "--name-only", "HEAD"); !strings.Contains(files, "nf/102.json") {
					t.Fatalf("the repair's commit does not hold the file:\n%s", files)
				}
			} else if !strings.HasPrefix(msg, "nf: 3 added\n") {
				t.Fatalf("a commit for an edit never committed:\n%s", msg)
			}
			checkSettled(t, cfg)
			if got := run(t, r, cfg); got.Commit != "" || len(got.Events) != 0 {
				t.Fatalf("the run after the repair: commit %q, %d events", got.Commit, len(got.Events))
			}
			checkSettled(t, cfg)
		})
	}
}
