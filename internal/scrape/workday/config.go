package workday

import "github.com/careers-watcher/careers-watcher/internal/config"

// Config is the keys of a workday source besides the common ones.
type Config struct {
	Tenant string `yaml:"tenant,omitempty"` // acme in acme.wd5.myworkdayjobs.com
	Site   string `yaml:"site,omitempty"`   // the career site: External
}

// Kind is how the config reads a workday source: url, tenant and site
// required.
var Kind = config.Kind{
	Type: "workday",
	Keys: []config.Key{{Name: "url", Shape: config.URL, Required: true}, {Name: "tenant", Required: true}, {Name: "site", Required: true}},
	New:  func() any { return new(Config) },
}
