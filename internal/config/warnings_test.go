package config_test

import (
	"strconv"
	"strings"
	"testing"
)

// TestJitterWarning: a jitter window that is not shorter than a source's
// schedule interval is a warning at the jitter key's line; a shorter one,
// or none, is not.
func TestJitterWarning(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string // "line: message start"
	}{
		{"longer than @every", "snapshots: s\njitter: 2h\nsources:\n  - {name: a, type: lever, board: a, schedule: '@every 1h'}\n  - {name: b, type: lever, board: b}\n",
			[]string{`2: jitter 2h0m0s is not shorter than the 1h0m0s between runs of source "a" (schedule "@every 1h")`}},
		{"equal to the default schedule", "jitter: 6h\nsources:\n  - {name: a, type: lever, board: a}\n",
			[]string{`1: jitter 6h0m0s is not shorter than the 6h0m0s between runs of source "a" (schedule "0 */6 * * *")`}},
		{"cron on weekdays: the shortest gap", "schedule: '0 9 * * 1-5'\njitter: 25h\nsources:\n  - {name: a, type: lever, board: a}\n",
			[]string{`2: jitter 25h0m0s is not shorter than the 24h0m0s between runs of source "a"`}},
		{"shorter", "jitter: 10m\nsources:\n  - {name: a, type: lever, board: a, schedule: '@every 1h'}\n", nil},
		{"none", "sources:\n  - {name: a, type: lever, board: a, schedule: '@every 1s'}\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := parse([]byte(tc.yaml), "config.yaml", env(nil))
			if err != nil {
				t.Fatal(err)
			}
			ws := cfg.Warnings()
			if len(ws) != len(tc.want) {
				t.Fatalf("warnings %+v, want %d", ws, len(tc.want))
			}
			for i, w := range ws {
				if got := strconv.Itoa(w.Line) + ": " + w.Msg; !strings.HasPrefix(got, tc.want[i]) {
					t.Errorf("warning %d:\n got %s\nwant %s...", i, got, tc.want[i])
				}
			}
		})
	}
}
