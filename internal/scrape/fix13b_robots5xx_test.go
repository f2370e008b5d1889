package scrape

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A robots.txt answered with a 5xx: the error says robots.txt was
// unavailable (with the status) and that nothing was fetched, not that
// robots.txt blocked the page; it is still errRobots (permanent).
func TestRobotsTxt5xxSaysUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("{}"))
	}))
	defer srv.Close()
	c := testClient(Options{})
	_, err := c.Do(context.Background(), Request{URL: srv.URL + "/jobs"})
	if err == nil {
		t.Fatal("fetched /jobs although robots.txt answered 503")
	}
	msg := err.Error()
	if !strings.Contains(msg, "robots.txt unavailable (HTTP 503)") || !strings.Contains(msg, "nothing fetched") || strings.Contains(msg, "blocked by robots.txt") {
		t.Errorf("err = %q, want it to say robots.txt unavailable (HTTP 503), nothing fetched", msg)
	}
	if !strings.HasPrefix(msg, srv.URL+"/jobs: ") {
		t.Errorf("err = %q, want it to start with the URL", msg)
	}
	if !errors.Is(err, errRobots) {
		t.Errorf("err = %v is not errRobots", err)
	}
}
