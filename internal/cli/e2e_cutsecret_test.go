package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCutSecretNeverReachesOutput: a board publishes a title holding a
// secret of the config it was never sent (a webhook's token). Posting data
// keeps it verbatim (by design), but what the process prints masks every
// secret, and a change line cuts long values ("…") before a token it
// would split: no start of the secret ("hooktoken_a…") reaches stdout,
// stderr, the dry run's text or --json either. Commit bodies hold posting data only: the
// title as the board published it, and nothing of a secret the postings
// never had.
func TestCutSecretNeverReachesOutput(t *testing.T) {
	t.Parallel()
	const token = "hooktoken_abc123"                       // CW_TEST_CUT_HOOKTOK, in the webhook's URL only
	const other = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" // CW_TEST_CUT_OTHER, in no posting at all
	setenv(t, "CW_TEST_CUT_HOOKTOK", token)
	setenv(t, "CW_TEST_CUT_OTHER", other)
	long := "Data Engineer in the team of the platform group " + token + " more words here"
	var second atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v0/postings/acme" {
			http.NotFound(w, r)
			return
		}
		title := long
		if second.Load() {
			title = "Senior Data Engineer"
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":"a1b2c3","text":%q,"hostedUrl":"https://jobs.lever.co/acme/a1b2c3",
"categories":{"team":"Data","location":"Berlin"},"descriptionPlain":"Build pipelines.","createdAt":1767225600000}]`, title)
	}))
	t.Cleanup(srv.Close)
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: lever, board: acme, url: %q}
notifiers:
  - {name: console, type: stdout}
  - {name: hooks, type: webhook, url: "http://127.0.0.1:1/hook/${CW_TEST_CUT_HOOKTOK}", secret: "${CW_TEST_CUT_OTHER}"}
`, srv.URL)
	code, out1, err1, dir := runYAML(t, yml, "run")
	if code != 0 && code != ExitFailed { // the webhook's delivery fails: refused
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out1, err1)
	}
	ps := readPostings(t, filepath.Join(dir, "snaps"), "acme")
	if len(ps) != 1 || ps[0].Title != long {
		t.Fatalf("postings %+v, want one titled %q (posting data verbatim)", ps, long)
	}
	second.Store(true)
	cfg := filepath.Join(dir, "config.yaml")
	// the dry run and --json of the dry run first: they write nothing
	_, dry, dryErr := runIn(t, cfg, "run", "--dry-run")
	_, dryJSON, dryJSONErr := runIn(t, cfg, "run", "--dry-run", "--json")
	_, out2, err2 := runIn(t, cfg, "run")
	if !strings.Contains(out2, "title ") || !strings.Contains(out2, "Senior Data Engineer") {
		t.Fatalf("second run's stdout has no title change line:\n%s\nstderr:\n%s", out2, err2)
	}
	if !strings.Contains(dry, "Senior Data Engineer") || !strings.Contains(dryJSON, "Senior Data Engineer") {
		t.Fatalf("the dry runs show no change:\n%s\n%s\n%s\n%s", dry, dryErr, dryJSON, dryJSONErr)
	}
	// the change back, with --json on stdout
	second.Store(false)
	_, out3, err3 := runIn(t, cfg, "run", "--json")
	if !strings.Contains(out3, `"posting.changed"`) {
		t.Fatalf("--json run printed no change:\n%s\nstderr:\n%s", out3, err3)
	}
	outputs := map[string]string{
		"first run stdout": out1, "first run stderr": err1,
		"second run stdout": out2, "second run stderr": err2,
		"dry run stdout": dry, "dry run stderr": dryErr,
		"dry run --json stdout": dryJSON, "dry run --json stderr": dryJSONErr,
		"--json run stdout": out3, "--json run stderr": err3,
	}
	for where, s := range outputs {
		for _, secret := range []string{token, other} {
			// the whole secret, or a cut prefix of it longer than a few characters
			for n := 5; n <= len(secret); n++ {
				p := secret[:n]
				if n < len(secret) {
					p += "…"
				}
				if strings.Contains(s, p) {
					t.Errorf("%q (of a secret) reached the %s:\n%s", p, where, s)
					break
				}
			}
		}
	}
	// the cut falls in the token: the line stops before it (redact.CutText)
	if !strings.Contains(out2, "platform group… -> Senior Data Engineer") {
		t.Errorf("second run's stdout does not cut the title before the token:\n%s", out2)
	}
	// commit bodies: posting data verbatim (the title may be cut there),
	// never the secret the postings never had
	log, err := exec.Command("git", "-C", filepath.Join(dir, "snaps"), "log", "-p", "--all", "--format=%H%n%B").CombinedOutput()
	if err != nil {
		t.Fatalf("git log: %v\n%s", err, log)
	}
	if strings.Contains(string(log), other) || strings.Contains(string(log), "[redacted:") {
		t.Errorf("the history carries a secret (or a mask) posting data never had:\n%s", log)
	}
	if !strings.Contains(string(log), token) {
		t.Errorf("the history lost the board's title (posting data is kept verbatim):\n%s", log)
	}
}
