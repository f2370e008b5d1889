// Package scrape holds what every source type shares: the polite HTTP client
// (colly underneath, see package send; robots.txt, a per-host delay and parallelism, a timeout,
// a body-size cap on the decoded body, retries, no private addresses) and
// the Adapter interface that each platform package implements.
package scrape

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/redact"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/send"
)

// Options configure a Client; config.HTTP maps onto them.
type Options struct {
	UserAgent    string
	Timeout      time.Duration // per request
	PerHostDelay time.Duration // pause after each request to a host before the next one to it
	MaxBody      int64         // bytes; a larger body is an error, never silently cut
	Robots       bool          // obey robots.txt
	Retry        retry.Policy
	// Transport sends the requests; nil: a transport like
	// http.DefaultTransport whose dialer refuses special addresses (see
	// AllowPrivate). A Transport given here dials as it likes: only IP
	// literals are checked then.
	Transport http.RoundTripper
	// AllowPrivate lets every source reach loopback, private, link-local
	// and other special-purpose addresses (http.allow_private). Without it a
	// source reaches them only on the host of its own URL (Client.Source),
	// or, for a client bound to no source, on the host it was asked for:
	// never by a redirect or a link to another host.
	AllowPrivate bool
	// Redact hides secrets in a URL (nil: none): validators are kept under
	// the redacted URL, so that the state files that hold them never hold
	// a key from the source's URL, and the pool's log lines name redacted
	// URLs. Errors are the caller's to redact.
	Redact func(string) string
	Logger *slog.Logger
	// Hosts keeps the per-host turn and pause across pools (a daemon runs
	// each source with its own pool); nil: this pool's own.
	Hosts *Hosts
	// Observe, when set, is told the host and status of every response
	// (0: the request failed without one), for metrics.
	Observe func(host string, status int)
	// HostLimits overrides PerHostDelay and the one request at a time for
	// single hosts (http.hosts), keyed by host name in lower case or by
	// host:port (which wins). The first pool that meets a host fixes its
	// number of lanes in Hosts.
	HostLimits map[string]HostLimit

	// for tests: how names are resolved and addresses dialled (nil: the
	// system's); only used without Transport
	resolver resolver
	dial     func(ctx context.Context, network, addr string) (net.Conn, error)
	// for tests: the sender (nil: the registered one, see package send)
	sender send.New
}

// HostLimit is the politeness of one host, as http.hosts sets it:
// Concurrency lanes (0: 1), each carrying one request at a time with Delay
// between the end of one and the start of the next. At most Concurrency
// requests are in flight to the host.
type HostLimit = config.HostLimit

// Hosts is the politeness state per host: its lanes, and when each may
// start its next request. Share one between the pools of a process so that
// sources on one ATS host keep to its limit together, whichever run they
// are in.
type Hosts struct {
	mu   sync.Mutex
	m    map[string]*host
	gate Gate // nil: this process's lanes only
}

// Gate is a turn per host shared beyond this process (fleet mode: every
// worker on one database, pgstore.HostGate). A request takes its host's
// turn after a lane of this process, and gives it back with the lane,
// with the same delay before the next request to the host, whichever
// process sends it.
type Gate interface {
	Take(ctx context.Context, host string) (release func(delay time.Duration), err error)
}

// NewGatedHosts makes an empty politeness state whose hosts also take
// gate's turn for every request.
func NewGatedHosts(gate Gate) *Hosts { return &Hosts{m: map[string]*host{}, gate: gate} }

// host is one host's lanes: a lane is taken for a request (robots.txt
// included) and given back with the time its next request may start. The
// channel hands the free lanes out in the order they were given back, and
// the waiting requests in the order they came.
type host struct {
	lanes chan *lane
	name  string
	gate  Gate
}

type lane struct {
	next    time.Time // no request starts on this lane before
	release func(delay time.Duration)
}

// NewHosts makes an empty politeness state.
func NewHosts() *Hosts { return &Hosts{m: map[string]*host{}} }

// get returns the host's state, made with n lanes the first time.
func (h *Hosts) get(name string, n int) *host {
	h.mu.Lock()
	defer h.mu.Unlock()
	if x, ok := h.m[name]; ok {
		return x
	}
	x := &host{lanes: make(chan *lane, max(n, 1)), name: name, gate: h.gate}
	for range cap(x.lanes) {
		x.lanes <- &lane{}
	}
	h.m[name] = x
	return x
}

// take waits for a free lane, then for the lane's pause to pass.
func (x *host) take(ctx context.Context) (*lane, error) {
	var l *lane
	select {
	case l = <-x.lanes:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := retry.Sleep(ctx, time.Until(l.next)); err != nil {
		x.lanes <- l
		return nil, err
	}
	if x.gate != nil {
		release, err := x.gate.Take(ctx, x.name)
		if err != nil {
			x.lanes <- l
			return nil, err
		}
		l.release = release
	}
	return l, nil
}

// give hands l back (and the gate's turn); its next request waits delay
// from now.
func (x *host) give(l *lane, delay time.Duration) {
	if l.release != nil {
		l.release(delay)
		l.release = nil
	}
	l.next = time.Now().Add(delay)
	x.lanes <- l
}

// limit is the politeness of the host hostport (as in a URL's Host).
func (o *Options) limit(hostport string) HostLimit {
	if len(o.HostLimits) > 0 {
		hp := strings.ToLower(hostport)
		l, ok := o.HostLimits[hp]
		if !ok {
			if h, _, err := net.SplitHostPort(hp); err == nil {
				l, ok = o.HostLimits[strings.Trim(h, "[]")]
			} else {
				l, ok = o.HostLimits[strings.Trim(hp, "[]")]
			}
		}
		if ok {
			return HostLimit{Delay: l.Delay, Concurrency: max(l.Concurrency, 1)}
		}
	}
	return HostLimit{Delay: o.PerHostDelay, Concurrency: 1}
}

// Pool is the HTTP side of one run, shared by all its sources: one sender
// (a colly collector in the watcher, see package send), one politeness
// rule per host. Sources on different hosts fetch
// in parallel; requests to one host go one at a time with PerHostDelay
// between them, whichever source makes them.
type Pool struct {
	opts    Options
	log     *slog.Logger
	c       send.Sender
	mu      sync.Mutex
	limited map[string]bool // hosts with a sender's limit
	reqs    *requests
	robots  robots
	shared  shared // values the pool's sources share, such as a browser (shared.go)
}

// Client is what one source's adapter fetches with: the run's Pool plus the
// source's conditional-request validators. Safe for concurrent use.
type Client struct {
	*Pool
	vmu        sync.Mutex
	validators Validators // nil: no conditional requests
	trust      *trust     // nil: bound to no source (see Options.AllowPrivate)
	pages      pageMemo   // a listing's pages as the last run read them (pages.go)
	budget     *Budget    // nil: no bound on the time of the source's requests (budget.go)
}

// Validator is what a server said identifies a response's version, and,
// for a page of a listing, what the client saw of it (see
// Client.SamePage).
type Validator struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Digest is the digest of the body the URL last answered as a page of
	// a listing (PageDigest: the body and the client's Listing salt), Next
	// the adapter's cursor to the page it read after it ("": the last).
	Digest string `json:"digest,omitempty"`
	Next   string `json:"next,omitempty"`
}

// Validators maps URLs to their last validators.
type Validators map[string]Validator

// NewPool makes the pool of a run; its requests all end when ctx ends.
// Make a new one per run (colly keeps per-collector state such as
// robots.txt).
func NewPool(ctx context.Context, o Options) *Pool {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Retry.Attempts == 0 {
		o.Retry = retry.Default
	}
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBody == 0 {
		o.MaxBody = 10 << 20
	}
	if o.Hosts == nil {
		o.Hosts = NewHosts()
	}
	if o.Redact == nil {
		o.Redact = func(s string) string { return s }
	}
	reqs := &requests{}
	g := &guard{base: o.Transport, reqs: reqs, maxBody: o.MaxBody, observe: o.Observe}
	if o.Transport == nil {
		g.template = http.DefaultTransport.(*http.Transport).Clone()
		g.template.DialContext = newDialer(o).DialContext
	}
	// robots.txt is the Pool's (robots.go), not the sender's
	mk := o.sender
	if mk == nil {
		mk = newSender
	}
	c := mk(send.Config{
		Ctx:       ctx,
		UserAgent: o.UserAgent,
		// one byte over the cap tells a body at the cap from a larger one
		MaxBody: int(o.MaxBody) + 1,
		Timeout: o.Timeout,
		Redirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("%w: more than %d", errRedirect, maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w to a %s URL", errRedirect, req.URL.Scheme)
			}
			return nil
		},
		Transport: g,
	})
	return &Pool{opts: o, log: o.Logger, c: c, limited: map[string]bool{}, reqs: reqs,
		robots: robots{m: map[robotsKey]*robotsRules{}}, shared: shared{ctx: ctx}}
}

// Client returns a client for one source. Conditional requests send the
// validators in v (which the client updates; see Validators); nil v means
// no conditional requests at all.
func (p *Pool) Client(v Validators) *Client {
	return &Client{Pool: p, validators: v}
}

// Source binds c to the source whose own URL is ownURL: its requests may
// reach a special address (loopback, private, ...) only on that URL's host
// and port, or anywhere when allowPrivate (the source's allow_private) or the pool's
// AllowPrivate is set. It returns c.
func (c *Client) Source(ownURL string, allowPrivate bool) *Client {
	own := map[string]bool{}
	if u, err := url.Parse(ownURL); err == nil && u.Hostname() != "" {
		own[urlOwn(u)] = true
	}
	t := newTrust(allowPrivate || c.opts.AllowPrivate, own)
	c.trust = &t
	return c
}

// NewClient is a pool with one client without validators: for tests and
// one-off fetches.
func NewClient(ctx context.Context, o Options) *Client {
	return NewPool(ctx, o).Client(nil)
}

// Validators returns the validators learnt so far (nil when the client makes
// no conditional requests). A listing page's record (Digest, Next) is
// there only for the pages of this run's listing (see pageMemo.seen).
func (c *Client) Validators() Validators {
	c.vmu.Lock()
	defer c.vmu.Unlock()
	if c.validators == nil {
		return nil
	}
	out := make(Validators, len(c.validators))
	for k, v := range c.validators {
		if (v.Digest != "" || v.Next != "") && !c.pages.keeps(k) {
			v.Digest, v.Next = "", ""
			if v == (Validator{}) {
				continue
			}
		}
		out[k] = v
	}
	return out
}

// ErrNotModified is returned by an adapter whose listing the server said is
// unchanged since the last run (304): every stored posting stands.
var ErrNotModified = errors.New("listing not modified")

// maxRedirects bounds the redirects followed per request.
const maxRedirects = 5

// errRedirect is a redirect refused: permanent, not retried.
var errRedirect = errors.New("redirects refused")

// Request is one HTTP request.
type Request struct {
	Method string // default GET
	URL    string
	Body   []byte
	Header http.Header
	// Conditional sends If-None-Match / If-Modified-Since from the
	// validators the source's client holds for URL, and records the new ones.
	Conditional bool
}

// Response is a complete, successful (2xx or 304) answer.
type Response struct {
	Status      int
	Header      http.Header
	Body        []byte
	NotModified bool // 304 to a conditional request: Body is empty
}

// StatusError is an answer that was not 2xx after the retries.
type StatusError struct {
	URL    string
	Status int
	Body   []byte // the start of the answer's body (at most 1 KiB), for adapters that read refusals
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: status %d (%s)", e.URL, e.Status, http.StatusText(e.Status))
}

// IsStatus reports whether err is a StatusError with that status.
func IsStatus(err error, status int) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Status == status
}

// ErrTooLarge is returned when a body exceeds MaxBody.
var ErrTooLarge = errors.New("response body exceeds http.max_body")

// Do sends req politely and retries network errors, 408, 429 and 5xx with
// capped backoff, honouring Retry-After. Any other non-2xx status is a
// *StatusError at once.
func (c *Client) Do(ctx context.Context, req Request) (*Response, error) {
	if req.Method == "" {
		req.Method = http.MethodGet
	}
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("invalid URL %q", req.URL)
	}
	lim := c.opts.limit(u.Host)
	if err := c.limitHost(u.Host, lim.Concurrency); err != nil {
		return nil, err
	}
	hs := c.opts.Hosts.get(u.Host, lim.Concurrency)
	if req.Conditional {
		req.Header = c.conditionalHeader(req.URL, req.Header)
	}
	// a 304 answers only a request that sent a validator: one to a
	// request without (no validators stored for the URL yet, or a plain
	// request) is a broken answer, never "the listing is as it was"
	validated := req.Header.Get("If-None-Match") != "" || req.Header.Get("If-Modified-Since") != ""
	tr := hostTrust(u, c.opts.AllowPrivate)
	if c.trust != nil {
		tr = *c.trust
	}
	var resp *Response
	var ended time.Time // the end of the last attempt
	err = retry.Do(ctx, c.opts.Retry, func(attempt int) error {
		defer func() { ended = time.Now() }()
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: %w", req.URL, err)
		}
		if attempt > 1 {
			c.spend(ended) // the wait before this attempt is the request's time too
		}
		if err := c.overBudget(req.URL); err != nil {
			return err
		}
		// One request at a time per lane of the host (one lane unless
		// http.hosts says more), whichever source or run sends it,
		// robots.txt included (it takes a turn of its own), and the host's
		// delay between the end of one and the start of the next on the
		// lane.
		r, err := c.robotsThenOnce(ctx, req, u, tr, hs, lim.Delay)
		if err != nil {
			if errors.Is(err, errRobots) {
				return err
			}
			if ctx.Err() != nil {
				return fmt.Errorf("%s: %w", req.URL, ctx.Err())
			}
			if errors.Is(err, ErrTooLarge) || errors.Is(err, errRedirect) || errors.Is(err, ErrPrivateAddress) {
				if !strings.HasPrefix(err.Error(), req.URL+":") {
					// refused after a redirect: say from where
					err = fmt.Errorf("%s: %w", req.URL, err)
				}
				return err
			}
			// a host that does not resolve or refuses the connection is
			// said once, by the source's failure, not at every attempt
			if ne, ok := netError(u.Host, err).(*NetError); ok {
				c.log.Debug("request failed", "url", c.opts.Redact(req.URL), "attempt", attempt, "error", c.opts.Redact(ne.Error()))
				if ne.Permanent {
					return fmt.Errorf("%s: %w", req.URL, ne)
				}
				return retry.Again(fmt.Errorf("%s: %w", req.URL, ne), 0)
			}
			if slowBody(err) {
				// the answer began and its body did not come within
				// http.timeout: a board that trickles (or a link that
				// crawls) does it again, and each try costs the whole
				// timeout (review s24 F3); the next run tries again
				return fmt.Errorf("%s: the body of the answer did not arrive within http.timeout (not tried again this run): %w", req.URL, err)
			}
			c.log.Warn("request failed", "url", c.opts.Redact(req.URL), "attempt", attempt, "error", c.opts.Redact(err.Error()))
			return retry.Again(fmt.Errorf("%s: %w", req.URL, err), 0)
		}
		switch retry.Classify(r.Status) {
		case retry.OK:
			if r.Status == http.StatusNotModified {
				if !req.Conditional || !validated {
					return fmt.Errorf("%w to a request that sent no validators (If-None-Match, If-Modified-Since): a broken answer", &StatusError{URL: req.URL, Status: r.Status})
				}
				r.NotModified = true
				r.Body = nil
			}
			resp = r
			return nil
		case retry.Retry:
			after, _ := retry.RetryAfter(r.Header, time.Now())
			wait := after
			if m := c.opts.Retry.Max; m > 0 {
				wait = min(after, m)
			}
			if after > 0 && attempt < c.opts.Retry.Attempts && !c.affords(wait) {
				// the wait the server asks for is more than the source's
				// budget has left: not waited for this run (review s25b B5)
				return fmt.Errorf("%w: the answer asked to wait %s (Retry-After), more than the source's budget has left: %w", &StatusError{URL: req.URL, Status: r.Status}, wait, ErrBudget)
			}
			c.log.Warn("request failed", "url", c.opts.Redact(req.URL), "attempt", attempt, "status", r.Status)
			return retry.Again(&StatusError{URL: req.URL, Status: r.Status}, after)
		default:
			return &StatusError{URL: req.URL, Status: r.Status, Body: r.Body[:min(len(r.Body), 1024)]}
		}
	})
	if err != nil {
		return nil, err
	}
	if req.Conditional && !resp.NotModified {
		c.remember(req.URL, resp.Header)
	}
	if isJSON(req.Header, resp.Header) {
		resp.Body = TrimBOM(resp.Body)
	}
	return resp, nil
}

// errSlowBody marks a request whose status and header came and whose body
// did not within http.timeout (see Pool.once).
var errSlowBody = errors.New("the body timed out")

// slowBody reports whether err is a timeout while a response's body was
// read (the status and header had come): marked so by Pool.once, or said
// by net/http's message ("... while reading body").
func slowBody(err error) bool {
	return errors.Is(err, errSlowBody) || timedOut(err) && strings.Contains(err.Error(), "while reading body")
}

// timedOut reports whether err is a timeout: a net.Error's, or a
// context's deadline.
func timedOut(err error) bool {
	var t interface{ Timeout() bool }
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &t) && t.Timeout()
}

// utf8BOM is the UTF-8 byte order mark, which some servers put before a
// JSON answer (JSON forbids it; decoders refuse it).
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// TrimBOM is body without a leading UTF-8 byte order mark.
func TrimBOM(body []byte) []byte { return bytes.TrimPrefix(body, utf8BOM) }

// isJSON reports whether a request asked for JSON (its Accept) or its
// answer says it is JSON (its Content-Type): such a body loses a leading
// UTF-8 byte order mark in Do, for every adapter's decode alike.
func isJSON(req, resp http.Header) bool {
	return strings.Contains(strings.ToLower(req.Get("Accept")), "json") ||
		strings.Contains(strings.ToLower(resp.Get("Content-Type")), "json")
}

func (c *Client) conditionalHeader(u string, h http.Header) http.Header {
	c.vmu.Lock()
	v, ok := c.validators[c.opts.Redact(u)]
	c.vmu.Unlock()
	if !ok || v.ETag == "" && v.LastModified == "" {
		return h
	}
	out := h.Clone()
	if out == nil {
		out = http.Header{}
	}
	if v.ETag != "" {
		out.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		out.Set("If-Modified-Since", v.LastModified)
	}
	return out
}

func (c *Client) remember(u string, h http.Header) {
	c.vmu.Lock()
	defer c.vmu.Unlock()
	if c.validators == nil {
		return
	}
	u = c.opts.Redact(u)
	v := c.validators[u] // a page's digest stays (see SamePage)
	v.ETag, v.LastModified = h.Get("ETag"), h.Get("Last-Modified")
	if v == (Validator{}) {
		delete(c.validators, u)
		return
	}
	c.validators[u] = v
}

// errRobots is a request that robots.txt disallows: permanent.
var errRobots = errors.New("blocked by robots.txt")

// robotsThenOnce checks robots.txt (when the pool obeys it), then sends req
// on a lane of hs; the request's time counts against c's budget.
func (c *Client) robotsThenOnce(ctx context.Context, req Request, u *url.URL, tr trust, hs *host, delay time.Duration) (*Response, error) {
	if c.opts.Robots && robotsMethod(req.Method) {
		ok, err := c.robotsAllow(ctx, u, tr, hs, delay)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%s: %w", req.URL, errRobots)
		}
	}
	ln, err := hs.take(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	start := time.Now()
	r, err := c.once(ctx, req, tr)
	c.spend(start)
	hs.give(ln, delay)
	return r, err
}

// once sends one request through the sender; it ends when ctx ends.
func (c *Pool) once(ctx context.Context, req Request, tr trust) (*Response, error) {
	hdr := make(http.Header, len(req.Header)+2) // + the request id, the User-Agent
	for k, v := range req.Header {
		hdr[k] = v
	}
	info := &reqInfo{ctx: ctx, trust: tr, url: req.URL}
	id := c.reqs.add(info)
	defer c.reqs.done(id)
	hdr.Set(reqHeader, id)
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	r, err := c.c.Send(req.Method, req.URL, body, hdr)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && (errors.Is(ue.Err, ErrPrivateAddress) || errors.Is(ue.Err, ErrTooLarge)) {
			err = ue.Err // it names the URL already
		}
		if info.answered.Load() && ctx.Err() == nil && timedOut(err) {
			// the answer began and its body did not come within
			// http.timeout (net/http's timer or the request's deadline,
			// whichever fired first)
			err = fmt.Errorf("%w: %w", errSlowBody, err)
		}
		return nil, err
	}
	if int64(len(r.Body)) > c.opts.MaxBody {
		return nil, fmt.Errorf("%s: %w (%d bytes)", req.URL, ErrTooLarge, c.opts.MaxBody)
	}
	h := r.Header
	if h == nil {
		h = http.Header{}
	}
	return &Response{Status: r.Status, Header: h, Body: r.Body}, nil
}

// limitHost tells the sender how many requests to a host may run at once
// (as many as it has lanes; a colly LimitRule) the first time this pool
// sees it. The lanes and the pause between requests are kept by Hosts,
// across pools and cut short when the run is cancelled; colly's own delay
// sleeps through a shutdown.
func (c *Pool) limitHost(host string, lanes int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.limited[host] {
		return nil
	}
	if err := c.c.Limit(host, lanes); err != nil {
		return fmt.Errorf("rate limit for %s: %w", host, err)
	}
	c.limited[host] = true
	return nil
}

// GetJSON fetches url and decodes its JSON body into v. A body that is not
// JSON (an HTML error page with status 200, say) is an error naming the URL.
func (c *Client) GetJSON(ctx context.Context, u string, v any) error {
	r, err := c.Do(ctx, Request{URL: u, Header: http.Header{"Accept": {"application/json"}}})
	if err != nil {
		return err
	}
	return DecodeJSON(u, r.Body, v)
}

// ListJSON is GetJSON as a conditional request (see Request.Conditional):
// ErrNotModified when the server says the resource is unchanged, with v
// untouched: a 304 costs no parsing.
func (c *Client) ListJSON(ctx context.Context, u string, v any) error {
	r, err := c.Do(ctx, Request{URL: u, Header: http.Header{"Accept": {"application/json"}}, Conditional: true})
	if err != nil {
		return err
	}
	if r.NotModified {
		return ErrNotModified
	}
	return DecodeJSON(u, r.Body, v)
}

// DecodeJSON decodes body into v, with an error that names the URL and shows
// the start of what came instead.
func DecodeJSON(u string, body []byte, v any) error {
	if err := json.Unmarshal(TrimBOM(body), v); err != nil {
		return fmt.Errorf("%s: invalid JSON: %w (body starts %q)", u, jsonReason(err), snippet(body))
	}
	return nil
}

// snippet is the start of a body for an error message, 60 bytes at most,
// cut before a token the 60 bytes would split (redact.CutBytes): a secret
// the body echoed (the key its request carried) shows none of its start,
// whole or not at all (whole, the redactor masks it); a secret with spaces
// or other delimiters in it is left out whole too (redact.Head keeps enough
// of the body to see it).
func snippet(b []byte) string {
	if len(b) <= 60 {
		return string(b)
	}
	return redact.CutBytes(string(redact.Head(b, 60)), 60)
}
