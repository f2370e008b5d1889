package scrape

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The guard is the RoundTripper under colly's http.Client. colly's own
// handling of a response is unsafe in three ways, so the guard takes them
// out of its hands:
//
//   - colly caps the compressed bytes, then gunzips without a limit (any
//     Content-Encoding containing "gzip", or a Content-Type containing
//     "gzip"): a small answer can decode to gigabytes. The guard asks for
//     "gzip, deflate" itself, decodes every layer of Content-Encoding as a
//     stream whose decoded bytes are capped at MaxBody, and marks the
//     response Uncompressed, which makes colly read it as it is.
//   - colly fetches robots.txt without a context, so a hanging robots.txt
//     ignores cancellation until the timeout; robots.txt is now fetched by
//     the Pool itself (robots.go) through this same guard.
//   - colly builds every request from one collector-wide context; the guard
//     also ends a request when the context of the Do call that made it ends,
//     and tells the dialer which source asks (see private.go).
//
// Per-request information travels in a private header (reqHeader) that the
// guard removes before the request leaves the process: colly offers no other
// way to attach anything to the *http.Request it builds.

// reqHeader carries the id of a request's reqInfo from once to the guard.
const reqHeader = "X-Careers-Watcher-Request"

// maxEncodings bounds the stacked Content-Encoding layers decoded.
const maxEncodings = 2

// reqInfo is what the guard needs to know about one Do call's request.
type reqInfo struct {
	ctx   context.Context // the Do call's context
	trust trust           // which special addresses it may reach
	url   string          // as asked, before redirects
	// answered: the status and header of the last hop came (the request
	// failed, if it did, while its body was read: see Pool.once)
	answered atomic.Bool
}

// requests is the registry of requests in flight.
type requests struct {
	seq atomic.Uint64
	m   sync.Map // id (string) -> *reqInfo
}

func (r *requests) add(info *reqInfo) (id string) {
	id = strconv.FormatUint(r.seq.Add(1), 10)
	r.m.Store(id, info)
	return id
}

func (r *requests) done(id string) { r.m.Delete(id) }

func (r *requests) get(id string) *reqInfo {
	if v, ok := r.m.Load(id); ok {
		return v.(*reqInfo)
	}
	return nil
}

type dialKey struct{}

// dialInfo is what the dialer learns from the request's context.
type dialInfo struct {
	trust trust
	url   string // the URL being requested (after redirects)
}

// guard is the RoundTripper described above.
type guard struct {
	base    http.RoundTripper // a Transport given in Options: used for all
	reqs    *requests
	maxBody int64
	observe func(host string, status int) // nil: none

	// Without a given Transport, one per trust: a connection is checked
	// when it is dialled, so one dialled for a source that may reach a
	// private host must not be reused by a source that may not.
	template *http.Transport
	mu       sync.Mutex
	bases    map[string]http.RoundTripper
}

func (g *guard) transport(t trust) http.RoundTripper {
	if g.template == nil {
		return g.base
	}
	key := t.key()
	g.mu.Lock()
	defer g.mu.Unlock()
	if b, ok := g.bases[key]; ok {
		return b
	}
	if g.bases == nil {
		g.bases = map[string]http.RoundTripper{}
	}
	b := g.template.Clone()
	g.bases[key] = b
	return b
}

func (g *guard) RoundTrip(req *http.Request) (*http.Response, error) {
	id := req.Header.Get(reqHeader)
	info := g.reqs.get(id)
	if info == nil {
		// every request the Pool sends is registered; one that is not came
		// from somewhere else inside colly: refuse it rather than send it
		// without the checks
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("%s: request not made by the pool", req.URL.Redacted())
	}
	ctx, cancel := context.WithCancel(req.Context())
	stop := context.AfterFunc(info.ctx, cancel)
	end := func() { stop(); cancel() }
	us := req.URL.String()
	di := dialInfo{trust: info.trust, url: us}
	if err := checkLiteral(req.URL, di); err != nil {
		end()
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	out := req.Clone(context.WithValue(ctx, dialKey{}, di))
	out.Header.Del(reqHeader)
	if out.Header.Get("Accept-Encoding") == "" {
		out.Header.Set("Accept-Encoding", "gzip, deflate")
	}
	info.answered.Store(false) // a redirect's next hop
	resp, err := g.transport(info.trust).RoundTrip(out)
	if err == nil {
		info.answered.Store(true)
	}
	if g.observe != nil {
		status := 0
		if err == nil {
			status = resp.StatusCode
		}
		g.observe(req.URL.Hostname(), status)
	}
	if err != nil {
		end()
		return nil, err
	}
	body, err := decodeBody(resp, us, g.maxBody)
	if err != nil {
		resp.Body.Close()
		end()
		return nil, err
	}
	resp.Body = &guardedBody{r: body, c: resp.Body, end: end}
	resp.Uncompressed = true
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	return resp, nil
}

// guardedBody is a response body that ends the request's context binding
// when closed.
type guardedBody struct {
	r    io.Reader
	c    io.Closer
	once sync.Once
	end  func()
}

func (b *guardedBody) Read(p []byte) (int, error) { return b.r.Read(p) }

func (b *guardedBody) Close() error {
	err := b.c.Close()
	b.once.Do(b.end)
	return err
}

// decodeBody returns resp's body with every Content-Encoding layer removed
// (outermost last in the header, so decoded first) and its decoded size
// capped: reading more than max bytes is ErrTooLarge, and the decoders stop
// there. The bytes on the wire are capped at max as well.
func decodeBody(resp *http.Response, u string, max int64) (io.Reader, error) {
	var r io.Reader = &capReader{r: resp.Body, left: max, url: u, max: max}
	ce := resp.Header.Get("Content-Encoding")
	if ce == "" {
		return r, nil
	}
	var layers []string
	for _, part := range strings.Split(ce, ",") {
		if e := strings.ToLower(strings.TrimSpace(part)); e != "" && e != "identity" {
			layers = append(layers, e)
		}
	}
	if len(layers) > maxEncodings {
		return nil, fmt.Errorf("%s: %d stacked content encodings (%s), at most %d read", u, len(layers), resp.Header.Get("Content-Encoding"), maxEncodings)
	}
	for i := len(layers) - 1; i >= 0; i-- {
		switch layers[i] {
		case "gzip", "x-gzip":
			r = &lazyGzip{src: r, url: u}
		case "deflate":
			r = &lazyDeflate{src: r, url: u}
		default:
			return nil, fmt.Errorf("%s: unsupported content encoding %q", u, layers[i])
		}
	}
	if len(layers) > 0 {
		r = &capReader{r: r, left: max, url: u, max: max}
	}
	return r, nil
}

// capReader reads at most max bytes from r; one more is ErrTooLarge.
type capReader struct {
	r    io.Reader
	left int64
	url  string
	max  int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, c.tooLarge()
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n + int(c.left), c.tooLarge()
	}
	return n, err
}

func (c *capReader) tooLarge() error {
	return fmt.Errorf("%s: %w (%d bytes)", c.url, ErrTooLarge, c.max)
}

// lazyGzip opens its gzip reader on the first Read, so that a broken header
// is a read error naming the URL (the response's headers have been handed
// over by then).
type lazyGzip struct {
	src io.Reader
	url string
	z   *gzip.Reader
}

func (l *lazyGzip) Read(p []byte) (int, error) {
	if l.z == nil {
		z, err := gzip.NewReader(l.src)
		if err == io.EOF {
			return 0, io.EOF // no body (a 304, a 204): nothing to decode
		}
		if err != nil {
			return 0, l.wrap(err)
		}
		l.z = z
	}
	n, err := l.z.Read(p)
	if err != nil && err != io.EOF {
		err = l.wrap(err)
	}
	return n, err
}

func (l *lazyGzip) wrap(err error) error {
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%s: gzip body: %w", l.url, err)
}

// lazyDeflate reads "deflate", which is zlib-wrapped by the standard but
// raw deflate from some servers: the first two bytes tell which.
type lazyDeflate struct {
	src io.Reader
	url string
	z   io.Reader
}

func (l *lazyDeflate) Read(p []byte) (int, error) {
	if l.z == nil {
		br := bufio.NewReader(l.src)
		head, err := br.Peek(2)
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, l.wrap(err)
		}
		if len(head) == 0 {
			return 0, io.EOF // no body: nothing to decode
		}
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			z, err := zlib.NewReader(br)
			if err != nil {
				return 0, l.wrap(err)
			}
			l.z = z
		} else {
			l.z = flate.NewReader(br)
		}
	}
	n, err := l.z.Read(p)
	if err != nil && err != io.EOF {
		err = l.wrap(err)
	}
	return n, err
}

func (l *lazyDeflate) wrap(err error) error {
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%s: deflate body: %w", l.url, err)
}
