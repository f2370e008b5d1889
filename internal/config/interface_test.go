package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// The interface key of eightfold sources.

func TestEightfoldInterfaceKey(t *testing.T) {
	yml := `sources:
  - {name: a, type: eightfold, url: "https://explore.jobs.netflix.net", domain: netflix.com}
  - {name: b, type: eightfold, url: "https://explore.jobs.netflix.net", domain: netflix.com, interface: auto}
  - {name: c, type: eightfold, url: "https://explore.jobs.netflix.net", domain: netflix.com, interface: apply}
  - {name: d, type: eightfold, url: "https://explore.jobs.netflix.net", domain: netflix.com, interface: pcsx}
notifiers:
  - {name: c, type: stdout}
`
	c, err := parse([]byte(yml), "config.yaml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.Sources {
		got = append(got, config.SettingsOf[eightfold.Config](s.Settings).Interface)
	}
	if strings.Join(got, ",") != ",auto,apply,pcsx" {
		t.Fatalf("interfaces %q", got)
	}
}

func TestEightfoldInterfaceProblems(t *testing.T) {
	yml := `sources:
  - name: a
    type: eightfold
    url: https://explore.jobs.netflix.net
    domain: netflix.com
    interface: pcsy
  - name: b
    type: greenhouse
    board: acme
    interface: pcsx
  - name: c
    type: eightfold
    url: https://explore.jobs.netflix.net
    domain: netflix.com
    interface: [apply]
notifiers:
  - {name: c, type: stdout}
`
	_, err := parse([]byte(yml), "config.yaml", env(nil))
	var perr *config.Error
	if !errors.As(err, &perr) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		"config.yaml:6: sources[0].interface: must be one of auto, apply, pcsx",
		"config.yaml:10: sources[1].interface: is not used by type greenhouse",
		"config.yaml:15: sources[2].interface: must be a string, not a list",
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}
