package discord

import (
	"strings"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
)

// Config is the keys of a discord notifier: the chat keys and username.
type Config struct {
	render.ChatConfig `yaml:",inline"`
	Username          string `yaml:"username"` // the display name
}

// Kind is how the config reads a discord notifier: url required,
// username, template and history_url optional.
var Kind = config.Kind{
	Type: "discord",
	Keys: []config.Key{render.ChatKeys[0], {Name: "username"}, render.ChatKeys[1], render.ChatKeys[2]},
	New:  func() any { return new(Config) },
}

// Validate checks the template and the username (one line, at most 80
// characters, as Discord takes it).
func (c *Config) Validate(ck *config.Check) {
	c.ChatConfig.Validate(ck)
	if ck.Has("username") && (strings.ContainsAny(c.Username, "\r\n\x00") || utf8.RuneCountInString(c.Username) > 80) {
		ck.Problem("username", "must be a single line of at most 80 characters")
	}
}

// Build makes the discord notifier n.
func Build(n config.Notifier, d notify.Deps) (notify.Notifier, error) {
	c := config.SettingsOf[Config](n.Settings)
	return New(Options{
		Name: n.Name, URL: c.URL, Client: d.Client, Retry: d.Retry, Logger: d.Logger,
		Username: c.Username, Template: c.Template, HistoryURL: c.HistoryURL,
	})
}
