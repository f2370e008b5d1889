// Package platforms maps a source's type to its adapter: the one list of
// supported platforms.
package platforms

import (
	"fmt"
	"sort"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/ashby"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	"github.com/careers-watcher/careers-watcher/internal/scrape/greenhouse"
	htmlsel "github.com/careers-watcher/careers-watcher/internal/scrape/html"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
	"github.com/careers-watcher/careers-watcher/internal/scrape/lever"
	"github.com/careers-watcher/careers-watcher/internal/scrape/personio"
	"github.com/careers-watcher/careers-watcher/internal/scrape/recruitee"
	"github.com/careers-watcher/careers-watcher/internal/scrape/smartrecruiters"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workable"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workday"
)

type factory func(config.Source, *scrape.Client) (scrape.Adapter, error)

// factories is the one list of supported source types. Keep one line per
// type, in the order of config.SourceTypes.
var factories = map[string]factory{
	"eightfold":       func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return eightfold.New(s, c) },
	"greenhouse":      func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return greenhouse.New(s, c) },
	"lever":           func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return lever.New(s, c) },
	"ashby":           func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return ashby.New(s, c) },
	"workday":         func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return workday.New(s, c) },
	"smartrecruiters": func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return smartrecruiters.New(s, c) },
	"recruitee":       func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return recruitee.New(s, c) },
	"workable":        func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return workable.New(s, c) },
	"personio":        func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return personio.New(s, c) },
	"jsonld":          func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return jsonld.New(s, c) },
	"html":            func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return htmlsel.New(s, c) },
	"auto":            func(s config.Source, c *scrape.Client) (scrape.Adapter, error) { return newAuto(s, c) },
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
