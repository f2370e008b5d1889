package stdout

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// Kind is how the config reads a stdout notifier: no keys of its own.
var Kind = config.Kind{Type: "stdout"}

// Build makes the stdout notifier n, writing to d.Stdout.
func Build(n config.Notifier, d notify.Deps) (notify.Notifier, error) {
	return New(n.Name, d.Stdout), nil
}
