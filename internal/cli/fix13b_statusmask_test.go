package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A status cell masked as [redacted:VAR] (a company whose value a ${VAR}
// also brings into a URL: a company alone is plain since review s33 F4)
// keeps the table aligned: the columns are measured on the masked cells.
func TestStatusTableAlignedWhenMasked(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "snaps"), 0o755); err != nil {
		t.Fatal(err)
	}
	v := testVar(t, "CO")
	setenv(t, v, "A Secret Company Name That Is Long")
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("snapshots: snaps\nsources:\n"+
		"  - {name: acme, type: greenhouse, company: \"${"+v+"}\", board: acme, url: \"https://example.com/?t=${"+v+"}\"}\n"+
		"  - {name: beta, type: greenhouse, company: \"Beta\", board: beta}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runIn(t, cfg, "status")
	if code != 0 {
		t.Fatalf("status: exit %d\n%s", code, stderr)
	}
	if strings.Contains(out, "Secret Company") || !strings.Contains(out, "[redacted:"+v+"]") {
		t.Fatalf("the company is not masked:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	col := strings.Index(lines[0], "HEALTH")
	for _, l := range lines[1:3] {
		if col < 0 || len(l) <= col || !strings.HasPrefix(l[col:], "never run ") || l[col-1] != ' ' {
			t.Errorf("HEALTH is at column %d of the header, not of the row:\n%s", col, out)
		}
	}
}
