package config_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Review s17 F8: a git server refusing a push may echo the Authorization
// header it was sent, base64 of "x-access-token:TOKEN" (or of the
// configured username and the token): the Redactor masks that writing of
// the push token too, in both alphabets, with and without padding.
func TestRedactorMasksPushTokenBasicAuth(t *testing.T) {
	const token = "ghp_Pushtok3nSecret?>" // '?' '>' make the two alphabets differ
	for _, user := range []string{"", "bot-user"} {
		yml := "snapshots: snaps\ngit:\n  push:\n    remote: https://git.example/x.git\n    token: ${GIT_PUSH_TOKEN}\n"
		if user != "" {
			yml += "    username: " + user + "\n"
		}
		yml += "sources:\n  - {name: a, type: fake, slug: acme}\n"
		getenv := func(k string) (string, bool) { return token, k == "GIT_PUSH_TOKEN" }
		cfg, err := config.Parse([]byte(yml), "/tmp/c.yaml", getenv, fakePlugins)
		if err != nil {
			t.Fatal(err)
		}
		u := user
		if u == "" {
			u = "x-access-token"
		}
		cred := []byte(u + ":" + token)
		red := cfg.Redactor()
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			b64 := enc.EncodeToString(cred)
			msg := "push: 401: you sent Authorization: Basic " + b64 + " (refused)"
			got := red.Text(msg)
			if strings.Contains(got, strings.TrimRight(b64, "=")[:len(b64)/2+8]) || !strings.Contains(got, "[redacted:GIT_PUSH_TOKEN]") {
				t.Errorf("user %q: %q -> %q", user, msg, got)
			}
		}
	}
}
