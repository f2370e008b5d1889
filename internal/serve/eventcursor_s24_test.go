package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// /api/v1/events pages: each answer's next is the cursor (before) of the
// next, older page, and the pages together are the events of one read in
// its order, each once, whatever the page size, across commits of one
// event and of several (review s23 F17). An unknown cursor is a 400.
func TestEventsPageWithNext(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	n := 0
	for commit, count := range []int{3, 1, 4, 2} {
		var ps []model.Posting
		for range count {
			n++
			ps = append(ps, model.Posting{ID: fmt.Sprint(n), Title: fmt.Sprintf("Job %d", n), Role: "Software Engineer"})
		}
		commitPaths(t, f, fmt.Sprintf("acme: %d added", count), when.Add(time.Duration(commit)*time.Hour), writePostings(t, st, ps...)...)
	}
	h := New(f, "", nil).Handler()
	read := func(path string) EventList { t.Helper(); return eventList(t, h, path) }
	all := read("/api/v1/events?limit=1000")
	if len(all.Events) != n || all.Next != "" {
		t.Fatalf("one page: %d events, next %q; want %d and none", len(all.Events), all.Next, n)
	}
	var want []string
	for _, e := range all.Events {
		want = append(want, e.ID)
	}
	for _, size := range []int{1, 2, 3, 4, 9, 10} {
		var got []string
		before := ""
		for pages := 0; ; pages++ {
			if pages > n {
				t.Fatalf("size %d: more pages than events", size)
			}
			l := read(fmt.Sprintf("/api/v1/events?limit=%d&before=%s", size, before))
			for _, e := range l.Events {
				got = append(got, e.ID)
			}
			if l.Next == "" {
				break
			}
			if len(l.Events) != size || !strings.HasSuffix(l.Next, "."+l.Events[size-1].ID) {
				t.Fatalf("size %d: a page of %d with next %q", size, len(l.Events), l.Next)
			}
			before = l.Next
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("size %d: paged %v, want %v", size, got, want)
		}
	}
	if resp, body := fetch(t, h, "/api/v1/events?before=nope"); resp.StatusCode != 400 || !strings.Contains(body, "before") {
		t.Errorf("unknown cursor: %d %s", resp.StatusCode, body)
	}
}

// eventList reads an /api/v1/events answer that must be 200.
func eventList(t *testing.T, h http.Handler, path string) EventList {
	t.Helper()
	resp, body := fetch(t, h, path)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
	}
	var l EventList
	if err := json.Unmarshal([]byte(body), &l); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return l
}
