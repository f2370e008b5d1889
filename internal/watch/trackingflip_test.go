package watch

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// Review s16 R2: a board that adds a campaign tag to its links, then drops
// it, or writes the query's pairs in another order, changed the stored link
// each time (the rest of the query was re-encoded only when a tag was
// stripped): a false "url" change for every posting, each flip.
func TestLinkTagsAndQueryOrderAreNoChange(t *testing.T) {
	t.Parallel()
	var suffix atomic.Value
	suffix.Store("?id=5&board=acme")
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		var jobs []map[string]any
		for i := range 2 {
			jobs = append(jobs, map[string]any{"id": 8651132002 + i, "title": fmt.Sprintf("Data Engineer %d", i),
				"updated_at": "2025-01-01T00:00:00Z", "content": "&lt;p&gt;SQL and Python.&lt;/p&gt;",
				"absolute_url": fmt.Sprintf("https://job-boards.greenhouse.io/acme/jobs/%d%s", 8651132002+i, suffix.Load())})
		}
		b, _ := json.Marshal(map[string]any{"jobs": jobs})
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	}))
	t.Cleanup(board.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: acme, type: greenhouse, board: acme, url: %q}\n", board.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	if res := run(t, r, cfg); res.Sources[0].Added != 2 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	for _, s := range []string{"?id=5&board=acme&utm_source=linkedin", "?id=5&board=acme", "?utm_campaign=x&board=acme&id=5", "?id=5&board=acme"} {
		suffix.Store(s)
		if res := run(t, r, cfg); res.Sources[0].Changed != 0 || res.Sources[0].Added != 0 || res.Sources[0].Removed != 0 {
			t.Fatalf("links written %s: %+v, want no change", s, res.Sources[0])
		}
	}
	// a real change of the link is one
	suffix.Store("?id=6&board=acme")
	if res := run(t, r, cfg); res.Sources[0].Changed != 2 {
		t.Fatalf("a new link: %+v, want 2 changed", res.Sources[0])
	}
}
