package scrape

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// hanging is a server whose paths in hang never answer (until the test
// ends); arrived receives each such request's path as it arrives.
func hanging(t *testing.T, hang ...string) (*httptest.Server, chan string) {
	arrived := make(chan string, 10)
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, p := range hang {
			if r.URL.Path == p {
				arrived <- r.URL.Path
				select {
				case <-stop:
				case <-r.Context().Done():
				}
				return
			}
		}
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
		arrived <- r.URL.Path
	}))
	t.Cleanup(func() { close(stop); srv.Close() })
	return srv, arrived
}

// TestCancelEndsEveryWait: a hanging robots.txt, a hanging request and a
// Retry-After wait all end as soon as the context ends (the run's, which
// colly's collector holds, or the one given to Do), long before
// http.timeout or the Retry-After.
func TestCancelEndsEveryWait(t *testing.T) {
	cases := []struct {
		name   string
		robots bool
		hang   []string
		runCtx bool // cancel the pool's context, not Do's
	}{
		{"robots.txt hangs, run cancelled", true, []string{"/robots.txt"}, true},
		{"robots.txt hangs, call cancelled", true, []string{"/robots.txt"}, false},
		{"request hangs, run cancelled", false, []string{"/jobs"}, true},
		{"request hangs, call cancelled", false, []string{"/jobs"}, false},
		{"Retry-After wait, call cancelled", false, nil, false},
		{"Retry-After wait, run cancelled", false, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, arrived := hanging(t, tc.hang...)
			runCtx, cancelRun := context.WithCancel(context.Background())
			defer cancelRun()
			callCtx, cancelCall := context.WithCancel(context.Background())
			defer cancelCall()
			c := NewClient(runCtx, Options{
				UserAgent: "cancel-test", Robots: tc.robots, Timeout: time.Minute,
				Retry: retry.Policy{Attempts: 5, Base: time.Hour, Max: time.Hour},
			})
			ctx := callCtx
			if tc.runCtx {
				ctx = runCtx
			}
			type result struct {
				err error
				at  time.Time
			}
			done := make(chan result, 1)
			go func() {
				_, err := c.Do(ctx, Request{URL: srv.URL + "/jobs"})
				done <- result{err, time.Now()}
			}()
			// the request (or the 503 that starts the wait) has reached the
			// server; then cancel
			select {
			case p := <-arrived:
				if len(tc.hang) > 0 && p != tc.hang[0] {
					t.Fatalf("server saw %s first, want %s", p, tc.hang[0])
				}
			case r := <-done:
				t.Fatalf("Do returned before the server was reached: %v", r.err)
			}
			cancelled := time.Now()
			if tc.runCtx {
				cancelRun()
			} else {
				cancelCall()
			}
			var r result
			select {
			case r = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Do still waiting 5 s after the cancel")
			}
			if !errors.Is(r.err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", r.err)
			}
			t.Logf("returned %v after the cancel: %v", r.at.Sub(cancelled), r.err)
			if d := r.at.Sub(cancelled); d > time.Second {
				t.Errorf("returned %v after the cancel, want within 1 s", d)
			}
		})
	}
}
