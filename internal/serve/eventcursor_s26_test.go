package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A page of /api/v1/events walks at most a bound of commits. When that
// bound ends a page before the history does, the page still has a next
// (the commit the next page starts at), also when the page found no
// event: a client following next reads every event once, however long
// the history; before session 26 such a page had no next, and a client
// took it for the history's end. Cursors name their commit, so a next
// page starts there instead of walking from the HEAD again; the older
// cursor (an event id alone) still reads on after that event.
func TestEventsPagesGoOnPastTheWalkBound(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	n := 0
	// commits with events (1-2 postings added) and commits with none (a
	// file outside the sources), newest last
	for c, count := range []int{2, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 1} {
		at := when.Add(time.Duration(c) * time.Hour)
		if count == 0 {
			path := filepath.Join(f.Dir, "notes.txt")
			if err := os.WriteFile(path, []byte(fmt.Sprint(c)), 0o644); err != nil {
				t.Fatal(err)
			}
			commitPaths(t, f, "notes", at, path)
			continue
		}
		var ps []model.Posting
		for range count {
			n++
			ps = append(ps, model.Posting{ID: fmt.Sprint(n), Title: fmt.Sprintf("Job %d", n), Role: "Software Engineer"})
		}
		commitPaths(t, f, fmt.Sprintf("acme: %d added", count), at, writePostings(t, st, ps...)...)
	}
	all := eventList(t, New(f, "", nil).Handler(), "/api/v1/events?limit=1000")
	if len(all.Events) != n || all.Next != "" {
		t.Fatalf("one page: %d events, next %q; want %d and none", len(all.Events), all.Next, n)
	}
	var want []string
	for _, e := range all.Events {
		want = append(want, e.ID)
	}

	for _, bound := range []int{1, 2, 3, 5} {
		for _, size := range []int{1, 2, 100} {
			f.eventWalk = bound
			h := New(f, "", nil).Handler()
			var got []string
			before, empty := "", 0
			for pages := 0; ; pages++ {
				if pages > 20 {
					t.Fatalf("bound %d, size %d: more pages than commits", bound, size)
				}
				l := eventList(t, h, fmt.Sprintf("/api/v1/events?limit=%d&before=%s", size, before))
				for _, e := range l.Events {
					got = append(got, e.ID)
				}
				if len(l.Events) == 0 {
					empty++
				}
				if l.Next == "" {
					break
				}
				before = l.Next
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("bound %d, size %d: paged %v, want %v", bound, size, got, want)
			}
			if bound <= 2 && size == 100 && empty == 0 {
				t.Errorf("bound %d: no page without events, the test shows nothing", bound)
			}
		}
	}
	f.eventWalk = 0
	h := New(f, "", nil).Handler()

	// the older cursor, an event id alone, and one whose commit is gone
	for _, k := range []int{0, 2, n - 2} {
		for _, before := range []string{want[k], strings.Repeat("0", 40) + "." + want[k]} {
			l := eventList(t, h, "/api/v1/events?limit=1000&before="+before)
			var got []string
			for _, e := range l.Events {
				got = append(got, e.ID)
			}
			if strings.Join(got, " ") != strings.Join(want[k+1:], " ") {
				t.Errorf("before=%s: %v, want %v", before, got, want[k+1:])
			}
		}
	}
	// a commit the repository does not hold, an event its commit does not
	// hold, a cursor that is neither: 400
	head := all.Events[0].Commit
	for _, before := range []string{strings.Repeat("0", 40), head + ".evt_nosuchevent", "zz." + want[0] + "x", "nope"} {
		if resp, body := fetch(t, h, "/api/v1/events?before="+before); resp.StatusCode != 400 || !strings.Contains(body, "before") {
			t.Errorf("before=%s: %d %s, want 400", before, resp.StatusCode, body)
		}
	}
}

// A cursor naming an object of the repository that is no commit (a
// posting file's blob) is a bad cursor (400), not a failure of the server.
func TestEventsCursorOfABlobIsABadCursor(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	paths := writePostings(t, st, model.Posting{ID: "1", Title: "Job 1", Role: "Software Engineer"})
	commitPaths(t, f, "acme: 1 added", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), paths...)
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	blob := gitrepo.BlobHash(b).String()
	h := New(f, "", nil).Handler()
	for _, before := range []string{blob, blob + ".evt_x"} {
		if resp, body := fetch(t, h, "/api/v1/events?before="+before); resp.StatusCode != 400 {
			t.Errorf("before=%s: %d %s, want 400", before, resp.StatusCode, body)
		}
	}
}
