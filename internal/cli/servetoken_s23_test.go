package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A config whose serve.token comes from a variable the CI job does not
// set still runs (run and notify test read no serve:), while validate and
// serve still name the unset variable; ${VAR:-} is no token at all
// (review s23 F15).
func TestRunNeedsNoServeToken(t *testing.T) {
	t.Parallel()
	const unset = "CW_TEST_S23_NEVER_SET_TOKEN"
	if _, ok := os.LookupEnv(unset); ok {
		t.Fatalf("%s is set", unset)
	}
	srv, _ := glaServer(t, "/v1/boards/amplitude/jobs", "../scrape/greenhouse/testdata/greenhouse.json", "")
	for _, token := range []string{"${" + unset + "}", "${" + unset + ":-}"} {
		yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
serve:
  token: %s
sources:
  - {name: amplitude, type: greenhouse, board: amplitude, url: %s}
notifiers:
  - {name: console, type: stdout}
`, token, srv.URL)
		dir := t.TempDir()
		cfg := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, stdout, stderr := runIn(t, cfg, "run"); code != ExitOK || !strings.Contains(stdout, "added") {
			t.Fatalf("token %s: run: exit %d\nstdout:\n%s\nstderr:\n%s", token, code, stdout, stderr)
		}
		code, _, stderr := runIn(t, cfg, "validate")
		if strings.HasSuffix(token, ":-}") {
			if code != ExitOK {
				t.Errorf("token %s: validate: exit %d\n%s", token, code, stderr)
			}
			continue
		}
		if code != ExitUsage || !strings.Contains(stderr, "config.yaml:4: serve.token: ${"+unset+"} is not set") {
			t.Errorf("token %s: validate: exit %d, want 2 naming the unset variable:\n%s", token, code, stderr)
		}
	}
}
