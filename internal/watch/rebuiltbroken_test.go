package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// breakIndex leaves source's index file unreadable (a torn write, a bad
// merge): the next run rebuilds it from the snapshot files.
func breakIndex(t *testing.T, cfg *config.Config, source string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel(source))), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An unreadable index and an unreadable snapshot file of a posting the
// board has dropped meanwhile: the rebuilt index takes the posting from
// the file's last good committed copy, so the posting is counted missing
// and, after the removal debounce (remove_after 2), reported removed once
// (with that copy's title) and its file removed. Earlier the rebuild
// could not read the file, the posting was never missing, and the file
// stayed for good with no event.
func TestUnreadableFileOfADroppedPostingUnderARebuiltIndexIsRemoved(t *testing.T) {
	var logs notifytest.Buffer
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
	r, cfg := loggedRunner(t, nf, h, &logs)
	run(t, r, cfg)
	h.take()
	path, _ := tearFile(t, cfg, "102")
	breakIndex(t, cfg, "nf")
	nf.SetJobs([]fake.Job{job(1), job(3)})
	removed := 0
	for i := 0; i < 3; i++ {
		res := run(t, r, cfg)
		s := res.Sources[0]
		if s.Added+s.Changed != 0 {
			t.Fatalf("run %d: %+v; nothing added or changed", i+1, s)
		}
		removed += s.Removed
		for _, e := range res.Events {
			if e.Type != "posting.removed" || e.Data.Posting == nil || e.Data.Posting.Title != "Data Scientist 2 (L4)" {
				t.Fatalf("run %d: event %s %+v; want the removal of posting 2 as last committed", i+1, e.Type, e.Data.Posting)
			}
		}
	}
	if removed != 1 {
		t.Fatalf("posting 2 reported removed %d times, want once", removed)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the unreadable file of the removed posting is still there: %v", err)
	}
	if !warned(logs.String(), "source=nf", path, "unreadable") {
		t.Fatalf("no warning naming the file:\n%s", logs.String())
	}
	checkSettled(t, cfg)
	if got := h.take(); len(got) != 1 {
		t.Fatalf("the webhook got %d events, want 1", len(got))
	}
}

// A posting stored under an earlier id rule's id (a link with a session
// and a source tag) whose file is unreadable, under an unreadable index:
// the rebuilt index takes it from its committed copy, so today's id maps
// to it (formerKeys) and it is neither added under today's id nor left
// behind; its file is rewritten under its stored id. A file with no good
// committed copy at all is named in a warning.
func TestUnreadableFileUnderAnEarlierIDRuleAndARebuiltIndex(t *testing.T) {
	set, oldID, h, cfg := sessionBoard(t, "")
	s := snapStore(t, cfg)
	path := s.PostingPath("board", oldID(1))
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, good[:len(good)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	breakIndex(t, cfg, "board")
	set("F6E5D4C3B2A1", "li2", 1, 2)
	for i := 0; i < 3; i++ {
		res := run(t, quietRunner(t, cfg, Options{}), cfg)
		if st := res.Sources[0]; st.Added+st.Removed+st.Changed+st.Missing != 0 || len(res.Events) != 0 {
			t.Fatalf("run %d: %+v, %d events; want nothing reported", i+1, st, len(res.Events))
		}
	}
	if n := len(h.take()); n != 0 {
		t.Fatalf("%d events delivered", n)
	}
	p, _, err := s.Read("board", oldID(1))
	if err != nil || p.Title != "Data Engineer 1" {
		t.Fatalf("posting 1 under its stored id: %+v %v", p, err)
	}
	for _, n := range []int{1, 2} {
		if s.Exists("board", fmt.Sprintf("/jobs/%d?req=%d", n, n)) {
			t.Fatalf("posting %d stored twice", n)
		}
	}
	if out := gitOut(t, cfg.Snapshots, "status", "--porcelain", "--untracked-files=all"); out != "" {
		t.Fatalf("the snapshot folder differs from HEAD:\n%s", out)
	}
}
