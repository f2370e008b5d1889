package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// tearFile cuts a snapshot file in the middle (a torn copy, a bad
// merge): it does not decode any more. It returns the bytes it had.
func tearFile(t *testing.T, cfg *config.Config, id string) (path string, good []byte) {
	t.Helper()
	path = filepath.Join(cfg.Snapshots, "nf", id+".json")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, good[:len(good)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	return path, good
}

// dropSizes rewrites nf's index as an older version saved it, without
// the files' sizes.
func dropSizes(t *testing.T, cfg *config.Config) {
	t.Helper()
	s := snapStore(t, cfg)
	idx, err := s.LoadIndex("nf")
	if err != nil || idx.Rebuilt {
		t.Fatalf("index: %v, rebuilt %v", err, idx.Rebuilt)
	}
	for id, e := range idx.Postings {
		e.Size = 0
		idx.Postings[id] = e
	}
	if _, err := s.SaveIndex("nf", idx); err != nil {
		t.Fatal(err)
	}
	if b := readFile(t, s.IndexPath("nf")); strings.Contains(b, `"size"`) {
		t.Fatalf("sizes left in the index:\n%s", b)
	}
}

// A snapshot file that no longer decodes, of a posting the platform
// still lists unchanged (kept by its update stamp, no file read), is
// rewritten by the next run from the fetched posting: a warning names
// the file, the commit says so, and nothing is reported (the posting is
// the version the index names, the last good one committed). Also for an
// index saved before the files' sizes were recorded (each file is read
// once then). A torn file that was committed (a bad merge) makes a
// commit of the repair; one torn in the work tree only is back to HEAD's
// copy, and no commit is needed.
func TestUnreadableSnapshotOfUnchangedPostingIsRewritten(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	for _, tc := range []struct{ oldIndex, committed bool }{{false, false}, {false, true}, {true, false}, {true, true}} {
		t.Run(fmt.Sprintf("index without sizes %v, torn file committed %v", tc.oldIndex, tc.committed), func(t *testing.T) {
			oldIndex := tc.oldIndex
			var logs notifytest.Buffer
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			if oldIndex {
				dropSizes(t, cfg)
			}
			path, good := tearFile(t, cfg, "102")
			if tc.committed {
				gitOut(t, cfg.Snapshots, "add", "-A")
				gitOut(t, cfg.Snapshots, "-c", "user.name=u", "-c", "user.email=u@localhost", "commit", "-q", "-m", "a bad merge")
			}
			res := run(t, r, cfg)
			s := res.Sources[0]
			if s.Added+s.Removed+s.Changed+s.Rewrites != 0 || len(res.Events) != 0 {
				t.Fatalf("run over an unreadable file: %+v, %d events; want nothing reported", s, len(res.Events))
			}
			if got := readFile(t, path); got != string(good) {
				t.Fatalf("the file was not rewritten:\n%s", got)
			}
			if !warned(logs.String(), "source=nf", path, "unreadable") {
				t.Fatalf("no warning naming the file:\n%s", logs.String())
			}
			msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
			if !tc.committed && strings.HasPrefix(msg, "nf: 3 added\n") {
				// the folder is HEAD again: nothing to commit
			} else if subj, _, _ := strings.Cut(msg, "\n"); !strings.HasPrefix(subj, "nf: ") || !strings.HasSuffix(subj, "102.json was unreadable: rewritten") || !strings.Contains(msg, "\nnf: 102.json was unreadable: rewritten\n") {
				t.Fatalf("commit message:\n%s", msg)
			}
			checkSettled(t, cfg)
			if got := h.take(); len(got) != 0 {
				t.Fatalf("the webhook got %d events", len(got))
			}
			if got := run(t, r, cfg); got.Commit != "" || len(got.Events) != 0 {
				t.Fatalf("the run after the repair: commit %q, %d events", got.Commit, len(got.Events))
			}
		})
	}
}

// The posting of the unreadable file changed meanwhile: the change is
// reported against the last good committed version (not as an addition,
// not without its previous version).
func TestUnreadableSnapshotOfChangedPostingIsComparedWithItsCommittedCopy(t *testing.T) {
	t.Parallel()
	var logs notifytest.Buffer
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := loggedRunner(t, nf, h, &logs)
	run(t, r, cfg)
	h.take()
	path, _ := tearFile(t, cfg, "101")
	nf.SetJobs([]fake.Job{retitled(1), job(2)})
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 1 || s.Added+s.Removed != 0 || len(res.Events) != 1 {
		t.Fatalf("%+v, %d events; want 1 changed", s, len(res.Events))
	}
	if e := res.Events[0]; e.Type != "posting.changed" || e.Data.Previous == nil || e.Data.Previous.Title != "Data Scientist 1 (L4)" {
		t.Fatalf("event %+v; want a change from the committed version", e)
	}
	if !warned(logs.String(), "source=nf", path, "unreadable") {
		t.Fatalf("no warning naming the file:\n%s", logs.String())
	}
	checkSettled(t, cfg)
}

// An unreadable index and an unreadable snapshot file together: the
// rebuild cannot read the file, but its posting is not new (its file is
// there, its last good version committed): it is rewritten without an
// 'added' event; changed meanwhile, it is reported changed from that
// version.
func TestUnreadableSnapshotUnderARebuiltIndexIsNotAdded(t *testing.T) {
	t.Parallel()
	for _, change := range []bool{false, true} {
		t.Run(fmt.Sprintf("changed %v", change), func(t *testing.T) {
			var logs notifytest.Buffer
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			path, good := tearFile(t, cfg, "102")
			if err := os.WriteFile(filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("nf"))), []byte("{"), 0o644); err != nil {
				t.Fatal(err)
			}
			if change {
				nf.SetJobs([]fake.Job{job(1), retitled(2), job(3)})
			}
			res := run(t, r, cfg)
			s := res.Sources[0]
			want := 0
			if change {
				want = 1
			}
			if s.Added+s.Removed != 0 || s.Changed != want || len(res.Events) != want {
				t.Fatalf("%+v, %d events; want %d changed, nothing added", s, len(res.Events), want)
			}
			if change {
				if e := res.Events[0]; e.Data.Previous == nil || e.Data.Previous.Title != "Data Scientist 2 (L4)" {
					t.Fatalf("event %+v; want a change from the committed version", e)
				}
			} else if got := readFile(t, path); got != string(good) {
				t.Fatalf("the file was not rewritten:\n%s", got)
			}
			if !warned(logs.String(), "source=nf", path, "unreadable") {
				t.Fatalf("no warning naming the file:\n%s", logs.String())
			}
			msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
			if !strings.Contains(msg, "\nnf: index rebuilt from snapshots\n") {
				t.Fatalf("commit message:\n%s", msg)
			}
			checkSettled(t, cfg)
			if got := h.take(); len(got) != want {
				t.Fatalf("the webhook got %d events, want %d", len(got), want)
			}
		})
	}
}

// An index saved before the files' sizes were recorded: the first run
// reads each kept posting's file once, records the sizes and commits
// the index (so the folder stays clean), saying so; the run after keeps
// the postings by a stat, with nothing to commit.
func TestSizesOfAnOlderIndexAreRecordedOnce(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	dropSizes(t, cfg)
	gitOut(t, cfg.Snapshots, "add", "-A")
	gitOut(t, cfg.Snapshots, "-c", "user.name=u", "-c", "user.email=u@localhost", "commit", "-q", "-m", "an index of an older version")
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Added+s.Removed+s.Changed+s.Rewrites != 0 || len(res.Events) != 0 {
		t.Fatalf("%+v, %d events; want nothing reported", s, len(res.Events))
	}
	msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
	if want := "nf: snapshot file sizes recorded in the index\n\nnf: snapshot file sizes recorded in the index\n"; msg != want+"\n" && msg != want {
		t.Fatalf("commit message %q", msg)
	}
	checkSettled(t, cfg)
	if b := readFile(t, snapStore(t, cfg).IndexPath("nf")); strings.Count(b, `"size"`) != 2 {
		t.Fatalf("index without the sizes:\n%s", b)
	}
	if got := run(t, r, cfg); got.Commit != "" {
		t.Fatal("the run after committed again")
	}
}
