package config

import (
	"sort"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Every value a ${VAR} brings in from the environment is taken for a
// secret (an API key in a source URL, a webhook token, a password): the
// Redactor built from them hides them in every output. A default written
// in the file (${VAR:-default}) is no secret: it is in the file already.

// recordEnv wraps getenv so that the parser remembers each value it read.
func (p *parser) recordEnv(getenv func(string) (string, bool)) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := getenv(name)
		if ok && v != "" {
			if p.secrets == nil {
				p.secrets = map[string]string{}
			}
			p.secrets[v] = name
		}
		return v, ok
	}
}

// secretList is what recordEnv collected, in a fixed order.
func (p *parser) secretList() []redact.Secret {
	var out []redact.Secret
	for v, name := range p.secrets {
		out = append(out, redact.Secret{Name: name, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// Redactor hides the config's secrets (see redact.MinLen for the values it
// leaves alone).
func (c *Config) Redactor() *redact.Redactor {
	if c == nil {
		return redact.New(nil)
	}
	return redact.New(c.Secrets)
}
