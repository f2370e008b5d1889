package watch

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Routes makes the configured notifiers and their routes (sources, event
// types, content filter), as a run uses them; `watcher notify test` sends
// through them directly. o's zero fields get the defaults New gives them.
func Routes(cfg *config.Config, o Options) ([]notify.Route, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Retry.Attempts == 0 {
		o.Retry = retry.Default
		if cfg.HTTP.Retries > 0 {
			o.Retry.Attempts = cfg.HTTP.Retries
		}
	}
	return buildRoutes(cfg, o)
}

// buildRoutes makes the configured notifiers. Errors name the notifier,
// never its URL or password.
func buildRoutes(cfg *config.Config, o Options) ([]notify.Route, error) {
	var out []notify.Route
	for i, n := range cfg.Notifiers {
		nt, err := buildNotifier(cfg, n, o)
		if err != nil {
			return nil, fmt.Errorf("notifiers[%d]: %w", i, err)
		}
		r := notify.Route{Notifier: nt, Sources: n.Sources, Events: n.Events}
		if !n.Filter.Empty() {
			f, err := n.Filter.Compile()
			if err != nil {
				return nil, fmt.Errorf("notifiers[%d] %q: %w", i, n.Name, err)
			}
			r.Filter = f
		}
		out = append(out, r)
	}
	return out, nil
}

// Plugins are the source types (scrape/platforms) and channels of this
// build, as config.Parse and config.Load take them: config/registry's one
// list.
func Plugins() config.Plugins { return registry.Plugins() }

// buildNotifier makes the notifier n with its channel's New. Errors name
// the notifier, never its URL or password.
func buildNotifier(cfg *config.Config, n config.Notifier, o Options) (notify.Notifier, error) {
	w := io.Writer(os.Stdout)
	if o.Stdout != nil {
		w = o.Stdout
	}
	d := notify.Deps{
		Client: &http.Client{Timeout: cfg.HTTP.Timeout, Transport: o.Transport},
		// One attempt per call: the outbox is the one retry stage (backoff,
		// Retry-After, circuit breaker, budget), so a dead receiver costs a
		// run one failed attempt, not a channel's own retry loop per event.
		Retry:     retry.Policy{Attempts: 1},
		Logger:    o.Logger,
		UserAgent: cfg.HTTP.UserAgent,
		Stdout:    w,
		Now:       o.Now,
	}
	for _, c := range registry.Channels {
		if c.Config.Type == n.Type {
			return c.New(n, d)
		}
	}
	return nil, fmt.Errorf("%q: type %q is not supported", n.Name, n.Type)
}
