package watch

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// F2: a ${VAR} key with '+' in a source URL's query reaches the board as
// the key itself (it was sent raw and read with a space), and a board that
// echoes it, in either reading, leaves it in no snapshot.
func TestPlusSecretInQuerySentAndMasked(t *testing.T) {
	t.Parallel()
	const key = "Sup3r+Secret/Key=42"
	var mu sync.Mutex
	var got []string
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		k := r.URL.Query().Get("api_key")
		mu.Lock()
		got = append(got, k)
		mu.Unlock()
		content := fmt.Sprintf("&lt;p&gt;SQL and Python. Requested with %s and %s.&lt;/p&gt;", k, strings.ReplaceAll(k, "+", " "))
		b, _ := json.Marshal(map[string]any{"jobs": []map[string]any{{"id": 8636903002, "title": "Data Engineer",
			"updated_at": "2025-01-01T00:00:00Z", "absolute_url": "https://x.example/8636903002?k=" + k, "content": content}}})
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	}))
	t.Cleanup(board.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: sec1, type: greenhouse, board: sec1, url: %q}\n", board.URL+"/?api_key=${KEY}")
	getenv := func(k string) (string, bool) {
		if k == "KEY" {
			return key, true
		}
		return "", false
	}
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), getenv, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if res := run(t, r, cfg); res.Sources[0].Added != 1 {
		t.Fatalf("run: %+v", res.Sources[0])
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) == 0 || got[0] != key {
		t.Fatalf("the board read the key as %q, want %q", got, key)
	}
	err = filepath.Walk(cfg.Snapshots, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, form := range []string{"Sup3r", "Secret/Key", "Secret%2FKey"} {
			if strings.Contains(string(b), form) {
				t.Errorf("%s holds %q: %s", p, form, b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
