package config_test

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
)

// Parse lets a source's nodes go once it is read: sources that merge an
// earlier source's anchored keys (<<: *defaults), a list named again by
// an alias, and a large config (read with the tighter GC) read the same.
func TestSourcesReleasedReadTheSame(t *testing.T) {
	var big strings.Builder
	big.WriteString("snapshots: snaps\nsources:\n")
	big.WriteString("  - &defaults\n    name: board-0\n    type: eightfold\n    company: Board\n    url: https://board.example\n    domain: board.example\n    interface: apply\n")
	for b := 1; b < 4000; b++ {
		fmt.Fprintf(&big, "  - <<: *defaults\n    name: board-%d\n    domain: board-%d.example\n", b, b)
	}
	if big.Len() < 256<<10 {
		t.Fatalf("the config is %d bytes: not large enough for the tighter GC", big.Len())
	}
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	c, err := parse([]byte(big.String()), "config.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := debug.SetGCPercent(before); got != 100 {
		t.Errorf("the GC percentage after Parse is %d, want 100 as before", got)
	}
	if len(c.Sources) != 4000 {
		t.Fatalf("%d sources", len(c.Sources))
	}
	for i, s := range c.Sources {
		if s.Name != fmt.Sprintf("board-%d", i) || s.Company != "Board" || s.URL != "https://board.example" || s.Type != "eightfold" {
			t.Fatalf("source %d: %+v", i, s)
		}
	}
	if c.Sources[3999].Settings == nil || fmt.Sprint(c.Sources[2999].Settings) == fmt.Sprint(c.Sources[1].Settings) {
		t.Errorf("the settings of two sources with another domain are the same: %v", c.Sources[1].Settings)
	}

	// the list anchored and named again: read, and the second use
	// reported, not a crash on a released node
	aliased := "snapshots: snaps\nsources: &all\n  - {name: a, type: greenhouse, board: b}\n  - {name: c, type: greenhouse, board: d}\nnotifiers: *all\n"
	_, err = parse([]byte(aliased), "config.yaml", nil)
	for _, want := range []string{`notifiers[0].type: unknown notifier type "greenhouse"`, `notifiers[1].type: unknown notifier type "greenhouse"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("aliased list: %v\nwant %s", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "sources[") {
		t.Errorf("aliased list: the sources have a problem: %v", err)
	}
}
