package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// In the daemon each source runs on its own schedule with its own pool;
// sources on one host still never overlap and keep per_host_delay apart.
func TestDaemonPerHostAcrossSources(t *testing.T) {
	t.Parallel() // waits on per_host_delay (lower bounds only): overlaps the other waiting tests
	var cur, peak atomic.Int32
	var mu sync.Mutex
	var times []time.Time
	// the daemon stops once the third source has been served, or after 10s
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		mu.Lock()
		times = append(times, time.Now())
		third := len(times) == 3
		mu.Unlock()
		time.Sleep(100 * time.Millisecond) // work, so that overlaps would show
		cur.Add(-1)
		fmt.Fprint(w, `{"jobs":[{"id":1,"title":"Data Engineer","content":"x"}]}`)
		if third {
			cancel()
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
schedule: "@every 1h"
http: {per_host_delay: 500ms, retries: 1}
sources:
  - {name: a, type: greenhouse, board: a, url: %q}
  - {name: b, type: greenhouse, board: b, url: %q}
  - {name: c, type: greenhouse, board: c, url: %q}
`, srv.URL, srv.URL, srv.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	r.Daemon(ctx, cfg.Sources)
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 3 {
		t.Fatalf("%d requests, want one per source", len(times))
	}
	for i := 1; i < len(times); i++ {
		// each request takes 100ms; the next may start 500ms after its end
		if gap := times[i].Sub(times[i-1]); gap < 590*time.Millisecond {
			t.Errorf("requests %d and %d to one host started %v apart, want >= 600ms", i, i+1, gap.Round(time.Millisecond))
		}
	}
	if peak.Load() > 1 {
		t.Fatalf("daemon: %d requests to one host at once (README: one request at a time per host, whichever source makes them)", peak.Load())
	}
}
