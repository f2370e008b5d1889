package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Until the database store is wired into the pipeline, every command but
// migrate refuses store: postgres instead of quietly using the folder.
func TestPostgresStoreRefusedOutsideMigrate(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://u:pw-Secret-9@db.invalid/x")
	yml := "store: postgres\ndatabase_url: ${DATABASE_URL}\nsnapshots: snaps\n" +
		"sources:\n  - {name: x, type: greenhouse, board: acme}\n"
	for _, args := range [][]string{{"status"}, {"postings"}, {"show", "x", "1"}, {"report"}} {
		code, stdout, stderr, dir := runYAML(t, yml, args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, ExitUsage, stderr)
		}
		if !strings.Contains(stderr, "store: postgres (line 1): this command does not use the database yet") {
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
	if code != 0 || !strings.Contains(stderr, "warning: store: postgres is only used by \"watcher migrate\"") {
		t.Errorf("validate: exit %d, stdout %q, stderr %q: want ok with a warning", code, stdout, stderr)
	}
}
