package config_test

import (
	"strings"
	"testing"
)

// A source named con, aux, nul, prn, com1 or lpt1 validated, and its
// snapshot folder could not be checked out on Windows (review s22 F7).
func TestWindowsDeviceNamesAreRefused(t *testing.T) {
	for name, ok := range map[string]bool{"con": false, "aux": false, "NUL": false, "prn": false, "com1": false, "lpt9": false, "console": true, "com10": true} {
		_, err := parse([]byte("snapshots: snaps\nsources:\n  - {name: \""+name+"\", type: greenhouse, board: b}\n"), "config.yaml", nil)
		if got := err == nil; got != ok {
			t.Errorf("name %q: accepted %v, want %v (%v)", name, got, ok, err)
		}
		if !ok && (err == nil || !strings.Contains(err.Error(), "Windows reserves") && !strings.Contains(err.Error(), "lowercase")) {
			t.Errorf("name %q: %v, want the rule named", name, err)
		}
	}
	// a notifier's name names no file: not refused
	if _, err := parse([]byte("snapshots: snaps\nsources:\n  - {name: a, type: greenhouse, board: b}\nnotifiers:\n  - {name: con, type: stdout}\n"), "config.yaml", nil); err != nil {
		t.Errorf("notifier named con: %v", err)
	}
}
