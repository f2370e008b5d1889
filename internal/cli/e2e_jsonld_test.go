package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// pageSite serves fixed pages by request URI, with an optional ETag, and
// counts the requests to each.
type pageSite struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]string
	etag  map[string]string
	hits  map[string]int
	n304  int // 304 answers
}

func newPageSite(t *testing.T, pages map[string]string) *pageSite {
	s := &pageSite{pages: pages, etag: map[string]string{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		uri := r.URL.RequestURI()
		s.hits[uri]++
		body, ok := s.pages[uri]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if tag := s.etag[uri]; tag != "" {
			if r.Header.Get("If-None-Match") == tag {
				s.n304++
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", tag)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *pageSite) count(uri string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[uri]
}

// runTwice runs the config, checks the first run, then runs again and
// checks that the second run reports nothing and commits nothing.
func runTwice(t *testing.T, yml string, check func(snaps, stdout string)) {
	t.Helper()
	code, stdout, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	snaps := filepath.Join(dir, "snaps")
	check(snaps, stdout)
	first := headOf(t, snaps)
	code, stdout, stderr = runIn(t, filepath.Join(dir, "config.yaml"), "run")
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

func jobPage(ld string) string {
	return `<!doctype html><html><head><script type="application/ld+json">` + ld + `</script></head><body>job</body></html>`
}

var acmePages = map[string]string{
	"/careers": `<!doctype html><html><body><a href="/about">About</a><ul>
<li><a href="/careers/job/101">Senior Data Engineer (L5)</a></li>
<li><a href="/careers/job/102?src=list">Machine Learning Engineer</a></li>
<li><a href="/careers/job/103#apply">Data Analyst</a></li></ul></body></html>`,
	"/careers/job/101": jobPage(`{"@context":"https://schema.org","@type":"JobPosting","title":"Senior Data Engineer (L5)",
"identifier":{"@type":"PropertyValue","name":"Acme","value":"JR101"},"datePosted":"2026-03-02T09:00:00Z","employmentType":"FULL_TIME",
"description":"<p>Build pipelines in Spark and Python.</p><p><strong>Qualifications</strong></p><ul><li>5+ years of SQL</li></ul>",
"jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Los Gatos","addressRegion":"California","addressCountry":"US"}}}`),
	"/careers/job/102?src=list": jobPage(`{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"ML"},{"@type":"JobPosting",
"title":"Machine Learning Engineer","identifier":"JR102","datePosted":"2026-03-05","employmentType":["FULL_TIME"],
"description":"<p>Train models with PyTorch.</p>","jobLocationType":"TELECOMMUTE",
"applicantLocationRequirements":{"@type":"Country","name":"United States"},
"baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue","minValue":180000,"maxValue":"240000","unitText":"YEAR"}}}]}`),
	"/careers/job/103": jobPage(`{"@context":"https://schema.org","@type":"JobPosting","title":"Data Analyst &amp; Reporting",
"datePosted":"2026-03-09","description":"&lt;p&gt;Dashboards in Tableau.&lt;/p&gt;",
"jobLocation":[{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Amsterdam","addressCountry":{"@type":"Country","name":"Netherlands"}}}]}`),
}

// A listing page linking to three posting pages with JobPosting JSON-LD.
func TestRunJSONLDSite(t *testing.T) {
	t.Parallel()
	s := newPageSite(t, acmePages)
	host := strings.TrimPrefix(s.URL, "http://")
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - name: acme
    type: jsonld
    company: Acme
    url: %s/careers
    links: "/careers/job/\\d+"
notifiers:
  - name: console
    type: stdout
`, s.URL)
	runTwice(t, yml, func(snaps, stdout string) {
		got := readPostings(t, snaps, "acme")
		if len(got) != 3 {
			t.Fatalf("%d postings, want 3", len(got))
		}
		want := []struct {
			id, title, url, workplace, posted string
			locations                         []model.Location
			salary                            []model.Salary
		}{
			// in id order; 103 has no identifier: its id is its URL made stable
			{host + "/careers/job/103", "Data Analyst & Reporting", s.URL + "/careers/job/103", "", "2026-03-09",
				[]model.Location{{City: "Amsterdam", Region: "North Holland", Country: "NL"}}, []model.Salary{}},
			{"JR101", "Senior Data Engineer (L5)", s.URL + "/careers/job/101", "", "2026-03-02",
				[]model.Location{{City: "Los Gatos", Region: "California", Country: "US"}}, []model.Salary{}},
			{"JR102", "Machine Learning Engineer", s.URL + "/careers/job/102?src=list", "remote", "2026-03-05",
				[]model.Location{{Country: "US", Remote: true}}, []model.Salary{{Min: 180000, Max: 240000, Currency: "USD", Period: "year"}}},
		}
		for i, w := range want {
			p := got[i]
			if p.ID != w.id || p.Title != w.title || p.URL != w.url || p.Company != "Acme" || p.Source != "acme" || p.Posted != w.posted {
				t.Errorf("posting %d: id %q title %q url %q company %q source %q posted %q", i, p.ID, p.Title, p.URL, p.Company, p.Source, p.Posted)
			}
			if fmt.Sprint(p.Locations) != fmt.Sprint(w.locations) || p.Workplace != w.workplace || fmt.Sprint(p.Salary) != fmt.Sprint(w.salary) {
				t.Errorf("posting %s: locations %+v workplace %q salary %+v", p.ID, p.Locations, p.Workplace, p.Salary)
			}
			if p.Description == "" || strings.Contains(p.Description, "<") {
				t.Errorf("posting %s: description %q", p.ID, p.Description)
			}
			if !strings.Contains(stdout, "added") || !strings.Contains(stdout, w.url) {
				t.Errorf("first run does not report %s:\n%s", w.url, stdout)
			}
		}
		if p := got[1]; p.EmploymentType != "full_time" || p.Role != "Data Engineer" || p.MinYearsExperience == nil || p.RequisitionID != "JR101" {
			t.Errorf("posting JR101 normalized: %+v", p)
		}
	})
	if n := s.count("/about"); n != 0 {
		t.Errorf("followed an unmatched link %d times", n)
	}
	if n := s.count("/careers/job/101"); n != 2 {
		t.Errorf("posting page read %d times in two runs", n)
	}
}

// A posting page that lost its markup fails the source and keeps the last
// snapshot: no removal.
func TestRunJSONLDPageWithoutPostingFails(t *testing.T) {
	t.Parallel()
	pages := map[string]string{}
	for k, v := range acmePages {
		pages[k] = v
	}
	s := newPageSite(t, pages)
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: jsonld, url: '%s/careers', links: '/careers/job/\d+'}
`, s.URL)
	code, _, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	s.mu.Lock()
	s.pages["/careers/job/103"] = "<html><body>Oops, something went wrong</body></html>"
	s.mu.Unlock()
	// One posting page that breaks is that posting's problem (like a
	// failed detail): it is kept as stored, the run goes on.
	code, _, stderr = runIn(t, filepath.Join(dir, "config.yaml"), "run")
	if code != 0 || !strings.Contains(stderr, "posting detail failed: kept as it was") ||
		!strings.Contains(stderr, `posting page \"`+s.URL+`/careers/job/103\": no schema.org JobPosting on the page`) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if n := len(readPostings(t, filepath.Join(dir, "snaps"), "acme")); n != 3 {
		t.Fatalf("%d postings left, want 3", n)
	}
}

// type auto: a URL of no known job board is read as jsonld, with links.
func TestRunAutoFallsBackToJSONLD(t *testing.T) {
	t.Parallel()
	s := newPageSite(t, acmePages)
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme-auto, type: auto, company: Acme, url: '%s/careers', links: '/careers/job/\d+', max_pages: 5}
notifiers:
  - {name: console, type: stdout}
`, s.URL)
	runTwice(t, yml, func(snaps, stdout string) {
		got := readPostings(t, snaps, "acme-auto")
		if len(got) != 3 || got[1].ID != "JR101" || len(got[2].Salary) != 1 || got[2].Salary[0].Max != 240000 || got[0].Company != "Acme" {
			t.Fatalf("postings: %+v", got)
		}
	})
}

// type auto with a URL that names no board fails the source with the reason.
func TestRunAutoUnusableURL(t *testing.T) {
	t.Parallel()
	yml := "snapshots: snaps\nsources:\n  - {name: a, type: auto, url: 'https://boards.greenhouse.io/'}\n"
	code, _, stderr, dir := runYAML(t, yml, "run")
	if code != 1 || !strings.Contains(stderr, `auto: source "a": detect: "https://boards.greenhouse.io/" looks like a greenhouse URL but names no board`) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps", "a")); err == nil {
		files, _ := filepath.Glob(filepath.Join(dir, "snaps", "a", "*.json"))
		if len(files) > 0 {
			t.Fatalf("snapshot files written: %v", files)
		}
	}
}
