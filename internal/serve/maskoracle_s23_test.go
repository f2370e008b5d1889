package serve

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// TestMaskIsNoPrefixOracle_s23r: the server masks its answers with the
// config's secrets "whole or cut short" (redact.Output): text that ends in
// a prefix of a secret right before "…" is masked. A posting's text is the
// board's: a board that writes candidate prefixes each followed by "…"
// learns from the page (public with --public, or to anyone with the token)
// which candidate is a prefix of a secret, one character per run. A secret
// with a well-known start (a Slack hook URL, "whsec_") falls in about 64
// guesses per character. Board text must not be masked by prefix: only
// the text the process itself cut may be.
func TestMaskIsNoPrefixOracle(t *testing.T) {
	const secret = "https://hooks.slack.com/services/T01/B02/Zq9"
	red := redact.New([]redact.Secret{{Name: "SLACK_URL", Value: secret}})
	known := "https://hooks.slack.com/services/T01/B02/"
	var guesses []string
	for _, c := range "ABCXYZq" {
		guesses = append(guesses, known+"Z"+string(c)+"…")
	}
	f := writeFolder(t, []model.Posting{{ID: "p1", Title: "Engineer", Role: "Software Engineer",
		Description: strings.Join(guesses, "\n")}})
	s := New(f, "", nil)
	s.Mask = red.Output
	_, body := fetch(t, s.Handler(), "/api/v1/sources/acme/postings/p1")
	for _, g := range guesses {
		if !strings.Contains(body, strings.ReplaceAll(g, "/", `\/`)) && !strings.Contains(body, g) {
			t.Errorf("the answer does not show the board's own text %q: a reader learns it is a prefix of a secret\n%s", g, body)
		}
	}
}
