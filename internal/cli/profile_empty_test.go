package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfileEmpty: run and daemon refuse --profile "" (and --profile=" ")
// as a usage error, exit 2, before anything runs.
func TestProfileEmpty(t *testing.T) {
	for _, args := range [][]string{{"run", "--profile", ""}, {"run", "--profile= "}, {"daemon", "--profile="}} {
		code, stdout, stderr, dir := runYAML(t, "sources:\n  - {name: acme, type: greenhouse, board: acme, url: http://127.0.0.1:1}\n", args...)
		want := "watcher " + args[0] + ": --profile needs a folder (such as --profile prof), not an empty value\n" +
			"Run 'watcher " + args[0] + " --help' for usage.\n"
		if code != ExitUsage || stderr != want || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", args, code, stdout, stderr, ExitUsage, want)
		}
		if _, err := os.Stat(filepath.Join(dir, "snapshots")); !os.IsNotExist(err) {
			t.Errorf("%q: the command started: %v", args, err)
		}
		if strings.Contains(stderr, "panic") {
			t.Error(stderr)
		}
	}
}
