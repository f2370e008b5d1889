package scrape

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

func testClient(o Options) *Client {
	if o.Retry.Attempts == 0 {
		o.Retry = retry.Policy{Attempts: 3, Base: time.Millisecond, Max: 10 * time.Millisecond}
	}
	if o.UserAgent == "" {
		o.UserAgent = "careers-watcher-test/1.0"
	}
	o.Robots = true
	return NewClient(context.Background(), o)
}

func TestDoSendsUserAgentAndHeaders(t *testing.T) {
	var ua, accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		ua, accept = r.UserAgent(), r.Header.Get("Accept")
		w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	var v struct{ OK bool }
	if err := testClient(Options{}).GetJSON(context.Background(), srv.URL+"/x", &v); err != nil || !v.OK {
		t.Fatalf("GetJSON: %v %v", v, err)
	}
	if ua != "careers-watcher-test/1.0" || accept != "application/json" {
		t.Fatalf("ua %q accept %q", ua, accept)
	}
}

func TestRobotsTxtIsObeyed(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
			return
		}
		hits.Add(1)
		w.Write([]byte("{}"))
	}))
	defer srv.Close()
	c := testClient(Options{})
	_, err := c.Do(context.Background(), Request{URL: srv.URL + "/private/jobs"})
	if err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Fatalf("err = %v, want blocked by robots.txt", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/public"}); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 1 {
		t.Fatalf("server saw %d requests, want only the allowed one", hits.Load())
	}
}

func TestRetryClassification(t *testing.T) {
	cases := []struct {
		name     string
		statuses []int
		wantErr  int // 0: success
		wantHits int
	}{
		{"500 then ok", []int{500, 200}, 0, 2},
		{"503 503 then ok", []int{503, 503, 200}, 0, 3},
		{"429 then ok", []int{429, 200}, 0, 2},
		{"always 502", []int{502, 502, 502, 502}, 502, 3},
		{"404 is permanent", []int{404, 200}, 404, 1},
		{"403 is permanent", []int{403, 200}, 403, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					return
				}
				i := int(n.Add(1)) - 1
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(c.statuses[min(i, len(c.statuses)-1)])
			}))
			defer srv.Close()
			_, err := testClient(Options{}).Do(context.Background(), Request{URL: srv.URL + "/jobs"})
			if c.wantErr == 0 && err != nil {
				t.Fatalf("err = %v", err)
			}
			if c.wantErr != 0 && !IsStatus(err, c.wantErr) {
				t.Fatalf("err = %v, want status %d", err, c.wantErr)
			}
			if int(n.Load()) != c.wantHits {
				t.Fatalf("%d requests, want %d", n.Load(), c.wantHits)
			}
		})
	}
}

func TestRetryAfterIsHonouredWithinTheCap(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			return
		}
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(429)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	// the policy caps any wait at Max: an hour's Retry-After cannot stall a run
	c := testClient(Options{Retry: retry.Policy{Attempts: 2, Base: time.Millisecond, Max: 20 * time.Millisecond}})
	if _, err := c.Do(context.Background(), Request{URL: srv.URL}); err != nil {
		t.Fatal(err)
	}
}

func TestBodyCapIsAnErrorNotATruncation(t *testing.T) {
	big := strings.Repeat("x", 2048)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
		case "/gzip":
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(strings.Repeat("y", 1<<20)))
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(buf.Bytes())
		case "/exact":
			w.Write([]byte(big[:1024]))
		default:
			w.Write([]byte(big))
		}
	}))
	defer srv.Close()
	c := testClient(Options{MaxBody: 1024})
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/big"}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/gzip"}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("gzip bomb: err = %v, want ErrTooLarge after decompression", err)
	}
	r, err := c.Do(context.Background(), Request{URL: srv.URL + "/exact"})
	if err != nil || len(r.Body) != 1024 {
		t.Fatalf("a body at the cap: %v", err)
	}
}

// TestPerHostSpacing checks the politeness rule: requests to one host never
// overlap and start at least PerHostDelay apart, even from many goroutines,
// while another host is served meanwhile.
func TestPerHostSpacing(t *testing.T) {
	const delay = 30 * time.Millisecond
	type hit struct{ start, end time.Time }
	var mu sync.Mutex
	hits := map[string][]hit{}
	handler := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				return
			}
			s := time.Now()
			time.Sleep(2 * time.Millisecond) // work, so that overlaps would show
			mu.Lock()
			hits[name] = append(hits[name], hit{s, time.Now()})
			mu.Unlock()
		})
	}
	a := httptest.NewServer(handler("a"))
	defer a.Close()
	b := httptest.NewServer(handler("b"))
	defer b.Close()
	c := testClient(Options{PerHostDelay: delay})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		for _, u := range []string{a.URL, b.URL} {
			wg.Go(func() {
				if _, err := c.Do(context.Background(), Request{URL: u + "/p"}); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
	for name, hs := range hits {
		if len(hs) != 4 {
			t.Fatalf("host %s: %d requests", name, len(hs))
		}
		for i := 1; i < len(hs); i++ {
			// sorted by arrival: each starts after the previous ended + delay
			if gap := hs[i].start.Sub(hs[i-1].end); gap < delay-time.Millisecond {
				t.Errorf("host %s: request %d started %v after the previous ended, want >= %v", name, i, gap, delay)
			}
		}
	}
}

func TestConditionalRequests(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			return
		}
		mu.Lock()
		seen = append(seen, r.Header.Get("If-None-Match")+"|"+r.Header.Get("If-Modified-Since"))
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 25 Nov 2026 20:00:00 GMT")
		w.Write([]byte(`{"n": 1}`))
	}))
	defer srv.Close()
	pool := NewPool(context.Background(), Options{Robots: true, Retry: retry.Policy{Attempts: 1}})

	v := Validators{}
	c := pool.Client(v)
	var out struct{ N int }
	if err := c.ListJSON(context.Background(), srv.URL+"/jobs", &out); err != nil || out.N != 1 {
		t.Fatalf("first: %v %v", out, err)
	}
	learnt := c.Validators()
	if learnt[srv.URL+"/jobs"].ETag != `"v1"` {
		t.Fatalf("validators %v", learnt)
	}
	// next run: the saved validators go out, the 304 costs no parsing
	c2 := pool.Client(learnt)
	out.N = 0
	if err := c2.ListJSON(context.Background(), srv.URL+"/jobs", &out); !errors.Is(err, ErrNotModified) || out.N != 0 {
		t.Fatalf("second: err %v, decoded %v", err, out)
	}
	// a client without validators never sends them
	if err := pool.Client(nil).ListJSON(context.Background(), srv.URL+"/jobs", &out); err != nil {
		t.Fatal(err)
	}
	// a plain request never sends them either, and a stray 304 is an error
	if _, err := c2.Do(context.Background(), Request{URL: srv.URL + "/jobs"}); err != nil {
		t.Fatal(err)
	}
	want := []string{"|", `"v1"|Wed, 25 Nov 2026 20:00:00 GMT`, "|", "|"}
	if strings.Join(seen, ",") != strings.Join(want, ",") {
		t.Fatalf("conditional headers sent: %q, want %q", seen, want)
	}
}

func TestRedirectsAreBounded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
		case "/loop":
			http.Redirect(w, r, "/loop?x="+r.URL.Query().Get("x")+"1", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.invalid/file", http.StatusFound)
		case "/once":
			http.Redirect(w, r, "/final", http.StatusMovedPermanently)
		case "/final":
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	c := testClient(Options{Retry: retry.Policy{Attempts: 3, Base: time.Millisecond, Max: time.Millisecond}})
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/loop"}); err == nil || !strings.Contains(err.Error(), "more than 5") {
		t.Fatalf("redirect loop: %v", err)
	}
	if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/ftp"}); err == nil || !strings.Contains(err.Error(), "ftp") {
		t.Fatalf("redirect to ftp: %v", err)
	}
	if r, err := c.Do(context.Background(), Request{URL: srv.URL + "/once"}); err != nil || string(r.Body) != "ok" {
		t.Fatalf("one redirect: %v", err)
	}
}

// Deeply nested JSON is an error, not a stack overflow; a huge body is
// bounded by MaxBody (TestBodyCapIsAnErrorNotATruncation).
func TestDeeplyNestedJSONIsAnError(t *testing.T) {
	body := []byte(`{"positions": ` + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + `}`)
	var v struct{ Positions any }
	err := DecodeJSON("https://x.example/jobs", body, &v)
	if err == nil || !strings.Contains(err.Error(), "https://x.example/jobs") {
		t.Fatalf("err = %v", err)
	}
}
