package workday

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/urlpath"
)

// Config is the keys of a workday source besides the common ones.
type Config struct {
	Tenant string `yaml:"tenant,omitempty"` // acme in acme.wd5.myworkdayjobs.com
	Site   string `yaml:"site,omitempty"`   // the career site: External
}

// Kind is how the config reads a workday source: url, tenant and site
// required.
var Kind = config.Kind{
	Type: "workday",
	Keys: []config.Key{{Name: "url", Shape: config.URL, Required: true}, {Name: "tenant", Required: true, Plain: true}, {Name: "site", Required: true, Plain: true}},
	New:  func() any { return new(Config) },
}

// Validate checks that tenant and site are not dot segments ("." or "..",
// also written with %2e): each is a segment of the API path, and a dot
// segment would name its parent (see urlpath.Dot).
func (c *Config) Validate(ck *config.Check) {
	for _, k := range [...]struct{ key, v string }{{"tenant", c.Tenant}, {"site", c.Site}} {
		if ck.Has(k.key) && urlpath.Dot(k.v) {
			ck.Problem(k.key, "must not be "+ck.Shown(k.key)+` (a dot segment: "." or "..", also as %2e, names the parent path)`)
		}
	}
}
