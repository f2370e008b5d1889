package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestJitterOffset(t *testing.T) {
	t.Parallel()
	const window = time.Minute
	seen := map[time.Duration]bool{}
	var tens [6]int
	for i := range 600 {
		name := fmt.Sprintf("board-%d", i)
		d := JitterOffset(name, window)
		if d < 0 || d >= window {
			t.Fatalf("JitterOffset(%q, %v) = %v, outside [0, window)", name, window, d)
		}
		if again := JitterOffset(name, window); again != d {
			t.Fatalf("JitterOffset(%q) = %v, then %v: not deterministic", name, d, again)
		}
		if d%time.Millisecond != 0 {
			t.Errorf("JitterOffset(%q) = %v: not in milliseconds", name, d)
		}
		seen[d] = true
		tens[d/(10*time.Second)]++
	}
	if len(seen) < 590 {
		t.Errorf("600 sources got only %d different offsets", len(seen))
	}
	for i, n := range tens {
		// 100 expected in each 10 s of the window
		if n < 60 || n > 140 {
			t.Errorf("%d of 600 sources start in seconds %d-%d of the window: not spread", n, i*10, i*10+10)
		}
	}
	if d := JitterOffset("board-1", 0); d != 0 {
		t.Errorf("no window: offset %v, want 0", d)
	}
	if d := JitterOffset("board-1", time.Millisecond); d != 0 {
		t.Errorf("1ms window: offset %v, want 0", d)
	}
}

// TestDaemonJitter: with a jitter window the daemon's first run of each
// source reaches the host no earlier than the source's offset after start
// (times recorded by the server).
func TestDaemonJitter(t *testing.T) {
	t.Parallel() // waits out the jitter window (lower bounds only): overlaps the other waiting tests
	const window = 400 * time.Millisecond
	names := []string{"a", "b", "c"}
	var mu sync.Mutex
	first := map[string]time.Time{}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		// /v1/boards/{board}/jobs
		parts := strings.Split(r.URL.Path, "/")
		mu.Lock()
		if _, ok := first[parts[3]]; !ok {
			first[parts[3]] = time.Now()
		}
		if len(first) == len(names) {
			cancel()
		}
		mu.Unlock()
		fmt.Fprint(w, `{"jobs":[{"id":1,"title":"Data Engineer","content":"x"}]}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	var b strings.Builder
	fmt.Fprintf(&b, "snapshots: snaps\nschedule: \"@every 1h\"\njitter: %s\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n", window)
	for _, n := range names {
		fmt.Fprintf(&b, "  - {name: %s, type: greenhouse, board: %s, url: %q}\n", n, n, srv.URL)
	}
	cfg := parseConfig(t, dir, b.String(), nil)
	r := quietRunner(t, cfg, Options{})
	start := time.Now()
	r.Daemon(ctx, cfg.Sources)
	mu.Lock()
	defer mu.Unlock()
	if len(first) != len(names) {
		t.Fatalf("sources served: %v, want %v", first, names)
	}
	offsets := map[time.Duration]bool{}
	for _, n := range names {
		off := JitterOffset(n, window)
		offsets[off] = true
		if got := first[n].Sub(start); got < off {
			t.Errorf("source %s reached the host %v after start, before its jitter offset %v", n, got, off)
		}
	}
	if len(offsets) < 2 {
		t.Errorf("all sources have the same offset: the test shows nothing")
	}
}

// TestRunHostConcurrency: http.hosts reaches the run's HTTP pool: four
// sources on a host given two lanes have two requests in flight at once
// (the server holds each until a second arrives, up to a second), never
// more.
func TestRunHostConcurrency(t *testing.T) {
	var mu sync.Mutex
	now, peak, served := 0, 0, 0
	two := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		mu.Lock()
		now++
		peak = max(peak, now)
		if now >= 2 {
			once.Do(func() { close(two) })
		}
		mu.Unlock()
		select {
		case <-two:
		case <-time.After(time.Second):
		}
		fmt.Fprint(w, `{"jobs":[{"id":1,"title":"Data Engineer","content":"x"}]}`)
		mu.Lock()
		now--
		served++
		mu.Unlock()
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	var b strings.Builder
	fmt.Fprintf(&b, "snapshots: snaps\nhttp:\n  per_host_delay: 1s\n  retries: 1\n  hosts:\n    %q: {delay: 20ms, concurrency: 2}\nsources:\n", host)
	for _, n := range []string{"a", "b", "c", "d"} {
		fmt.Fprintf(&b, "  - {name: %s, type: greenhouse, board: %s, url: %q}\n", n, n, srv.URL)
	}
	cfg := parseConfig(t, t.TempDir(), b.String(), nil)
	r := quietRunner(t, cfg, Options{})
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() {
		t.Fatalf("run: %v %+v", err, res)
	}
	if served != 4 || peak != 2 {
		t.Errorf("%d requests served, at most %d in flight; want 4 and 2 (the host's lanes)", served, peak)
	}
}
