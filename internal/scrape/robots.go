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

// RobotsShare is a Gate that also shares robots.txt answers beyond this
// process (fleet mode: pgstore.HostGate, table robots_txt): Robots gives
// a stored answer still in use, or (ok false) the fetch to this caller,
// which then saves what it got, or gives the fetch back when it failed.
type RobotsShare interface {
	Robots(ctx context.Context, key string) (status int, body []byte, ok bool, err error)
	SaveRobots(ctx context.Context, key string, status int, body []byte) error
	ReleaseRobots(key string)
}

// fetchRobots fetches and parses the robots.txt at key (scheme://host),
// or takes the answer another process fetched (RobotsShare).
func (p *Pool) fetchRobots(ctx context.Context, key string, tr trust, hs *host, delay time.Duration) (*robotstxt.RobotsData, error) {
	ru := key + "/robots.txt"
	share, _ := hs.gate.(RobotsShare)
	if share != nil {
		status, body, ok, err := share.Robots(ctx, key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ru, err)
		}
		if ok {
			data, err := robotstxt.FromStatusAndBytes(status, body)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ru, err)
			}
			return data, nil
		}
	}
	ln, err := hs.take(ctx)
	if err != nil {
		if share != nil {
			share.ReleaseRobots(key)
		}
		return nil, fmt.Errorf("%s: %w", ru, err)
	}
	r, err := p.once(ctx, Request{URL: ru}, tr)
	hs.give(ln, delay)
	if err != nil {
		if share != nil {
			share.ReleaseRobots(key)
		}
		return nil, err
	}
	if share != nil {
		if err := share.SaveRobots(ctx, key, r.Status, r.Body); err != nil {
			p.log.Warn("robots.txt not shared", "url", ru, "error", err)
		}
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
