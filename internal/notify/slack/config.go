package slack

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
)

// Kind is how the config reads a slack notifier: the chat keys (url
// required, template and history_url optional).
var Kind = render.ChatKind("slack")

// Build makes the slack notifier n.
func Build(n config.Notifier, d notify.Deps) (notify.Notifier, error) {
	c := config.SettingsOf[render.ChatConfig](n.Settings)
	return New(Options{
		Name: n.Name, URL: c.URL, Client: d.Client, Retry: d.Retry, Logger: d.Logger,
		Template: c.Template, HistoryURL: c.HistoryURL,
	})
}
