package paylocity

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// NewSource makes the adapter for src (type paylocity, scrape.BoardKind: board
// required; url optional).
func NewSource(src config.Source, c *scrape.Client) (*Adapter, error) {
	return New(src.Name, Config{Board: scrape.BoardOf(src), URL: src.URL}, c)
}
