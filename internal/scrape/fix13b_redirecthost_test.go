package scrape

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A redirect to a host that cannot be resolved or reached (numeric forms
// of an address that are no IP address to Go: 2130706434, 0177.0.0.2,
// 127.2) is refused naming the redirect's host, not the source's own.
func TestRedirectNetErrorNamesTarget(t *testing.T) {
	for _, target := range []string{"2130706434:18082", "0177.0.0.2:18082", "127.2:18082"} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			http.Redirect(w, r, "http://"+target+"/jobs", http.StatusFound)
		}))
		c := testClient(Options{})
		_, err := c.Do(context.Background(), Request{URL: srv.URL + "/jobs"})
		srv.Close()
		if err == nil {
			t.Fatalf("redirect to %s: fetched", target)
		}
		msg := err.Error()
		own := strings.TrimPrefix(srv.URL, "http://")
		if !strings.Contains(msg, target) || strings.Contains(msg, "host "+own) || strings.Contains(msg, "to "+own) {
			t.Errorf("redirect to %s: err = %q, want it to name %s (not the source's host %s)", target, msg, target, own)
		}
	}
}
