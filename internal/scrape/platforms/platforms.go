// Package platforms maps a source's type to its adapter: the one list of
// supported platforms.
package platforms

import (
	"fmt"
	"sort"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
)

type factory func(config.Source, *scrape.Client) (scrape.Adapter, error)

// factories is the one list of supported source types. Keep one line per
// type, in the order of config.SourceTypes.
var factories = map[string]factory{
	"eightfold": func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return eightfold.New(s, c) },
	// greenhouse
	// lever
	// ashby
	// workday
	// smartrecruiters
	// recruitee
	// workable
	// personio
	// jsonld
	// html
	// auto
}

// Supported lists the source types this build can fetch.
func Supported() []string {
	out := make([]string, 0, len(factories))
	for k := range factories {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// New returns the adapter for src.
func New(src config.Source, c *scrape.Client) (scrape.Adapter, error) {
	f, ok := factories[src.Type]
	if !ok {
		return nil, fmt.Errorf("source %q: type %q is not supported yet (supported: %s)", src.Name, src.Type, strings.Join(Supported(), ", "))
	}
	return f(src, c)
}
