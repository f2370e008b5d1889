package watch

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// A run stopped while it fetches (nothing written yet) says so; it does
// not claim to have been stopped while writing.
func TestStopDuringFetchIsNotCalledWriting(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cancel() // the signal comes while the board is answering
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: gh, type: greenhouse, board: acme, url: %q}
`, srv.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	var logs notifytest.Buffer
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(ctx, cfg.Sources)
	if err != nil || !res.Interrupted {
		t.Fatalf("run: %v, interrupted %v", err, res.Interrupted)
	}
	out := logs.String()
	if strings.Contains(out, "while writing") || !strings.Contains(out, "run interrupted before writing: nothing was written") {
		t.Fatalf("log:\n%s", out)
	}
}
