package config_test

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

// parse and load read a config with this build's source types and
// channels, as the program does.
func parse(data []byte, filename string, getenv func(string) (string, bool)) (*config.Config, error) {
	return config.Parse(data, filename, getenv, registry.Plugins())
}

func load(path string) (*config.Config, error) { return config.Load(path, registry.Plugins()) }
