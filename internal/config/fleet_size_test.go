package config_test

import (
	"fmt"
	"strings"
	"testing"
)

// A fleet's config is never refused for its size: 10,000 sources in block
// style (about 1.5 MB, more nodes than a small document may have), and a
// long alias-free list. (The alias bombs, small or padded to a large file,
// are refused: TestProblems.)
func TestFleetSizedConfigParses(t *testing.T) {
	var cfg strings.Builder
	cfg.WriteString("snapshots: snaps\nhttp:\n  per_host_delay: 1ms\nsources:\n")
	const n = 10_000
	for b := range n {
		fmt.Fprintf(&cfg, "  - name: board-%d\n    type: eightfold\n    company: Board %d\n    url: https://board-%d.example\n    domain: board-%d.example\n    interface: apply\n", b, b, b, b)
	}
	c, err := parse([]byte(cfg.String()), "config.yaml", nil)
	if err != nil {
		t.Fatalf("a config of %d sources (%d bytes): %.300v", n, cfg.Len(), err)
	}
	if len(c.Sources) != n || c.Sources[n-1].Name != fmt.Sprintf("board-%d", n-1) {
		t.Fatalf("%d sources, the last %q", len(c.Sources), c.Sources[len(c.Sources)-1].Name)
	}

	list := "taxonomy:\n  skills:\n    - {name: Big, category: tool, aliases: [" + strings.Repeat("a, ", 210_000) + "a]}\n" +
		"sources:\n  - {name: a, type: greenhouse, board: b}\n"
	if _, err := parse([]byte(list), "config.yaml", nil); err != nil && strings.Contains(err.Error(), "too large") {
		t.Fatalf("an alias-free list of 210,000 items refused: %.300v", err)
	}
}
