package oracle

import (
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Kind is how the config reads an oracle source: url (the site's host)
// and site (the siteNumber) required; language optional (the {lang} of
// posting URLs, default en).
var Kind = config.Kind{
	Type: "oracle",
	Keys: []config.Key{{Name: "url", Shape: config.URL, Required: true}, {Name: "site", Required: true, Plain: true}, {Name: "language", Plain: true}},
	New:  func() any { return new(Config) },
}

// Validate checks that site and language are single path segments.
func (c *Config) Validate(ck *config.Check) {
	if ck.Has("site") && strings.ContainsAny(c.Site, "/?#. \t\r\n") {
		ck.Problem("site", "must be the siteNumber of .../CandidateExperience/{lang}/sites/{site} (CX, CX_1, ...)")
	}
	if ck.Has("language") && strings.ContainsAny(c.Language, "/?#. \t\r\n") {
		ck.Problem("language", "must be the {lang} segment of the site's URLs (en, fr, ...)")
	}
}

// NewSource makes the adapter for src.
func NewSource(src config.Source, c *scrape.Client) (*Adapter, error) {
	cfg := config.SettingsOf[Config](src.Settings)
	cfg.URL = src.URL
	return New(src.Name, cfg, c)
}
