package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// F5: a value a ${VAR} brings into a key that holds no credential (the
// snapshot folder, a schedule, a name) is no secret: it is not registered
// for redaction, so a container's log paths read as paths. A value in any
// other key (a URL, a header, a token, a password) still is, and a value
// in both kinds of key is hidden everywhere.
func TestPlainKeysAreNoSecrets(t *testing.T) {
	vars := map[string]string{
		"SNAPS":    "/data/snapshots-folder",
		"SCHED":    "@every 6h",
		"SRC":      "acme-jobs",
		"HOOK":     "https://hooks.example.com/t0ken-abc",
		"HOOK_SEC": "whsec_c2VjcmV0LXNpZ25pbmcta2V5",
		"API_KEY":  "k3y-value-123",
		"TOK":      "tok-xyz-7890",
	}
	yml := `snapshots: ${SNAPS}
schedule: ${SCHED}
sources:
  - name: ${SRC}
    type: jsonld
    url: https://jobs.example/list?api_key=${API_KEY}
    schedule: ${SCHED}
notifiers:
  - name: hooks
    type: webhook
    url: ${HOOK}
    secret: ${HOOK_SEC}
    headers: {X-Token: "${TOK}"}
`
	cfg, err := parse([]byte(yml), "config.yaml", env(vars))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, s := range cfg.Secrets {
		got[s.Name] = true
	}
	for _, name := range []string{"SNAPS", "SCHED", "SRC"} {
		if got[name] {
			t.Errorf("${%s} (a key that holds no credential) is registered as a secret", name)
		}
	}
	for _, name := range []string{"HOOK", "HOOK_SEC", "API_KEY", "TOK"} {
		if !got[name] {
			t.Errorf("${%s} is not registered as a secret", name)
		}
	}
	red := cfg.Redactor()
	line := "writing " + cfg.Snapshots + " for " + cfg.Sources[0].Name + " at " + cfg.Schedule
	if s := red.String(line); s != line {
		t.Errorf("redacted %q to %q", line, s)
	}
	if s := red.String("POST https://hooks.example.com/t0ken-abc"); strings.Contains(s, "t0ken") {
		t.Errorf("webhook URL not redacted: %q", s)
	}
}

// A value used in a key that holds no credential and in one that does is a
// secret, and hidden wherever it appears, the snapshot path too.
func TestValueInPlainAndSecretKeyIsSecret(t *testing.T) {
	vars := map[string]string{"SHARED": "shared-s3cret-v4lue"}
	for _, yml := range []string{
		// the plain key first, then the secret one, and the other way round
		"snapshots: /data/${SHARED}\nsources:\n  - {name: a, type: jsonld, url: \"https://jobs.example/?key=${SHARED}\"}\n",
		"sources:\n  - {name: a, type: jsonld, url: \"https://jobs.example/?key=${SHARED}\"}\nsnapshots: /data/${SHARED}\n",
	} {
		cfg, err := parse([]byte(yml), "config.yaml", env(vars))
		if err != nil {
			t.Fatal(err)
		}
		if len(cfg.Secrets) != 1 || cfg.Secrets[0].Name != "SHARED" {
			t.Fatalf("secrets %+v, want SHARED", cfg.Secrets)
		}
		red := cfg.Redactor()
		if s := red.String(cfg.Snapshots); strings.Contains(s, vars["SHARED"]) || !strings.Contains(s, "[redacted:SHARED]") {
			t.Errorf("snapshot path redacted to %q", s)
		}
		if s := red.String(cfg.Sources[0].URL); strings.Contains(s, vars["SHARED"]) {
			t.Errorf("url redacted to %q", s)
		}
	}
}

// The shipped config.yaml with the container's WATCHER_SNAPSHOTS (the
// Dockerfile's ENV) logs the snapshot folder as it is.
func TestShippedSnapshotsVarIsNoSecret(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "${WATCHER_SNAPSHOTS") {
		t.Fatal("config.yaml no longer takes ${WATCHER_SNAPSHOTS}: test the snapshot key as it ships")
	}
	cfg, err := parse(data, "/etc/careers-watcher/config.yaml", env(map[string]string{"WATCHER_SNAPSHOTS": "/data/snapshots"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Snapshots != "/data/snapshots" {
		t.Fatalf("snapshots %q", cfg.Snapshots)
	}
	if s := cfg.Redactor().String("lock " + cfg.Snapshots + "/.watcher/lock"); s != "lock /data/snapshots/.watcher/lock" {
		t.Errorf("log path redacted: %q", s)
	}
}
