package watch

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/discord"
	"github.com/careers-watcher/careers-watcher/internal/notify/email"
	"github.com/careers-watcher/careers-watcher/internal/notify/slack"
	"github.com/careers-watcher/careers-watcher/internal/notify/stdout"
	"github.com/careers-watcher/careers-watcher/internal/notify/teams"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
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

// Channel is one notifier type as a build registers it: how the config
// reads its keys and how the notifier is made.
type Channel struct {
	Config config.Kind
	New    func(n config.Notifier, d notify.Deps) (notify.Notifier, error)
}

// Channels is the one list of notifier types, in the order problems and
// docs list them. Adding a channel is one package and one line here.
var Channels = []Channel{
	{Config: stdout.Kind, New: stdout.Build},
	{Config: webhook.Kind, New: webhook.Build},
	{Config: slack.Kind, New: slack.Build},
	{Config: discord.Kind, New: discord.Build},
	{Config: teams.Kind, New: teams.Build},
	{Config: email.Kind, New: email.Build},
}

// Plugins are the source types (scrape/platforms) and channels of this
// build, as config.Parse and config.Load take them.
func Plugins() config.Plugins {
	p := config.Plugins{Sources: platforms.Kinds()}
	for _, c := range Channels {
		p.Channels = append(p.Channels, c.Config)
	}
	return p
}

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
	for _, c := range Channels {
		if c.Config.Type == n.Type {
			return c.New(n, d)
		}
	}
	return nil, fmt.Errorf("%q: type %q is not supported", n.Name, n.Type)
}
