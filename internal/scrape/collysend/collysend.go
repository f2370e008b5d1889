// Package collysend is the watcher's sender of HTTP requests (see package
// send): one colly collector per Pool. Importing it registers it;
// scrape/platforms does.
package collysend

import (
	"errors"
	"io"
	"net/http"

	"github.com/gocolly/colly/v2"

	"github.com/careers-watcher/careers-watcher/internal/scrape/send"
)

func init() { send.Register("colly", New) }

// Context keys of a request's response and error.
const (
	respKey = "careers-watcher.response"
	errKey  = "careers-watcher.error"
)

// Sender is a colly collector.
type Sender struct{ c *colly.Collector }

// New makes a collector for cfg: revisits allowed, error statuses handed
// over as responses, robots.txt left to the Pool (robots.go: colly's has
// no context and no cap).
func New(cfg send.Config) send.Sender {
	c := colly.NewCollector(
		colly.UserAgent(cfg.UserAgent),
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
		colly.StdlibContext(cfg.Ctx),
		colly.MaxBodySize(cfg.MaxBody),
	)
	c.IgnoreRobotsTxt = true
	c.SetRedirectHandler(cfg.Redirect)
	c.SetRequestTimeout(cfg.Timeout)
	c.WithTransport(cfg.Transport)
	c.OnResponse(func(r *colly.Response) { r.Ctx.Put(respKey, r) })
	c.OnError(func(r *colly.Response, err error) {
		if r != nil && r.Ctx != nil {
			r.Ctx.Put(errKey, err)
		}
	})
	return &Sender{c: c}
}

// Send sends one request through the collector.
func (s *Sender) Send(method, u string, body io.Reader, hdr http.Header) (*send.Response, error) {
	cctx := colly.NewContext()
	err := s.c.Request(method, u, body, cctx, hdr)
	if cerr, ok := cctx.GetAny(errKey).(error); ok && err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	r, ok := cctx.GetAny(respKey).(*colly.Response)
	if !ok {
		return nil, errors.New("no response")
	}
	// the header is the response's own (colly hands it over and keeps
	// nothing of it): no copy
	var h http.Header
	if r.Headers != nil {
		h = *r.Headers
	}
	return &send.Response{Status: r.StatusCode, Header: h, Body: r.Body}, nil
}

// Limit gives host its own LimitRule.
func (s *Sender) Limit(host string, lanes int) error {
	return s.c.Limit(&colly.LimitRule{DomainGlob: globQuote(host), Parallelism: max(lanes, 1)})
}

// globQuote escapes glob metacharacters so that a host matches only itself.
func globQuote(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '[', ']', '{', '}', '\\', '!':
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(out)
}
