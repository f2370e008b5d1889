package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The daemon refuses store: postgres instead of quietly using the folder,
// naming what runs the database's schedules (worker) and pages (serve);
// run, worker and the readers status, postings, show, report and serve
// use the database (fleet_test.go, worker_test.go, fleet_report_test.go,
// fleet_serve_test.go).
func TestPostgresStoreRefusedOutsideMigrate(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://u:pw-Secret-9@db.invalid/x")
	yml := "store: postgres\ndatabase_url: ${DATABASE_URL}\nsnapshots: snaps\n" +
		"sources:\n  - {name: x, type: greenhouse, board: acme}\n"
	for _, args := range [][]string{{"daemon"}} {
		code, stdout, stderr, dir := runYAML(t, yml, args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, ExitUsage, stderr)
		}
		if !strings.Contains(stderr, "store: postgres (line 1): the daemon runs the snapshot folder's schedules in one process; on the database run 'watcher worker'") {
			t.Errorf("%v: stderr %q does not say why", args, stderr)
		}
		if strings.Contains(stdout+stderr, "pw-Secret-9") {
			t.Errorf("%v: the database password leaked: %q", args, stdout+stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "snaps")); err == nil {
			t.Errorf("%v: the snapshot folder was made", args)
		}
	}
	code, stdout, stderr, _ := runYAML(t, yml, "validate")
	if code != 0 || strings.Contains(stderr, "warning: store") || strings.Contains(stdout+stderr, "pw-Secret-9") {
		t.Errorf("validate: exit %d, stdout %q, stderr %q: want ok, no warning about the store", code, stdout, stderr)
	}
	// worker is for the database only
	code, _, stderr, _ = runYAML(t, "sources:\n  - {name: x, type: greenhouse, board: acme}\n", "worker")
	if code != ExitUsage || !strings.Contains(stderr, "worker is for store: postgres") {
		t.Errorf("worker with the files store: exit %d, stderr %q", code, stderr)
	}
}
