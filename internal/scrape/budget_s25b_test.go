package scrape

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// The waits between a request's attempts are its time too (review s25b
// B5: a board answering every page 503 with Retry-After held a run for
// the waits, its budget never spent): a wait is counted once waited, and
// one the server asks for that the budget has not left is not waited for
// (one request, an error naming the status and the budget).
func TestBudgetCountsRetryWaits(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	o := Options{UserAgent: "budget-test", Robots: true, AllowPrivate: true, PerHostDelay: time.Millisecond,
		Retry: retry.Policy{Attempts: 2, Base: time.Millisecond, Max: 2 * time.Second}}
	pool := NewPool(context.Background(), o)

	// a budget with the wait left: waited, and counted
	c := pool.Client(nil).Source(srv.URL+"/", true).Budget(time.Hour)
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/a"}); err == nil || errors.Is(err, ErrBudget) {
		t.Fatalf("503 twice: %v", err)
	}
	if n := requests.Load(); n != 2 {
		t.Fatalf("%d requests, want 2", n)
	}
	if c.Spent() < time.Second {
		t.Fatalf("spent %v: the Retry-After wait of 1s was not counted", c.Spent())
	}

	// a budget without it: one request, not waited for
	c = pool.Client(nil).Source(srv.URL+"/", true).Budget(500 * time.Millisecond)
	_, err := c.Do(context.Background(), Request{URL: srv.URL + "/b"})
	if !errors.Is(err, ErrBudget) || !IsStatus(err, http.StatusServiceUnavailable) || !strings.Contains(err.Error(), "Retry-After") {
		t.Fatalf("a wait over the budget: %v", err)
	}
	if n := requests.Load(); n != 3 {
		t.Fatalf("%d requests in all, want 3 (the second Do asked once)", n)
	}
}
