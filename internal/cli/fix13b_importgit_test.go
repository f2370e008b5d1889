package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// import-git from a folder that does not exist says so (exit 1), once,
// after the command's name, without a second "import-git:": the folder
// --from names, or without --from the config's snapshot folder (rather
// than importing nothing silently).
func TestImportGitMissingFolderIsSaid(t *testing.T) {
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
	for _, c := range []struct {
		args []string
		want string // the start of stderr
	}{
		{[]string{"import-git", "--from", missing}, "watcher import-git: " + missing},
		{[]string{"import-git"}, "watcher import-git: " + filepath.Join(dir, "snaps") + ": no such folder (the config's snapshots)"},
	} {
		code, _, stderr := runIn(t, cfg, c.args...)
		if code != ExitFailed || !strings.HasPrefix(stderr, c.want) || strings.Count(stderr, "import-git:") != 1 {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit %d and one line starting %q, import-git named once", c.args, code, stderr, ExitFailed, c.want)
		}
	}
}
