// Package render loads careers pages that build their listing with
// JavaScript in headless Chromium (the system's chromium, driven by
// chromedp) and returns the DOM the scripts built, for the html and jsonld
// sources' render: browser.
//
//   - Politeness: each page load goes through scrape.Client.Polite, so
//     robots.txt, the host's turn and per_host_delay apply as to a plain
//     request; the turn is held while the page renders, so one host has at
//     most one tab open at a time.
//   - Private addresses: the browser reaches the network only through a
//     proxy in this process whose dialer is the scrape client's
//     (Client.Dialer): every connection the page makes (the document,
//     scripts, XHR, WebSockets, redirects) is refused when it goes to a
//     loopback, private or other special address the source may not reach,
//     as for plain requests (http.allow_private, allow_private).
//   - One browser per run: started lazily by the first page that needs it,
//     shared by every source of the run (scrape.Pool.Shared) and stopped
//     when the run's fetches end (scrape.Pool.Close) or its context ends.
//   - Memory: every page gets a fresh browser context (no cookies or cache
//     carried over), closed after the page is read; at most MaxTabs pages
//     at once; images are not loaded; the DOM read is capped at
//     http.max_body.
//   - A page that does not settle within render_timeout (wait_for never
//     matches, or the network never goes idle) is an error naming the URL.
package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// MaxTabs bounds the pages one browser renders at once (each host has at
// most one of them).
const MaxTabs = 2

// Options are how to render one page.
type Options struct {
	WaitFor string        // CSS selector; "": network idle
	Timeout time.Duration // for the page to load and settle
}

// ErrNoBrowser is the error when no Chromium binary is installed.
var ErrNoBrowser = errors.New("no chromium binary on PATH (install the chromium package)")

// ExecPath is the Chromium binary found on PATH, or "".
func ExecPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium, started on first use.
type browser struct {
	ctx       context.Context // the pool's: the browser ends with it
	userAgent string
	tabs      chan struct{}

	mu     sync.Mutex
	bctx   context.Context // the browser's chromedp context; nil: not started
	cancel context.CancelFunc
	err    error // why it could not start
}

type browserKey struct{}

// of is the run's browser: the pool's shared one.
func of(c *scrape.Client) *browser {
	return c.Shared(browserKey{}, func(ctx context.Context) io.Closer {
		return &browser{ctx: ctx, userAgent: c.UserAgent(), tabs: make(chan struct{}, MaxTabs)}
	}).(*browser)
}

// start starts Chromium the first time; a start that failed fails every
// later page of the run the same way.
func (b *browser) start() (context.Context, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bctx != nil && b.bctx.Err() != nil && b.ctx.Err() == nil {
		// the browser died (a crash, the kernel's OOM killer): start another
		slog.Warn("the headless browser ended by itself: starting another")
		b.cancel()
		b.bctx, b.cancel = nil, nil
	}
	if b.bctx != nil || b.err != nil {
		return b.bctx, b.err
	}
	path := ExecPath()
	if path == "" {
		b.err = ErrNoBrowser
		return nil, b.err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("blink-settings", "imagesEnabled=false"),
		// nothing leaves the browser but through a page's own proxy: the
		// default profile's traffic goes to a closed port
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		// WebRTC's UDP (STUN, peer connections) does not go through a
		// proxy, so the private-address guard never saw it: no UDP that
		// is not proxied, which is none
		chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"),
		chromedp.Flag("webrtc-ip-handling-policy", "disable_non_proxied_udp"),
	)
	if b.userAgent != "" {
		opts = append(opts, chromedp.UserAgent(b.userAgent))
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	actx, acancel := chromedp.NewExecAllocator(b.ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		b.err = fmt.Errorf("starting chromium: %w", err)
		return nil, b.err
	}
	b.bctx = bctx
	b.cancel = func() {
		bcancel()
		acancel() // kills the browser and removes its profile folder
	}
	return bctx, nil
}

// lost forgets a browser that ended by itself (a crash), so that the next
// page starts a new one.
func (b *browser) lost(bctx context.Context) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bctx != bctx || b.cancel == nil {
		return
	}
	b.cancel()
	b.bctx, b.cancel = nil, nil
	slog.Warn("the headless browser ended during a page: the next page starts another")
}

// Close stops the browser if it was started.
func (b *browser) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cancel != nil {
		b.cancel()
		b.cancel = nil
	}
	b.bctx, b.err = nil, errors.New("browser closed")
	return nil
}

// Get loads the page at u in the run's browser, politely (see the package
// doc), waits until it settles and returns its DOM as an HTML response
// (Content-Type text/html; charset=utf-8, status the document's).
func Get(ctx context.Context, c *scrape.Client, u string, o Options) (*scrape.Response, error) {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if err := c.CheckHost(ctx, u); err != nil {
		return nil, err
	}
	b := of(c)
	var resp *scrape.Response
	err := c.Polite(ctx, u, func(ctx context.Context) error {
		select {
		case b.tabs <- struct{}{}:
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", u, ctx.Err())
		}
		defer func() { <-b.tabs }()
		bctx, err := b.start()
		if err != nil {
			return fmt.Errorf("render %s: %w", u, err)
		}
		resp, err = load(ctx, bctx, c, u, o)
		if err != nil && bctx.Err() != nil && ctx.Err() == nil {
			b.lost(bctx) // the browser died under the page: the next page starts another
		}
		return err
	})
	return resp, err
}

// load renders u in a new tab of a new browser context whose traffic goes
// through a proxy that dials as c does.
func load(ctx, bctx context.Context, c *scrape.Client, u string, o Options) (*scrape.Response, error) {
	px, err := newProxy(c.Dialer(u))
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", u, err)
	}
	defer px.close()
	tctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext(func(p *target.CreateBrowserContextParams) {
		p.ProxyServer = "http://" + px.addr()
		p.ProxyBypassList = "<-loopback>"
	}))
	defer cancel()
	stop := context.AfterFunc(ctx, cancel) // the caller's end ends the tab
	defer stop()
	rctx, rcancel := context.WithTimeout(tctx, o.Timeout)
	defer rcancel()

	settled := func(err error) error {
		if ref := px.refusal(); ref != nil {
			return ref // the page or what it needed went to a refused address
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", u, ctx.Err())
		}
		if rctx.Err() != nil {
			what := "the network to go idle"
			if o.WaitFor != "" {
				what = fmt.Sprintf("an element to match wait_for %q", o.WaitFor)
			}
			return fmt.Errorf("%s: the page did not settle within render_timeout (%s): waited for %s", u, o.Timeout, what)
		}
		return fmt.Errorf("render %s: %w", u, err)
	}
	if err := chromedp.Do(rctx); err != nil { // opens the tab
		return nil, settled(err)
	}
	events := chromedp.Events(rctx, page.LifecycleEvent)
	if _, err := chromedp.Call(rctx, page.SetLifecycleEventsEnabled, page.SetLifecycleEventsEnabledParams{Enabled: true}); err != nil {
		return nil, settled(err)
	}
	doc, err := chromedp.Run(rctx, chromedp.NavigateResponse(u))
	if err != nil {
		return nil, settled(err)
	}
	if doc != nil && (doc.Status < 200 || doc.Status > 299) {
		return nil, &scrape.StatusError{URL: u, Status: int(doc.Status)}
	}
	if o.WaitFor != "" {
		if err := chromedp.Do(rctx, chromedp.WaitReady(chromedp.CSS(o.WaitFor))); err != nil {
			return nil, settled(err)
		}
	} else if err := networkIdle(rctx, chromedp.FromContext(rctx).Target.TargetID, events); err != nil {
		return nil, settled(err)
	}
	html, err := chromedp.Run(rctx, chromedp.Evaluate[string]("document.documentElement.outerHTML"))
	if err != nil {
		return nil, settled(err)
	}
	if ref := px.refusal(); ref != nil {
		// the page asked for something it may not have: what it shows
		// may lack what came from there
		return nil, fmt.Errorf("render %s: %w", u, ref)
	}
	if max := c.MaxBody(); int64(len(html)) > max {
		return nil, fmt.Errorf("%s: %w (the rendered page is over %d bytes)", u, scrape.ErrTooLarge, max)
	}
	h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	return &scrape.Response{Status: http.StatusOK, Header: h, Body: []byte(html)}, nil
}

// networkIdle waits for the main frame's networkIdle lifecycle event (no
// request for 500 ms) of its latest document.
func networkIdle(ctx context.Context, main target.ID, events iter.Seq2[page.EventLifecycleEvent, error]) error {
	var loader string
	for ev, err := range events {
		if err != nil {
			return err
		}
		if string(ev.FrameID) != string(main) {
			continue
		}
		switch ev.Name {
		case "init":
			loader = string(ev.LoaderID)
		case "networkIdle":
			// one of the blank page the tab opened with comes without
			// its init: only the navigated document's counts
			if loader != "" && string(ev.LoaderID) == loader {
				return nil
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.New("the page closed before it settled")
}

// proxy is the HTTP proxy one page's browser context goes through: plain
// requests are forwarded, CONNECT tunnels (https, WebSockets) opened, each
// connection dialled by dial, which refuses what the source may not reach.
type proxy struct {
	ln   net.Listener
	srv  *http.Server
	tr   *http.Transport // plain http requests' connections upstream
	dial func(ctx context.Context, network, addr string) (net.Conn, error)

	mu      sync.Mutex
	refused error                 // the first refusal
	tunnels map[net.Conn]struct{} // open tunnel ends, closed with the proxy
}

func newProxy(dial func(ctx context.Context, network, addr string) (net.Conn, error)) (*proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("proxy: %w", err)
	}
	p := &proxy{ln: ln, dial: dial, tunnels: map[net.Conn]struct{}{}}
	tr := &http.Transport{DialContext: p.dialNoting, DisableCompression: true, MaxIdleConnsPerHost: 2, IdleConnTimeout: 10 * time.Second}
	p.tr = tr
	fwd := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL = pr.In.URL
			pr.Out.Host = pr.In.Host
		},
		Transport: tr,
		ErrorLog:  slog.NewLogLogger(slog.Default().Handler(), slog.LevelDebug),
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
			http.Error(w, "careers-watcher proxy: "+err.Error(), http.StatusBadGateway)
		},
	}
	p.srv = &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodConnect {
			p.tunnel(w, r)
			return
		}
		if r.URL.Scheme != "http" || r.URL.Host == "" {
			http.Error(w, "careers-watcher proxy: not a proxy request", http.StatusBadRequest)
			return
		}
		fwd.ServeHTTP(w, r)
	})}
	go func() { _ = p.srv.Serve(ln) }()
	return p, nil
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

// dialNoting dials, keeping the first refusal.
func (p *proxy) dialNoting(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := p.dial(ctx, network, addr)
	if err != nil && errors.Is(err, scrape.ErrPrivateAddress) {
		p.mu.Lock()
		if p.refused == nil {
			p.refused = err
		}
		p.mu.Unlock()
	}
	return c, err
}

func (p *proxy) refusal() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.refused
}

// tunnel answers CONNECT: a connection to the target, spliced to the
// browser's.
func (p *proxy) tunnel(w http.ResponseWriter, r *http.Request) {
	up, err := p.dialNoting(r.Context(), "tcp", r.Host)
	if err != nil {
		http.Error(w, "careers-watcher proxy: "+err.Error(), http.StatusForbidden)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		up.Close()
		http.Error(w, "careers-watcher proxy: no hijacking", http.StatusInternalServerError)
		return
	}
	down, rw, err := hj.Hijack()
	if err != nil {
		up.Close()
		return
	}
	p.mu.Lock()
	if p.tunnels == nil { // closed meanwhile
		p.mu.Unlock()
		up.Close()
		down.Close()
		return
	}
	p.tunnels[up], p.tunnels[down] = struct{}{}, struct{}{}
	p.mu.Unlock()
	end := func() {
		up.Close()
		down.Close()
		p.mu.Lock()
		delete(p.tunnels, up)
		delete(p.tunnels, down)
		p.mu.Unlock()
	}
	if _, err := down.Write([]byte("HTTP/1.1 200 Connection Established\r\n\r\n")); err != nil {
		end()
		return
	}
	go func() {
		_, _ = io.Copy(up, rw) // what the browser sent, buffered bytes first
		end()
	}()
	go func() {
		_, _ = io.Copy(down, up)
		end()
	}()
}

// close stops the proxy and every tunnel.
func (p *proxy) close() {
	_ = p.srv.Close() // the listener and the connections not hijacked
	p.tr.CloseIdleConnections()
	p.mu.Lock()
	tunnels := p.tunnels
	p.tunnels = nil
	p.mu.Unlock()
	for c := range tunnels {
		c.Close()
	}
}
