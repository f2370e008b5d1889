package watch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// leverConfig is the config of the sources that sources gives for the URL
// of board (an httptest server, closed with the test): the YAML after
// "sources:" (its items, and any sections after them), the variables from
// env; snapshots in a temporary folder.
func leverConfig(t *testing.T, env map[string]string, board http.HandlerFunc, sources func(url string) string) *config.Config {
	t.Helper()
	srv := httptest.NewServer(board)
	t.Cleanup(srv.Close)
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	return parseConfig(t, t.TempDir(), "snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n"+sources(srv.URL), getenv)
}

// snapStore opens cfg's snapshot folder; an error fails the test.
func snapStore(t *testing.T, cfg *config.Config) *snapshot.Store {
	t.Helper()
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// parseConfig is the config yml as if read from dir/config.yaml (relative
// snapshots are in dir), with the variables of getenv (nil: none); an
// error fails the test.
func parseConfig(t *testing.T, dir, yml string, getenv func(string) (string, bool)) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), getenv, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// leverBoards are lever sources named as their boards, in that order, for
// leverConfig: each lists the board of its name at the server's URL.
func leverBoards(names ...string) func(url string) string {
	return func(url string) string {
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "  - {name: %s, type: lever, board: %s, url: %q}\n", n, n, url)
		}
		return b.String()
	}
}

// keyedLever is the config of one lever source "lv" (board acme) whose url
// carries ${KEY} in its query, served by board (an httptest server, closed
// with the test), the variables from env, more YAML (notifiers: ...) after
// the sources; snapshots in a temporary folder.
func keyedLever(t *testing.T, env map[string]string, more string, board http.HandlerFunc) *config.Config {
	t.Helper()
	return leverConfig(t, env, board, func(url string) string {
		return fmt.Sprintf("  - {name: lv, type: lever, board: acme, url: \"%s?api_key=${KEY}\"}\n%s", url, more)
	})
}

// quietRunner is a new Runner of cfg with o's options, its logs discarded
// and one attempt per request unless o says otherwise.
func quietRunner(t *testing.T, cfg *config.Config, o Options) *Runner {
	t.Helper()
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Retry.Attempts == 0 {
		o.Retry = retry.Policy{Attempts: 1}
	}
	r, err := New(cfg, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// runQuiet is one run of cfg's sources by a new Runner (logs discarded,
// one attempt per request); an error or a failed source fails the test.
func runQuiet(t *testing.T, cfg *config.Config) Result {
	t.Helper()
	res, err := quietRunner(t, cfg, Options{}).Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() {
		t.Fatalf("run: %v %+v", err, res.Sources)
	}
	return res
}

// leverPage is a Lever board that lists the JSON array body() on its first
// page and nothing after it (body is asked at each request, so a test may
// change what the board lists between runs).
func leverPage(body func() []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if s := r.URL.Query().Get("skip"); s != "" && s != "0" {
			w.Write([]byte("[]"))
			return
		}
		w.Write(body())
	}
}
