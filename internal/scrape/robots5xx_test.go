package scrape

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A robots.txt answered with a 5xx disallows everything (Google's reading,
// and robotstxt.FromStatusAndBytes'): the page is not fetched, and the
// error says robots.txt blocked it.
func TestRobotsTxt5xxDisallowsAll(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		hits.Add(1)
		w.Write([]byte("{}"))
	}))
	defer srv.Close()
	c := testClient(Options{})
	for _, path := range []string{"/jobs", "/", ""} {
		_, err := c.Do(context.Background(), Request{URL: srv.URL + path})
		if err == nil || !strings.Contains(err.Error(), "robots.txt") {
			t.Fatalf("%q: err = %v, want blocked by robots.txt", path, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server saw %d page requests, want none (robots.txt answered 503)", n)
	}
}

// The same for a 5xx answer another worker stored (RobotsShare).
func TestRobotsTxtShared5xxDisallowsAll(t *testing.T) {
	for _, status := range []int{500, 503, 599} {
		g, err := robotsRulesFor(status, []byte("User-agent: *\nAllow: /\n"), "careers-watcher-test/1.0")
		if err != nil {
			t.Fatal(err)
		}
		if g.allow("/jobs") || g.allow("") {
			t.Errorf("status %d allows /jobs", status)
		}
	}
	for _, status := range []int{404, 200} {
		g, err := robotsRulesFor(status, []byte("User-agent: *\nDisallow: /private\n"), "careers-watcher-test/1.0")
		if err != nil {
			t.Fatal(err)
		}
		if !g.allow("/jobs") {
			t.Errorf("status %d disallows /jobs", status)
		}
	}
}
