package scrape

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
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
	// m holds, per scheme://host, the rules of its robots.txt that apply
	// to the pool's user agent (found once: the agent is the pool's)
	m map[robotsKey]*robotsRules
	// fetch: one fetch of a host's robots.txt at a time, its result shared
	// by the lanes of the host that ask meanwhile
	fetch singleflight.Group
}

// robotsKey is a robots.txt's scheme and host (as in a URL's Host).
type robotsKey struct{ scheme, host string }

// robotsRules is what a host's robots.txt answer says to the pool's user
// agent: its group of the file, or (none) nothing is allowed. A 5xx
// answer is the latter: robotstxt keeps that as a flag of its RobotsData
// with no group, and FindGroup on it gives an empty group, which allows
// everything.
type robotsRules struct {
	group  *robotstxt.Group
	none   bool
	status int // the 5xx answer, when none
}

// errRobotsUnavailable is a request refused because its host's robots.txt
// answered a 5xx (status): it is errRobots, and says why.
type errRobotsUnavailable struct{ status int }

func (e errRobotsUnavailable) Error() string {
	return fmt.Sprintf("robots.txt unavailable (HTTP %d): nothing fetched (an unavailable robots.txt disallows every page)", e.status)
}

func (e errRobotsUnavailable) Is(target error) bool { return target == errRobots }

// allow reports whether the rules let the agent fetch path.
func (r *robotsRules) allow(path string) bool {
	return !r.none && r.group.Test(path)
}

// robotsRulesFor reads a robots.txt answer (status and body, fetched here
// or shared by another worker) for the user agent ua: 2xx its rules, 4xx
// everything allowed, 5xx nothing allowed, any other status an error.
func robotsRulesFor(status int, body []byte, ua string) (*robotsRules, error) {
	d, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		return nil, err
	}
	if status >= 500 && status < 600 {
		return &robotsRules{none: true, status: status}, nil
	}
	return &robotsRules{group: d.FindGroup(ua)}, nil // never nil: an empty group allows all
}

// allowed reports whether robots.txt of u's host lets the pool's user agent
// fetch u, fetching robots.txt the first time on a lane of hs, a turn of
// its own. 4xx is "no robots.txt" (everything allowed), 5xx "everything
// disallowed", as Google reads them (robotsRulesFor), whether this pool
// fetched the answer or another worker shared it.
func (p *Pool) robotsAllow(ctx context.Context, u *url.URL, tr trust, hs *host, delay time.Duration) (bool, error) {
	mk := robotsKey{u.Scheme, u.Host}
	var g *robotsRules
	for g == nil {
		p.robots.mu.Lock()
		g = p.robots.m[mk]
		p.robots.mu.Unlock()
		if g != nil {
			break
		}
		key := u.Scheme + "://" + u.Host
		ch := p.robots.fetch.DoChan(key, func() (any, error) {
			// a flight that ended between this lane's look at m and
			// DoChan has stored its rules: no second fetch
			p.robots.mu.Lock()
			done := p.robots.m[mk]
			p.robots.mu.Unlock()
			if done != nil {
				return done, nil
			}
			g, err := p.fetchRobots(ctx, key, tr, hs, delay)
			if err != nil {
				return nil, err
			}
			p.robots.mu.Lock()
			p.robots.m[mk] = g
			p.robots.mu.Unlock()
			return g, nil
		})
		select {
		case res := <-ch:
			if res.Err != nil {
				if ctx.Err() == nil && (errors.Is(res.Err, context.Canceled) || errors.Is(res.Err, context.DeadlineExceeded)) {
					continue // the lane that fetched it was stopped, not this one: fetch again
				}
				return false, res.Err
			}
			g = res.Val.(*robotsRules)
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}
	if g.none {
		return false, fmt.Errorf("%s: %w", u, errRobotsUnavailable{g.status})
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + canonicalQuery(u.RawQuery)
	}
	return g.allow(path), nil
}

// canonicalQuery is u.Query().Encode() of a URL whose RawQuery is raw: the
// query robots.txt rules are tested on (as colly did). A query that is
// already in that form (keys in order, each part one key=value of
// unreserved characters: what url.Values.Encode writes, and what most API
// requests send) is returned as it is, without parsing and encoding it
// again.
func canonicalQuery(raw string) string {
	if isCanonicalQuery(raw) {
		return raw
	}
	q, _ := url.ParseQuery(raw)
	return q.Encode()
}

// isCanonicalQuery reports whether url.ParseQuery then Encode gives raw
// back: non-empty parts of exactly one '=' each, keys and values of
// unreserved characters only (QueryUnescape and QueryEscape leave them as
// they are), keys in sorted order (Encode sorts them; a key repeated in
// a row keeps its values' order).
func isCanonicalQuery(raw string) bool {
	prev := ""
	for part := range strings.SplitSeq(raw, "&") {
		k, v, ok := strings.Cut(part, "=")
		if !ok || k == "" || !unreserved(k) || !unreserved(v) || k < prev {
			return false
		}
		prev = k
	}
	return true
}

// unreserved: letters, digits and -._~ only.
func unreserved(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
			return false
		}
	}
	return true
}

// RobotsShare is a Gate that also shares robots.txt answers beyond this
// process (fleet mode: pgstore.HostGate, table robots_txt): Robots gives
// a stored answer still in use (release nil), or the fetch to this
// caller, which then saves what it got, or gives the fetch back with
// release when it failed (release frees that claim only, never a later
// one of the key: another pool's sharing the gate, or another worker's).
type RobotsShare interface {
	Robots(ctx context.Context, key string) (status int, body []byte, release func(), err error)
	SaveRobots(ctx context.Context, key string, status int, body []byte) error
}

// fetchRobots fetches and reads the robots.txt at key (scheme://host),
// or takes the answer another process fetched (RobotsShare).
func (p *Pool) fetchRobots(ctx context.Context, key string, tr trust, hs *host, delay time.Duration) (*robotsRules, error) {
	ru := key + "/robots.txt"
	share, _ := hs.gate.(RobotsShare)
	release := func() {}
	if share != nil {
		status, body, rel, err := share.Robots(ctx, key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ru, err)
		}
		if rel != nil {
			release = rel
		} else {
			data, err := robotsRulesFor(status, body, p.opts.UserAgent)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ru, err)
			}
			return data, nil
		}
	}
	ln, err := hs.take(ctx)
	if err != nil {
		release()
		return nil, fmt.Errorf("%s: %w", ru, err)
	}
	r, err := p.once(ctx, Request{URL: ru}, tr)
	hs.give(ln, delay)
	if err != nil {
		release()
		return nil, err
	}
	data, err := robotsRulesFor(r.Status, r.Body, p.opts.UserAgent)
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
			release()
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
