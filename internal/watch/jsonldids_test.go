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
	t.Parallel()
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

// A jsonld source with links: one posting page that fails (a stale link,
// 404) is that posting's problem, as a failed detail is: it is kept as
// stored, not missing, and the other pages' changes are recorded. Before
// the source has an id memory, or when every page fails, the source fails.
func TestJSONLDLinksOnePageFails(t *testing.T) {
	t.Parallel()
	page := func(ident, title, extra string) string {
		return fmt.Sprintf(`<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"title":%q,"description":"<p>Requirements: SQL and Python. %s</p>"}</script></head></html>`, ident, title, extra)
	}
	var mu sync.Mutex
	pages := map[string]string{
		"/careers":       `<html><body><a href="/careers/job/1">1</a><a href="/careers/job/2">2</a><a href="/careers/job/3">3</a></body></html>`,
		"/careers/job/1": page("J-1", "Analyst", ""), "/careers/job/2": page("J-2", "Engineer", ""), "/careers/job/3": page("J-3", "Scientist", ""),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	set := func(path, body string) {
		mu.Lock()
		defer mu.Unlock()
		if body == "" {
			delete(pages, path)
		} else {
			pages[path] = body
		}
	}
	h := newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: lk, type: jsonld, url: %q, links: "/careers/job/\\d+"}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/careers", h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	newR := func() *Runner {
		r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := newR()

	// No memory yet: a failing page fails the source, nothing is written.
	set("/careers/job/3", "")
	res, err := r.Run(t.Context(), cfg.Sources)
	if err != nil || !res.Failed() || !strings.Contains(res.Sources[0].Err.Error(), "404") {
		t.Fatalf("first run with a stale link: %v, %+v", err, res.Sources[0])
	}
	set("/careers/job/3", page("J-3", "Scientist", ""))
	if s := run(t, r, cfg).Sources[0]; s.Added != 3 {
		t.Fatalf("added %d", s.Added)
	}
	h.take()

	// Page 2 goes stale while page 1 changes: the change is recorded, 2 is
	// kept as stored (not missing), in this process and in a new one (a
	// page that stays not found leaves the listing on its third run:
	// gonepage_test.go).
	set("/careers/job/2", "")
	set("/careers/job/1", page("J-1", "Senior Analyst", ""))
	for i, rr := range []*Runner{r, newR()} {
		s := run(t, rr, cfg).Sources[0]
		wantChanged := 0
		if i == 0 {
			wantChanged = 1
		}
		if s.Changed != wantChanged || s.Missing != 0 || s.Removed != 0 || s.Added != 0 || s.DetailFailures != 1 {
			t.Fatalf("run %d with page 2 stale: %+v", i, s)
		}
		if n := len(h.take()); n != wantChanged {
			t.Fatalf("run %d: %d events", i, n)
		}
		if !r.store.Exists("lk", "J-2") {
			t.Fatalf("run %d: J-2's snapshot is gone", i)
		}
	}
	// It comes back unchanged: quiet. Then every page fails: the source fails.
	set("/careers/job/2", page("J-2", "Engineer", ""))
	if s := run(t, r, cfg).Sources[0]; s.Changed+s.Added+s.Removed+s.Missing+s.DetailFailures != 0 {
		t.Fatalf("back: %+v", s)
	}
	for _, p := range []string{"/careers/job/1", "/careers/job/2", "/careers/job/3"} {
		set(p, "")
	}
	if res, err := r.Run(t.Context(), cfg.Sources); err != nil || !res.Failed() {
		t.Fatalf("every page stale: %v, failed %v", err, res.Failed())
	}
	if len(h.take()) != 0 {
		t.Fatal("events when every page failed")
	}
}
