package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// F5 end to end: the snapshot folder from ${VAR} (as the container's
// config takes it) is written as a path in messages, not [redacted:VAR];
// the same value also sent in a source's URL is hidden, there too.
func TestSnapshotsFromEnvAreShown(t *testing.T) {
	dir := t.TempDir()
	v := testVar(t, "SNAPS")
	folder := filepath.Join(dir, "data-folder-from-env")
	setenv(t, v, folder)
	cfg := filepath.Join(dir, "config.yaml")
	write := func(yml string) {
		t.Helper()
		if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("snapshots: ${" + v + "}\nsources:\n  - {name: acme, type: greenhouse, board: acme}\n")
	code, _, stderr := runIn(t, cfg, "status")
	if code != ExitFailed || !strings.Contains(stderr, "no snapshots yet: "+folder+" does not exist") {
		t.Errorf("status: exit %d, want 1 naming the folder\n%s", code, stderr)
	}
	write("snapshots: ${" + v + "}\nsources:\n  - {name: acme, type: jsonld, url: \"https://jobs.example/?dir=${" + v + "}\"}\n")
	code, _, stderr = runIn(t, cfg, "status")
	if code != ExitFailed || strings.Contains(stderr, "data-folder-from-env") || !strings.Contains(stderr, "[redacted:"+v+"]") {
		t.Errorf("status with the value also in a URL: exit %d, want it masked\n%s", code, stderr)
	}
}
