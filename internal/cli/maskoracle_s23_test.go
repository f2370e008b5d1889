package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRunStdoutIsNoPrefixOracle_s23r: run's stdout (the console notifier
// of the shipped config, a public CI log) masks "cut" secrets: text ending
// in a prefix of a secret before "…". A board publishing candidate
// prefixes as titles learns which one is a prefix of the webhook secret
// from which line comes out masked, one character per run. The board's own
// titles must be printed as the board wrote them.
func TestRunStdoutIsNoPrefixOracle(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	setenv(t, "CW_S23R_HOOK_SECRET", secret)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(hook.Close)
	guesses := []string{"whsec_MfA…", "whsec_MfB…", "whsec_MfK…", "whsec_Mfq…"}
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		var items []string
		for i, g := range guesses {
			items = append(items, fmt.Sprintf(`{"id":"g%d","text":"Engineer %s","hostedUrl":"https://jobs.example/g%d","categories":{"team":"Data","location":"Berlin"},"descriptionPlain":"Build.","createdAt":1767225600000}`, i, g, i))
		}
		fmt.Fprint(w, "["+strings.Join(items, ",")+"]")
	}))
	t.Cleanup(board.Close)
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: lever, board: acme, url: %q}
notifiers:
  - {name: console, type: stdout}
  - {name: hooks, type: webhook, url: %q, secret: "${CW_S23R_HOOK_SECRET}"}
`, board.URL+"/v0/postings/acme", hook.URL)
	code, out, errOut, _ := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, g := range guesses {
		if !strings.Contains(out, "Engineer "+g) {
			t.Errorf("stdout does not print the board's title %q as written: the masked line tells the board it is a prefix of the secret\n%s", "Engineer "+g, out)
		}
	}
}
