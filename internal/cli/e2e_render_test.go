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

	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
)

// needChromium skips a test on a machine without Chromium, except in CI
// (CI=true), where a missing browser is a failure.
func needChromium(t *testing.T) {
	t.Helper()
	if render.ExecPath() == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium on PATH in CI: .ci/run installs it")
		}
		t.Skip("no chromium on this machine")
	}
}

// jsSite is a careers site whose pages build their content with
// JavaScript: /jobs lists the postings from /api/jobs.json (the HTML as
// sent has an empty list), /ld adds a JobPosting's JSON-LD from a script,
// /busy polls the network for ever.
func jsSite(t *testing.T) (*httptest.Server, func(string) int) {
	var mu sync.Mutex
	hits := map[string]int{}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/jobs":
			fmt.Fprint(w, `<!doctype html><html><body><ul id="jobs"></ul><script>
fetch('/api/jobs.json').then(r => r.json()).then(jobs => {
  for (const j of jobs) {
    const li = document.createElement('li');
    li.className = 'job';
    li.innerHTML = '<a href="/jobs/' + j.id + '">' + j.title + '</a><span class="loc">' + j.location + '</span>';
    document.getElementById('jobs').appendChild(li);
  }
});
</script></body></html>`)
		case "/api/jobs.json":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `[{"id": 1, "title": "Senior Data Engineer", "location": "Berlin, Germany"},
{"id": 2, "title": "Machine Learning Engineer", "location": "Remote (US)"}]`)
		case "/ld":
			fmt.Fprint(w, `<!doctype html><html><head></head><body><h1>Job</h1><script>
const s = document.createElement('script');
s.type = 'application/ld+json';
s.text = JSON.stringify({"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Scientist",
  "identifier": "DS-9", "datePosted": "2026-11-02", "description": "<p>Forecasting with Python.</p>",
  "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 90000, "unitText": "YEAR"}},
  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Amsterdam", "addressCountry": "NL"}}});
document.head.appendChild(s);
</script></body></html>`)
		case "/busy":
			fmt.Fprint(w, `<html><body><ul id="jobs"></ul><script>setInterval(() => fetch('/ping?' + Date.now()), 100);</script></body></html>`)
		case "/ping":
			fmt.Fprint(w, "pong")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s, func(p string) int {
		mu.Lock()
		defer mu.Unlock()
		return hits[p]
	}
}

// An html and a jsonld source with render: browser read pages whose
// content only their scripts build, through watcher run; a second run
// changes nothing (under WATCHER_LONG_TESTS=1, CI's browser step: each
// run starts Chromium, so the default run makes only the first).
func TestRunRenderBrowser(t *testing.T) {
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	needChromium(t)
	s, hits := jsSite(t)
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 10s}
sources:
  - name: acme
    type: html
    company: Acme
    url: %s/jobs
    render: browser
    wait_for: li.job
    render_timeout: 60s
    selectors: {item: li.job, title: a, link: a, location: .loc}
  - name: acme-ld
    type: jsonld
    url: %s/ld
    render: browser
    render_timeout: 60s
`, s.URL, s.URL)
	runs, check := 2, func(snaps, stdout string) {
		got := readPostings(t, snaps, "acme")
		if len(got) != 2 {
			t.Fatalf("%d postings, want 2", len(got))
		}
		if p := got[0]; p.ID != "/jobs/1" || p.Title != "Senior Data Engineer" || p.URL != s.URL+"/jobs/1" || len(p.Locations) != 1 || p.Locations[0].City != "Berlin" {
			t.Errorf("posting 1: %+v", p)
		}
		if p := got[1]; p.ID != "/jobs/2" || p.Workplace != "remote" {
			t.Errorf("posting 2: %+v", p)
		}
		ld := readPostings(t, snaps, "acme-ld")
		if len(ld) != 1 {
			t.Fatalf("jsonld: %d postings, want 1", len(ld))
		}
		if p := ld[0]; p.ID != "DS-9" || p.Title != "Data Scientist" || fmt.Sprint(p.Salary) != "[{70000 90000 EUR year}]" || !strings.Contains(p.Description, "Forecasting") {
			t.Errorf("jsonld posting: %+v", p)
		}
	}
	if longTests {
		runTwice(t, yml, check)
	} else {
		runs = 1
		code, stdout, stderr, dir := runYAML(t, yml, "run")
		if code != 0 {
			t.Fatalf("run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		check(filepath.Join(dir, "snaps"), stdout)
	}
	if n := hits("/api/jobs.json"); n != runs {
		t.Errorf("the page's script fetched its data %d times in %d runs", n, runs)
	}
}

// A page that never settles fails its source with an error that names
// the URL; the run goes on with the others.
func TestRunRenderNeverSettles(t *testing.T) {
	longSuite(t)
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	needChromium(t)
	s, _ := jsSite(t)
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 10s}
sources:
  - name: busy
    type: html
    url: %s/busy
    render: browser
    render_timeout: 8s
    selectors: {item: li, title: a}
`, s.URL)
	code, stdout, stderr, _ := runYAML(t, yml, "run")
	if code != 1 || !strings.Contains(stderr, s.URL+"/busy: the page did not settle within render_timeout (8s)") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
