package scrape

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// fakeNames resolves a few names without DNS; any other name is an error.
type fakeNames map[string]string

func (f fakeNames) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	ip, ok := f[host]
	if !ok {
		return nil, fmt.Errorf("lookup %s: no such host (test resolver)", host)
	}
	return []netip.Addr{netip.MustParseAddr(ip)}, nil
}

// privateSetup is a board at the public-looking board.example (resolved to
// 93.184.215.14, which the test dialer connects to the local test server)
// whose redirects point at the machine itself, and a /secret that must
// never be read through it.
func privateSetup(t *testing.T) (board string, port string, secretHits *atomic.Int32, o Options) {
	secretHits = &atomic.Int32{}
	var srvURL *url.URL
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/secret", "/latest/meta-data":
			secretHits.Add(1)
			w.Write([]byte(`{"secret":"instance credentials"}`))
		case "/to":
			// the redirect target is the query, with the server's port
			http.Redirect(w, r, strings.ReplaceAll(r.URL.Query().Get("u"), "PORT", srvURL.Port()), http.StatusFound)
		default:
			w.Write([]byte(`{"jobs":[]}`))
		}
	}))
	t.Cleanup(srv.Close)
	srvURL, _ = url.Parse(srv.URL)
	port = srvURL.Port()
	o = Options{
		UserAgent: "private-test", Robots: true,
		Retry:    retry.Policy{Attempts: 2, Base: time.Millisecond, Max: time.Millisecond},
		resolver: fakeNames{"board.example": "93.184.215.14", "internal.example": "127.0.0.1", "meta.example": "169.254.169.254"},
		dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, p, _ := net.SplitHostPort(addr)
			switch host {
			case "93.184.215.14", "127.0.0.1", "::1", "169.254.169.254":
				// every address reaches the local server: what is refused
				// is refused by the check, not by a failing dial
				return (&net.Dialer{}).DialContext(ctx, network, net.JoinHostPort("127.0.0.1", p))
			}
			return nil, fmt.Errorf("test dialer: no route to %s", addr)
		},
	}
	return "http://board.example:" + port, port, secretHits, o
}

func TestPrivateAddressesAreRefused(t *testing.T) {
	board, port, secretHits, o := privateSetup(t)
	c := NewPool(context.Background(), o).Client(nil).Source(board+"/jobs", false)
	// the board itself, at a public address, is read
	if _, err := c.Do(context.Background(), Request{URL: board + "/jobs"}); err != nil {
		t.Fatalf("the board itself: %v", err)
	}
	refused := []struct{ target, addr string }{
		{"http://127.0.0.1:PORT/secret", "127.0.0.1"},
		{"http://internal.example:PORT/secret", "127.0.0.1"},
		{"http://[::ffff:127.0.0.1]:PORT/secret", "::ffff:127.0.0.1"},
		{"http://[::1]:PORT/secret", "::1"},
		{"http://169.254.169.254:PORT/latest/meta-data", "169.254.169.254"},
		{"http://meta.example:PORT/latest/meta-data", "169.254.169.254"},
	}
	for _, r := range refused {
		u := board + "/to?u=" + url.QueryEscape(r.target)
		_, err := c.Do(context.Background(), Request{URL: u})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("redirect to %s: err = %v, want ErrPrivateAddress", r.target, err)
			continue
		}
		target := strings.ReplaceAll(r.target, "PORT", port)
		if !strings.Contains(err.Error(), target) || !strings.Contains(err.Error(), r.addr) {
			t.Errorf("redirect to %s: error %q does not name the URL %s and the address %s", r.target, err, target, r.addr)
		}
	}
	// a link (not a redirect) to a name on a private address: refused too
	if _, err := c.Do(context.Background(), Request{URL: "http://internal.example:" + port + "/secret"}); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("a link to internal.example: err = %v", err)
	}
	if n := secretHits.Load(); n != 0 {
		t.Fatalf("the private server was read %d times", n)
	}
}

func TestAllowPrivate(t *testing.T) {
	board, _, secretHits, o := privateSetup(t)
	to := board + "/to?u=" + url.QueryEscape("http://internal.example:PORT/secret")
	// per source
	c := NewPool(context.Background(), o).Client(nil).Source(board+"/jobs", true)
	if r, err := c.Do(context.Background(), Request{URL: to}); err != nil || !strings.Contains(string(r.Body), "instance") {
		t.Fatalf("allow_private on the source: %v", err)
	}
	// for every source (http.allow_private)
	o.AllowPrivate = true
	c = NewPool(context.Background(), o).Client(nil).Source(board+"/jobs", false)
	if _, err := c.Do(context.Background(), Request{URL: to}); err != nil {
		t.Fatalf("http.allow_private: %v", err)
	}
	if secretHits.Load() != 2 {
		t.Fatalf("secret read %d times, want 2", secretHits.Load())
	}
}

// A self-hosted board whose own URL is a private address is read, and
// redirects on its own host are followed; another private host is not.
func TestOwnPrivateHostIsRead(t *testing.T) {
	_, port, _, o := privateSetup(t)
	own := "http://127.0.0.1:" + port
	c := NewPool(context.Background(), o).Client(nil).Source(own+"/jobs", false)
	if _, err := c.Do(context.Background(), Request{URL: own + "/jobs"}); err != nil {
		t.Fatalf("own URL: %v", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: own + "/to?u=" + url.QueryEscape("/jobs?page=2")}); err != nil {
		t.Fatalf("redirect on the own host: %v", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: own + "/to?u=" + url.QueryEscape("http://internal.example:PORT/secret")}); !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("redirect to another private host: %v", err)
	}
}

func TestSpecialAddresses(t *testing.T) {
	for _, s := range []string{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
		"0.0.0.0", "::", "::1", "fc00::1", "fd12::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::7f00:1", "224.0.0.1"} {
		if !Special(netip.MustParseAddr(s)) {
			t.Errorf("%s is not special", s)
		}
	}
	for _, s := range []string{"8.8.8.8", "192.0.3.1", "2606:4700::1111", "100.128.0.1", "64:ff9b::808:808"} {
		if Special(netip.MustParseAddr(s)) {
			t.Errorf("%s is special", s)
		}
	}
}

// A connection dialled for a source that may reach a private host is not
// reused by one that may not.
func TestPrivateConnectionsAreNotShared(t *testing.T) {
	_, port, secretHits, o := privateSetup(t)
	pool := NewPool(context.Background(), o)
	internal := "http://internal.example:" + port + "/secret"
	allowed := pool.Client(nil).Source(internal, false) // its own host
	if _, err := allowed.Do(context.Background(), Request{URL: internal}); err != nil {
		t.Fatal(err)
	}
	other := pool.Client(nil).Source("http://board.example:"+port+"/jobs", false)
	if _, err := other.Do(context.Background(), Request{URL: internal}); !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("a pooled connection to a private host was reused: %v", err)
	}
	if secretHits.Load() != 1 {
		t.Fatalf("secret read %d times, want 1", secretHits.Load())
	}
}
