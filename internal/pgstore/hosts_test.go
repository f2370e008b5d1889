package pgstore

import (
	"context"
	"errors"
	"fmt"
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

// TestHostGateSnooze: the first request of a job under SnoozeOnBusyHost
// does not wait for a taken turn: it gives up at once, cancels the job's
// context with ErrHostBusy and reports the turn's remaining wait (the
// host's delay still to pass); once the job has had a turn, its later
// requests wait as any other.
func TestHostGateSnooze(t *testing.T) {
	t.Parallel() // its own database; waits on PostgreSQL and leases: overlaps the other waiting tests
	a := migrated(t)
	ctx := context.Background()
	g := NewHostGate(a, time.Minute, nil)
	const host = "boards.example:443"
	if w, err := g.Wait(ctx, host); err != nil || w != 0 {
		t.Fatalf("a host never asked for: wait %s, %v", w, err)
	}
	release, err := g.Take(ctx, host)
	if err != nil {
		t.Fatal(err)
	}
	// held: the job gives up at once
	jobCtx, turn := SnoozeOnBusyHost(ctx)
	start := time.Now()
	if _, err := g.Take(jobCtx, host); !errors.Is(err, ErrHostBusy) {
		t.Fatalf("a held turn: %v, want ErrHostBusy", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("giving up took %s", took)
	}
	if h, wait, ok := turn.Busy(); !ok || h != host || wait != g.Poll {
		t.Fatalf("Busy() = %q, %s, %v; want %q, %s (held: look again after Poll)", h, wait, ok, host, g.Poll)
	}
	if !errors.Is(context.Cause(jobCtx), ErrHostBusy) {
		t.Fatalf("the job's context: %v", context.Cause(jobCtx))
	}
	if w, err := g.Wait(ctx, host); err != nil || w != g.Poll {
		t.Fatalf("Wait of a held turn: %s, %v", w, err)
	}
	turn.Stop()

	// given back with a delay: the job's wait is what is left of it
	const delay = 400 * time.Millisecond
	release(delay)
	jobCtx, turn = SnoozeOnBusyHost(ctx)
	if _, err := g.Take(jobCtx, host); !errors.Is(err, ErrHostBusy) {
		t.Fatalf("a host in its delay: %v, want ErrHostBusy", err)
	}
	_, wait, _ := turn.Busy()
	if wait <= 0 || wait > delay {
		t.Fatalf("remaining wait %s, want in (0, %s]", wait, delay)
	}
	turn.Stop()
	time.Sleep(wait)

	// the wait passed: the job's first request takes the turn; a second
	// request of the job, finding it taken, waits for it
	jobCtx, turn = SnoozeOnBusyHost(ctx)
	defer turn.Stop()
	release, err = g.Take(jobCtx, host)
	if err != nil {
		t.Fatalf("after the wait: %v", err)
	}
	if turn.First() != host {
		t.Fatalf("First() = %q", turn.First())
	}
	got := make(chan error, 1)
	go func() {
		r, err := g.Take(jobCtx, host)
		if err == nil {
			r(0)
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("the job's second request did not wait: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	release(0)
	if err := <-got; err != nil {
		t.Fatalf("the job's second request: %v", err)
	}
	if _, _, ok := turn.Busy(); ok || jobCtx.Err() != nil {
		t.Fatal("a job that had its turn was cancelled")
	}
}

// TestRobotsShared: robots.txt answers are shared through robots_txt:
// the first asker is given the fetch, a second one (another worker) waits
// for its answer rather than fetching too; an expired answer is fetched
// again by one; a fetch given back goes to the next asker at once.
func TestRobotsShared(t *testing.T) {
	t.Parallel() // its own database; waits on PostgreSQL and leases: overlaps the other waiting tests
	a := migrated(t)
	b, err := Open(context.Background(), a.pool.Config().ConnString(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	ga, gb := NewHostGate(a, time.Minute, nil), NewHostGate(b, time.Minute, nil)
	const key = "https://boards.example"
	if _, _, rel, err := ga.Robots(ctx, key); rel == nil || err != nil {
		t.Fatalf("a first ask: %v; want the fetch", err)
	}
	got := make(chan string, 1)
	go func() {
		status, body, rel, err := gb.Robots(ctx, key)
		got <- fmt.Sprintf("%d %s %v %v", status, body, rel == nil, err)
	}()
	select {
	case g := <-got:
		t.Fatalf("the second worker did not wait for the first one's fetch: %s", g)
	case <-time.After(300 * time.Millisecond):
	}
	if err := ga.SaveRobots(ctx, key, 200, []byte("User-agent: *\nDisallow: /private\n")); err != nil {
		t.Fatal(err)
	}
	if g := <-got; g != "200 User-agent: *\nDisallow: /private\n true <nil>" {
		t.Fatalf("the second worker got %q", g)
	}
	// expired: fetched again, by one
	if _, err := a.pool.Exec(ctx, `UPDATE robots_txt SET expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	_, _, rel, err := gb.Robots(ctx, key)
	if rel == nil || err != nil {
		t.Fatalf("an expired answer: %v; want the fetch", err)
	}
	// given back (the fetch failed): the next asker fetches at once
	rel()
	tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, _, rel, err := ga.Robots(tctx, key); rel == nil || err != nil {
		t.Fatalf("after a fetch given back: %v; want the fetch", err)
	}
	if RobotsFor(404) != 24*time.Hour || RobotsFor(429) != 10*time.Minute || RobotsFor(503) != 10*time.Minute || RobotsFor(200) != 24*time.Hour {
		t.Fatal("RobotsFor")
	}
}
