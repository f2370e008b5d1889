package scrape

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/urlpath"
)

// Refused is the listing's entry for a posting whose link or detail URL
// cannot be made from what the platform answered (an id or slug that is a
// dot segment, see IDSegment; a detail URL off the portal, see
// CheckDetailURL): the id and title only, no link, no stamp, incomplete.
// Leaving it out would report the posting removed; so the run asks for
// its detail, which the adapter refuses before any request with an error
// naming the platform, the board or source and the id: that posting
// alone fails (a posting stored before keeps its snapshot, a new one is
// not recorded), every run until the platform answers otherwise, and the
// rest of the listing stands.
func Refused(id, title string) model.Raw {
	return model.Raw{ID: id, Title: strings.TrimSpace(title)}
}

// CheckDetailURL checks a whole URL that a platform's answer gives for a
// posting's page, which the adapter will fetch: an http or https URL on
// the portal's host (as the source's url names it: the same name without
// case, and the same port, a missing one being its scheme's default; http
// and https links to a portal's default port alike) whose path has no dot
// segment (a sender would resolve it to another page of the host). A plain
// http link to an https portal is returned as https (on the default port,
// or on the portal's explicit port kept). The error says which
// rule it breaks.
func CheckDetailURL(raw string, portal *url.URL) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("detail URL %q does not parse", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("detail URL %q is not an http(s) URL: refused, not fetched", raw)
	}
	if !sameHost(u, portal) {
		return nil, fmt.Errorf("detail URL %q is not on the portal's host %s: refused, not fetched", raw, portal.Host)
	}
	if DotPath(u.EscapedPath()) {
		return nil, fmt.Errorf("detail URL %q has a dot segment in its path (it names another page): refused, not fetched", raw)
	}
	if u.Scheme == "http" && portal.Scheme == "https" {
		// the portal is served over https: a plain http link to it is
		// fetched over https too, never in the clear, at the portal's
		// port (sameHost took the link's as the same): its default one,
		// or the port it names (https://host:8443 and a link
		// http://host:8443/...: that one port serves https)
		v := *u
		v.Scheme = "https"
		if v.Port() != "" || !defaultPort(portal) {
			v.Host = v.Hostname()
			if strings.Contains(v.Host, ":") {
				v.Host = "[" + v.Host + "]" // an IPv6 literal keeps its brackets
			}
			if !defaultPort(portal) {
				v.Host += ":" + portal.Port()
			}
		}
		u = &v
	}
	return u, nil
}

// sameHost: the same host name without case, and the same port, where a
// missing port and either scheme's default (80, 443) count as the
// portal's default alike.
func sameHost(u, portal *url.URL) bool {
	if !strings.EqualFold(u.Hostname(), portal.Hostname()) {
		return false
	}
	if defaultPort(u) && defaultPort(portal) {
		return true
	}
	return port(u) == port(portal)
}

// defaultPort says whether a URL's port is missing or its scheme's default.
func defaultPort(u *url.URL) bool {
	switch u.Port() {
	case "":
		return true
	case "80":
		return u.Scheme == "http"
	case "443":
		return u.Scheme == "https"
	}
	return false
}

func port(u *url.URL) string {
	switch {
	case u.Port() != "":
		return u.Port()
	case u.Scheme == "http":
		return "80"
	}
	return "443"
}

// DotPath reports whether an escaped URL path has a dot segment in any
// spelling (see urlpath.Dot), a backslash read as a slash as a WHATWG
// parser does (and its escape %5C too: a URL parsed and printed again
// carries the backslash so).
func DotPath(escaped string) bool {
	escaped = backslash.Replace(escaped)
	for _, seg := range strings.FieldsFunc(escaped, func(r rune) bool { return r == '/' || r == '\\' }) {
		if urlpath.Dot(seg) {
			return true
		}
	}
	return false
}

var backslash = strings.NewReplacer("%5C", "/", "%5c", "/")

// AsSent is the absolute URL u as a request for it is sent when its path
// has a dot segment (DotPath): resolved as the sender's WHATWG parser
// resolves it (see normalize: "..", "%2e%2E", ... name the parent), so
// that what matches a source's links regexp, and the id made from the
// URL, are those of the page fetched, not of the text
// (/careers/job/%2e%2e/%2e%2e/admin is /admin). Other URLs, and one that
// does not parse, are returned as they are.
func AsSent(u string) string {
	p, err := url.Parse(u)
	if err != nil || !DotPath(p.EscapedPath()) {
		return u
	}
	if n, err := normalize(u); err == nil {
		return n
	}
	return u
}
