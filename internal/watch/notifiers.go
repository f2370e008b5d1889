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

// buildRoutes makes the configured notifiers: the one place that maps a
// notifier type to its package. Errors name the notifier, never its URL or
// password.
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

func buildNotifier(cfg *config.Config, n config.Notifier, o Options) (notify.Notifier, error) {
	client := func() *http.Client { return &http.Client{Timeout: cfg.HTTP.Timeout, Transport: o.Transport} }
	// One attempt per call: the outbox is the one retry stage (backoff,
	// Retry-After, circuit breaker, budget), so a dead receiver costs a run
	// one failed attempt, not a channel's own retry loop per event.
	once := retry.Policy{Attempts: 1}
	switch n.Type {
	case "stdout":
		var w io.Writer = os.Stdout
		if o.Stdout != nil {
			w = o.Stdout
		}
		return stdout.New(n.Name, w), nil
	case "webhook":
		return webhook.New(webhook.Options{
			Name: n.Name, URL: n.URL, Secret: n.Secret, Headers: n.Headers,
			Client: client(), Retry: once, UserAgent: cfg.HTTP.UserAgent, Logger: o.Logger,
		})
	case "slack":
		return slack.New(slack.Options{
			Name: n.Name, URL: n.URL, Client: client(), Retry: once, Logger: o.Logger, UserAgent: cfg.HTTP.UserAgent,
			Template: n.Template, HistoryURL: n.HistoryURL,
		})
	case "discord":
		return discord.New(discord.Options{
			Name: n.Name, URL: n.URL, Client: client(), Retry: once, Logger: o.Logger, UserAgent: cfg.HTTP.UserAgent,
			Username: n.Username, Template: n.Template, HistoryURL: n.HistoryURL,
		})
	case "teams":
		return teams.New(teams.Options{
			Name: n.Name, URL: n.URL, Client: client(), Retry: once, Logger: o.Logger, UserAgent: cfg.HTTP.UserAgent,
			Template: n.Template, HistoryURL: n.HistoryURL,
		})
	case "email":
		return email.New(email.Options{
			Name: n.Name, Host: n.Host, Port: n.Port, TLS: n.TLS, Username: n.Username, Password: n.Password,
			Auth: n.Auth, From: n.From, To: n.To, Subject: n.Subject, Template: n.Template,
			HTMLTemplate: n.HTMLTemplate, HistoryURL: n.HistoryURL, Timeout: n.Timeout,
			Retry: once, Logger: o.Logger, Now: o.Now,
		})
	}
	return nil, fmt.Errorf("%q: type %q is not supported", n.Name, n.Type)
}
