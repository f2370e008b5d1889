package platforms

import (
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/detect"
)

// resolve is New. Type auto calls it for the type it detects, at run time;
// naming New in List's initializer would be an initialization
// cycle, so it is set in init.
var resolve func(config.Source, *scrape.Client) (scrape.Adapter, error)

func init() { resolve = New }

// newAuto is the adapter of a source of type auto: the platform detect
// recognises from its url (an ATS board address, *.eightfold.ai,
// explore.jobs.netflix.net; else the page's JSON-LD), without a network
// probe. Sites that serve Eightfold under their own host name, other than
// Netflix's, are read as jsonld.
func newAuto(src config.Source, c *scrape.Client) (scrape.Adapter, error) {
	d, err := detect.ForSource(src)
	if err != nil {
		return nil, fmt.Errorf("auto: source %q: %w", src.Name, err)
	}
	a, err := resolve(d, c)
	if err != nil {
		return nil, fmt.Errorf("auto: source %q: %s detected as %s: %w", src.Name, src.URL, d.Type, err)
	}
	return a, nil
}
