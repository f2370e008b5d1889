package cli

import (
	"strings"
	"testing"
)

// The usage line of `help probe` names its --timeout, as the README's
// synopsis does.
func TestProbeUsageNamesTimeout(t *testing.T) {
	t.Parallel()
	code, stdout, _ := call("help", "probe")
	if code != ExitOK {
		t.Fatalf("help probe: exit %d", code)
	}
	_, rest, ok := strings.Cut(stdout, "Usage:\n  watcher probe ")
	usage, _, _ := strings.Cut(rest, "\n")
	if !ok {
		t.Fatalf("help probe has no usage line:\n%s", stdout)
	}
	for _, f := range usageNames(t, "probe") {
		if !strings.Contains(usage, f) {
			t.Errorf("the usage line of help probe lacks %s: %s", f, usage)
		}
	}
}
