package cli

import (
	"strings"
	"testing"
)

// validate warns, at the jitter key's line, about a jitter window that is
// not shorter than a source's schedule interval, and stays quiet about a
// shorter one.
func TestValidateJitterWarning(t *testing.T) {
	t.Parallel()
	yml := "snapshots: snaps\njitter: %s\nsources:\n  - {name: a, type: lever, board: a, schedule: '@every 1h'}\nnotifiers: [{name: c, type: stdout}]\n"
	code, stdout, stderr, dir := runYAML(t, strings.Replace(yml, "%s", "90m", 1), "validate")
	cfg := dir + "/config.yaml"
	want := cfg + `:2: warning: jitter 1h30m0s is not shorter than the 1h0m0s between runs of source "a" (schedule "@every 1h")`
	if code != 0 || stdout != cfg+": ok (1 source, 1 notifier)\n" || !strings.HasPrefix(stderr, want) {
		t.Fatalf("validate: exit %d\nstdout %q\nstderr %q\nwant %q", code, stdout, stderr, want)
	}
	code, _, stderr, _ = runYAML(t, strings.Replace(yml, "%s", "10m", 1), "validate")
	if code != 0 || stderr != "" {
		t.Fatalf("validate, jitter 10m: exit %d, stderr %q", code, stderr)
	}
}
