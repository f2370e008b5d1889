package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// Review s17 F19: a --listen port out of range is a usage mistake (exit
// 2 naming the flag), not a failure to listen (exit 1).
func TestListenPortOutOfRangeIsAUsageError(t *testing.T) {
	dir := t.TempDir()
	cfg := dir + "/config.yaml"
	if err := os.WriteFile(cfg, []byte("snapshots: snaps\nsources:\n  - {name: nf, type: greenhouse, board: acme}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"serve", "-c", cfg, "--listen", "127.0.0.1:99999"}, &stdout, &stderr)
	if code != ExitUsage || !strings.Contains(stderr.String(), "--listen") || !strings.Contains(stderr.String(), "out of range") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
}
