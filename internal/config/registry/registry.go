// Package registry is the config side of this build's plug-ins: its source
// types (scrape/platforms) and notifier channels, as config.Parse and
// config.Load take them, without the rest of the program. watch.Plugins
// is the same list with the code that runs them; a test in internal/cli
// holds the two equal. The config package's tests read their configs with
// it, so that their test binary does not link the whole watcher.
package registry

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify/discord"
	"github.com/careers-watcher/careers-watcher/internal/notify/email"
	"github.com/careers-watcher/careers-watcher/internal/notify/slack"
	"github.com/careers-watcher/careers-watcher/internal/notify/stdout"
	"github.com/careers-watcher/careers-watcher/internal/notify/teams"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
)

// Channels are the notifier types' config kinds, in watch.Channels' order.
var Channels = []config.Kind{stdout.Kind, webhook.Kind, slack.Kind, discord.Kind, teams.Kind, email.Kind}

// Plugins are the source types and channels of this build.
func Plugins() config.Plugins {
	return config.Plugins{Sources: platforms.Kinds(), Channels: append([]config.Kind(nil), Channels...)}
}
