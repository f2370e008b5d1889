// Package scrapetest holds what the adapter tests share: a polite client
// with fast retries, a fake board host that has no robots.txt and counts
// requests, the real fixtures in testdata/, and golden files of decoded
// postings.
//
// Golden files: testdata/<name>.golden.json holds what an adapter's pure
// decode made of testdata/<fixture> (usually []model.Raw), as indented JSON
// (HTML not escaped) with a final newline, compared byte for byte. After a deliberate change
// regenerate them with
//
//	go test ./internal/scrape/... -update
//
// and read the diff before committing it.
package scrapetest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the code makes now")

// Options are the options of a test client: a test user agent, a 5 s
// timeout, a 1 MiB body cap, robots.txt obeyed, and attempts tries with
// millisecond backoff.
func Options(attempts int) scrape.Options {
	return scrape.Options{
		UserAgent: "careers-watcher-test/1.0", Timeout: 5 * time.Second, MaxBody: 1 << 20, Robots: true,
		Retry: retry.Policy{Attempts: attempts, Base: time.Millisecond, Max: 5 * time.Millisecond},
	}
}

// Client is a client with Options(attempts) and the validators v (nil: no
// conditional requests; scrape.Validators{}: conditional requests from an
// empty start).
func Client(attempts int, v scrape.Validators) *scrape.Client {
	return scrape.NewPool(context.Background(), Options(attempts)).Client(v)
}

// Server is a fake board host: /robots.txt is absent (404, not counted) and
// every other request is counted and answered by the handler.
type Server struct {
	*httptest.Server
	n atomic.Int32
}

// Serve starts a Server answering with h; it is closed when the test ends.
func Serve(t testing.TB, h http.HandlerFunc) *Server {
	t.Helper()
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		s.n.Add(1)
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// Requests is how many requests other than robots.txt the server answered.
func (s *Server) Requests() int32 { return s.n.Load() }

// Body is a handler that answers every request with status and body.
func Body(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

// Fixture is the content of testdata/name.
func Fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Golden compares v, as indented JSON, with testdata/name.golden.json byte
// for byte, or rewrites that file when the test runs with -update.
func Golden(t testing.TB, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // descriptions stay readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to write it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("%s: line %d differs (-update rewrites it after a deliberate change):\n got %.300s\nwant %.300s", path, i+1, gl, wl)
		}
	}
}

// Failure is an answer a listing must fail on, whole: an error, never a
// shorter list (a missing posting would be reported removed).
type Failure struct {
	Name     string
	Status   int    // answered to every listing request
	Body     string // likewise
	Tries    int    // the client's attempts
	Want     string // in the error
	Requests int32  // listing requests expected (the retries of a retryable status); 0: not checked
}

// Listing is what a Lister made of a failing answer.
type Listing struct {
	Raws     []model.Raw
	Err      error
	Requests int32  // the listing requests the server saw
	Mention  string // must be in the error too (the URL, "page 2"); "" for none
}

// Lister serves a failing answer (status and body, to every listing
// request, or to one page of a paged listing) and lists through an adapter
// whose client makes tries attempts.
type Lister func(t *testing.T, status int, body string, tries int) Listing

// CheckListFailures runs each failure through list: the listing must be
// nil, and the error start with prefix (platform and board) and hold Want
// and the Listing's Mention, after exactly Requests requests (when the
// failure says how many: 0 is not checked).
func CheckListFailures(t *testing.T, prefix string, list Lister, cases []Failure) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			l := list(t, c.Status, c.Body, c.Tries)
			if l.Err == nil || l.Raws != nil {
				t.Fatalf("got %d postings and error %v", len(l.Raws), l.Err)
			}
			msg := l.Err.Error()
			if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, c.Want) || !strings.Contains(msg, l.Mention) {
				t.Fatalf("error %q, want one starting %q that holds %q and %q", msg, prefix, c.Want, l.Mention)
			}
			if c.Requests != 0 && l.Requests != c.Requests {
				t.Fatalf("%d requests, want %d", l.Requests, c.Requests)
			}
		})
	}
}

// Served is the Lister of the adapter that adapter makes for a board at
// url with tries attempts, the board being what serve starts: a server
// answering every listing request with status and body.
func Served[A scrape.Adapter](serve func(t *testing.T, status int, body string) *Server, adapter func(t *testing.T, url string, tries int) A) Lister {
	return func(t *testing.T, status int, body string, tries int) Listing {
		srv := serve(t, status, body)
		raws, err := ListWith(t, adapter, tries)(srv.URL)
		return Listing{Raws: raws, Err: err, Requests: srv.Requests()}
	}
}

// ListWith lists the board at url through the adapter that adapter makes
// for it with tries attempts.
func ListWith[A scrape.Adapter](t *testing.T, adapter func(t *testing.T, url string, tries int) A, tries int) func(url string) ([]model.Raw, error) {
	return func(url string) ([]model.Raw, error) {
		return adapter(t, url, tries).List(context.Background())
	}
}

// Site is a fake careers site serving HTML pages: Pages maps a key to a
// testdata file name, or to a literal body prefixed "="; Fail maps a key to
// the status it fails with; with ETag set, pages carry it and a request
// that sends it back gets 304. The key is the request's path, or its path
// and query when the site was made byURI. Set the fields before requests
// are made.
type Site struct {
	*Server
	Pages map[string]string
	Fail  map[string]int
	ETag  string

	byURI bool
	mu    sync.Mutex
	seen  []string
}

// NewSite starts a Site with pages; it is closed when the test ends.
func NewSite(t testing.TB, pages map[string]string, byURI bool) *Site {
	s := &Site{Pages: pages, Fail: map[string]int{}, byURI: byURI}
	s.Server = Serve(t, func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Path
		if s.byURI {
			key = r.URL.RequestURI()
		}
		s.mu.Lock()
		s.seen = append(s.seen, r.URL.RequestURI())
		status, failing := s.Fail[key]
		page, ok := s.Pages[key]
		etag := s.ETag
		s.mu.Unlock()
		switch {
		case failing:
			http.Error(w, "failing", status)
			return
		case !ok:
			http.NotFound(w, r)
			return
		}
		if etag != "" {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if body, lit := strings.CutPrefix(page, "="); lit {
			w.Write([]byte(body))
			return
		}
		w.Write(Fixture(t, page))
	})
	return s
}

// Seen is the request URIs (path and query) of the requests so far but
// robots.txt, in order.
func (s *Site) Seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

// Edit runs f, which may change the fields, while no request is served.
func (s *Site) Edit(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

// Decoded is what decode makes of testdata/fixture, after comparing it with
// testdata/name.golden.json (see Golden); a decode error fails the test.
func Decoded[T any](t testing.TB, name, fixture string, decode func([]byte) (T, error)) T {
	t.Helper()
	v, err := decode(Fixture(t, fixture))
	if err != nil {
		t.Fatalf("decode testdata/%s: %v", fixture, err)
	}
	Golden(t, name, v)
	return v
}

// NewSource is the adapter that newAdapter makes of src with the client c;
// an error fails the test.
func NewSource[A any](t testing.TB, newAdapter func(config.Source, *scrape.Client) (A, error), src config.Source, c *scrape.Client) A {
	t.Helper()
	a, err := newAdapter(src, c)
	if err != nil {
		t.Fatalf("source %q: %v", src.Name, err)
	}
	return a
}

// NewBoard is the adapter that newAdapter makes of the source name with
// cfg and a test client of attempts tries making conditional requests
// from an empty start (Client(attempts, scrape.Validators{})); an error
// fails the test.
func NewBoard[C, A any](t testing.TB, newAdapter func(string, C, *scrape.Client) (A, error), name string, cfg C, attempts int) A {
	t.Helper()
	a, err := newAdapter(name, cfg, Client(attempts, scrape.Validators{}))
	if err != nil {
		t.Fatalf("source %q: %v", name, err)
	}
	return a
}
