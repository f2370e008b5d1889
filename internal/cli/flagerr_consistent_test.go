package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// F21: every mistake in a flag's value is said the same way, whether pflag
// or the command finds it: a line naming the command and the flag, then
// the usage hint, on stderr, exit 2, nothing on stdout.
func TestFlagValueMistakesGetTheUsageHint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yml := "snapshots: snaps\nsources:\n  - {name: a, type: greenhouse, board: a, url: \"http://127.0.0.1:1\"}\nnotifiers:\n  - {name: c, type: stdout}\n"
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string // the start of the first line
	}{
		// found by pflag (these had the hint already)
		{[]string{"run", "--wait", "soon"}, `watcher run: --wait: "soon" is not a duration`},
		// found by the command
		{[]string{"run", "--log-level", "loud", "-c", cfg}, `watcher run: --log-level "loud": use debug, info, warn or error`},
		{[]string{"validate", "--log-format", "xml", "-c", cfg}, `watcher validate: --log-format "xml": use text or json`},
		{[]string{"run", "--wait", "-1s", "-c", cfg}, `watcher run: --wait -1s: must not be negative`},
		{[]string{"run", "--source", "nope", "-c", cfg}, `watcher run: --source "nope": no such source in the config (configured: a)`},
		{[]string{"run", "--dry-run", "--source", "nope", "-c", cfg}, `watcher run: --source "nope": no such source in the config`},
		{[]string{"run", "--profile=", "-c", cfg}, `watcher run: --profile needs a folder`},
		{[]string{"report", "--format", "xml", "-c", cfg}, `watcher report: --format "xml": use text, markdown, json or html`},
		{[]string{"report", "--since", "2099-01-01", "-c", cfg}, `watcher report: --since "2099-01-01": a date in the future`},
		{[]string{"report", "--source", "nope", "-c", cfg}, `watcher report: --source "nope": no such source in the config`},
		{[]string{"postings", "--sort", "bogus", "-c", cfg}, `watcher postings: --sort "bogus": use one of`},
		{[]string{"postings", "--level", "L9-L4", "-c", cfg}, `watcher postings: --level: "L9-L4": empty range`},
		{[]string{"postings", "--min-pay", "-5", "-c", cfg}, `watcher postings: --min-pay: negative`},
		{[]string{"migrate", "--down", "0", "-c", cfg}, `watcher migrate: --down 0: must be at least 1`},
		{[]string{"probe", "--timeout", "0s"}, `watcher probe: --timeout 0s: must be greater than 0`},
		{[]string{"worker", "--polls", "0", "-c", cfg}, `watcher worker: --polls 0: must be at least 1`},
		{[]string{"worker", "--fetch-interval", "1ms", "-c", cfg}, `watcher worker: --fetch-interval 1ms: must be at least 10ms`},
		{[]string{"serve", "--listen", "nope", "-c", cfg}, `watcher serve: --listen "nope": `},
		{[]string{"serve", "--listen", "192.0.2.1:0", "-c", cfg}, `watcher serve: --listen 192.0.2.1:0: not a loopback address`},
	} {
		code, stdout, stderr := call(tc.args...)
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		cmd := strings.Join(strings.Fields(tc.want)[:2], " ")
		cmd = strings.TrimSuffix(cmd, ":")
		hint := "Run '" + cmd + " --help' for usage."
		if code != ExitUsage || stdout != "" || len(lines) != 2 || !strings.HasPrefix(lines[0], tc.want) || lines[1] != hint {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant exit 2, a line starting %q and %q", tc.args, code, stdout, stderr, tc.want, hint)
		}
	}
}
