package scrape

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// A body that echoes a passphrase it was sent (a secret with spaces) and is
// not JSON: the error's excerpt leaves the passphrase out whole, even where
// its first words fit in the excerpt, so the output's masking of whole
// secrets is enough (review s23b B7).
func TestSnippetLeavesOutASecretWithSpaces(t *testing.T) {
	secret := "correct horse battery staple zebra canyon"
	red := redact.New([]redact.Secret{{Name: "BOARD_PASSPHRASE", Value: secret}})
	body := []byte("<html>401: bad credentials " + secret + " for this board</html>")
	err := DecodeJSON("https://board.example/api", body, &struct{}{})
	if err == nil {
		t.Fatal("no error for a body that is not JSON")
	}
	msg := string(red.Output([]byte(err.Error())))
	if strings.Contains(msg, "correct") || strings.Contains(msg, "horse") {
		t.Errorf("error shows the passphrase's start: %s", msg)
	}
	if !strings.Contains(msg, "bad credentials") {
		t.Errorf("error lost the body's start: %s", msg)
	}
}
