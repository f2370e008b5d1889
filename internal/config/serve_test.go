package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

func TestServeToken(t *testing.T) {
	base := "sources:\n  - name: a\n    type: greenhouse\n    board: a\n"
	env := func(string) (string, bool) { return "", false }
	cfg, err := parse([]byte(base+"serve:\n  token: abcdefghijklmnop0123\n"), "c.yaml", env)
	if err != nil || cfg.Serve.Token != "abcdefghijklmnop0123" {
		t.Fatalf("token: %v %+v", err, cfg)
	}
	for yml, want := range map[string]string{
		"serve:\n  token: short\n":   "c.yaml:6: serve.token: must be at least 16 characters long",
		"serve:\n  tokn: x\n":        "c.yaml:6: serve.tokn:",
		"serve:\n  token: ${NOPE}\n": "c.yaml:6: serve.token:",
	} {
		_, err := parse([]byte(base+yml), "c.yaml", env)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", yml, err, want)
		}
	}
}

func TestLoadReadOnlySkipsSections(t *testing.T) {
	yml := `snapshots: snaps
notifiers:
  - name: hooks
    type: webhook
    url: ${UNSET_WEBHOOK_URL_FOR_TEST}
# a comment
serve:
  token: ${UNSET_TOKEN_FOR_TEST}
sources:
  - name: a
    type: greenhouse
    board: a
    schedule: "bad"
`
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(p); err == nil {
		t.Fatal("Load took unset vars")
	}
	_, err := config.LoadReadOnly(p, registry.Plugins(), "notifiers", "serve")
	// the only problem left is the schedule, on its own line of the file
	if err == nil || !strings.Contains(err.Error(), "config.yaml:13: sources[0].schedule") || strings.Contains(err.Error(), "UNSET") {
		t.Fatalf("LoadReadOnly: %v", err)
	}
	good := strings.Replace(yml, `    schedule: "bad"`+"\n", "", 1)
	if err := os.WriteFile(p, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadReadOnly(p, registry.Plugins(), "notifiers", "serve")
	if err != nil || len(cfg.Notifiers) != 0 || len(cfg.Sources) != 1 || cfg.Serve.Token != "" {
		t.Fatalf("LoadReadOnly: %v %+v", err, cfg)
	}
}
