package sitemap_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

// TestDotSegmentLocs: a <loc> whose %2e%2e segments make it another page
// when sent is matched, and kept, as that page: /careers/job/9/%2e%2e/
// %2e%2e/%2e%2e/admin is /admin (not a posting, though its text matches
// links), /careers/job/%2E%2E/job/1 is posting 1 again; a javascript:
// loc is left out (see skip_test.go).
func TestDotSegmentLocs(t *testing.T) {
	s := newSite(t)
	base := s.URL
	s.files["/sitemap.xml"] = []byte(urlset(
		u(base+"/careers/job/1", "2026-11-02"),
		u(base+"/careers/job/9/%2e%2e/%2e%2e/%2E%2e/admin", "2026-11-03"),
		u(base+"/careers/job/%2E%2E/job/1", "2026-11-04"),
	))
	r := sitemap.Reader{Client: scrapetest.Client(1, nil), Match: regexp.MustCompile(`/careers/job/\d+`)}
	got, err := r.Postings(t.Context(), []string{base + "/sitemap.xml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []sitemap.Entry{{URL: base + "/careers/job/1", LastMod: "2026-11-04T00:00:00Z"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Postings = %+v, want %+v", got, want)
	}
	s.mu.Lock()
	s.files["/sitemap.xml"] = []byte(urlset(u(base+"/careers/job/1", ""), u("javascript:/careers/job/2", "")))
	s.mu.Unlock()
	if got, err := r.Postings(t.Context(), []string{base + "/sitemap.xml"}); err != nil || len(got) != 1 || got[0].URL != base+"/careers/job/1" {
		t.Errorf("a javascript: loc: %+v, %v", got, err)
	}
}
