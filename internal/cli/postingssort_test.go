package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// `postings --sort` is one listing in that order across sources; without
// it the listing goes source by source in config order.
func TestPostingsSortAcrossSources(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yml := "snapshots: snaps\nsources:\n" +
		"  - {name: first, type: greenhouse, board: first}\n" +
		"  - {name: second, type: greenhouse, board: second}\n"
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(source, id, title string, pay float64) {
		p := model.Posting{Source: source, ID: id, Title: title, URL: "https://example.com/" + id,
			Salary: []model.Salary{{Min: pay, Max: pay, Currency: "USD", Period: "year"}}}
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "snaps", source), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "snaps", source, snapshot.PostingName(id)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("first", "1", "Low Paid", 100000)
	write("first", "2", "Mid Paid", 150000)
	write("second", "3", "Top Paid", 200000)
	ids := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := Main(append([]string{"postings", "-c", cfg, "--json"}, args...), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		var got []string
		for _, l := range strings.Split(stdout.String(), "\n") {
			if _, id, ok := strings.Cut(strings.TrimSpace(l), `"id": "`); ok {
				got = append(got, strings.TrimSuffix(strings.TrimSuffix(id, `",`), `"`))
			}
		}
		return strings.Join(got, " ")
	}
	if got := ids("--sort", "-pay"); got != "3 2 1" {
		t.Errorf("--sort -pay: %q, want 3 2 1", got)
	}
	if got := ids("--sort", "title"); got != "1 2 3" {
		t.Errorf("--sort title: %q, want 1 2 3", got)
	}
	write("second", "0", "Zero", 300000)
	if got := ids(); got != "1 2 0 3" {
		t.Errorf("no sort: %q, want source by source (1 2, then 0 3)", got)
	}
	if got := ids("--sort", "pay"); got != "1 2 3 0" {
		t.Errorf("--sort pay: %q, want 1 2 3 0", got)
	}
}

// A --title that is not UTF-8 is a usage error about the title.
func TestPostingsTitleNotUTF8(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--title", "\xff"}, &stdout, &stderr)
	if code != ExitUsage || !strings.Contains(stderr.String(), "title: not valid UTF-8 text") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
}
