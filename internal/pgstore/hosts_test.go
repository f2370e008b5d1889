package pgstore

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestHostGate: two "workers" (two stores on one database) with four
// senders each share one host: the stand-in server never sees two requests
// at once, nor one that starts sooner than the delay after the previous
// one ended.
func TestHostGate(t *testing.T) {
	t.Parallel()
	a := migrated(t)
	b, err := Open(context.Background(), a.pool.Config().ConnString(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const delay = 30 * time.Millisecond
	var mu sync.Mutex
	inFlight, maxInFlight := 0, 0
	var lastEnd time.Time
	var short []time.Duration
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		maxInFlight = max(maxInFlight, inFlight)
		if !lastEnd.IsZero() {
			if gap := time.Since(lastEnd); gap < delay {
				short = append(short, gap)
			}
		}
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // an answer takes a moment
		mu.Lock()
		inFlight--
		lastEnd = time.Now()
		mu.Unlock()
	}))
	defer srv.Close()

	ctx := context.Background()
	var wg sync.WaitGroup
	for _, s := range []*Store{a, b} {
		g := NewHostGate(s, time.Minute, nil)
		for range 4 {
			wg.Go(func() {
				for range 4 {
					release, err := g.Take(ctx, "boards.example:443")
					if err != nil {
						t.Error(err)
						return
					}
					resp, err := http.Get(srv.URL)
					if err == nil {
						resp.Body.Close()
					}
					release(delay)
				}
			})
		}
	}
	wg.Wait()
	if maxInFlight != 1 || len(short) > 0 {
		t.Fatalf("at most %d requests at once (want 1); %d gaps shorter than %s: %v", maxInFlight, len(short), delay, short)
	}

	// a holder that died gives the turn up after its lease
	dead := NewHostGate(a, 50*time.Millisecond, nil)
	if _, err := dead.Take(ctx, "other.example"); err != nil { // never released
		t.Fatal(err)
	}
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	release, err := NewHostGate(b, time.Minute, nil).Take(tctx, "other.example")
	if err != nil {
		t.Fatalf("the turn of a dead holder was not given up: %v", err)
	}
	release(0)
}
