package config_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

// A config holding a line break YAML counts besides "\n" (NEL, U+2028,
// U+2029, a lone CR) or a directive is read whole, never in parts: the
// parts would give other line numbers, or accept what the whole read
// refuses (review s21 F1).
func TestOtherLineBreaksAndDirectivesAreReadWhole(t *testing.T) {
	var items strings.Builder
	for i := range 80 {
		fmt.Fprintf(&items, "  - {name: s%d, type: greenhouse, board: b%d}\n", i, i)
	}
	base := "snapshots: snaps\n# a comment%s\nsources:\n" + items.String()
	for name, data := range map[string]string{
		"NEL":       fmt.Sprintf(base, "\u0085more"),
		"U+2028":    fmt.Sprintf(base, "\u2028more"),
		"U+2029":    fmt.Sprintf(base, "\u2029more"),
		"lone CR":   fmt.Sprintf(base, "\rmore"),
		"%TAG":      "%TAG !e! tag:example.com,2026:\n---\n" + fmt.Sprintf(base, ""),
		"plain LFs": fmt.Sprintf(base, ""),
	} {
		_, inParts, _ := config.ParseInParts([]byte(data), "config.yaml", nil, registry.Plugins())
		if want := name == "plain LFs"; inParts != want {
			t.Errorf("%s: read in parts %v, want %v", name, inParts, want)
		}
		parse([]byte(data), "config.yaml", nil) // panics when the two reads differ
	}
}

// A source name starts with a letter or digit: "-x" or "--" would read as
// flags on the command line (review s21 F13).
func TestNameStartsWithLetterOrDigit(t *testing.T) {
	for name, ok := range map[string]bool{"-x": false, "--": false, "a-b": true, "1x": true} {
		_, err := parse([]byte("snapshots: snaps\nsources:\n  - {name: \""+name+"\", type: greenhouse, board: b}\n"), "config.yaml", nil)
		if got := err == nil; got != ok {
			t.Errorf("name %q: accepted %v, want %v (%v)", name, got, ok, err)
		}
		if !ok && (err == nil || !strings.Contains(err.Error(), "starting with a letter or digit")) {
			t.Errorf("name %q: %v, want the rule named", name, err)
		}
	}
}
