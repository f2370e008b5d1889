package scrape

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

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
	// fetching: robots.txt being fetched, closed when done, so that the
	// lanes of a host with several fetch it once
	fetching map[string]chan struct{}
}

// allowed reports whether robots.txt of u's host lets the pool's user agent
// fetch u, fetching robots.txt the first time on a lane of hs, a turn of
// its own. 4xx is "no robots.txt" (everything allowed), 5xx "everything
// disallowed", as colly and Google read them.
func (p *Pool) robotsAllow(ctx context.Context, u *url.URL, tr trust, hs *host, delay time.Duration) (bool, error) {
	key := u.Scheme + "://" + u.Host
	var data *robotstxt.RobotsData
	for {
		p.robots.mu.Lock()
		d, ok := p.robots.m[key]
		wait, busy := p.robots.fetching[key]
		if !ok && !busy {
			if p.robots.fetching == nil {
				p.robots.fetching = map[string]chan struct{}{}
			}
			p.robots.fetching[key] = make(chan struct{})
		}
		p.robots.mu.Unlock()
		if ok {
			data = d
			break
		}
		if busy { // another lane fetches it: wait, then look again
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return false, ctx.Err()
			}
		}
		d, err := p.fetchRobots(ctx, key, tr, hs, delay)
		p.robots.mu.Lock()
		if err == nil {
			p.robots.m[key] = d
		}
		close(p.robots.fetching[key])
		delete(p.robots.fetching, key)
		p.robots.mu.Unlock()
		if err != nil {
			return false, err
		}
		data = d
		break
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

// fetchRobots fetches and parses the robots.txt at key (scheme://host).
func (p *Pool) fetchRobots(ctx context.Context, key string, tr trust, hs *host, delay time.Duration) (*robotstxt.RobotsData, error) {
	ru := key + "/robots.txt"
	ln, err := hs.take(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ru, err)
	}
	r, err := p.once(ctx, Request{URL: ru}, tr)
	hs.give(ln, delay)
	if err != nil {
		return nil, err
	}
	data, err := robotstxt.FromStatusAndBytes(r.Status, r.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ru, err)
	}
	return data, nil
}

// robotsMethod reports whether a request by method is subject to robots.txt
// (colly exempted HEAD).
func robotsMethod(method string) bool { return method != http.MethodHead }
