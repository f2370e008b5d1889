package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestExportGitLeavesNeverRunSources: export-git into a folder whose
// source the database has never run (migrated, not yet imported) removes
// none of that folder's posting files.
func TestExportGitLeavesNeverRunSources(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	dir := filepath.Dir(cfg)
	files := filepath.Join(dir, "files.yaml")
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, timeout: 5s}\ngit: {commit: true}\n"+
		"sources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme, url: %q}\n", board.URL)
	if err := os.WriteFile(files, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	board.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analytics Engineer"))
	if code, stdout, stderr := runIn(t, files, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runIn(t, cfg, "migrate"); code != 0 {
		t.Fatalf("migrate: exit %d\n%s\n%s", code, stdout, stderr)
	}
	snaps := filepath.Join(dir, "snaps")
	if code, stdout, stderr := runIn(t, cfg, "export-git", "--to", snaps); code != 0 {
		t.Fatalf("export-git: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, n := range []string{"1.json", "2.json"} {
		if _, err := os.Stat(filepath.Join(snaps, "acme", n)); err != nil {
			t.Errorf("export-git removed a file of a source the database never ran: %v", err)
		}
	}
}
