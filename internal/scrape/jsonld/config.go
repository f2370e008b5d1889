package jsonld

import (
	"regexp"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

// Config is the keys of a jsonld (or auto) source besides the common ones.
type Config struct {
	// Links is a regular expression (RE2) matched against the absolute URL
	// of every link on the page: the matching links are the posting pages
	// to read. "" reads the page's own JobPosting items.
	Links string `yaml:"links,omitempty"`
	// MaxPages caps the pages read (0: DefaultMaxPages); a listing needing
	// more is an error, never cut short.
	MaxPages int `yaml:"max_pages,omitempty"`
	// Sitemap discovers the posting pages from the site's sitemap instead
	// of the page at url: the URL of a sitemap or sitemap index, or
	// "robots" for the Sitemap: lines of the site's robots.txt. Links then
	// picks the posting URLs among the sitemap's, and each posting's
	// lastmod is its update stamp.
	Sitemap string `yaml:"sitemap,omitempty"`
	// Render (render, wait_for, render_timeout): render: browser loads
	// the pages in headless Chromium and reads the DOM their scripts built.
	Render render.Config `yaml:",inline"`
}

// Kind is how the config reads a jsonld source: url required; links,
// max_pages, sitemap, render, wait_for and render_timeout optional.
var Kind = KindOf("jsonld")

// KindOf is the jsonld keys under another type name (auto takes them too:
// a page it detects as no known board is read as jsonld).
func KindOf(typ string) config.Kind {
	return config.Kind{
		Type: typ,
		Keys: append([]config.Key{{Name: "url", Shape: config.URL, Required: true}, {Name: "links"}, scrape.MaxPagesKey, sitemap.Key}, render.Keys...),
		New:  func() any { return new(Config) },
	}
}

// Validate checks that links is a regular expression, and the sitemap
// key (which needs links).
func (c *Config) Validate(ck *config.Check) {
	sitemap.Validate(ck, c.Sitemap, "links")
	c.Render.Validate(ck)
	if !ck.Has("links") {
		return
	}
	if _, err := regexp.Compile(c.Links); err != nil {
		msg := "must be a regular expression (RE2 syntax) such as '/careers/job/\\d+'"
		if !ck.FromEnv("links") { // never echo what came from the environment
			msg += ": " + err.Error()
		}
		ck.Problem("links", msg)
	}
}
