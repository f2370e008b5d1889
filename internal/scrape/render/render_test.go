package render_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// needBrowser skips a test on a machine without Chromium, except in CI
// (CI=true), where a missing browser is a failure.
func needBrowser(t *testing.T) {
	t.Helper()
	if render.ExecPath() == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium on PATH in CI: .ci/run installs it")
		}
		t.Skip("no chromium on this machine")
	}
}

// JSPage is a listing that its script builds from /api/jobs.json: the
// HTML as sent has an empty list.
const JSPage = `<!doctype html><html><head><title>Jobs</title></head><body>
<ul id="jobs"></ul>
<script>
fetch('/api/jobs.json').then(r => r.json()).then(jobs => {
  const ul = document.getElementById('jobs');
  for (const j of jobs) {
    const li = document.createElement('li');
    li.className = 'job';
    li.innerHTML = '<a href="/jobs/' + j.id + '">' + j.title + '</a>';
    ul.appendChild(li);
  }
});
</script></body></html>`

// site serves JSPage at /jobs, its data, a page whose script polls the
// network for ever (/busy) and a page whose list never comes (/empty).
func site(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var pings atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
		case "/jobs", "/private/jobs":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, JSPage)
		case "/api/jobs.json":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `[{"id": 1, "title": "Data Engineer"}, {"id": 2, "title": "ML Engineer – Zürich"}]`)
		case "/busy":
			fmt.Fprint(w, `<html><body><ul id="jobs"></ul><script>setInterval(() => fetch('/ping?' + Date.now()), 100);</script></body></html>`)
		case "/ping":
			pings.Add(1)
			fmt.Fprint(w, "pong")
		case "/empty":
			fmt.Fprint(w, `<html><body><ul id="jobs"></ul></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s, &pings
}

func client(srv string) *scrape.Client {
	return scrapetest.Client(1, nil).Source(srv, false)
}

// TestGetRendersTheScriptsList reads a list its page's script builds, by
// network idle and by wait_for. It starts a browser of its own, so it runs
// in CI's browser step (WATCHER_LONG_TESTS=1); the default run renders
// such a page through watcher run, both ways (internal/cli
// TestRunRenderBrowser), and here the refusals (TestGetRefuses).
func TestGetRendersTheScriptsList(t *testing.T) {
	if os.Getenv("WATCHER_LONG_TESTS") != "1" { // a long suite: CI's long step runs it
		t.Skip("a long suite: runs with WATCHER_LONG_TESTS=1 (CI's long step); internal/cli's TestRunRenderBrowser renders such a page in the default run")
	}
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	needBrowser(t)
	s, _ := site(t)
	plain, err := http.Get(s.URL + "/jobs")
	if err != nil {
		t.Fatal(err)
	}
	plain.Body.Close()
	c := client(s.URL)
	defer c.Close()
	for _, o := range []render.Options{{Timeout: 20 * time.Second}, {WaitFor: "li.job", Timeout: 20 * time.Second}} {
		resp, err := render.Get(context.Background(), c, s.URL+"/jobs", o)
		if err != nil {
			t.Fatalf("wait_for %q: %v", o.WaitFor, err)
		}
		doc, err := scrape.ParseHTML(resp.Body, resp.Header.Get("Content-Type"), s.URL+"/jobs")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		doc.Find("#jobs li.job a").Each(func(_ int, a *goquery.Selection) { got = append(got, a.Text()) })
		if strings.Join(got, "|") != "Data Engineer|ML Engineer – Zürich" {
			t.Errorf("wait_for %q: rendered list %q\n%s", o.WaitFor, got, resp.Body)
		}
	}
	if strings.Contains(JSPage, "Data Engineer") {
		t.Fatal("the list must be absent from the page as sent")
	}
}

func TestGetNeverSettles(t *testing.T) {
	if os.Getenv("WATCHER_LONG_TESTS") != "1" { // a long suite: CI's long step runs it
		t.Skip("a long suite: runs with WATCHER_LONG_TESTS=1 (CI's long step)")
	}
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	needBrowser(t)
	s, pings := site(t)
	c := client(s.URL)
	defer c.Close()
	for _, tc := range []struct {
		path string
		o    render.Options
		want string
	}{
		{"/busy", render.Options{Timeout: 8 * time.Second}, "waited for the network to go idle"},
		{"/empty", render.Options{WaitFor: "li.job", Timeout: 4 * time.Second}, `waited for an element to match wait_for "li.job"`},
	} {
		start := time.Now()
		_, err := render.Get(context.Background(), c, s.URL+tc.path, tc.o)
		if err == nil || !strings.Contains(err.Error(), s.URL+tc.path) || !strings.Contains(err.Error(), "did not settle within render_timeout") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v", tc.path, err)
		}
		if d := time.Since(start); d > tc.o.Timeout+15*time.Second {
			t.Errorf("%s: took %s with a %s render_timeout", tc.path, d, tc.o.Timeout)
		}
	}
	if pings.Load() == 0 {
		t.Error("the busy page's script never ran")
	}
}

// The browser goes through the same politeness and address checks as a
// plain request: robots.txt, and no private address but the source's own
// host, by the page's URL (here, refused before a browser starts) or by
// what its scripts load (TestGetRefusesAScriptsPrivateFetch).
func TestGetRefuses(t *testing.T) {
	t.Parallel()
	s, _ := site(t)
	var secret atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret.Add(1)
		fmt.Fprint(w, `<html><body>secret</body></html>`)
	}))
	defer other.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(other.URL, "http://"))
	c := client(s.URL)
	defer c.Close()

	_, err := render.Get(context.Background(), c, s.URL+"/private/jobs", render.Options{Timeout: 10 * time.Second})
	if err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Errorf("a page robots.txt disallows: %v", err)
	}
	// the page itself on another host that resolves to loopback
	_, err = render.Get(context.Background(), c, "http://localhost:"+port+"/", render.Options{Timeout: 10 * time.Second})
	if !errors.Is(err, scrape.ErrPrivateAddress) {
		t.Errorf("a page on a private address: %v", err)
	}
	if n := secret.Load(); n != 0 {
		t.Errorf("the private host got %d requests", n)
	}
}

// A script of the source's page that reaches for a private address is
// refused, and the private host gets no request. It starts a browser, so
// it runs in CI's browser step (WATCHER_LONG_TESTS=1); the default run
// keeps the refusals above, made before a browser starts, and one watcher
// run rendering pages in Chromium (internal/cli TestRunRenderBrowser).
func TestGetRefusesAScriptsPrivateFetch(t *testing.T) {
	if os.Getenv("WATCHER_LONG_TESTS") != "1" {
		t.Skip("a long suite: runs with WATCHER_LONG_TESTS=1 (CI's long step)")
	}
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	needBrowser(t)
	var secret atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret.Add(1)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		fmt.Fprint(w, `<html><body>secret</body></html>`)
	}))
	defer other.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(other.URL, "http://"))
	// a script of the source's page reaching for it
	s2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><body><p id="x">waiting</p><script>
fetch('http://localhost:%s/').then(r => r.text()).then(t => { document.getElementById('x').textContent = t; })
  .catch(e => { document.getElementById('x').textContent = 'blocked'; });
</script></body></html>`, port)
	}))
	defer s2.Close()
	c2 := client(s2.URL)
	defer c2.Close()
	// its timeout is not what is checked (settleTimeout)
	_, err := render.Get(context.Background(), c2, s2.URL+"/", render.Options{Timeout: settleTimeout(t)})
	if !errors.Is(err, scrape.ErrPrivateAddress) || !strings.Contains(err.Error(), "localhost") {
		t.Errorf("a script fetching a private address: %v", err)
	}
	if n := secret.Load(); n != 0 {
		t.Errorf("the private host got %d requests", n)
	}
}
