package config

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Re-read s17 F5: a secret written into a URL's user-info (escaped there
// as escapeUserInfo does: ' ' as %20, the first ':' of a ${CREDS} kept)
// is among the secrets the board was sent, so its posting data is masked
// of it.
func TestSentSecretsFindUserInfoSecret(t *testing.T) {
	for _, tc := range []struct{ tmpl, name, val string }{
		{"https://bot:${PASS}@jobs.example/feed", "PASS", "pa ss-word-1"},
		{"https://${CREDS}@jobs.example/feed", "CREDS", "bot:s3cretpw@x"},
		{"https://${USER}:x@jobs.example/feed", "USER", "we!rd user"},
	} {
		env := map[string]string{tc.name: tc.val}
		u, probs := expand(tc.tmpl, func(n string) (string, bool) { v, ok := env[n]; return v, ok })
		if len(probs) > 0 {
			t.Fatalf("%s: %v", tc.tmpl, probs)
		}
		sent := redact.SentSecrets([]redact.Secret{{Name: tc.name, Value: tc.val}}, []string{u})
		if got := redact.NewPostingMask(sent).String("pw " + tc.val); strings.Contains(got, tc.val) {
			t.Errorf("url %s: sent %v; %q", u, sent, got)
		}
	}
}
