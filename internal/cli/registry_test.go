package cli

import (
	"fmt"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// TestConfigRegistryIsTheWatchers: the config package's tests read their
// configs with config/registry's plug-ins (a light list, so that they do
// not link the whole program); it must be the watcher's own list: the same
// source types and channels, in the same order, with the same keys and
// typed configs.
func TestConfigRegistryIsTheWatchers(t *testing.T) {
	show := func(p config.Plugins) string {
		s := ""
		for _, ks := range [][]config.Kind{p.Sources, p.Channels} {
			for _, k := range ks {
				var typed any
				if k.New != nil {
					typed = k.New()
				}
				s += fmt.Sprintf("%s %+v %T %+v\n", k.Type, k.Keys, typed, typed)
			}
			s += "--\n"
		}
		return s
	}
	got, want := show(registry.Plugins()), show(watch.Plugins())
	if got != want {
		t.Errorf("config/registry's plug-ins:\n%s\nwatch.Plugins():\n%s", got, want)
	}
	if len(watch.Plugins().Channels) == 0 || len(watch.Plugins().Sources) == 0 {
		t.Fatal("no plug-ins to compare")
	}
}
