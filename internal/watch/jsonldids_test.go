package watch

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// A JSON-LD page whose new posting reuses an existing posting's identifier
// (sites that print a company-wide id) reports that one posting added; the
// postings nobody touched keep their ids: no false removed and added for
// them, neither when the newcomer comes nor when it goes. Earlier every id
// of the page switched to its URL on such a clash and back without it.
func TestJSONLDSharedIdentifierKeepsOtherIDs(t *testing.T) {
	posting := func(ident, path, title string) string {
		return fmt.Sprintf(`{"@type":"JobPosting","identifier":%q,"url":%q,"title":%q,"description":"<p>Requirements: SQL and Python for %s.</p>","datePosted":"2026-11-01"}`,
			ident, path, title, title)
	}
	a := posting("R-100", "/flip/a", "Frontend Engineer")
	b := posting("R-200", "/flip/b", "Backend Engineer")
	c := posting("R-100", "/flip/c", "Data Engineer")
	var mu sync.Mutex
	items := []string{a, b}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><script type="application/ld+json">[%s]</script></head><body></body></html>`, strings.Join(items, ","))
	}))
	t.Cleanup(srv.Close)
	set := func(l ...string) { mu.Lock(); items = l; mu.Unlock() }

	h := newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: flip, type: jsonld, url: %q}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/flip/", h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	step := func(name string, added, removed, missing int) {
		t.Helper()
		res := run(t, r, cfg)
		s := res.Sources[0]
		if s.Added != added || s.Removed != removed || s.Missing != missing || s.Changed != 0 {
			t.Fatalf("%s: added %d removed %d missing %d changed %d; want added %d removed %d missing %d changed 0",
				name, s.Added, s.Removed, s.Missing, s.Changed, added, removed, missing)
		}
		if n := len(h.take()); n != added+removed {
			t.Fatalf("%s: %d events, want %d", name, n, added+removed)
		}
	}
	step("first", 2, 0, 0)
	set(a, b, c)
	step("a newcomer shares A's identifier", 1, 0, 0)
	step("again", 0, 0, 0)
	step("and again", 0, 0, 0)
	set(a, b)
	step("the newcomer goes", 0, 0, 1)
	step("gone for good", 0, 1, 0)
	step("quiet", 0, 0, 0)
	// It comes back: a new posting again, known by its URL.
	set(c, a, b)
	step("back", 1, 0, 0)
	// A goes (its identifier is free now): C keeps the id it has.
	set(c, b)
	step("A goes", 0, 0, 1)
	step("A gone", 0, 1, 0)
	step("quiet after", 0, 0, 0)
	if !r.store.Exists("flip", "R-200") {
		t.Fatal("B lost its identifier id")
	}
}
