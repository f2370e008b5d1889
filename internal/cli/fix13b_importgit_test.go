package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// import-git from a folder that does not exist says so once, after the
// command's name, without a second "import-git:".
func TestImportGitMissingFolderSaysCommandOnce(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	dsn := fleetDB(t)
	dir := t.TempDir()
	dbVar := testVar(t, "DATABASE_URL")
	setenv(t, dbVar, dsn)
	cfg := filepath.Join(dir, "fleet.yaml")
	src := "sources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme, url: \"http://127.0.0.1:1\"}\n"
	if err := os.WriteFile(cfg, []byte("store: postgres\ndatabase_url: ${"+dbVar+"}\nsnapshots: snaps\n"+src), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "nonexistent")
	code, _, stderr := runIn(t, cfg, "import-git", "--from", missing)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d\n%s", code, ExitFailed, stderr)
	}
	if !strings.HasPrefix(stderr, "watcher import-git: "+missing) || strings.Count(stderr, "import-git:") != 1 {
		t.Errorf("stderr:\n%s\nwant one line starting %q, import-git named once", stderr, "watcher import-git: "+missing)
	}
}
