package config

import (
	"strings"
	"testing"
)

func TestAllowPrivate(t *testing.T) {
	const base = "notifiers:\n  - {name: c, type: stdout}\n"
	cfg, err := Parse([]byte(base+`http: {allow_private: true}
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
	cfg, err = Parse([]byte(base+"sources:\n  - {name: a, type: greenhouse, board: acme}\n"), "c.yaml", nil)
	if err != nil || cfg.HTTP.AllowPrivate || cfg.Sources[0].AllowPrivate {
		t.Fatalf("default: %v", err)
	}
	_, err = Parse([]byte(base+"http: {allow_private: sometimes}\nsources:\n  - {name: a, type: greenhouse, board: acme, allow_private: 3}\n"), "c.yaml", nil)
	for _, want := range []string{"c.yaml:3: http.allow_private: must be true or false", "c.yaml:5: sources[0].allow_private: must be true or false"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
}
