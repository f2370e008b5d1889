package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// TestNULByte: a NUL byte written as an escape in a quoted key or value is
// named with its key and line, never passed on (a board "ac\0me" was
// accepted) and never hidden behind "type: is required" (a key "type\0").
func TestNULByte(t *testing.T) {
	for _, tt := range []struct{ name, yaml, want string }{
		{"in a key", "snapshots: s\nsources:\n  - name: a\n    \"type\\0\": greenhouse\n    board: acme\n",
			`config.yaml:4: sources[0]."type\x00": the key has a NUL byte (\x00) at byte 5: remove its escape (\0, \x00 or \u0000)`},
		{"in a value", "snapshots: s\nsources:\n  - name: a\n    type: greenhouse\n    board: \"ac\\0me\"\n",
			`config.yaml:5: sources[0].board: the value has a NUL byte (\x00) at byte 3: remove its escape (\0, \x00 or \u0000)`},
		{"in the type", "snapshots: s\nsources:\n  - {name: a, type: \"green\\x00house\", board: acme}\n",
			`config.yaml:3: sources[0].type: the value has a NUL byte (\x00) at byte 6: remove its escape (\0, \x00 or \u0000)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parse([]byte(tt.yaml), "config.yaml", env(nil))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", c.Sources)
			}
			var perr *config.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			var got []string
			for _, p := range perr.Problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
