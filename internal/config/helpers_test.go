package config_test

import (
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// parse and load read a config with this build's source types and
// channels, as the program does.
func parse(data []byte, filename string, getenv func(string) (string, bool)) (*config.Config, error) {
	return config.Parse(data, filename, getenv, watch.Plugins())
}

func load(path string) (*config.Config, error) { return config.Load(path, watch.Plugins()) }
