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
	srv, requests := budgetBoard(t, func(w http.ResponseWriter) { w.Write([]byte("ok")) })
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

// budgetBoard is a board that answers every request but robots.txt (404)
// with answer, counting them; it stops when the test ends.
func budgetBoard(t *testing.T, answer func(w http.ResponseWriter)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		answer(w)
	}))
	t.Cleanup(srv.Close)
	return srv, &requests
}

// The waits between a request's attempts are its time too (review s25b
// B5: a board answering every page 503 with Retry-After held a run for
// the waits, its budget never spent): a wait is counted once waited, and
// one the server asks for that the budget has not left is not waited for
// (one request, an error naming the status and the budget).
func TestBudgetCountsRetryWaits(t *testing.T) {
	srv, requests := budgetBoard(t, func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
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

// BudgetOrder puts the unknown pieces first, in their order, then every
// known one once, in their order turned from some point.
func TestBudgetOrderNewFirst(t *testing.T) {
	items := []int{1, 2, 3, 4, 5, 6, 7}
	known := func(i int) bool { return i%2 == 0 }
	got := BudgetOrder(items, known)
	if len(got) != len(items) || got[0] != 1 || got[1] != 3 || got[2] != 5 || got[3] != 7 {
		t.Fatalf("BudgetOrder = %v: want 1 3 5 7 first", got)
	}
	rest := got[4:]
	turned := false
	for from := range 3 {
		if rest[0] == []int{2, 4, 6}[from] && rest[1] == []int{2, 4, 6}[(from+1)%3] && rest[2] == []int{2, 4, 6}[(from+2)%3] {
			turned = true
		}
	}
	if !turned {
		t.Fatalf("the known pieces %v are not 2 4 6 turned", rest)
	}
}
