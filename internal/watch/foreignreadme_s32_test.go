package watch

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestForeignReadmeIsKeptByARun: a run into a source folder that holds a
// README.md of its owner keeps it, says so in a warning naming the file,
// and records the postings (review s32 F8: the notes were replaced
// without a word).
func TestForeignReadmeIsKeptByARun(t *testing.T) {
	t.Parallel()
	cfg := leverConfig(t, nil, leverPage(func() []byte {
		return []byte(`[{"id":"1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/1","descriptionPlain":"Requirements: Python."}]`)
	}), leverBoards("acme"))
	readme := filepath.Join(cfg.Snapshots, "acme", "README.md")
	if err := os.MkdirAll(filepath.Dir(readme), 0o755); err != nil {
		t.Fatal(err)
	}
	notes := "# my handwritten notes\nimportant\n"
	if err := os.WriteFile(readme, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() || res.Sources[0].Added != 1 {
		t.Fatalf("run: %v %+v", err, res.Sources)
	}
	if got, _ := os.ReadFile(readme); string(got) != notes {
		t.Errorf("the owner's README.md was replaced:\n%s", got)
	}
	if !strings.Contains(logs.String(), "README.md the watcher did not write") || !strings.Contains(logs.String(), "README.md") {
		t.Errorf("no warning naming it:\n%s", logs.String())
	}
}
