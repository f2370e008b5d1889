package scrape

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// robots is the Pool's robots.txt cache, one entry per scheme and host for
// the pool's life (one run), as colly kept it. The Pool fetches robots.txt
// itself rather than leaving it to colly, which sends that request without
// a context (a hanging robots.txt ignored cancellation until the timeout)
// and reads its body without a cap.
type robots struct {
	mu sync.Mutex
	m  map[string]*robotstxt.RobotsData
}

// allowed reports whether robots.txt of u's host lets the pool's user agent
// fetch u, fetching robots.txt the first time (the caller holds the host's
// turn). 4xx is "no robots.txt" (everything allowed), 5xx "everything
// disallowed", as colly and Google read them.
func (p *Pool) robotsAllow(ctx context.Context, u *url.URL, tr trust) (bool, error) {
	key := u.Scheme + "://" + u.Host
	p.robots.mu.Lock()
	data, ok := p.robots.m[key]
	p.robots.mu.Unlock()
	if !ok {
		ru := key + "/robots.txt"
		r, err := p.once(ctx, Request{URL: ru}, tr)
		if err != nil {
			return false, err
		}
		data, err = robotstxt.FromStatusAndBytes(r.Status, r.Body)
		if err != nil {
			return false, fmt.Errorf("%s: %w", ru, err)
		}
		p.robots.mu.Lock()
		p.robots.m[key] = data
		p.robots.mu.Unlock()
	}
	g := data.FindGroup(p.opts.UserAgent)
	if g == nil {
		return true, nil
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.Query().Encode()
	}
	return g.Test(path), nil
}

// robotsMethod reports whether a request by method is subject to robots.txt
// (colly exempted HEAD).
func robotsMethod(method string) bool { return method != http.MethodHead }
