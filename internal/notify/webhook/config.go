package webhook

import (
	"encoding/base64"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// Config is the keys of a webhook notifier.
type Config struct {
	URL     string            `yaml:"url"`    // a secret: never in messages
	Secret  string            `yaml:"secret"` // "whsec_<base64>" or ""
	Headers map[string]string `yaml:"headers"`
}

// Kind is how the config reads a webhook notifier: url required, secret
// and headers optional; the headers it sets itself cannot be given.
var Kind = config.Kind{
	Type: "webhook",
	Keys: []config.Key{
		{Name: "url", Shape: config.URL, Required: true}, {Name: "secret", Always: true},
		{Name: "headers", Shape: config.Headers, Reserved: []string{"Content-Type", "Content-Length", "Host", "Webhook-Id", "Webhook-Timestamp", "Webhook-Signature"}},
	},
	New: func() any { return new(Config) },
}

// Validate checks the secret (never echoed).
func (c *Config) Validate(ck *config.Check) {
	if ck.Has("secret") && !validSecret(c.Secret) {
		ck.Problem("secret", `must be "whsec_" followed by the base64 (standard encoding) of at least 16 random bytes`)
	}
}

func validSecret(s string) bool {
	b64, ok := strings.CutPrefix(s, "whsec_")
	if !ok {
		return false
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	return err == nil && len(raw) >= 16
}

// Build makes the webhook notifier n.
func Build(n config.Notifier, d notify.Deps) (notify.Notifier, error) {
	c := config.SettingsOf[Config](n.Settings)
	return New(Options{
		Name: n.Name, URL: c.URL, Secret: c.Secret, Headers: c.Headers,
		Client: d.Client, Retry: d.Retry, Logger: d.Logger,
	})
}
