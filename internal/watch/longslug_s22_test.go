package watch

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A JSON-LD (or html) posting without an identifier is keyed by its URL
// (jsonld.StableURL: host + escaped path + query id). A posting whose URL
// carries its title as a slug in Japanese, Chinese or Russian is 9 or 6
// bytes a letter once percent-escaped: a 120-letter Japanese slug is over
// 1,024 bytes, and that real, open posting is left out by fetch's
// maxIDBytes: never announced.
func TestNonASCIISlugPostingNotLeftOut(t *testing.T) {
	t.Parallel()
	slug := strings.Repeat("データエンジニア募集", 12) // 120 letters
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><script type="application/ld+json">[{"@type":"JobPosting","url":"/jobs/%s","title":"データエンジニア","description":"<p>Requirements: SQL and Python.</p>","datePosted":"2026-11-01"},
{"@type":"JobPosting","url":"/jobs/short","title":"Analyst","description":"<p>Requirements: SQL.</p>","datePosted":"2026-11-01"}]</script></head><body></body></html>`, slug)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: jp, type: jsonld, url: %q}\n", srv.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Added != 2 {
		t.Errorf("%d added, want 2 (the posting with a Japanese slug is a real one)", s.Added)
	}
}
