package cli

import (
	"strings"
	"testing"
)

// With --log-format json, run keeps the runner's "source failed" record
// (programs read it), beside the summary line; the text log leaves it out.
func TestOfflineRunJSONKeepsRecord(t *testing.T) {
	t.Parallel()
	yml := "snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, timeout: 5s}\nsources:\n  - {name: gone, type: greenhouse, board: acme, url: \"https://boards.careers-watcher.invalid\"}\n"
	code, _, stderr, _ := runYAML(t, yml, "run", "--log-format", "json")
	if code != ExitFailed || strings.Count(stderr, `"msg":"source failed"`) != 1 || strings.Count(stderr, "watcher run: source gone failed: ") != 1 {
		t.Fatalf("json: exit %d, want one record and one summary line:\n%s", code, stderr)
	}
	code, _, stderr, _ = runYAML(t, yml, "run")
	if code != ExitFailed || strings.Contains(stderr, "source failed") || strings.Count(stderr, "watcher run: source gone failed: ") != 1 {
		t.Fatalf("text: exit %d, want the summary line alone:\n%s", code, stderr)
	}
}
