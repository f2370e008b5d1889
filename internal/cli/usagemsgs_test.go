package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const oneSource = "snapshots: snaps\nsources:\n  - {name: a, type: greenhouse, board: acme}\n"

// Before the first run (no snapshot folder yet), status and report say so
// and how to get one, naming themselves once.
func TestNoSnapshotsYetIsSaid(t *testing.T) {
	for _, cmd := range []string{"status", "report", "postings"} {
		code, _, stderr, _ := runYAML(t, oneSource, cmd)
		first, _, _ := strings.Cut(stderr, "\n")
		if code != ExitFailed || !strings.HasPrefix(first, "watcher "+cmd+": no snapshots yet: ") || !strings.Contains(first, "watcher run") ||
			strings.Contains(stderr, "serve:") || strings.Contains(stderr, "report: report:") {
			t.Errorf("%s in a fresh folder: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}

// A config file that is not there is one line naming the command and the
// file, saying so once.
func TestMissingConfigIsOneLine(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main([]string{"run", "-c", "nope.yaml"}, &out, &errb)
	got := errb.String()
	if code != ExitUsage || strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "watcher run: config: nope.yaml: ") ||
		strings.Count(got, "no such file")+strings.Count(got, "not found") != 1 {
		t.Errorf("run -c nope.yaml: exit %d, stderr %q", code, got)
	}
}

// A long flag written with one dash (Go's flag package took it) is named as
// the unknown flag it is, wherever it stands.
func TestSingleDashLongFlagIsNamed(t *testing.T) {
	for _, args := range [][]string{{"-source", "x", "run"}, {"run", "-source", "x"}, {"-config", "c.yaml", "status"}} {
		var out, errb bytes.Buffer
		code := Main(args, &out, &errb)
		name := strings.TrimPrefix(args[0], "-")
		if args[0] == "run" {
			name = "source"
		}
		first, _, _ := strings.Cut(errb.String(), "\n")
		if code != ExitUsage || !strings.Contains(first, "unknown flag -"+name+" ") || !strings.Contains(first, "--"+name) {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// report's usage mistakes exit 2 with postings' words; -o into a folder that
// does not exist is refused, the folder not made.
func TestReportUsageMistakes(t *testing.T) {
	cfg := oneSourceFolder(t)
	dir := filepath.Dir(cfg)
	code, _, stderr := runIn(t, cfg, "report", "--source", "nope")
	if code != ExitUsage || stderr != "watcher report: --source \"nope\": no such source in the config (configured: a)\nRun 'watcher report --help' for usage.\n" {
		t.Errorf("report --source nope: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runIn(t, cfg, "report", "--since", "2099-01-01")
	if code != ExitUsage || !strings.HasPrefix(stderr, "watcher report: --since \"2099-01-01\": ") {
		t.Errorf("report --since 2099-01-01: exit %d, stderr %q", code, stderr)
	}
	missing := filepath.Join(dir, "nodir", "sub")
	code, _, stderr = runIn(t, cfg, "report", "-o", filepath.Join(missing, "x.txt"))
	if code != ExitFailed || !strings.Contains(stderr, "no such folder") {
		t.Errorf("report -o into a missing folder: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "nodir")); !os.IsNotExist(err) {
		t.Errorf("report -o made the missing folder: %v", err)
	}
	out := filepath.Join(dir, "r.txt")
	if code, _, stderr = runIn(t, cfg, "report", "-o", out); code != 0 {
		t.Errorf("report -o into an existing folder: exit %d, %s", code, stderr)
	}
}

// TestShowUsageMistakes: show without its two arguments says what it
// needs, and an unknown source gets the usage hint and the configured
// names, as run's --source does (review s32 F7).
func TestShowUsageMistakes(t *testing.T) {
	cfg := oneSourceFolder(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"show"}, "watcher show: expected SOURCE and ID, got 0 argument(s)\nRun 'watcher show --help' for usage.\n"},
		{[]string{"show", "a", "1", "2"}, "watcher show: expected SOURCE and ID, got 3 argument(s)\nRun 'watcher show --help' for usage.\n"},
		{[]string{"show", "nope", "1"}, "watcher show: source \"nope\": no such source in the config (configured: a)\nRun 'watcher show --help' for usage.\n"},
		{[]string{"postings", "--source", "nope"}, "watcher postings: --source \"nope\": no such source in the config (configured: a)\nRun 'watcher postings --help' for usage.\n"},
	} {
		code, _, stderr := runIn(t, cfg, c.args...)
		if code != ExitUsage || stderr != c.want {
			t.Errorf("%q: exit %d, stderr %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

// TestNoSuchSourceListsTenNames: a fleet config's thousands of names are
// not all printed.
func TestNoSuchSourceListsTenNames(t *testing.T) {
	var names []string
	for i := range 12 {
		names = append(names, fmt.Sprintf("s%d", i))
	}
	if got, want := noSuchSource("--source ", "x", names), `--source "x": no such source in the config (configured: s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, ... (2 more))`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := noSuchSource("source ", "x", nil), `source "x": no such source in the config (configured: none)`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// oneSourceFolder writes oneSource as config.yaml in a new folder, with its
// (empty) snapshot folder, and returns the config's path.
func oneSourceFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(oneSource), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "snaps"), 0o755); err != nil {
		t.Fatal(err)
	}
	return cfg
}
