package scrape

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Polite runs load, which fetches rawURL by other means than Do (a
// headless browser loading the page), under the politeness of Do's
// requests: robots.txt must allow the URL (when the pool obeys it; its
// fetch takes a lane turn of its own), load waits for a free lane of the
// host (one lane, one request at a time, unless http.hosts gives the host
// more; whichever source or run sends it) and for the lane's delay after
// its last request, and the lane's next request waits the host's delay
// after load returns. The lane is held while load runs: one page load (one
// browser tab) per lane. Not retried.
func (c *Client) Polite(ctx context.Context, rawURL string, load func(ctx context.Context) error) error {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("invalid URL %q", rawURL)
	}
	if err := c.overBudget(rawURL); err != nil {
		return err
	}
	tr := c.trustFor(u)
	lim := c.opts.limit(u.Host)
	hs := c.opts.Hosts.get(u.Host, lim.Concurrency)
	if c.opts.Robots {
		ok, err := c.robotsAllow(ctx, u, tr, hs, lim.Delay)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: %w", rawURL, errRobots)
		}
	}
	ln, err := hs.take(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", rawURL, err)
	}
	defer hs.give(ln, lim.Delay)
	defer c.spend(time.Now())
	return load(ctx)
}

// trustFor is the trust of the client's requests for u: its source's, or,
// for a client bound to no source, u's host's.
func (c *Client) trustFor(u *url.URL) trust {
	if c.trust != nil {
		return *c.trust
	}
	return hostTrust(u, c.opts.AllowPrivate)
}

// Dialer dials for a fetch of pageURL by other means than Do (a headless
// browser's connections, through a proxy that uses this dialer) as Do's
// requests are dialled: an address that is (or a name that resolves to) a
// loopback, private or other special-purpose address is refused
// (ErrPrivateAddress) unless the client's source may reach it.
func (c *Client) Dialer(pageURL string) func(ctx context.Context, network, addr string) (net.Conn, error) {
	u, _ := url.Parse(pageURL)
	if u == nil {
		u = &url.URL{}
	}
	tr := c.trustFor(u)
	d := newDialer(c.opts)
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		di := dialInfo{trust: tr, url: "//" + addr}
		return d.DialContext(context.WithValue(ctx, dialKey{}, di), network, addr)
	}
}

// CheckHost refuses a URL whose host is, or resolves to, a special
// address that the client's source may not reach (see Dialer), before
// anything is sent to it.
func (c *Client) CheckHost(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return fmt.Errorf("invalid URL %q", rawURL)
	}
	tr := c.trustFor(u)
	host := u.Hostname()
	if tr.allows(host, urlPort(u)) {
		return nil
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		ips = []netip.Addr{ip}
	} else if ips, err = newDialer(c.opts).resolve.LookupNetIP(ctx, "ip", host); err != nil {
		return fmt.Errorf("%s: %w", rawURL, err)
	}
	for _, ip := range ips {
		if Special(ip) {
			return refuse(u.Redacted(), host, ip)
		}
	}
	return nil
}
