package sitemap_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

// A <loc> that names no web page (mailto:, javascript:), in a sitemap or
// in an index, is left out with a warning naming the source, the sitemap,
// the entry and the scheme, and the other postings are read; a loc that
// says http but has no host is still an error naming the sitemap.
func TestNonWebLocIsSkipped(t *testing.T) {
	s := newSite(t)
	base := s.URL
	s.files["/sitemap_index.xml"] = []byte(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>javascript:load('jobs')</loc></sitemap>
<sitemap><loc>` + base + `/sitemap-jobs.xml</loc></sitemap>
</sitemapindex>`)
	s.files["/sitemap-jobs.xml"] = []byte(urlset(
		u(base+"/careers/job/1", "2026-11-02"),
		u("mailto:jobs@acme.example?subject=/careers/job/2", ""),
		u(base+"/careers/job/3", "2026-11-03"),
	))
	var buf bytes.Buffer
	o := scrapetest.Options(1)
	o.Logger = slog.New(slog.NewJSONHandler(&buf, nil))
	r := sitemap.Reader{Client: scrape.NewPool(context.Background(), o).Client(nil), Source: "acme", Match: regexp.MustCompile(`/careers/job/\d+`)}
	got, err := r.Postings(t.Context(), []string{base + "/sitemap_index.xml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []sitemap.Entry{{URL: base + "/careers/job/1", LastMod: "2026-11-02T00:00:00Z"}, {URL: base + "/careers/job/3", LastMod: "2026-11-03T00:00:00Z"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Postings = %+v, want %+v", got, want)
	}
	var recs []map[string]any
	for line := range strings.Lines(buf.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m["msg"] == "sitemap entry skipped: its loc is not http(s)" {
			recs = append(recs, m)
		}
	}
	if len(recs) != 2 ||
		recs[0]["source"] != "acme" || recs[0]["sitemap"] != base+"/sitemap_index.xml" || recs[0]["entry"] != float64(1) || recs[0]["scheme"] != "javascript" ||
		recs[1]["sitemap"] != base+"/sitemap-jobs.xml" || recs[1]["entry"] != float64(2) || recs[1]["scheme"] != "mailto" {
		t.Errorf("warnings %v", recs)
	}
	if strings.Contains(buf.String(), "jobs@acme.example") {
		t.Errorf("the log shows the address: %s", buf.String())
	}

	s.mu.Lock()
	s.files["/sitemap-jobs.xml"] = []byte(urlset(u(base+"/careers/job/1", ""), u("http:///careers/job/2", "")))
	s.mu.Unlock()
	if _, err := r.Postings(t.Context(), []string{base + "/sitemap_index.xml"}); err == nil || !strings.Contains(err.Error(), `entry 2: <loc> "http:///careers/job/2" is not an http(s) URL`) {
		t.Errorf("an http loc without host: %v", err)
	}
}
