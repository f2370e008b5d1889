package watch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// keyedLever is the config of one lever source "lv" (board acme) whose url
// carries ${KEY} in its query, served by board (an httptest server, closed
// with the test), the variables from env, more YAML (notifiers: ...) after
// the sources; snapshots in a temporary folder.
func keyedLever(t *testing.T, env map[string]string, more string, board http.HandlerFunc) *config.Config {
	t.Helper()
	srv := httptest.NewServer(board)
	t.Cleanup(srv.Close)
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: lv, type: lever, board: acme, url: \"%s?api_key=${KEY}\"}\n%s", srv.URL, more)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), getenv, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// runQuiet is one run of cfg's sources by a new Runner (logs discarded,
// one attempt per request); an error or a failed source fails the test.
func runQuiet(t *testing.T, cfg *config.Config) Result {
	t.Helper()
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() {
		t.Fatalf("run: %v %+v", err, res.Sources)
	}
	return res
}
