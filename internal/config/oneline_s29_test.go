package config

import (
	"strings"
	"testing"
)

// A problem's key and message keep no character that breaks or reorders
// the line: line breaks and bidirectional overrides are escaped, so the
// key stays findable in the config.
func TestProblemEscapesBreaksAndBidi(t *testing.T) {
	p := Problem{File: "config.yaml", Line: 3, Key: "sources[0].x\u202e\ny", Msg: "unknown key"}
	got := p.String()
	if strings.ContainsAny(got, "\n\u202e") {
		t.Fatalf("problem %q keeps a line break or a bidi override", got)
	}
	if want := `config.yaml:3: sources[0].x\u202e\ny: unknown key`; got != want {
		t.Errorf("problem %q, want %q", got, want)
	}
}
