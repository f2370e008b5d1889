package config_test

import (
	"fmt"
	"reflect"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

// parse and load read a config with this build's source types and
// channels, as the program does. parse also reads every config the tests
// give it with its sources list in parts (as Parse reads a fleet's large
// file) and panics when that gives another result: a config or problems
// that differ in anything.
func parse(data []byte, filename string, getenv func(string) (string, bool)) (*config.Config, error) {
	cfg, err := config.Parse(data, filename, getenv, registry.Plugins())
	inParts, _, errInParts := config.ParseInParts(data, filename, getenv, registry.Plugins())
	if !reflect.DeepEqual(cfg, inParts) || fmt.Sprint(err) != fmt.Sprint(errInParts) {
		panic(fmt.Sprintf("config read in parts differs from the config read whole:\n%s\nwhole: %+v, %v\nin parts: %+v, %v", data, cfg, err, inParts, errInParts))
	}
	return cfg, err
}

func load(path string) (*config.Config, error) { return config.Load(path, registry.Plugins()) }
