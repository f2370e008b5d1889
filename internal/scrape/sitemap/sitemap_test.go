package sitemap_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

func urlset(entries ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + strings.Join(entries, "\n") + `</urlset>`
}

func u(loc, lastmod string) string {
	s := "<url><loc>" + loc + "</loc>"
	if lastmod != "" {
		s += "<lastmod>" + lastmod + "</lastmod>"
	}
	return s + "<changefreq>daily</changefreq><priority>0.8</priority></url>"
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDecode(t *testing.T) {
	f, err := sitemap.Decode([]byte(urlset(
		u("https://acme.example/jobs/1", "2026-11-05"),
		u("https://acme.example/jobs/2?a=1&amp;b=2", "2026-11-05T10:00:00+01:00"),
		u("https://acme.example/about", ""),
		u("https://acme.example/jobs/3", "last tuesday"),
	)), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := []sitemap.Entry{
		{URL: "https://acme.example/jobs/1", LastMod: "2026-11-05T00:00:00Z"},
		{URL: "https://acme.example/jobs/2?a=1&b=2", LastMod: "2026-11-05T09:00:00Z"},
		{URL: "https://acme.example/about"},
		{URL: "https://acme.example/jobs/3", LastMod: "last tuesday"},
	}
	if f.Index || fmt.Sprint(f.Entries) != fmt.Sprint(want) {
		t.Errorf("Decode = %v %+v, want %+v", f.Index, f.Entries, want)
	}
	idx, err := sitemap.Decode(gz(t, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://acme.example/s1.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap></sitemapindex>`), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !idx.Index || len(idx.Entries) != 1 || idx.Entries[0].URL != "https://acme.example/s1.xml.gz" {
		t.Errorf("gzipped index = %+v", idx)
	}
}

// A sitemap read in part is an error, never fewer postings.
func TestDecodeIncomplete(t *testing.T) {
	full := urlset(u("https://acme.example/jobs/1", ""), u("https://acme.example/jobs/2", ""))
	zipped := gz(t, full)
	many := strings.Repeat(u("https://acme.example/jobs/x", ""), sitemap.MaxEntries+1)
	for name, body := range map[string][]byte{
		"cut off":          []byte(full[:len(full)-20]),
		"gzip cut off":     zipped[:len(zipped)-12],
		"html error page":  []byte("<!doctype html><html><body>Oops</body></html>"),
		"not xml":          []byte(`{"jobs": []}`),
		"other root":       []byte(`<rss><channel></channel></rss>`),
		"empty":            nil,
		"too many entries": []byte(urlset(many)),
		"gzip bomb":        gz(t, urlset(strings.Repeat(u("https://acme.example/jobs/x", ""), 20000))),
	} {
		if f, err := sitemap.Decode(body, 1<<20); err == nil {
			t.Errorf("%s: no error (%d entries)", name, len(f.Entries))
		}
	}
}

// site serves sitemaps and counts requests per path.
type site struct {
	*scrapetest.Server
	mu    sync.Mutex
	files map[string][]byte
	seen  map[string]int
}

func newSite(t *testing.T) *site {
	s := &site{files: map[string][]byte{}, seen: map[string]int{}}
	s.Server = scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		b, ok := s.files[r.URL.Path]
		s.seen[r.URL.Path]++
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".gz") {
			w.Header().Set("Content-Type", "application/x-gzip")
		} else {
			w.Header().Set("Content-Type", "application/xml")
		}
		w.Write(b)
	})
	return s
}

func TestPostingsIndex(t *testing.T) {
	s := newSite(t)
	base := s.URL
	s.files["/sitemap_index.xml"] = []byte(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>` + base + `/sitemap-pages.xml</loc></sitemap>
<sitemap><loc>/sitemap-jobs.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap>
</sitemapindex>`)
	s.files["/sitemap-pages.xml"] = []byte(urlset(u(base+"/about", "2026-01-01"), u(base+"/careers/job/1", "2026-10-01")))
	s.files["/sitemap-jobs.xml.gz"] = gz(t, urlset(
		u(base+"/careers/job/1", "2026-11-02"), // again, later: the later lastmod wins
		u(base+"/careers/job/2#apply", "2026-11-03"),
		u(base+"/careers/team", "2026-11-03"),
	))
	r := sitemap.Reader{Client: scrapetest.Client(1, nil), Match: regexp.MustCompile(`/careers/job/\d+$`)}
	got, err := r.Postings(context.Background(), []string{base + "/sitemap_index.xml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []sitemap.Entry{
		{URL: base + "/careers/job/1", LastMod: "2026-11-02T00:00:00Z"},
		{URL: base + "/careers/job/2", LastMod: "2026-11-03T00:00:00Z"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Postings = %+v, want %+v", got, want)
	}

	r.MaxPostings = 1
	if _, err := r.Postings(context.Background(), []string{base + "/sitemap_index.xml"}); err == nil || !strings.Contains(err.Error(), "max_pages") {
		t.Errorf("over max_pages: %v", err)
	}
	r.MaxPostings, r.MaxFiles = 0, 2
	if _, err := r.Postings(context.Background(), []string{base + "/sitemap_index.xml"}); err == nil || !strings.Contains(err.Error(), "more than 2 sitemap files") {
		t.Errorf("over MaxFiles: %v", err)
	}
	r.MaxFiles = 0

	// one child failing fails the whole listing, naming it
	s.mu.Lock()
	delete(s.files, "/sitemap-jobs.xml.gz")
	s.mu.Unlock()
	_, err = r.Postings(context.Background(), []string{base + "/sitemap_index.xml"})
	if err == nil || !strings.Contains(err.Error(), "/sitemap-jobs.xml.gz") {
		t.Errorf("missing child: %v", err)
	}
	// a child cut off
	s.mu.Lock()
	cut := urlset(u(base+"/careers/job/1", ""), u(base+"/careers/job/2", ""))
	s.files["/sitemap-jobs.xml.gz"] = gz(t, cut[:len(cut)-30])
	s.mu.Unlock()
	if _, err = r.Postings(context.Background(), []string{base + "/sitemap_index.xml"}); err == nil || !strings.Contains(err.Error(), "cut off") {
		t.Errorf("cut-off child: %v", err)
	}
	// no posting at all: a changed site, not an empty board
	r.Match = regexp.MustCompile(`/jobs/nothing`)
	if _, err = r.Postings(context.Background(), []string{base + "/sitemap-pages.xml"}); err == nil || !strings.Contains(err.Error(), "no sitemap URL matches") {
		t.Errorf("no match: %v", err)
	}
}

func TestFromRobots(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /admin\nSitemap: /sitemap-jobs.xml\nsitemap: https://cdn.acme.example/sitemap.xml.gz\n")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	site, _ := url.Parse(srv.URL + "/careers")
	got, err := sitemap.FromRobots(context.Background(), scrapetest.Client(1, nil), site)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{srv.URL + "/sitemap-jobs.xml", "https://cdn.acme.example/sitemap.xml.gz"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("FromRobots = %v, want %v", got, want)
	}
	none := scrapetest.Serve(t, scrapetest.Body(200, "")) // robots.txt 404
	site, _ = url.Parse(none.URL)
	if _, err := sitemap.FromRobots(context.Background(), scrapetest.Client(1, nil), site); err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Errorf("no robots.txt: %v", err)
	}
}

func TestRaws(t *testing.T) {
	got := sitemap.Raws([]sitemap.Entry{
		{URL: "https://a.example/jobs/1", LastMod: "2026-11-01T00:00:00Z"},
		{URL: "https://a.example/jobs/1/?utm_source=x", LastMod: "2026-11-05T00:00:00Z"},
		{URL: "https://a.example/jobs/2"},
	}, func(u string) string { return strings.TrimSuffix(strings.SplitN(u, "?", 2)[0], "/") })
	if len(got) != 2 || got[0].URL != "https://a.example/jobs/1" || got[0].Stamp != "2026-11-05T00:00:00Z" || got[0].Complete || got[1].ID != "https://a.example/jobs/2" {
		t.Errorf("Raws = %+v", got)
	}
}

// BenchmarkDecode50k decodes a sitemap at the protocol's limit of 50,000
// URLs, gzipped.
func BenchmarkDecode50k(b *testing.B) {
	var sb strings.Builder
	for i := range sitemap.MaxEntries {
		fmt.Fprintf(&sb, "<url><loc>https://acme.example/careers/job/%d</loc><lastmod>2026-11-%02dT10:00:00+01:00</lastmod></url>\n", i, i%28+1)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(urlset(sb.String())))
	zw.Close()
	body := buf.Bytes()
	b.SetBytes(int64(len(urlset(sb.String()))))
	b.ReportAllocs()
	for b.Loop() {
		f, err := sitemap.Decode(body, 64<<20)
		if err != nil || len(f.Entries) != sitemap.MaxEntries {
			b.Fatal(err, len(f.Entries))
		}
	}
}
