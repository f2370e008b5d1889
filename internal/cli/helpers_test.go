package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/go-git/go-git/v5"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// runYAML writes config text into a new temporary folder (snapshots go to
// "snaps" beside it unless the text says otherwise) and runs the command
// line with it. It returns the exit code, stdout, stderr and the folder.
func runYAML(t *testing.T, yml string, args ...string) (code int, stdout, stderr, dir string) {
	t.Helper()
	dir = t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runIn(t, cfg, args...)
	return code, stdout, stderr, dir
}

// runIn runs the command line with an existing config file.
func runIn(t *testing.T, cfg string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(append(args, "-c", cfg), &out, &errb)
	return code, out.String(), errb.String()
}

// readPostings decodes every snapshot file of a source, sorted by id.
func readPostings(t *testing.T, snapDir, source string) []model.Posting {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(snapDir, source, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Posting
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var p model.Posting
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// headOf is the hash of HEAD in the snapshot repository at snaps.
func headOf(t *testing.T, snaps string) string {
	t.Helper()
	repo, err := git.PlainOpen(snaps)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	return ref.Hash().String()
}
