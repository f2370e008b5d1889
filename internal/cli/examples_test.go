package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
)

// Every shipped example config passes `watcher validate`, and each names a
// source of the type of its file name.
func TestExamplesValidate(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// one example per source type this build supports
	for _, typ := range platforms.Supported() {
		if !slices.Contains(files, filepath.Join("..", "..", "examples", typ+".yaml")) {
			t.Errorf("no examples/%s.yaml", typ)
		}
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, stdout, stderr := runIn(t, f, "validate")
			if code != 0 || !strings.Contains(stdout, ": ok (") {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			typ := strings.TrimSuffix(filepath.Base(f), ".yaml")
			if !regexp.MustCompile(`(?m)^\s+type: ` + regexp.QuoteMeta(typ) + `\s*(#.*)?$`).Match(b) {
				t.Errorf("%s has no source of type %s", f, typ)
			}
		})
	}
}
