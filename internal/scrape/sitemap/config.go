package sitemap

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Key is the sitemap key of the jsonld and html sources: the URL of a
// sitemap or sitemap index, or "robots" for the sitemaps that the site's
// robots.txt names. The source's links pattern picks the posting URLs.
var Key = config.Key{Name: "sitemap"} // a URL, whose query may hold a credential: not plain

// Validate checks the sitemap key of a source whose links pattern is the
// key linksKey: a URL or "robots", and, on a source of one of the types
// that take the key (not one whose misplaced key is checked), a links
// pattern to go with it.
func Validate(ck *config.Check, value, linksKey string) {
	if !ck.Has("sitemap") || ck.Bad("sitemap") {
		return
	}
	if value != Robots {
		u, err := url.Parse(strings.TrimSpace(value))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			ck.Problem("sitemap", "must be the http(s) URL of a sitemap or sitemap index (no user or password), or \"robots\" for the Sitemap: lines of the site's robots.txt")
			return
		}
	}
	typ, _ := strconv.Unquote(ck.Shown("type"))
	own := typ == "jsonld" || typ == "html" || typ == "auto"
	if own && !ck.Has(linksKey) && !ck.Bad(linksKey) {
		ck.Problem(linksKey, "is required with sitemap: a regular expression that picks the posting URLs among the sitemap's URLs, such as '/careers/job/\\d+'")
	}
}
