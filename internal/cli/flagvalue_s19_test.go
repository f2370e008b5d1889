package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Review s17 F19: a flag that takes a value followed by another flag
// ("--source --dry-run") took the flag as its value, and the run went on
// without --dry-run. It is a usage mistake naming both; a value that only
// starts with a dash ("--sort -title") and one given with '=' stay values.
func TestFlagFollowedByFlagIsAUsageMistakeS19(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--source", "--dry-run"}, "watcher run: --source needs a value, and --dry-run is a flag"},
		{[]string{"run", "-c", "--dry-run"}, "watcher run: -c needs a value, and --dry-run is a flag"},
		{[]string{"report", "--source", "--format=json"}, "watcher report: --source needs a value, and --format=json is a flag"},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(c.args, &stdout, &stderr)
		if code != ExitUsage || !strings.HasPrefix(stderr.String(), c.want) || stdout.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--sort", "-title"}, &stdout, &stderr)
	if strings.Contains(stderr.String(), "is a flag") {
		t.Errorf("--sort -title: %d %q", code, stderr.String())
	}
	stderr.Reset()
	Main([]string{"run", "-c", "/nonexistent/config.yaml", "--source=--dry-run"}, &stdout, &stderr)
	if strings.Contains(stderr.String(), "is a flag") {
		t.Errorf("--source=--dry-run: %q", stderr.String())
	}
}
