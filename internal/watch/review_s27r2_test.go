package watch

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// review s27b: f7f71d0 saves validators equal to those the run read as
// the bytes it read. The secret check (saveValidators) sees only what
// json.Unmarshal kept; a file whose bytes hold more than that (a
// case-variant duplicate key, which Unmarshal folds into one field with
// the last value winning, or a field this build does not know) is written
// back, and committed, with a configured secret in it. Before, the file
// was re-encoded from the decoded validators and the secret was gone.
func TestReview27b_ValidatorsBytesKeptWithASecret(t *testing.T) {
	t.Parallel()
	board := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"tag-a"`)
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("If-None-Match") == `"tag-a"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `{"jobs":[{"id":11,"title":"Data Engineer","absolute_url":"https://boards.greenhouse.io/acme/jobs/11","location":{"name":"Oslo"},"updated_at":"2026-11-01T00:00:00Z","content":"&lt;p&gt;SQL.&lt;/p&gt;"}]}`)
	}
	cfg := leverConfig(t, nil, board, func(url string) string {
		return fmt.Sprintf("  - {name: gh, type: greenhouse, board: acme, url: \"%s/\"}\n", url)
	})
	const secret = "sk-live-4f9a1c7e2b"
	cfg.Secrets = append(cfg.Secrets, redact.Secret{Name: "GH_TOKEN", Value: secret})
	runQuiet(t, cfg)
	path := filepath.Join(cfg.Snapshots, ".watcher", "http", "gh.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"etag"`) {
		t.Fatalf("validators after the first run: %s", b)
	}
	// an older or hand-edited file: the secret under a case-variant key
	// that Unmarshal reads first and overwrites with "etag"
	edited := strings.Replace(string(b), `"etag"`, `"ETag": "`+secret+`", "etag"`, 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	runQuiet(t, cfg) // a 304: the same validators as decoded
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(after), secret) {
		t.Errorf("the validators file keeps a configured secret after the run: %s", after)
	}
}
