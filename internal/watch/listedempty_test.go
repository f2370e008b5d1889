package watch

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// A listing that carries the descriptions (here a JSON-LD page, whose
// items are complete) and drops every one of them once (a half-rendered
// page, a gateway that strips fields) is no board-wide change: each stored
// posting that had a description is kept as stored (counted as a failed
// detail), and nothing is reported when the text comes back. A posting new
// to the source is recorded as listed. (Greenhouse and Lever mark such a
// posting incomplete, and the detail check covers them.)
func TestListingWithoutDescriptionsIsNoChange(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	content, extra := true, false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		var jobs []string
		n := 2
		if extra {
			n = 3
		}
		for i := 1; i <= n; i++ {
			c := `,"description":"<p>Requirements: 5+ years of SQL and Python.</p>"`
			if !content {
				c = ""
			}
			jobs = append(jobs, fmt.Sprintf(`{"@type":"JobPosting","identifier":"%d","title":"Data Engineer %d","url":"/jobs/%d","datePosted":"2025-01-01"%s}`, i, i, i, c))
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><script type="application/ld+json">[%s]</script></head></html>`, strings.Join(jobs, ","))
	}))
	t.Cleanup(srv.Close)
	set := func(c, e bool) { mu.Lock(); content, extra = c, e; mu.Unlock() }
	h := newHook(t)
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: gh, type: jsonld, url: %q}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/careers", h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	r := freshRunner(t, cfg)
	if s := run(t, r, cfg).Sources[0]; s.Added != 2 {
		t.Fatalf("first run: %+v", s)
	}
	h.take()
	set(false, true)
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 0 || s.Added != 1 || s.DetailFailures != 2 {
		t.Fatalf("listing without descriptions: %+v", s)
	}
	if n := len(h.take()); n != 1 {
		t.Fatalf("%d events, want the one added posting", n)
	}
	p, _, err := r.back.Read("gh", "1")
	if err != nil || !strings.Contains(p.Description, "SQL and Python") {
		t.Fatalf("stored description %q, %v", p.Description, err)
	}
	set(true, true)
	res = run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 1 || s.DetailFailures != 0 {
		// posting 3, recorded without a description, now has one
		t.Fatalf("descriptions back: %+v", s)
	}
	if n := len(h.take()); n != 1 {
		t.Fatalf("%d events, want posting 3's change", n)
	}
}
