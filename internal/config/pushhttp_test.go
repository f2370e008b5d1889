package config_test

import (
	"strings"
	"testing"
)

// Review s16 R4: a push token is the password of HTTP basic auth; over a
// plain http:// remote it would cross the network in clear text. Such a
// remote is refused with a token, except on a loopback address.
func TestPushTokenNeedsHTTPS(t *testing.T) {
	cfg := func(remote string) string {
		return "git:\n  push:\n    remote: " + remote + "\n    token: abcdefghijklmnop\nsources:\n  - {name: a, type: greenhouse, board: a}\n"
	}
	_, err := parse([]byte(cfg("http://git.example.com/me/snaps.git")), "config.yaml", noEnv)
	if err == nil || !strings.Contains(err.Error(), "config.yaml:3: git.push.token: needs an https:// remote URL: over http:// the token would cross the network in clear text") {
		t.Fatalf("http:// remote with a token: %v", err)
	}
	for _, ok := range []string{"https://git.example.com/me/snaps.git", "http://127.0.0.1:8080/snaps.git", "http://[::1]:8080/snaps.git", "http://localhost/snaps.git"} {
		if _, err := parse([]byte(cfg(ok)), "config.yaml", noEnv); err != nil && strings.Contains(err.Error(), "git.push") {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

func noEnv(string) (string, bool) { return "", false }
