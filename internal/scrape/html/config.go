package htmlsel

import (
	"regexp"

	"github.com/andybalholm/cascadia"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

// Config is the keys of an html source besides the common ones.
type Config struct {
	Selectors Selectors `yaml:"selectors"`
	// MaxPages caps the pages read (0: DefaultMaxPages); a listing needing
	// more is an error, never cut short.
	MaxPages int `yaml:"max_pages,omitempty"`
	// Sitemap reads the postings from the site's sitemap instead of a
	// listing page: the URL of a sitemap or sitemap index, or "robots" for
	// the Sitemap: lines of the site's robots.txt. Links picks the posting
	// URLs among the sitemap's; each posting's page is read with the
	// selectors (item optional: the page is the item), and its lastmod is
	// its update stamp.
	Sitemap string `yaml:"sitemap,omitempty"`
	// Render (render, wait_for, render_timeout): render: browser loads
	// the pages in headless Chromium and reads the DOM their scripts built.
	Render render.Config `yaml:",inline"`
	// Links is a regular expression (RE2) on the absolute URL: the
	// sitemap's URLs it matches are the posting pages (required with
	// sitemap, unused without).
	Links string `yaml:"links,omitempty"`
}

// Selectors are the CSS selectors of an html source. Item and Title are
// required; the others are optional. All but Item and Next are relative to
// one item; Description applies to the posting's own page (Link).
type Selectors struct {
	Item        string `yaml:"item,omitempty"`        // one element per posting
	Title       string `yaml:"title,omitempty"`       // its title (text)
	Link        string `yaml:"link,omitempty"`        // an element whose href is the posting's page
	Location    string `yaml:"location,omitempty"`    // location labels (text; every match is one)
	Team        string `yaml:"team,omitempty"`        // team or department (text)
	Next        string `yaml:"next,omitempty"`        // in the page: an element whose href is the next page
	Description string `yaml:"description,omitempty"` // in the posting's page: the description (HTML)
}

// Kind is how the config reads an html source: url and selectors
// required; max_pages, sitemap, links, render, wait_for and
// render_timeout optional.
var Kind = config.Kind{
	Type: "html",
	Keys: []config.Key{
		{Name: "url", Shape: config.URL, Required: true},
		{Name: "selectors", Shape: config.Map, Required: true, Plain: true, Sub: []string{"item", "title", "link", "location", "team", "next", "description"}},
		scrape.MaxPagesKey,
		sitemap.Key,
		{Name: "links"}, // a pattern of links, which may hold a URL's query: not plain
		render.Keys[0], render.Keys[1], render.Keys[2],
	},
	New: func() any { return new(Config) },
}

// Validate compiles the selectors and checks the required ones, and the
// sitemap and links keys.
func (c *Config) Validate(ck *config.Check) {
	sitemap.Validate(ck, c.Sitemap, "links")
	c.Render.Validate(ck)
	if ck.Has("links") && !ck.Has("sitemap") && !ck.Bad("sitemap") {
		ck.Problem("links", "is used only with sitemap on an html source (the listing's links come from selectors.link)")
	} else if ck.Has("links") {
		if _, err := regexp.Compile(c.Links); err != nil {
			msg := "must be a regular expression (RE2 syntax) such as '/careers/job/\\d+'"
			if !ck.FromEnv("links") {
				msg += ": " + err.Error()
			}
			ck.Problem("links", msg)
		}
	}
	if !ck.Has("selectors") || ck.Bad("selectors") {
		return
	}
	s := &c.Selectors
	bad := map[string]bool{}
	for _, f := range []struct {
		key string
		v   *string
	}{
		{"item", &s.Item}, {"title", &s.Title}, {"link", &s.Link}, {"location", &s.Location},
		{"team", &s.Team}, {"next", &s.Next}, {"description", &s.Description},
	} {
		key := "selectors." + f.key
		bad[f.key] = ck.Bad(key)
		if *f.v == "" {
			continue
		}
		if _, err := cascadia.Compile(*f.v); err != nil {
			msg := "must be a CSS selector such as 'li.job' or 'a[href]'"
			if !ck.FromEnv(key) {
				msg += ": " + err.Error()
			}
			ck.Problem(key, msg)
			bad[f.key] = true
		}
	}
	required := []string{"item", "title"}
	if ck.Has("sitemap") {
		required = required[1:] // each posting's page is its item
	}
	for _, k := range required {
		if !ck.Has("selectors."+k) && !bad[k] {
			ck.Problem("selectors."+k, "is required")
		}
	}
	if s.Description != "" && s.Link == "" && !bad["link"] && !ck.Has("sitemap") {
		ck.Problem("selectors.description", "needs selectors.link: the description is read from each posting's page")
	}
}
