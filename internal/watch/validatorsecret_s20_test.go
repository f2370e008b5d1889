package watch

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A board (greenhouse, which keeps validators) whose ETag echoes the key its URL was sent (a gateway that
// builds the tag from the query) does not get that key into the state
// files or git: the validator is not kept (review s20 F10). A board's own
// ETag is kept as before.
func TestValidatorHoldingASecretIsNotStored(t *testing.T) {
	t.Parallel()
	const key = "Kq9Zp3Vw8Yx2aa"
	for _, echo := range []bool{true, false} {
		t.Run(fmt.Sprintf("echo=%v", echo), func(t *testing.T) {
			board := func(w http.ResponseWriter, r *http.Request) {
				tag := `"v1-plain-tag"`
				if echo {
					tag = `"v1-` + r.URL.Query().Get("api_key") + `"`
				}
				w.Header().Set("ETag", tag)
				w.Header().Set("Content-Type", "application/json")
				if r.Header.Get("If-None-Match") == tag {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				fmt.Fprint(w, `{"jobs":[{"id":11,"title":"Data Engineer","absolute_url":"https://boards.greenhouse.io/acme/jobs/11","location":{"name":"Oslo"},"updated_at":"2026-11-01T00:00:00Z","content":"&lt;p&gt;SQL.&lt;/p&gt;"}]}`)
			}
			cfg := leverConfig(t, map[string]string{"KEY": key}, board, func(url string) string {
				return fmt.Sprintf("  - {name: gh, type: greenhouse, board: acme, url: \"%s/?api_key=${KEY}\"}\n", url)
			})
			runQuiet(t, cfg)
			var tagged []string
			filepath.WalkDir(cfg.Snapshots, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				b, _ := os.ReadFile(p)
				if strings.Contains(string(b), key) {
					t.Errorf("%s holds the key", p)
				}
				if strings.Contains(string(b), "v1-plain-tag") {
					tagged = append(tagged, p)
				}
				return nil
			})
			if log := gitOut(t, cfg.Snapshots, "log", "-p", "--all"); strings.Contains(log, key) {
				t.Error("git history holds the key")
			}
			if !echo && len(tagged) == 0 {
				t.Error("a board's own ETag was not kept")
			}
		})
	}
}
