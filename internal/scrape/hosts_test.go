package scrape

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"
)

// spanLog is a stand-in host's log: when each request (robots.txt
// included) arrived and when its answer was written, on the server's clock.
type spanLog struct {
	mu     sync.Mutex
	spans  [][2]time.Time
	robots int
	// in flight now and the most seen at once
	now, peak int
	// gate: a request waits (up to a second) until this many are in
	// flight, so that lanes that exist are seen used at once
	gate    int
	arrived chan struct{}
	once    sync.Once
}

func (l *spanLog) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		l.mu.Lock()
		l.now++
		l.peak = max(l.peak, l.now)
		robots := r.URL.Path == "/robots.txt"
		full := l.gate > 0 && l.now >= l.gate
		if robots {
			l.robots++
		}
		l.mu.Unlock()
		if full {
			l.once.Do(func() { close(l.arrived) })
		} else if l.gate > 0 && !robots {
			select {
			case <-l.arrived:
			case <-time.After(time.Second):
			}
		}
		if r.URL.Path != "/robots.txt" {
			w.Write([]byte(`{}`))
		}
		l.mu.Lock()
		l.now--
		l.spans = append(l.spans, [2]time.Time{start, time.Now()})
		l.mu.Unlock()
	})
}

// overlap is the most of the windows [start, end+delay) that cover one
// instant: a host with n lanes and that delay never has more than n (one
// lane: each request starts at least delay after the previous one ended).
// The server's start is after the client's and its end before the
// client's, so its windows lie inside the client's.
func overlap(spans [][2]time.Time, delay time.Duration) int {
	type ev struct {
		t time.Time
		d int
	}
	var evs []ev
	for _, s := range spans {
		evs = append(evs, ev{s[0], +1}, ev{s[1].Add(delay), -1})
	}
	// at the same instant an end comes before a start: [a, b) windows
	slices.SortFunc(evs, func(a, b ev) int {
		if c := a.t.Compare(b.t); c != 0 {
			return c
		}
		return a.d - b.d
	})
	n, most := 0, 0
	for _, e := range evs {
		n += e.d
		most = max(most, n)
	}
	return most
}

func fire(t *testing.T, c *Client, base string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := c.Do(context.Background(), Request{URL: base + "/p?i=" + string(rune('a'+i))}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

// TestHostLanes: a host given three lanes and 20 ms in http.hosts has three
// requests in flight at once, never more, and each lane pauses 20 ms between
// two requests; the host without an entry keeps one request at a time with
// the pool's delay.
func TestHostLanes(t *testing.T) {
	const delay = 20 * time.Millisecond
	wide := &spanLog{gate: 3, arrived: make(chan struct{})}
	a := httptest.NewServer(wide.handler())
	defer a.Close()
	narrow := &spanLog{}
	b := httptest.NewServer(narrow.handler())
	defer b.Close()
	ua, _ := url.Parse(a.URL)
	c := testClient(Options{PerHostDelay: delay, HostLimits: map[string]HostLimit{ua.Host: {Delay: delay, Concurrency: 3}}})

	var wg sync.WaitGroup
	wg.Go(func() { fire(t, c, a.URL, 12) })
	wg.Go(func() { fire(t, c, b.URL, 6) })
	wg.Wait()

	if len(wide.spans) != 13 || wide.robots != 1 {
		t.Fatalf("wide host: %d requests, %d of robots.txt; want 12 and 1", len(wide.spans), wide.robots)
	}
	if wide.peak != 3 {
		t.Errorf("wide host: at most %d requests in flight, want 3 (its lanes)", wide.peak)
	}
	if got := overlap(wide.spans, delay); got > 3 {
		t.Errorf("wide host: %d request windows [start, end+%v) overlap, want <= 3 lanes", got, delay)
	}
	if len(narrow.spans) != 7 {
		t.Fatalf("narrow host: %d requests, want 6 and robots.txt", len(narrow.spans))
	}
	if narrow.peak != 1 {
		t.Errorf("narrow host: %d requests in flight at once, want 1", narrow.peak)
	}
	if got := overlap(narrow.spans, delay); got != 1 {
		t.Errorf("narrow host: %d request windows [start, end+%v) overlap: a request started within the delay of the previous", got, delay)
	}
}

func TestOverlapCountsLaneWindows(t *testing.T) {
	t0 := time.Unix(0, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	// one lane, 20 ms: 0-5, 25-30 keep the pause; 45 starts 15 ms after 30
	if got := overlap([][2]time.Time{{at(0), at(5)}, {at(25), at(30)}}, 20*time.Millisecond); got != 1 {
		t.Errorf("paused requests: overlap %d, want 1", got)
	}
	if got := overlap([][2]time.Time{{at(0), at(5)}, {at(25), at(30)}, {at(45), at(50)}}, 20*time.Millisecond); got != 2 {
		t.Errorf("a request inside the pause: overlap %d, want 2", got)
	}
}

func TestHostLimitLookup(t *testing.T) {
	o := Options{PerHostDelay: time.Second, HostLimits: map[string]HostLimit{
		"boards-api.greenhouse.io": {Delay: 200 * time.Millisecond, Concurrency: 4},
		"127.0.0.1:8080":           {Delay: 5 * time.Millisecond, Concurrency: 2},
		"::1":                      {Delay: 7 * time.Millisecond},
	}}
	for _, tt := range []struct {
		host string
		want HostLimit
	}{
		{"boards-api.greenhouse.io", HostLimit{Delay: 200 * time.Millisecond, Concurrency: 4}},
		{"Boards-API.greenhouse.io:443", HostLimit{Delay: 200 * time.Millisecond, Concurrency: 4}},
		{"127.0.0.1:8080", HostLimit{Delay: 5 * time.Millisecond, Concurrency: 2}},
		{"127.0.0.1:8081", HostLimit{Delay: time.Second, Concurrency: 1}},
		{"[::1]:9000", HostLimit{Delay: 7 * time.Millisecond, Concurrency: 1}},
		{"api.lever.co", HostLimit{Delay: time.Second, Concurrency: 1}},
	} {
		if got := o.limit(tt.host); got != tt.want {
			t.Errorf("limit(%q) = %+v, want %+v", tt.host, got, tt.want)
		}
	}
}

// TestPoliteTakesLanes: page loads through Polite (a browser tab each) share
// the host's lanes with Do: a host with two lanes has two loads at once,
// never three, each lane keeps its delay after a load, and robots.txt is
// fetched once, on a lane turn of its own.
func TestPoliteTakesLanes(t *testing.T) {
	const delay = 20 * time.Millisecond
	srv := &spanLog{}
	a := httptest.NewServer(srv.handler())
	defer a.Close()
	ua, _ := url.Parse(a.URL)
	c := testClient(Options{PerHostDelay: time.Hour, HostLimits: map[string]HostLimit{ua.Host: {Delay: delay, Concurrency: 2}}})

	var mu sync.Mutex
	var spans [][2]time.Time
	now, peak := 0, 0
	both := make(chan struct{})
	var once sync.Once
	load := func(context.Context) error {
		start := time.Now()
		mu.Lock()
		now++
		peak = max(peak, now)
		full := now == 2
		mu.Unlock()
		if full {
			once.Do(func() { close(both) })
		}
		select { // wait (up to a second) for the other lane to be used
		case <-both:
		case <-time.After(time.Second):
		}
		mu.Lock()
		now--
		spans = append(spans, [2]time.Time{start, time.Now()})
		mu.Unlock()
		return nil
	}
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if err := c.Polite(context.Background(), a.URL+"/jobs", load); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(spans) != 6 || srv.robots != 1 {
		t.Fatalf("%d loads, %d robots.txt fetches; want 6 and 1", len(spans), srv.robots)
	}
	if peak != 2 {
		t.Errorf("at most %d loads at once, want 2 (the host's lanes)", peak)
	}
	if got := overlap(spans, delay); got > 2 {
		t.Errorf("%d load windows [start, end+%v) overlap, want <= 2 lanes", got, delay)
	}
}
