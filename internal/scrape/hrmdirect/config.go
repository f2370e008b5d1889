package hrmdirect

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Kind is how the config reads a hrmdirect source: url required (the HRMDirect board or its listing page);
// no keys of its own.
var Kind = scrape.URLKind("hrmdirect")

// NewSource makes the adapter for src.
func NewSource(src config.Source, c *scrape.Client) (*Adapter, error) {
	return New(src.Name, Config{URL: src.URL}, c)
}
