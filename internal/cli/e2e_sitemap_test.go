package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sitemapSite serves robots.txt, sitemaps (".gz" ones gzipped) and pages
// by path, and counts the requests to each.
type sitemapSite struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string]string
	fail  map[string]int
	hits  map[string]int
}

func newSitemapSite(t *testing.T, files map[string]string) *sitemapSite {
	s := &sitemapSite{files: files, fail: map[string]int{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.hits[r.URL.Path]++
		if code := s.fail[r.URL.Path]; code != 0 {
			http.Error(w, "failing", code)
			return
		}
		body, ok := s.files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		body = strings.ReplaceAll(body, "BASE", "http://"+r.Host)
		switch {
		case strings.HasSuffix(r.URL.Path, ".gz"):
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write([]byte(body))
			zw.Close()
			w.Header().Set("Content-Type", "application/gzip")
			w.Write(b.Bytes())
		case strings.HasSuffix(r.URL.Path, ".xml"):
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, body)
		case r.URL.Path == "/robots.txt":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, body)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *sitemapSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *sitemapSite) set(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

func sitemapOf(urls ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		fmt.Fprintf(&b, "<url><loc>BASE%s</loc><lastmod>%s</lastmod></url>\n", u[0], u[1])
	}
	b.WriteString("</urlset>\n")
	return b.String()
}

// A jsonld source that finds its postings through robots.txt's Sitemap:
// line, a sitemap index and a gzipped sitemap: a posting page is read
// only when its lastmod moved, and a sitemap that fails is the source's
// failure, never removals.
func TestRunJSONLDSitemap(t *testing.T) {
	t.Parallel()
	s := newSitemapSite(t, map[string]string{
		"/robots.txt": "User-agent: *\nDisallow: /admin\nSitemap: BASE/sitemap_index.xml\n",
		"/sitemap_index.xml": `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>BASE/sitemap-pages.xml</loc></sitemap>
<sitemap><loc>BASE/sitemap-jobs.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap>
</sitemapindex>`,
		"/sitemap-pages.xml":   sitemapOf([2]string{"/about", "2026-01-01"}, [2]string{"/careers", "2026-01-01"}),
		"/sitemap-jobs.xml.gz": sitemapOf([2]string{"/careers/job/101", "2026-11-01"}, [2]string{"/careers/job/102", "2026-11-02T10:00:00+01:00"}, [2]string{"/careers/job/103", "2026-11-03"}),
		"/careers/job/101":     acmePages["/careers/job/101"],
		"/careers/job/102":     acmePages["/careers/job/102?src=list"],
		"/careers/job/103":     acmePages["/careers/job/103"],
	})
	host := strings.TrimPrefix(s.URL, "http://")
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - name: acme
    type: jsonld
    company: Acme
    url: %s/careers
    sitemap: robots
    links: "/careers/job/\\d+$"
notifiers:
  - name: console
    type: stdout
`, s.URL)
	var dir string
	runTwiceIn(t, yml, &dir, func(snaps, stdout string) {
		got := readPostings(t, snaps, "acme")
		if len(got) != 3 {
			t.Fatalf("%d postings, want 3", len(got))
		}
		for i, id := range []string{"/careers/job/101", "/careers/job/102", "/careers/job/103"} {
			p := got[i]
			if p.ID != host+id || p.Company != "Acme" || p.Description == "" {
				t.Errorf("posting %d: id %q company %q description %q", i, p.ID, p.Company, p.Description)
			}
		}
		if p := got[1]; p.Title != "Machine Learning Engineer" || fmt.Sprint(p.Salary) != "[{180000 240000 USD year}]" || p.Workplace != "remote" {
			t.Errorf("posting 102: title %q salary %+v workplace %q", p.Title, p.Salary, p.Workplace)
		}
		if p := got[0]; p.RequisitionID != "JR101" || p.Posted != "2026-03-02" || len(p.Locations) != 1 || p.Locations[0].City != "Los Gatos" {
			t.Errorf("posting 101: %+v", p)
		}
	})
	for _, p := range []string{"/careers/job/101", "/careers/job/102", "/careers/job/103"} {
		if n := s.count(p); n != 1 {
			t.Errorf("%s read %d times in two runs (unchanged lastmod: once)", p, n)
		}
	}
	if n := s.count("/about"); n != 0 {
		t.Errorf("followed an unmatched sitemap URL %d times", n)
	}
	if n := s.count("/sitemap-jobs.xml.gz"); n != 2 {
		t.Errorf("sitemap read %d times in two runs", n)
	}
	cfg := filepath.Join(dir, "config.yaml")
	snaps := filepath.Join(dir, "snaps")

	// 102 changes, and its lastmod moves: only its page is read again
	s.set(func() {
		s.files["/careers/job/102"] = strings.Replace(s.files["/careers/job/102"], "Train models with PyTorch.", "Train models with PyTorch and JAX.", 1)
		s.files["/sitemap-jobs.xml.gz"] = sitemapOf([2]string{"/careers/job/101", "2026-11-01"}, [2]string{"/careers/job/102", "2026-11-20"}, [2]string{"/careers/job/103", "2026-11-03"})
	})
	code, stdout, stderr := runIn(t, cfg, "run")
	if code != 0 || !strings.Contains(stdout, "changed") || !strings.Contains(stdout, "/careers/job/102") {
		t.Fatalf("third run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if a, b, c := s.count("/careers/job/101"), s.count("/careers/job/102"), s.count("/careers/job/103"); a != 1 || b != 2 || c != 1 {
		t.Errorf("after a lastmod moved: pages read %d, %d, %d times, want 1, 2, 1", a, b, c)
	}

	// a sitemap that fails, or comes cut off, fails the source: nothing removed
	for name, breakIt := range map[string]func(){
		"child sitemap 500": func() { s.fail["/sitemap-jobs.xml.gz"] = 500 },
		"child sitemap cut off": func() {
			delete(s.fail, "/sitemap-jobs.xml.gz")
			full := s.files["/sitemap-jobs.xml.gz"]
			s.files["/sitemap-jobs.xml.gz"] = full[:strings.LastIndex(full, "<url>")]
		},
	} {
		s.set(breakIt)
		before := postingsJSON(t, snaps)
		code, stdout, stderr = runIn(t, cfg, "run")
		if code != 1 || !strings.Contains(stderr, "sitemap-jobs.xml.gz") {
			t.Errorf("%s: exit %d, stderr:\n%s", name, code, stderr)
		}
		if strings.Contains(stdout, "removed") || postingsJSON(t, snaps) != before {
			t.Errorf("%s: the failure changed the snapshots:\n%s", name, stdout)
		}
	}
}

// An html source reads the postings its sitemap lists, each from its own
// page with the selectors (no listing page, no item selector).
func TestRunHTMLSitemap(t *testing.T) {
	t.Parallel()
	page := func(title, loc, body string) string {
		return `<!doctype html><html><body><main><h1 class="title"> ` + title + ` </h1><span class="loc">` + loc +
			`</span><div class="desc"><p>` + body + `</p></div></main></body></html>`
	}
	s := newSitemapSite(t, map[string]string{
		"/sitemap.xml":   sitemapOf([2]string{"/jobs/view.php?id=7", "2026-11-01"}, [2]string{"/jobs/view.php?id=8", "2026-11-02"}, [2]string{"/jobs/", "2026-11-02"}),
		"/jobs/view.php": page("Data Scientist", "Berlin, Germany", "Forecasting with Python and SQL."),
	})
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - name: acme
    type: html
    url: %s/jobs/
    sitemap: %s/sitemap.xml
    links: 'view\.php\?id=\d+'
    selectors: {title: h1.title, location: .loc, description: .desc}
`, s.URL, s.URL)
	var dir string
	runTwiceIn(t, yml, &dir, func(snaps, stdout string) {
		got := readPostings(t, snaps, "acme")
		if len(got) != 2 {
			t.Fatalf("%d postings, want 2", len(got))
		}
		p := got[0]
		if p.ID != "/jobs/view.php?id=7" || p.Title != "Data Scientist" || p.URL != s.URL+"/jobs/view.php?id=7" ||
			len(p.Locations) != 1 || p.Locations[0].City != "Berlin" || !strings.Contains(p.Description, "Forecasting") {
			t.Errorf("posting: %+v", p)
		}
	})
	if n := s.count("/jobs/view.php"); n != 2 {
		t.Errorf("posting pages read %d times in two runs, want 2 (once each)", n)
	}
}

// postingsJSON is the snapshot of source acme as JSON, for comparisons.
func postingsJSON(t *testing.T, snaps string) string {
	b, err := json.Marshal(readPostings(t, snaps, "acme"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// runTwiceIn is runTwice that also gives the run's folder.
func runTwiceIn(t *testing.T, yml string, dir *string, check func(snaps, stdout string)) {
	t.Helper()
	code, stdout, stderr, d := runYAML(t, yml, "run")
	*dir = d
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	snaps := filepath.Join(d, "snaps")
	check(snaps, stdout)
	first := headOf(t, snaps)
	code, stdout, stderr = runIn(t, filepath.Join(d, "config.yaml"), "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if strings.TrimSpace(stdout) != "" {
		t.Errorf("second run reported:\n%s", stdout)
	}
	if headOf(t, snaps) != first {
		t.Error("second run made a commit")
	}
}
