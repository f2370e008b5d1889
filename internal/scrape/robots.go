package scrape

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/sync/singleflight"
)

// robots is the Pool's robots.txt cache, one entry per scheme and host for
// the pool's life (one run), as colly kept it. The Pool fetches robots.txt
// itself rather than leaving it to colly, which sends that request without
// a context (a hanging robots.txt ignored cancellation until the timeout)
// and reads its body without a cap.
type robots struct {
	mu sync.Mutex
	m  map[string]*robotstxt.RobotsData
	// fetch: one fetch of a host's robots.txt at a time, its result shared
	// by the lanes of the host that ask meanwhile
	fetch singleflight.Group
}

// allowed reports whether robots.txt of u's host lets the pool's user agent
// fetch u, fetching robots.txt the first time on a lane of hs, a turn of
// its own. 4xx is "no robots.txt" (everything allowed), 5xx "everything
// disallowed", as colly and Google read them.
func (p *Pool) robotsAllow(ctx context.Context, u *url.URL, tr trust, hs *host, delay time.Duration) (bool, error) {
	key := u.Scheme + "://" + u.Host
	var data *robotstxt.RobotsData
	for data == nil {
		p.robots.mu.Lock()
		data = p.robots.m[key]
		p.robots.mu.Unlock()
		if data != nil {
			break
		}
		ch := p.robots.fetch.DoChan(key, func() (any, error) {
			d, err := p.fetchRobots(ctx, key, tr, hs, delay)
			if err == nil {
				p.robots.mu.Lock()
				p.robots.m[key] = d
				p.robots.mu.Unlock()
			}
			return d, err
		})
		select {
		case res := <-ch:
			if res.Err != nil {
				if ctx.Err() == nil && (errors.Is(res.Err, context.Canceled) || errors.Is(res.Err, context.DeadlineExceeded)) {
					continue // the lane that fetched it was stopped, not this one: fetch again
				}
				return false, res.Err
			}
			data = res.Val.(*robotstxt.RobotsData)
		case <-ctx.Done():
			return false, ctx.Err()
		}
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
	data, err := robotstxt.FromStatusAndBytes(r.Status, r.Body)
	if share != nil {
		// only an answer that parses is shared, and a job stopped right
		// after its fetch still saves it (others wait on the claim)
		serr := err
		if serr == nil {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			serr = share.SaveRobots(sctx, key, r.Status, r.Body)
			cancel()
		}
		if serr != nil {
			share.ReleaseRobots(key)
			p.log.Warn("robots.txt not shared", "url", ru, "error", serr)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ru, err)
	}
	return data, nil
}

// robotsMethod reports whether a request by method is subject to robots.txt
// (colly exempted HEAD).
func robotsMethod(method string) bool { return method != http.MethodHead }
