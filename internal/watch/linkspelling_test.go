package watch

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// Review s17 F4, F13: a board that writes its links one way on one run
// and another way on the next (a path's %7E or ~, %C3%A9 or %c3%a9; a
// query's %C3%BC or %c3%bc, its parameters reordered) changes nothing:
// no event, no rewrite, no commit. The link stays as first stored.
func TestLinkSpellingFlipsAreNoChange(t *testing.T) {
	var flip atomic.Int32
	forms := [2][3]string{
		{"/jobs/%7Efoo", "/jobs/Caf%C3%A9", "/jobs/d?x=%C3%BC&y=1"},
		{"/jobs/~foo", "/jobs/Caf%c3%a9", "/jobs/d?y=1&x=%c3%bc"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<html><body><ul>")
		for i, link := range forms[flip.Load()%2] {
			fmt.Fprintf(w, `<li><a href="%s">Data Engineer %d</a><p class="d">SQL and Python</p></li>`, link, i)
		}
		io.WriteString(w, "</ul></body></html>")
	}))
	t.Cleanup(srv.Close)
	h := newHook(t)
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: board, type: html, url: %q, selectors: {item: li, title: a, link: a, description: p.d}}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/jobs", h.URL), nil)
	if res := run(t, quietRunner(t, cfg, Options{}), cfg); res.Sources[0].Added != 3 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	h.take()
	head := gitOut(t, cfg.Snapshots, "rev-parse", "HEAD")
	for i := 1; i <= 4; i++ {
		flip.Store(int32(i))
		res := run(t, quietRunner(t, cfg, Options{}), cfg)
		st := res.Sources[0]
		if st.Added+st.Removed+st.Changed+st.Rewrites+st.Missing != 0 || len(res.Events) != 0 || res.Commit != "" {
			t.Fatalf("run %d (links spelled the other way): %+v, %d events, commit %q; want nothing", i+1, st, len(res.Events), res.Commit)
		}
	}
	if got := gitOut(t, cfg.Snapshots, "rev-parse", "HEAD"); got != head {
		t.Fatalf("HEAD moved: %s -> %s", head, got)
	}
	if n := len(h.take()); n != 0 {
		t.Fatalf("%d events delivered", n)
	}
}
