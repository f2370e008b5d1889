package config_test

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// A $NAME without braces (a shell's or compose's way) is kept as written:
// in a credential (serve.token, a notifier's secret, a header) that makes
// the credential the variable's name, which anyone reading the config
// knows, so it is an error naming the key and line; elsewhere a warning;
// $$NAME is a literal $ and says nothing (review s23 F4).
func TestBareDollarNameIsNamed(t *testing.T) {
	env := func(string) (string, bool) { return "", false }
	_, err := config.Parse([]byte("serve:\n  token: $WATCHER_SERVE_TOKEN\nsources:\n  - {name: a, type: fake, slug: a}\n"), "config.yaml", env, fakePlugins)
	if err == nil || !strings.Contains(err.Error(), "config.yaml:2") || !strings.Contains(err.Error(), "serve.token") || !strings.Contains(err.Error(), "${WATCHER_SERVE_TOKEN}") {
		t.Fatalf("serve.token: $WATCHER_SERVE_TOKEN: %v; want an error naming the key, its line and ${WATCHER_SERVE_TOKEN}", err)
	}
	cfg, err := config.Parse([]byte("sources:\n  - name: a\n    type: fake\n    company: $COMPANY\n    slug: a\n  - {name: b, type: fake, slug: b, company: 'pay $$US'}\n"), "config.yaml", env, fakePlugins)
	if err != nil {
		t.Fatal(err)
	}
	ws := cfg.Warnings()
	if len(ws) != 1 || ws[0].Line != 4 || !strings.Contains(ws[0].Msg, "$COMPANY") || !strings.Contains(ws[0].Msg, "sources[0].company") {
		t.Fatalf("warnings %+v; want one for $COMPANY on line 4", ws)
	}
	if cfg.Sources[0].Company != "$COMPANY" || cfg.Sources[1].Company != "pay $US" {
		t.Errorf("companies %q %q", cfg.Sources[0].Company, cfg.Sources[1].Company)
	}
}

// A literal credential holding "$" and a letter inside a longer value
// (a generated token, a password "Pa$sword1") still loads, with a warning
// that shows no part of it (review s23b B1).
func TestLiteralDollarCredentialLoadsQuietly(t *testing.T) {
	env := func(string) (string, bool) { return "", false }
	const token = "Zq8$kT2pLm9xWv4nRb7c"
	cfg, err := config.Parse([]byte("serve:\n  token: '"+token+"'\nsources:\n  - {name: a, type: fake, slug: a}\n"), "config.yaml", env, fakePlugins)
	if err != nil {
		t.Fatalf("a literal token with $ in it: %v", err)
	}
	if cfg.Serve.Token != token {
		t.Errorf("token %q", cfg.Serve.Token)
	}
	ws := cfg.Warnings()
	if len(ws) != 1 || ws[0].Line != 2 || strings.Contains(ws[0].Msg, "kT2p") {
		t.Fatalf("warnings %+v; want one on line 2 showing nothing of the token", ws)
	}
}
