package scrape

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// Review s17 F15: a self-hosted board on 127.0.0.1:A may reach its own
// host and port, not another port of the same host (a Redis on :6379, an
// admin page), by a redirect or a link.
func TestOwnPrivateHostIsOneportS19(t *testing.T) {
	var otherHits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherHits.Add(1)
		w.Write([]byte("internal"))
	}))
	t.Cleanup(other.Close)
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nAllow: /\n"))
		case strings.HasPrefix(r.URL.Path, "/to"):
			http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
		default:
			w.Write([]byte("jobs"))
		}
	}))
	t.Cleanup(board.Close)
	c := NewClient(context.Background(), Options{UserAgent: "t"}).Source(board.URL+"/jobs", false)
	if _, err := c.Do(context.Background(), Request{URL: board.URL + "/jobs"}); err != nil {
		t.Fatalf("own host and port: %v", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: board.URL + "/to?u=" + url.QueryEscape("/jobs?page=2")}); err != nil {
		t.Fatalf("redirect on the own host and port: %v", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: board.URL + "/to?u=" + url.QueryEscape(other.URL+"/secret")}); !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("redirect to another port of the own host: %v", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: other.URL + "/secret"}); !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("a link to another port of the own host: %v", err)
	}
	if n := otherHits.Load(); n != 0 {
		t.Fatalf("the other port was read %d times", n)
	}
}

// Without a port the scheme's is the source's own: http://h/ owns h:80,
// not h:443 nor h:8080.
func TestOwnKeyDefaultPortsS19(t *testing.T) {
	for _, c := range []struct {
		own, req string
		ok       bool
	}{
		{"http://Board.Local/jobs", "http://board.local:80/x", true},
		{"https://board.local./jobs", "https://board.local/x", true},
		{"http://board.local/jobs", "https://board.local/x", false},
		{"http://board.local:8080/jobs", "http://board.local/x", false},
		{"http://[::1]:8080/jobs", "http://[::1]:8080/x", true},
	} {
		o, _ := url.Parse(c.own)
		r, _ := url.Parse(c.req)
		if got := hostTrust(o, false).allows(r.Hostname(), urlPort(r)); got != c.ok {
			t.Errorf("own %s, request %s: allowed %v, want %v", c.own, c.req, got, c.ok)
		}
	}
}
