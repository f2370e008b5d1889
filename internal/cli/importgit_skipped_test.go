package cli

import (
	"os"
	"path/filepath"
	"slices"
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
