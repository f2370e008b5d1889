package config_test

import (
	"strings"
	"testing"
)

// TestDotBoardKeys: a board, tenant or site that is a dot segment ("." or
// "..", also as %2e) is refused with the key and its line: put into a
// request path it would name the parent (/v1/boards/../jobs is /v1/jobs).
func TestDotBoardKeys(t *testing.T) {
	src := "sources:\n" +
		"  - {name: a, type: greenhouse, board: '..'}\n" +
		"  - {name: b, type: lever, board: '.'}\n" +
		"  - {name: c, type: ashby, board: '%2E%2e'}\n" +
		"  - {name: d, type: workday, url: 'https://d.example', tenant: '.%2e', site: External}\n" +
		"  - {name: e, type: workday, url: 'https://e.example', tenant: e, site: '%2e'}\n" +
		"  - {name: f, type: greenhouse, board: '...'}\n" +
		"  - {name: g, type: workday, url: 'https://g.example', tenant: g.h, site: a.b}\n"
	_, err := parse([]byte(src), "config.yaml", func(string) (string, bool) { return "", false })
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{
		`config.yaml:2: sources[0].board: must be the board's slug, not ".."`,
		`config.yaml:3: sources[1].board: must be the board's slug, not "."`,
		`config.yaml:4: sources[2].board: must be the board's slug, not "%2E%2e"`,
		`config.yaml:5: sources[3].tenant: must not be ".%2e"`,
		`config.yaml:6: sources[4].site: must not be "%2e"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no problem %q in\n%s", want, got)
		}
	}
	for _, line := range []string{"config.yaml:7:", "config.yaml:8:"} {
		if strings.Contains(got, line) {
			t.Errorf("a slug with dots that is not a dot segment refused:\n%s", got)
		}
	}
}
