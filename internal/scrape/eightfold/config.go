package eightfold

import (
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Config is the keys of an eightfold source besides the common ones.
type Config struct {
	Domain string   `yaml:"domain,omitempty"`     // the tenant's domain: netflix.com
	Teams  []string `yaml:"teams,omitempty,flow"` // only these teams (departments); empty: all
	// Interface is the listing interface: "auto" (or ""), "apply" or
	// "pcsx"; see Interfaces.
	Interface string `yaml:"interface,omitempty"`
}

// Interfaces are the values of the interface key: auto (the one the
// tenant allows, remembered), or one of the two.
var Interfaces = []string{"auto", "apply", "pcsx"}

// Kind is how the config reads an eightfold source: url and domain
// required, teams and interface optional.
var Kind = config.Kind{
	Type: "eightfold",
	Keys: []config.Key{
		{Name: "url", Shape: config.URL, Required: true}, {Name: "domain", Required: true, Plain: true},
		{Name: "teams", Shape: config.List, Plain: true}, {Name: "interface", Plain: true},
	},
	New: func() any { return new(Config) },
}

// Validate checks the domain and the interface.
func (c *Config) Validate(ck *config.Check) {
	if ck.Has("domain") && !validDomain(c.Domain) {
		ck.Problem("domain", "must be a domain name such as netflix.com (no scheme or path)")
	}
	if ck.Has("interface") && !slices.Contains(Interfaces, c.Interface) {
		ck.Problem("interface", "must be one of "+strings.Join(Interfaces, ", "))
	}
}

func validDomain(s string) bool {
	if len(s) > 253 || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || !strings.Contains(s, ".") {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}
