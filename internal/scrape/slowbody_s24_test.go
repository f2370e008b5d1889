package scrape

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// A board whose answer begins and then trickles (a byte now and then, the
// body never done within http.timeout) is asked once per run, not once per
// attempt of the retry policy: each attempt would cost the whole timeout
// again (review s24 F3). The error names the URL and says why.
func TestSlowBodyIsNotRetried(t *testing.T) {
	var requests atomic.Int32
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("{"))
		w.(http.Flusher).Flush()
		select { // the rest never comes while the client waits
		case <-done:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(done)
	o := Options{UserAgent: "slowbody-test", Robots: true, AllowPrivate: true, Timeout: 200 * time.Millisecond,
		Retry: retry.Policy{Attempts: 4, Base: time.Millisecond, Max: time.Millisecond}}
	c := NewPool(context.Background(), o).Client(nil).Source(srv.URL+"/", true)
	_, err := c.Do(context.Background(), Request{URL: srv.URL + "/api/jobs"})
	if err == nil {
		t.Fatal("no error for a body that never came")
	}
	if !strings.Contains(err.Error(), srv.URL+"/api/jobs: the body of the answer did not arrive within http.timeout") {
		t.Errorf("error = %v", err)
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("%d requests, want 1 (no retry of a body that timed out)", n)
	}
}
