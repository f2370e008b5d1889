package neogov

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// NewSource makes the adapter for src (type neogov, scrape.BoardKind: board
// required, the agency slug; url optional, the host serving the feed).
func NewSource(src config.Source, c *scrape.Client) (*Adapter, error) {
	return New(src.Name, Config{Agency: scrape.BoardOf(src), URL: src.URL}, c)
}
