package scrape

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"time"
)

// ErrPrivateAddress is a request refused because its host is (or resolves
// to) a loopback, private, link-local or other special-purpose address that
// the source may not reach: a board must not be able to point the watcher,
// by a redirect or a link, at the machine it runs on or its network (a cloud
// metadata service at 169.254.169.254, an admin page on 127.0.0.1). It is
// permanent: not retried.
var ErrPrivateAddress = errors.New("private address refused")

// trust says which special addresses one source's requests may reach.
type trust struct {
	all bool            // http.allow_private or the source's allow_private
	own map[string]bool // host:port (ownKey) of the source's own URL
	k   string          // key(), computed once by newTrust ("": compute it)
}

// newTrust is a trust with its key computed once (a request asks for it).
func newTrust(all bool, own map[string]bool) trust {
	t := trust{all: all, own: own}
	t.k = t.key()
	return t
}

// key tells trusts apart: requests of one key may share connections.
func (t trust) key() string {
	if t.k != "" {
		return t.k
	}
	if t.all {
		return "*"
	}
	hosts := make([]string, 0, len(t.own))
	for h := range t.own {
		hosts = append(hosts, h)
	}
	sort.Strings(hosts)
	return strings.Join(hosts, " ")
}

// allows reports whether a special address may be reached at host and
// port: anywhere (allow_private), or on the source's own host and port
// only (review s17 F15: a source on 127.0.0.1:8080 does not make
// 127.0.0.1:6379 or :22 reachable by a redirect or a link).
func (t trust) allows(host, port string) bool {
	return t.all || t.own[ownKey(host, port)]
}

// ownKey is how trust.own names a host and port: the host in lower case
// without a final '.' or IPv6 brackets, then the port.
func ownKey(host, port string) string {
	return net.JoinHostPort(strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), ".")), port)
}

// urlPort is the port a request to u goes to: its own, else its scheme's.
func urlPort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "http") {
		return "80"
	}
	return "443"
}

// urlOwn is the trust.own key of u's host and port.
func urlOwn(u *url.URL) string { return ownKey(u.Hostname(), urlPort(u)) }

// hostTrust is the trust of a client bound to no source: the host and
// port of the URL it was asked for are its own.
func hostTrust(u *url.URL, all bool) trust {
	return newTrust(all, map[string]bool{urlOwn(u): true})
}

// special prefixes: what a public board has no business reaching.
var specialPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network", unspecified
		"10.0.0.0/8",      // private
		"100.64.0.0/10",   // carrier-grade NAT (shared address space)
		"127.0.0.0/8",     // loopback
		"169.254.0.0/16",  // link-local (cloud metadata services)
		"172.16.0.0/12",   // private
		"192.0.0.0/24",    // IETF protocol assignments
		"192.0.2.0/24",    // documentation (TEST-NET-1)
		"192.168.0.0/16",  // private
		"198.18.0.0/15",   // benchmarking
		"198.51.100.0/24", // documentation (TEST-NET-2)
		"203.0.113.0/24",  // documentation (TEST-NET-3)
		"224.0.0.0/4",     // multicast
		"240.0.0.0/4",     // reserved, broadcast
		"::/96",           // unspecified, and IPv4-compatible (deprecated: ::127.0.0.1)
		"::1/128",         // loopback
		"fc00::/7",        // unique local
		"fe80::/10",       // link-local
		"ff00::/8",        // multicast
		"64:ff9b:1::/48",  // local-use NAT64
		"100::/64",        // discard-only
		"100:0:0:1::/64",  // dummy prefix
		"2001::/23",       // IETF protocol assignments (Teredo, benchmarking, ORCHID)
		"2001:db8::/32",   // documentation
		"3fff::/20",       // documentation
		"5f00::/16",       // segment routing (SRv6) SIDs
		"fec0::/10",       // site-local (deprecated)
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16") // 6to4: the IPv4 in bits 16-47
)

// Special reports whether ip is loopback, private, link-local, unspecified,
// CGNAT, multicast or another special-purpose address, IPv4-mapped, NAT64
// and 6to4 forms of those included.
func Special(ip netip.Addr) bool {
	ip = ip.Unmap().WithZone("")
	if nat64.Contains(ip) {
		b := ip.As16()
		return Special(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	}
	if sixTo4.Contains(ip) {
		b := ip.As16()
		if Special(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})) {
			return true
		}
	}
	for _, p := range specialPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func refuse(u, host string, ip netip.Addr) error {
	what := host
	if host != ip.String() {
		what = host + " resolves to " + ip.String() + ", which"
	}
	return fmt.Errorf("%s: %w: %s is not a public address (allow_private on the source or http.allow_private allows it)", u, ErrPrivateAddress, what)
}

// checkLiteral refuses a URL whose host is a special IP literal the
// request may not reach (names are checked when dialled).
func checkLiteral(u *url.URL, di dialInfo) error {
	ip, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]"))
	if err != nil || !Special(ip) || di.trust.allows(u.Hostname(), urlPort(u)) {
		return nil
	}
	return refuse(u.Redacted(), u.Hostname(), ip)
}

// resolver is what the dialer resolves names with (tests give their own).
type resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// dialer dials the resolved addresses of a host, refusing the special ones
// the request may not reach: the check is on the address actually dialled,
// so a name that resolves to 127.0.0.1 is caught as well as the literal.
type dialer struct {
	resolve resolver
	dial    func(ctx context.Context, network, addr string) (net.Conn, error)
	proxy   func(*http.Request) (*url.URL, error)
}

func newDialer(o Options) *dialer {
	d := &dialer{resolve: o.resolver, dial: o.dial, proxy: http.ProxyFromEnvironment}
	if d.resolve == nil {
		d.resolve = net.DefaultResolver
	}
	if d.dial == nil {
		nd := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
		d.dial = nd.DialContext
	}
	return d
}

func (d *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	di, ok := ctx.Value(dialKey{}).(dialInfo)
	if !ok {
		return nil, fmt.Errorf("dial %s: %w: no request information", addr, ErrPrivateAddress)
	}
	if d.isProxy(di.url, addr) {
		// the proxy the environment names reaches the target for us; the
		// operator chose it, wherever it is
		return d.dial(ctx, network, addr)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = d.resolve.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
	}
	var firstErr error
	for _, ip := range ips {
		if Special(ip) && !di.trust.allows(host, port) {
			if firstErr == nil {
				firstErr = refuse(di.url, host, ip)
			}
			continue
		}
		c, err := d.dial(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return c, nil
		}
		if firstErr == nil || errors.Is(firstErr, ErrPrivateAddress) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("dial %s: no address", addr)
	}
	return nil, firstErr
}

func (d *dialer) isProxy(target, addr string) bool {
	u, err := url.Parse(target)
	if err != nil {
		return false
	}
	p, err := d.proxy(&http.Request{URL: u})
	if err != nil || p == nil {
		return false
	}
	port := p.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080"}[p.Scheme]
	}
	return net.JoinHostPort(p.Hostname(), port) == addr
}
