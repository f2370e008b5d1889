package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The text tables of postings, show and status drop a board's
// bidirectional overrides (they could make a column display reversed)
// and turn control characters into spaces; --json stays exact (review F20).
func TestTextOutputDropsBidiOverrides(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yml := "snapshots: snaps\nsources:\n" +
		"  - {name: acme, type: greenhouse, board: acme, company: \"Acme \\u202Eevil\\u202C Corp\"}\n"
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	const title = "Engineer \x1b[31mRED\x1b[0m \u202eevil\u202c \u2066iso\u2069 \u200fmark\r fake\u2028x"
	p := model.Posting{Source: "acme", ID: "1", Title: title, URL: "https://example.com/\u202e1",
		Role: "Software \u202aEngineer\u202c", Company: "Acme \u202eevil\u202c Corp"}
	b, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "snaps", "acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "snaps", "acme", snapshot.PostingName("1")), b, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := Main(append(args, "-c", cfg), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		return stdout.String()
	}
	bad := []string{"\u202a", "\u202c", "\u202e", "\u2066", "\u2069", "\u200f", "\x1b", "\r", "\u2028"}
	for _, args := range [][]string{{"postings"}, {"show", "acme", "1"}, {"status"}} {
		out := run(args...)
		for _, c := range bad {
			if strings.Contains(out, c) {
				t.Errorf("%v prints %q:\n%s", args, c, out)
			}
		}
		if args[0] != "status" && !strings.Contains(out, "evil") {
			t.Errorf("%v lost the text itself:\n%s", args, out)
		}
		if args[0] == "status" && !strings.Contains(out, "Acme evil Corp") {
			t.Errorf("status company not as shown:\n%s", out)
		}
	}
	for _, args := range [][]string{{"postings", "--json"}, {"show", "--json", "acme", "1"}} {
		out := run(args...)
		if !strings.Contains(out, "\u202eevil\u202c") || !strings.Contains(out, "\u2066iso\u2069") {
			t.Errorf("%v is not exact:\n%s", args, out)
		}
	}
}
