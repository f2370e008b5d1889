package teamtailor

import (
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Kind is how the config reads a teamtailor source: url (the career site,
// a custom domain too) or board (the subdomain of {board}.teamtailor.com).
var Kind = config.Kind{
	Type: "teamtailor",
	Keys: []config.Key{{Name: "url", Shape: config.URL}, {Name: "board", Plain: true}},
	New:  func() any { return new(Config) },
}

// Validate checks that url or board is given and that board is a slug.
func (c *Config) Validate(ck *config.Check) {
	if !ck.Has("url") && !ck.Has("board") && !ck.Bad("url") && !ck.Bad("board") {
		ck.Problem("url", "url (the career site) or board (the subdomain of {board}.teamtailor.com) is required for type teamtailor")
	}
	if ck.Has("board") && strings.ContainsAny(c.Board, "/?#. \t\r\n") {
		ck.Problem("board", "must be the subdomain of {board}.teamtailor.com (no dots, spaces, slashes, ? or #)")
	}
}

// NewSource makes the adapter for src.
func NewSource(src config.Source, c *scrape.Client) (*Adapter, error) {
	cfg := config.SettingsOf[Config](src.Settings)
	cfg.URL = src.URL
	return New(src.Name, cfg, c)
}
