package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// import-git names the source folders it does not import (no source of
// the config names them); dot folders are not sources.
func TestImportGitNamesUnconfiguredFolders(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"amplitude", "evil", ".git", ".watcher"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Sources: []config.Source{{Name: "evil"}}}
	if got := unconfiguredFolders(dir, cfg); !slices.Equal(got, []string{"amplitude"}) {
		t.Fatalf("unconfigured folders %v, want [amplitude]", got)
	}
}

// import-git without --from, when the config's snapshot folder does not
// exist, says so (exit 1) rather than importing nothing silently.
func TestImportGitMissingDefaultFolderIsSaid(t *testing.T) {
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
	code, _, stderr := runIn(t, cfg, "import-git")
	want := "watcher import-git: " + filepath.Join(dir, "snaps") + ": no such folder (the config's snapshots)"
	if code != ExitFailed || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want exit 1 and a line starting %q", code, stderr, want)
	}
}
