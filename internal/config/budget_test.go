package config_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

// teamsFleet is a config of n eightfold sources whose teams are one list of
// teams names, written once (an anchor) and aliased by the other sources,
// after a comment of pad bytes.
func teamsFleet(n, teams, pad int) []byte {
	var b strings.Builder
	b.WriteString("# " + strings.Repeat("p", pad) + "\nsnapshots: snap\nsources:\n")
	names := make([]string, teams)
	for i := range names {
		names[i] = fmt.Sprintf("%q", fmt.Sprintf("team%d", i))
	}
	fmt.Fprintf(&b, "  - {name: s0, type: eightfold, url: \"https://x.example\", domain: x.com, teams: &t [%s]}\n", strings.Join(names, ","))
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - {name: s%d, type: eightfold, url: \"https://x.example\", domain: x.com, teams: *t}\n", i)
	}
	return []byte(b.String())
}

// A long comment buys no alias expansion: the budget grows with the nodes
// of the document as written, not with its bytes. (The step budget used to
// be one step per byte: this 3 MB file, 500,000 teams once expanded from
// a 1,000-source document, was accepted.)
func TestPaddedAliasBombRefused(t *testing.T) {
	data := teamsFleet(1_000, 500, 3_000_000)
	_, err := parse(data, "config.yaml", nil)
	want := "config.yaml:1: the document is too complex (too many aliases)"
	if err == nil || err.Error() != want {
		t.Fatalf("a %d-byte config expanding to 500,000 teams: %.300v; want %q", len(data), err, want)
	}

	// the same padding with a few aliases is a config like any other
	cfg, err := parse(teamsFleet(20, 500, 3_000_000), "config.yaml", nil)
	if err != nil {
		t.Fatalf("20 sources sharing 500 teams after a 3 MB comment: %.300v", err)
	}
	if len(cfg.Sources) != 20 {
		t.Fatalf("%d sources, want 20", len(cfg.Sources))
	}
}

// Sources sharing defaults through a merge key take several steps per node
// of the document as written; a fleet of them still parses.
func TestFleetWithMergedDefaultsParses(t *testing.T) {
	var b strings.Builder
	b.WriteString("x-defaults: &d {type: eightfold, domain: x.example, company: X, teams: [a, b, c, d, e, f], max_pages: 5}\nsnapshots: snaps\nsources:\n")
	const n = 10_000
	for i := range n {
		fmt.Fprintf(&b, "  - <<: *d\n    name: board-%d\n    url: https://board-%d.example\n", i, i)
	}
	_, err := parse([]byte(b.String()), "config.yaml", nil)
	if err != nil && (strings.Contains(err.Error(), "too complex") || strings.Contains(err.Error(), "too large")) {
		t.Fatalf("%d sources merging shared defaults refused: %.300v", n, err)
	}
}

// A file larger than MaxSize is refused before it is parsed, naming the
// file, by Parse as by Load and LoadReadOnly (which read no more of it).
func TestConfigFileTooLarge(t *testing.T) {
	data := []byte("sources:\n  - {name: a, type: greenhouse, board: b}\n# " + strings.Repeat("p", config.MaxSize) + "\n")
	want := "config.yaml: the file is too large (more than 8 MB; a config of 10,000 sources takes about 1.5 MB)"
	if _, err := parse(data, "config.yaml", nil); err == nil || err.Error() != want {
		t.Fatalf("Parse of %d bytes: %.300v; want %q", len(data), err, want)
	}
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := load(path)
	var ce *config.Error
	if !errors.As(err, &ce) || err.Error() != path+strings.TrimPrefix(want, "config.yaml") {
		t.Fatalf("Load: %.300v", err)
	}
	if _, err := config.LoadReadOnly(path, registry.Plugins(), "notifiers"); err == nil || err.Error() != path+strings.TrimPrefix(want, "config.yaml") {
		t.Fatalf("LoadReadOnly: %.300v", err)
	}

	// a file of exactly MaxSize bytes is read whole
	data = data[:config.MaxSize]
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(path); err != nil {
		t.Fatalf("Load of %d bytes: %.300v", len(data), err)
	}
}
