package scrape_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// Polite applies robots.txt and the host's turn to a load that is not a
// Do request, and the per-host delay after it.
func TestPolite(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
	}))
	defer srv.Close()
	o := scrapetest.Options(1)
	o.PerHostDelay = 200 * time.Millisecond
	c := scrape.NewPool(context.Background(), o).Client(nil).Source(srv.URL, false)
	ran := 0
	err := c.Polite(context.Background(), srv.URL+"/private/jobs", func(context.Context) error { ran++; return nil })
	if err == nil || !strings.Contains(err.Error(), "robots.txt") || ran != 0 {
		t.Errorf("disallowed: err %v, load ran %d times", err, ran)
	}
	var inside atomic.Int32
	var overlap atomic.Bool
	done := make(chan time.Time, 2)
	for range 2 {
		go func() {
			_ = c.Polite(context.Background(), srv.URL+"/jobs", func(context.Context) error {
				if inside.Add(1) > 1 {
					overlap.Store(true)
				}
				time.Sleep(20 * time.Millisecond)
				inside.Add(-1)
				return nil
			})
			done <- time.Now()
		}()
	}
	a, b := <-done, <-done
	if overlap.Load() {
		t.Error("two loads on one host ran at once")
	}
	if d := b.Sub(a); d < 200*time.Millisecond {
		t.Errorf("the second load ended %s after the first: the per-host delay (200ms) was not kept", d)
	}
}

// Dialer and CheckHost refuse what a source's requests may not reach.
func TestDialerRefusesPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	c := scrapetest.Client(1, nil).Source(srv.URL, false) // its own host is 127.0.0.1
	dial := c.Dialer(srv.URL)
	conn, err := dial(context.Background(), "tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatalf("the source's own host: %v", err)
	}
	conn.Close()
	for _, addr := range []string{"localhost:" + port, "[::1]:" + port, "169.254.169.254:80"} {
		if _, err := dial(context.Background(), "tcp", addr); !errors.Is(err, scrape.ErrPrivateAddress) {
			t.Errorf("dial %s: %v", addr, err)
		}
	}
	if err := c.CheckHost(context.Background(), "http://localhost:"+port+"/"); !errors.Is(err, scrape.ErrPrivateAddress) {
		t.Errorf("CheckHost localhost: %v", err)
	}
	if err := c.CheckHost(context.Background(), srv.URL+"/jobs"); err != nil {
		t.Errorf("CheckHost own host: %v", err)
	}
	open := scrapetest.Client(1, nil).Source(srv.URL, true) // allow_private
	if err := open.CheckHost(context.Background(), "http://localhost:"+port+"/"); err != nil {
		t.Errorf("allow_private: %v", err)
	}
}

type closer struct{ n *int }

func (c closer) Close() error { *c.n++; return nil }

// Shared makes a value once per pool; Close closes it.
func TestPoolShared(t *testing.T) {
	p := scrape.NewPool(context.Background(), scrapetest.Options(1))
	made, closed := 0, 0
	mk := func(ctx context.Context) io.Closer { made++; return closer{&closed} }
	a, b := p.Shared("k", mk), p.Shared("k", mk)
	if made != 1 || a != b {
		t.Errorf("made %d times", made)
	}
	if err := p.Close(); err != nil || closed != 1 {
		t.Errorf("Close: %v, closed %d", err, closed)
	}
	p.Shared("k", mk)
	if made != 2 {
		t.Error("after Close, Shared does not make a new value")
	}
}
