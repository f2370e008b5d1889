package watch

import (
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/stdout"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
)

// buildRoutes makes the configured notifiers: the one place that maps a
// notifier type to its package.
func buildRoutes(cfg *config.Config, o Options) ([]notify.Route, error) {
	var out []notify.Route
	for i, n := range cfg.Notifiers {
		var nt notify.Notifier
		switch n.Type {
		case "stdout":
			var w io.Writer = os.Stdout
			if o.Stdout != nil {
				w = o.Stdout
			}
			nt = stdout.New(n.Name, w)
		case "webhook":
			client := &http.Client{Timeout: cfg.HTTP.Timeout, Transport: o.Transport}
			wh, err := webhook.New(webhook.Options{
				Name: n.Name, URL: n.URL, Secret: n.Secret, Headers: n.Headers,
				Client: client, Retry: o.Retry, UserAgent: cfg.HTTP.UserAgent,
			})
			if err != nil {
				return nil, fmt.Errorf("notifiers[%d]: %w", i, err)
			}
			nt = wh
		default:
			return nil, fmt.Errorf("notifiers[%d] %q: type %q is not supported", i, n.Name, n.Type)
		}
		out = append(out, notify.Route{Notifier: nt, Sources: n.Sources, Events: n.Events})
	}
	return out, nil
}
