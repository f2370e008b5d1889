package serve

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
	"unique"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Server serves a store read-only (a snapshot folder, or the database
// through the same Reader): dashboard, Atom feeds, JSON API, metrics and
// health.
type Server struct {
	Data Reader
	// Token, when set, is required on every request but /healthz and
	// /readyz: "Authorization: Bearer TOKEN", or basic auth with TOKEN as the
	// password.
	Token  string
	Logger *slog.Logger
	// Ready, when set, is asked by /readyz besides the folder being readable
	// (the daemon: its last cycle finished).
	Ready func() error
	// Mask, when set, rewrites every answer's body before it is sent: the
	// config's secrets masked, whole or cut short (config.Redactor's
	// Output), as on run's stdout. Each answer is collected and masked as
	// one piece.
	Mask func([]byte) []byte
	// LoopbackHosts, when set (a loopback listener without Token), makes
	// the server answer only requests whose Host header is a loopback name
	// or address; any other answers 421 (see hostChecked: DNS rebinding).
	LoopbackHosts bool

	mu    sync.Mutex
	cache map[string]cached
	reg   *prometheus.Registry
	reqs  *prometheus.CounterVec
}

// cached is a source's open postings without their descriptions, valid while
// the folder's and the index's modification times are unchanged.
type cached struct {
	key      string
	postings []model.Posting
}

// New makes a server over a store's reader (a *Folder, or the database's).
func New(folder Reader, token string, logger *slog.Logger) *Server {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{Data: folder, Token: token, Logger: logger, cache: map[string]cached{}}
	s.reg = prometheus.NewRegistry()
	s.reqs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "watcher_http_requests_total", Help: "Requests the web server answered, by route and status class.",
	}, []string{"route", "code"})
	s.reg.MustRegister(s.reqs, &folderCollector{f: folder},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return s
}

// Registry is the server's Prometheus registry (the daemon adds its own
// collectors).
func (s *Server) Registry() *prometheus.Registry { return s.reg }

// Handler is the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	// each route's parameters, by its pattern (checked); a route without
	// a set does not read its query (health checks, files, metrics)
	params := map[string]paramSet{}
	route := func(pattern string, ps *paramSet, h http.HandlerFunc) {
		name := pattern[strings.Index(pattern, " ")+1:]
		mux.Handle(pattern, s.count(name, h))
		if ps != nil {
			params[pattern] = *ps
		}
	}
	route("GET /{$}", &dashboardSet, s.pageDashboard)
	route("GET /style.css", nil, s.style)
	route("GET /events", &eventSet, s.pageEvents)
	route("GET /sources/{name}", &filterSet, s.pageSource)
	route("GET /sources/{name}/postings/{id}", &postingSet, s.pagePosting)
	route("GET /sources/{name}/postings/{$}", &postingSet, s.pagePosting) // ?id=, see postingPath
	route("GET /feed.atom", &feedSet, s.feed)
	route("GET /sources/{name}/feed.atom", &feedSet, s.feed)
	route("GET /api/v1/openapi.json", nil, s.openapi)
	route("GET /api/v1/sources", &sourcesSet, s.apiSources)
	route("GET /api/v1/sources/{name}/postings", &filterSet, s.apiPostings)
	route("GET /api/v1/sources/{name}/postings/{id}", &postingSet, s.apiPosting)
	route("GET /api/v1/sources/{name}/postings/{$}", &postingSet, s.apiPosting) // ?id=: a dot key
	route("GET /api/v1/events", &eventSet, s.apiEvents)
	// uncompressed when masked: the mask reads the text
	mux.Handle("GET /metrics", s.count("/metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{DisableCompression: s.Mask != nil})))
	route("GET /healthz", nil, func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	route("GET /readyz", nil, s.readyz)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.notFound(w, r, "no such page") })
	return s.headers(s.countOthers(s.hostChecked(s.auth(s.masked(s.checked(mux, params))))))
}

// countedKey is the context key of a request's *bool that count sets.
type countedKey struct{}

// countOthers counts, under the route "other", the requests no route
// counted: those refused before a route (401 without the token, 421 for a
// foreign Host, 405, a query's 400) and unknown paths' 404 (review s33 F7:
// the requests an operator alerts on were missing).
func (s *Server) countOthers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		done := new(bool)
		rw := &statusWriter{ResponseWriter: w, code: 200}
		h.ServeHTTP(rw, r.WithContext(context.WithValue(r.Context(), countedKey{}, done)))
		if !*done {
			s.reqs.WithLabelValues("other", fmt.Sprintf("%dxx", rw.code/100)).Inc()
		}
	})
}

// maxQuery bounds a request's query string, and maxQueryValue each of its
// values: a filter is a few words, and a page's links repeat its query.
const (
	maxQuery      = 8 << 10
	maxQueryValue = 1 << 10
)

// checked answers 405 (Allow: GET, HEAD) to a method other than GET and
// HEAD (the server is read-only), and 400 to a query that cannot be read
// (a handler's r.URL.Query() would drop what it cannot read: filters
// silently off) or is too long, naming the problem.
func (s *Server) checked(mux *http.ServeMux, params map[string]paramSet) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.refuse(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed: the server is read-only (GET, HEAD)")
			return
		}
		_, pattern := mux.Handler(r)
		ps, read := params[pattern]
		if msg := queryProblem(r.URL.RawQuery, ps, read); msg != "" {
			s.refuse(w, r, http.StatusBadRequest, msg)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// queryProblem says what is wrong with the raw query string of a request
// for a route with parameters ps (read: the route reads its query), ""
// when nothing.
func queryProblem(raw string, ps paramSet, read bool) string {
	if len(raw) > maxQuery {
		return fmt.Sprintf("query: longer than %d bytes", maxQuery)
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return "query: " + err.Error()
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		// a misspelt filter ("skil=Go") would list everything, a filter
		// given twice would keep one silently (review s33 F6); each page
		// checks its own parameters (review s33b F9: "skill" on the events
		// was dropped), and a link's tracking parameters ("utm_source",
		// "fbclid") and a health check's or a file's query are let be
		if !read || trackingParam(k) {
			continue
		}
		many, known := ps.params[k]
		if !known {
			shown := k
			if len(shown) > 40 {
				shown = shown[:40] + "..."
			}
			return fmt.Sprintf("query: unknown parameter %q for %s (known: %s)", shown, ps.name, paramList(ps.params))
		}
		if !many && len(v[k]) > 1 {
			return fmt.Sprintf("query: %s given %d times: it takes one value", k, len(v[k]))
		}
	}
	for _, k := range keys {
		for _, x := range v[k] {
			if len(x) > maxQueryValue {
				if len(k) > 40 {
					k = k[:40] + "..."
				}
				return fmt.Sprintf("query: %s: longer than %d bytes", k, maxQueryValue)
			}
		}
	}
	return ""
}

// The parameters of the server's pages and answers, true for those that
// may be given more than once: a source's postings (QueryFromValues; its
// page and its API list), the events (source, since, before, limit), the
// feeds (both), a posting (id, when it is a dot key), and none for the
// others.
var (
	filterParams = map[string]bool{"q": false, "role": true, "level": true, "skill": true, "location": true,
		"min_pay": false, "currency": false, "sort": false, "page": false, "per_page": false}
	eventParams   = map[string]bool{"source": false, "since": false, "before": false, "limit": false}
	postingParams = map[string]bool{"id": false}
	noParams      = map[string]bool{}
	// a feed is the events, filtered as a source's postings are
	feedParams = func() map[string]bool {
		m := maps.Clone(filterParams)
		maps.Copy(m, eventParams)
		return m
	}()
)

// paramSet is the parameters of a kind of page and its name in messages.
type paramSet struct {
	name   string
	params map[string]bool
}

var (
	filterSet    = paramSet{"a source's postings", filterParams}
	eventSet     = paramSet{"the events", eventParams}
	feedSet      = paramSet{"a feed", feedParams}
	postingSet   = paramSet{"a posting", postingParams}
	sourcesSet   = paramSet{"the sources", noParams}
	dashboardSet = paramSet{"the dashboard", noParams}
)

// paramList lists params for a message ("none" for none).
func paramList(params map[string]bool) string {
	if len(params) == 0 {
		return "none"
	}
	ks := make([]string, 0, len(params))
	for k := range params {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// trackingParam says whether k is a parameter that sites and mail add to a
// link they pass on ("utm_source", "fbclid"), which no page reads.
func trackingParam(k string) bool {
	switch k {
	case "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src":
		return true
	}
	return strings.HasPrefix(k, "utm_")
}

// refuse answers code with msg: a JSON error under /api/, else text.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiError(w, code, msg)
		return
	}
	http.Error(w, msg, code)
}

// masked collects each answer and sends it through Mask.
func (s *Server) masked(h http.Handler) http.Handler {
	if s.Mask == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mw := &maskWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(mw, r)
		body := s.Mask(mw.buf.Bytes())
		w.Header().Del("Content-Length")
		w.WriteHeader(mw.code)
		_, _ = w.Write(body)
	})
}

// maskWriter holds an answer's status and body until it is masked.
type maskWriter struct {
	http.ResponseWriter
	code int
	buf  bytes.Buffer
}

func (w *maskWriter) WriteHeader(code int)        { w.code = code }
func (w *maskWriter) Write(p []byte) (int, error) { return w.buf.Write(p) }

func (s *Server) count(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rw := &statusWriter{ResponseWriter: w, code: 200}
		h.ServeHTTP(rw, r)
		s.reqs.WithLabelValues(route, fmt.Sprintf("%dxx", rw.code/100)).Inc()
		if done, ok := r.Context().Value(countedKey{}).(*bool); ok {
			*done = true
		}
	})
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// headers sets the security headers of every answer.
func (s *Server) headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// auth requires the token (when set) on every path but the health checks.
func (s *Server) auth(h http.Handler) http.Handler {
	if s.Token == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || s.authorized(r) {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="watcher", Basic realm="watcher"`)
		http.Error(w, "unauthorized: send Authorization: Bearer TOKEN (serve.token), or basic auth with it as the password", http.StatusUnauthorized)
	})
}

func (s *Server) authorized(r *http.Request) bool {
	got := ""
	// the scheme is case-insensitive (RFC 9110 section 11.1)
	if a := r.Header.Get("Authorization"); len(a) > len("Bearer ") && strings.EqualFold(a[:len("Bearer ")], "Bearer ") {
		got = strings.TrimSpace(a[len("Bearer "):])
	} else if _, pw, ok := r.BasicAuth(); ok {
		got = pw
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.Token)) == 1
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	err := s.Data.Readable()
	if err == nil && s.Ready != nil {
		err = s.Ready()
	}
	if err != nil {
		s.Logger.Warn("not ready", "error", err.Error())
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
	// unpushed commits are shown, not a reason to be unready: the next run
	// pushes them
	if n, ok, err := s.Data.Unpushed(); ok && err == nil {
		fmt.Fprintf(w, "unpushed commits: %d\n", n)
	}
}

// postings is a source's open postings (without descriptions), from the
// cache while the folder has not changed.
func (s *Server) postings(source string) ([]model.Posting, error) {
	key := s.Data.Version(source)
	s.mu.Lock()
	c, ok := s.cache[source]
	s.mu.Unlock()
	if ok && c.key == key {
		return c.postings, nil
	}
	ps, err := s.Data.Listing(source)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.cache[source] = cached{key: key, postings: ps}
	s.mu.Unlock()
	return ps, nil
}

// writeJSON answers v as JSON.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// APIError is the body of an API error.
type APIError struct {
	Error string `json:"error"`
}

func (s *Server) apiError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, APIError{Error: msg})
}

func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, ErrBusy) {
		// bounded history walks: the client tries again (review s23 F5)
		w.Header().Set("Retry-After", "5")
		if strings.HasPrefix(r.URL.Path, "/api/") {
			s.apiError(w, http.StatusServiceUnavailable, err.Error())
			return
		}
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		// the client went away: its read stopped (a history walk), no
		// failure of the server's
		s.Logger.Debug("request ended by its client", "path", r.URL.Path)
		return
	}
	s.Logger.Error("request failed", "path", r.URL.Path, "error", err.Error())
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiError(w, http.StatusInternalServerError, "internal error: see the server's log")
		return
	}
	http.Error(w, "internal error: see the server's log", http.StatusInternalServerError)
}

// IsLoopback reports whether addr (host:port) listens on loopback only.
func IsLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	if ip == nil {
		if host == "" {
			return false, nil
		}
		return false, fmt.Errorf("listen address %q: use an IP address or localhost", addr)
	}
	return ip.IsLoopback(), nil
}

// Listen serves h on addr until the server is shut down.
func Listen(addr string, h http.Handler) (*http.Server, net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("serve: listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	return srv, ln, nil
}

var errNoSource = errors.New("no such source")

// intern makes the values that repeat across a source's postings (company,
// role, levels, places, currencies, skills, ...) share one copy each: the
// cache of a source of 100,000 postings holds each of them once.
func intern(p *model.Posting) {
	in := func(s *string) {
		if *s != "" {
			*s = unique.Make(*s).Value()
		}
	}
	all := func(ss []string) {
		for i := range ss {
			in(&ss[i])
		}
	}
	for _, s := range []*string{&p.Source, &p.Company, &p.Role, &p.Team, &p.Workplace, &p.EmploymentType, &p.Language, &p.Posted} {
		in(s)
	}
	all(p.Levels)
	for i := range p.Locations {
		l := &p.Locations[i]
		in(&l.City)
		in(&l.Region)
		in(&l.Country)
		in(&l.Name)
	}
	for i := range p.Salary {
		in(&p.Salary[i].Currency)
		in(&p.Salary[i].Period)
	}
	all(p.Skills.Required)
	all(p.Skills.Preferred)
	all(p.Skills.Mentioned)
	all(p.Education.Required)
	all(p.Education.Preferred)
}

// MemoryLimit is the soft memory limit watcher serve sets when GOMEMLIMIT
// is not set: it keeps the process under 100 MB with 100,000 postings in
// the folder (BenchmarkMemory100k), at some more GC work per answer.
const MemoryLimit = 90 << 20
