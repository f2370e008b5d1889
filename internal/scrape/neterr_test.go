package scrape

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// noSuchHost is a resolver for which no name exists, counting lookups.
type noSuchHost struct{ n atomic.Int32 }

func (r *noSuchHost) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	r.n.Add(1)
	return nil, &net.DNSError{Err: "no such host", Name: host, Server: "192.0.2.53:53", IsNotFound: true}
}

// A name that does not resolve fails at once, without retries, and the
// error says so without blaming robots.txt, fetched first.
func TestUnresolvableHost(t *testing.T) {
	res := &noSuchHost{}
	o := Options{UserAgent: "neterr-test", Robots: true, resolver: res,
		Retry: retry.Policy{Attempts: 4, Base: time.Millisecond, Max: time.Millisecond}}
	c := NewPool(context.Background(), o).Client(nil).Source("https://jobs.example.invalid/", false)
	_, err := c.Do(context.Background(), Request{URL: "https://jobs.example.invalid/api/jobs"})
	var ne *NetError
	if !errors.As(err, &ne) || !ne.Resolve || !ne.Permanent {
		t.Fatalf("err = %v, want a permanent *NetError of name resolution", err)
	}
	want := "https://jobs.example.invalid/api/jobs: cannot resolve host jobs.example.invalid: no such host"
	if err.Error() != want {
		t.Fatalf("err = %q\nwant  %q", err, want)
	}
	if n := res.n.Load(); n != 1 {
		t.Fatalf("%d lookups, want 1 (no retry of a name that does not exist)", n)
	}
}

// A closed port is retried (a server may be restarting), then reported as
// a refused connection to the host, robots.txt unnamed.
func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var dials atomic.Int32
	o := Options{UserAgent: "neterr-test", Robots: true, AllowPrivate: true,
		Retry: retry.Policy{Attempts: 3, Base: time.Millisecond, Max: time.Millisecond},
		dial: func(ctx context.Context, network, a string) (net.Conn, error) {
			dials.Add(1)
			return (&net.Dialer{}).DialContext(ctx, network, a)
		}}
	u := "http://" + addr + "/api/jobs"
	c := NewPool(context.Background(), o).Client(nil).Source(u, true)
	_, err = c.Do(context.Background(), Request{URL: u})
	var ne *NetError
	if !errors.As(err, &ne) || ne.Resolve || ne.Permanent {
		t.Fatalf("err = %v, want a *NetError of a refused connection", err)
	}
	if want := u + ": cannot connect to " + addr + ": connection refused"; err.Error() != want {
		t.Fatalf("err = %q\nwant  %q", err, want)
	}
	if strings.Contains(err.Error(), "robots") {
		t.Fatalf("err blames robots.txt: %v", err)
	}
	if n := dials.Load(); n != 3 {
		t.Fatalf("%d dials, want 3 (one per attempt)", n)
	}
}
