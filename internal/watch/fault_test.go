package watch

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// faultRuns: 60 runs in the default run, 500 under WATCHER_LONG_TESTS=1.
var faultRuns = flag.Int("fault-runs", size(60, 500), "simulated runs in TestFaultInjection")

// faulty wraps a handler and, with a fixed seed, breaks answers the ways
// real job boards do.
type faulty struct {
	next http.Handler
	mu   sync.Mutex
	rng  *rand.Rand
	rate float64
	hits map[string]int
}

func (f *faulty) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	fault := ""
	if r.URL.Path != "/robots.txt" && f.rng.Float64() < f.rate {
		fault = []string{"reset", "slow", "500", "502", "503", "429", "truncated", "invalid-json", "html-200", "empty", "duplicated", "reordered"}[f.rng.IntN(12)]
		f.hits[fault]++
	}
	f.mu.Unlock()
	switch fault {
	case "":
		f.next.ServeHTTP(w, r)
	case "reset":
		hj, _ := w.(http.Hijacker)
		conn, _, err := hj.Hijack()
		if err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				tc.SetLinger(0) // RST, not FIN
			}
			conn.Close()
		}
	case "slow":
		time.Sleep(400 * time.Millisecond) // past the client's timeout
		f.next.ServeHTTP(w, r)
	case "500", "502", "503", "429":
		code := map[string]int{"500": 500, "502": 502, "503": 503, "429": 429}[fault]
		if code == 429 {
			w.Header().Set("Retry-After", "0")
		}
		w.WriteHeader(code)
	case "truncated":
		rec := httptest.NewRecorder()
		f.next.ServeHTTP(rec, r)
		b := rec.Body.Bytes()
		w.Write(b[:len(b)/2])
	case "invalid-json":
		w.Write([]byte(`{"count": 3, "positions": [{"id": 1,`))
	case "html-200":
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><h1>We'll be right back</h1></body></html>"))
	case "empty":
		w.Write([]byte(`{"count": 0, "positions": []}`))
	case "duplicated", "reordered":
		rec := httptest.NewRecorder()
		f.next.ServeHTTP(rec, r)
		var page map[string]any
		if json.Unmarshal(rec.Body.Bytes(), &page) != nil {
			w.Write(rec.Body.Bytes())
			return
		}
		if pos, ok := page["positions"].([]any); ok && len(pos) > 0 {
			if fault == "duplicated" {
				pos = append(pos, pos[0])
			} else {
				f.mu.Lock()
				f.rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
				f.mu.Unlock()
			}
			page["positions"] = pos
		}
		json.NewEncoder(w).Encode(page)
	}
}

// recorder keeps the posting events a webhook receives.
type recorder struct {
	mu   sync.Mutex
	seen map[string]bool // webhook-id: re-deliveries are one event
	got  []string        // "type id title"
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	var ev struct {
		Type string
		Data struct {
			Posting *struct{ ID, Title string }
		}
	}
	json.Unmarshal(b, &ev)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	id := r.Header.Get("webhook-id")
	if rc.seen[id] || ev.Data.Posting == nil {
		return
	}
	rc.seen[id] = true
	rc.got = append(rc.got, ev.Type+" "+ev.Data.Posting.ID+" "+ev.Data.Posting.Title)
}

func (rc *recorder) take() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := rc.got
	rc.got = nil
	return out
}

// TestFaultInjection runs the watcher many times against a board that
// fails, times out, truncates, lies with status 200, answers empty,
// duplicates and reorders, while a known sequence of true changes happens.
// The watcher must report exactly the true changes: possibly late, never
// false, never lost.
func TestFaultInjection(t *testing.T) {
	t.Parallel() // waits on injected timeouts; its own servers and folder: overlaps the other waiting tests
	runs := *faultRuns
	jobs := map[int]fake.Job{}
	mk := func(i, v int) fake.Job {
		return fake.Job{ID: int64(5000 + i), Name: fmt.Sprintf("Analytics Engineer %d v%d", i, v), TCreate: 1760000000, TUpdate: 1760000000 + int64(v),
			Description: fmt.Sprintf("<p><strong>Requirements</strong></p><ul><li>SQL, dbt, version %d</li></ul>", v)}
	}
	next := 0
	for ; next < 23; next++ { // three pages
		jobs[next] = mk(next, 0)
	}
	listing := func() []fake.Job {
		var out []fake.Job
		for i := 0; i < next; i++ {
			if j, ok := jobs[i]; ok {
				out = append(out, j)
			}
		}
		return out
	}
	nf := fake.New(t, "netflix.com", listing())
	inj := &faulty{next: nf.Config.Handler, rng: rand.New(rand.NewPCG(2026, 11)), rate: 0.15, hits: map[string]int{}}
	nf.Config.Handler = inj
	rc := &recorder{seen: map[string]bool{}}
	hook := httptest.NewServer(rc)
	defer hook.Close()

	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, timeout: 250ms, retries: 2}
guard: {shrink_pause: 1ms}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, hook.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{Retry: retry.Policy{Attempts: 2, Base: time.Millisecond, Max: 2 * time.Millisecond}})
	// the first complete run: everything added
	var want, got []string
	for i := 0; i < next; i++ {
		want = append(want, fmt.Sprintf("posting.added %d %s", 5000+i, jobs[i].Name))
	}
	rng := rand.New(rand.NewPCG(5, 8))
	pending := len(want) // true changes not yet reported
	failed := 0
	for run := 0; run < runs; run++ {
		if pending == 0 {
			// the watcher has caught up: make the next true change
			switch op := rng.IntN(3); {
			case op == 0 || len(jobs) < 15:
				jobs[next] = mk(next, 0)
				want = append(want, fmt.Sprintf("posting.added %d %s", 5000+next, jobs[next].Name))
				next++
			case op == 1:
				for i := range next {
					if j, ok := jobs[i]; ok && rng.IntN(4) == 0 {
						delete(jobs, i)
						want = append(want, fmt.Sprintf("posting.removed %d %s", 5000+i, j.Name))
						break
					}
				}
			default:
				for i := range next {
					if j, ok := jobs[i]; ok && rng.IntN(4) == 0 {
						v := int(j.TUpdate-1760000000) + 1
						jobs[i] = mk(i, v)
						want = append(want, fmt.Sprintf("posting.changed %d %s", 5000+i, jobs[i].Name))
						break
					}
				}
			}
			nf.SetJobs(listing())
		}
		res, err := r.Run(context.Background(), cfg.Sources)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if res.Failed() {
			failed++
		}
		got = append(got, rc.take()...)
		pending = len(want) - len(got)
		if pending < 0 || !subset(got, want) {
			t.Fatalf("run %d: reported events differ from the true changes\nwant %q\n got %q", run, tail(want), tail(got))
		}
	}
	// quiet runs without faults flush what is late
	inj.mu.Lock()
	inj.rate = 0
	inj.mu.Unlock()
	for i := 0; i < 3; i++ {
		if _, err := r.Run(context.Background(), cfg.Sources); err != nil {
			t.Fatal(err)
		}
		got = append(got, rc.take()...)
	}
	if !subset(got, want) || !subset(want, got) {
		t.Fatalf("reported events differ from the true changes\nwant %q\n got %q", tail(want), tail(got))
	}
	t.Logf("%d runs (%d failed by injected faults), %d true changes reported exactly; faults injected: %v", runs, failed, len(want), inj.hits)
	if failed == 0 || len(inj.hits) < 12 {
		t.Fatalf("the faults did not bite: %d failed runs, kinds %v", failed, inj.hits)
	}
}

// subset reports whether every item of a is in b at least as often (the
// order of events within a run is not meaningful).
func subset(a, b []string) bool {
	n := map[string]int{}
	for _, x := range b {
		n[x]++
	}
	for _, x := range a {
		if n[x]--; n[x] < 0 {
			return false
		}
	}
	return true
}

func tail(s []string) []string {
	if len(s) > 4 {
		return s[len(s)-4:]
	}
	return s
}
