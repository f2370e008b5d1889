package config_test

import (
	"strings"
	"testing"
)

func TestAllowPrivate(t *testing.T) {
	const base = "notifiers:\n  - {name: c, type: stdout}\n"
	cfg, err := parse([]byte(base+`http: {allow_private: true}
sources:
  - {name: a, type: greenhouse, board: acme, allow_private: true}
  - {name: b, type: jsonld, url: "http://10.0.0.5/jobs"}
`), "c.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.HTTP.AllowPrivate || !cfg.Sources[0].AllowPrivate || cfg.Sources[1].AllowPrivate {
		t.Fatalf("allow_private: http %v, sources %v %v", cfg.HTTP.AllowPrivate, cfg.Sources[0].AllowPrivate, cfg.Sources[1].AllowPrivate)
	}
	cfg, err = parse([]byte(base+"sources:\n  - {name: a, type: greenhouse, board: acme}\n"), "c.yaml", nil)
	if err != nil || cfg.HTTP.AllowPrivate || cfg.Sources[0].AllowPrivate {
		t.Fatalf("default: %v", err)
	}
	_, err = parse([]byte(base+"http: {allow_private: sometimes}\nsources:\n  - {name: a, type: greenhouse, board: acme, allow_private: 3}\n"), "c.yaml", nil)
	for _, want := range []string{"c.yaml:3: http.allow_private: must be true or false", "c.yaml:5: sources[0].allow_private: must be true or false"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
}

func TestSecretsAreCollected(t *testing.T) {
	env := map[string]string{"API_KEY": "k3y-value-123", "EMPTY": "", "SHORT": "ab", "HOOK": "https://hooks.example.com/t0ken"}
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	cfg, err := parse([]byte(`sources:
  - {name: a, type: jsonld, url: "https://x.example/jobs?api_key=${API_KEY}&e=${EMPTY}&s=${SHORT}&d=${UNSET:-default-value}"}
notifiers:
  - {name: h, type: webhook, url: "${HOOK}"}
`), "c.yaml", getenv)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range cfg.Secrets {
		got = append(got, s.Name+"="+s.Value)
	}
	// the default is written in the file: no secret; the empty value none
	if strings.Join(got, " ") != "SHORT=ab HOOK=https://hooks.example.com/t0ken API_KEY=k3y-value-123" {
		t.Fatalf("secrets %q", got)
	}
	red := cfg.Redactor()
	if s := red.String(cfg.Sources[0].URL); s != "https://x.example/jobs?api_key=[redacted:API_KEY]&e=&s=ab&d=default-value" {
		t.Fatalf("redacted URL %q", s)
	}
	// a problem never shows a value
	_, err = parse([]byte(`sources:
  - {name: a, type: jsonld, url: "${API_KEY} not a url"}
`), "c.yaml", getenv)
	if err == nil || strings.Contains(err.Error(), "k3y-value") {
		t.Fatalf("err = %v", err)
	}
}
