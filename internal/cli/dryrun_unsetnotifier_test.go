package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// F24: a dry run sends nothing, so the notifiers' ${VARS} need not be set:
// each unset one is a note on stderr and the dry run goes on; a real run
// and validate still refuse them (exit 2).
func TestDryRunNeedsNoNotifierSecrets(t *testing.T) {
	t.Parallel()
	const unset = "CW_TEST_F24_NEVER_SET_HOOK"
	if _, ok := os.LookupEnv(unset); ok {
		t.Fatalf("%s is set", unset)
	}
	srv, _ := glaServer(t, "/v1/boards/amplitude/jobs", "../scrape/greenhouse/testdata/greenhouse.json", "")
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - name: amplitude
    type: greenhouse
    board: amplitude
    url: %s
notifiers:
  - name: console
    type: stdout
  - name: team
    type: slack
    url: ${%s}
`, srv.URL, unset)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	notSet := "config.yaml:13: notifiers[1].url: ${" + unset + "} is not set"

	code, stdout, stderr := runIn(t, cfg, "run", "--dry-run")
	if code != ExitOK {
		t.Fatalf("dry run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "amplitude: would be") {
		t.Errorf("dry run stdout:\n%s", stdout)
	}
	var note string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, "${"+unset+"}") {
			note = l
		}
	}
	if !strings.Contains(note, "note") || !strings.Contains(note, notSet) {
		t.Errorf("dry run: no note naming the unset variable, file, line and key:\n%s", stderr)
	}
	if strings.Contains(stderr, "no notifiers") {
		t.Errorf("dry run says the config has no notifiers:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps")); !os.IsNotExist(err) {
		t.Errorf("dry run made the snapshot folder: %v", err)
	}

	// validate and a real run still need it
	for _, args := range [][]string{{"validate"}, {"run"}} {
		code, _, stderr := runIn(t, cfg, args...)
		if code != ExitUsage || !strings.Contains(stderr, notSet) || strings.Contains(stderr, "note") {
			t.Errorf("%v: exit %d, want %d with the problem\n%s", args, code, ExitUsage, stderr)
		}
	}

	// an unset variable elsewhere is no note, also in a dry run
	bad := strings.Replace(yml, "board: amplitude", "board: ${"+unset+"}", 1)
	if err := os.WriteFile(cfg, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runIn(t, cfg, "run", "--dry-run")
	if code != ExitUsage || !strings.Contains(stderr, "sources[0].board: ${"+unset+"} is not set") {
		t.Errorf("dry run with an unset source variable: exit %d\n%s", code, stderr)
	}
}
