package teamtailor

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

func parse(t *testing.T, yml string) error {
	t.Helper()
	env := func(k string) (string, bool) {
		if k == "BOARD" {
			return "se/cret", true
		}
		return "", false
	}
	_, err := config.Parse([]byte(yml), "config.yaml", env, config.Plugins{Sources: []config.Kind{Kind}})
	return err
}

func TestKind(t *testing.T) {
	for _, ok := range []string{
		"sources:\n  - {name: a, type: teamtailor, board: acme}\n",
		"sources:\n  - {name: a, type: teamtailor, url: \"https://careers.acme.com\"}\n",
	} {
		if err := parse(t, ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	cases := []struct{ yml, want string }{
		{"sources:\n  - name: a\n    type: teamtailor\n", "config.yaml:2: sources[0].url: url (the career site) or board (the subdomain of {board}.teamtailor.com) is required for type teamtailor"},
		{"sources:\n  - name: a\n    type: teamtailor\n    board: acme.example\n", "config.yaml:4: sources[0].board: must be the subdomain of {board}.teamtailor.com (no dots, spaces, slashes, ? or #)"},
		{"sources:\n  - name: a\n    type: teamtailor\n    board: ${BOARD}\n", "config.yaml:4: sources[0].board: must be the subdomain"},
	}
	for _, c := range cases {
		err := parse(t, c.yml)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.yml, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "se/cret") {
			t.Errorf("a value from the environment in %v", err)
		}
	}
}
