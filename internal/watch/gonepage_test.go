package watch

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// A jsonld links source whose listing still links a posting page that
// answers 404 on run after run: the posting is kept as stored (a failed
// detail) for two runs, leaves the listing on the third (jsonld.GoneAfter)
// and is reported removed once the removal debounce (remove_after 2) has
// seen it missing: one posting.removed, as the board says it is gone. A
// page answering 503 is never removed however long. Earlier a page that
// stayed 404 kept its posting, warned on every run, for as long as the
// listing linked it.
func TestGonePostingPageIsRemoved(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	for _, status := range []int{http.StatusNotFound, http.StatusServiceUnavailable} {
		t.Run(http.StatusText(status), func(t *testing.T) { gonePage(t, status) })
	}
}

func gonePage(t *testing.T, status int) {
	page := func(ident, title string) string {
		return fmt.Sprintf(`<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"title":%q,"description":"<p>Requirements: SQL and Python.</p>"}</script></head></html>`, ident, title)
	}
	var mu sync.Mutex
	stale := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/careers":
			io.WriteString(w, `<html><body><a href="/careers/job/1">1</a><a href="/careers/job/2">2</a><a href="/careers/job/3">3</a></body></html>`)
		case "/careers/job/1":
			io.WriteString(w, page("J-1", "Analyst"))
		case "/careers/job/3":
			io.WriteString(w, page("J-3", "Scientist"))
		case "/careers/job/2":
			if stale {
				w.WriteHeader(status)
				return
			}
			io.WriteString(w, page("J-2", "Engineer"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	h := newHook(t)
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms, remove_after: 2}
sources:
  - {name: lk, type: jsonld, url: %q, links: "/careers/job/\\d+"}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/careers", h.URL), nil)
	if s := run(t, quietRunner(t, cfg, Options{}), cfg).Sources[0]; s.Added != 3 {
		t.Fatalf("first run: added %d", s.Added)
	}
	h.take()
	mu.Lock()
	stale = true
	mu.Unlock()
	type counts struct{ detailFailures, missing, removed, events int }
	want := []counts{{1, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 1}, {0, 0, 0, 0}}
	if status != http.StatusNotFound {
		want = []counts{{1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}}
	}
	for i, w := range want {
		s := run(t, quietRunner(t, cfg, Options{}), cfg).Sources[0] // a new process each run
		got := counts{s.DetailFailures, s.Missing, s.Removed, len(h.take())}
		if got != w || s.Added+s.Changed != 0 {
			t.Fatalf("run %d with page 2 answering %d: %+v (added %d changed %d), want %+v", i+1, status, got, s.Added, s.Changed, w)
		}
	}
}
