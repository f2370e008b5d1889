// Package registry is the one list of this build's plug-ins: its source
// types (scrape/platforms) and notifier channels, as config.Parse and
// config.Load take them and as watch makes the notifiers, without the rest
// of the program. watch.Plugins is this list; the config package's tests
// read their configs with it directly, so that their test binary does not
// link the whole watcher.
package registry

import (
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/discord"
	"github.com/careers-watcher/careers-watcher/internal/notify/email"
	"github.com/careers-watcher/careers-watcher/internal/notify/slack"
	"github.com/careers-watcher/careers-watcher/internal/notify/stdout"
	"github.com/careers-watcher/careers-watcher/internal/notify/teams"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
)

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

// Plugins are the source types and channels of this build.
func Plugins() config.Plugins {
	p := config.Plugins{Sources: platforms.Kinds(), DatabaseURL: parseDatabaseURL}
	for _, c := range Channels {
		p.Channels = append(p.Channels, c.Config)
	}
	return p
}

// parseDatabaseURL reads a connection string as the commands that connect
// read it (pgstore.Open: pgxpool.ParseConfig, which reads the pool's
// parameters such as pool_max_conns and pgx's such as
// statement_cache_capacity besides the driver's).
func parseDatabaseURL(s string) error {
	_, err := pgxpool.ParseConfig(s)
	return err
}
