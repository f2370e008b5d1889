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

// A source's client stops sending once its requests have taken their
// budget (http.source_budget): the request is not sent, not retried, and
// the error names the URL and the key. A client of another source has its
// own budget.
func TestBudgetStopsASourcesRequests(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	o := Options{UserAgent: "budget-test", Robots: true, AllowPrivate: true, PerHostDelay: time.Millisecond,
		Retry: retry.Policy{Attempts: 4, Base: time.Millisecond, Max: time.Millisecond}}
	pool := NewPool(context.Background(), o)
	c := pool.Client(nil).Source(srv.URL+"/", true).Budget(time.Nanosecond)
	if c.Spent() != 0 {
		t.Fatalf("spent %v before any request", c.Spent())
	}
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/a"}); err != nil {
		t.Fatalf("first request, budget not yet spent: %v", err)
	}
	if c.Spent() <= 0 {
		t.Fatal("a request's time was not counted")
	}
	_, err := c.Do(context.Background(), Request{URL: srv.URL + "/b"})
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), srv.URL+"/b: ") || !strings.Contains(err.Error(), "http.source_budget") {
		t.Fatalf("second request: %v, want ErrBudget naming the URL and the key", err)
	}
	if n := requests.Load(); n != 1 {
		t.Fatalf("%d requests reached the server, want 1", n)
	}
	err = c.Polite(context.Background(), srv.URL+"/page", func(context.Context) error { return nil })
	if !errors.Is(err, ErrBudget) {
		t.Fatalf("a page load after the budget: %v", err)
	}
	// another source's client, and one without a budget, still send
	for _, other := range []*Client{pool.Client(nil).Source(srv.URL+"/", true).Budget(time.Hour), pool.Client(nil).Source(srv.URL+"/", true).Budget(0)} {
		if _, err := other.Do(context.Background(), Request{URL: srv.URL + "/c"}); err != nil {
			t.Fatalf("another client: %v", err)
		}
	}
	if n := requests.Load(); n != 3 {
		t.Fatalf("%d requests, want 3", n)
	}
}
