package watch

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A board whose answer holds a posting id of 200,000 characters put it
// whole into the index, the commit message and every event (review s22
// F12 d). An id longer than any platform's is left out, with a warning
// naming the source; the other postings are kept.
func TestOverlongIDIsLeftOut(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 200_000)
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":%q,"text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/x","categories":{"team":"Data"},"description":"<p>SQL</p>"},
			{"id":"ok","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/ok","categories":{"team":"Data"},"description":"<p>SQL</p>"}]`, long)
	}))
	t.Cleanup(board.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: lv, type: lever, board: acme, url: %q}\n", board.URL)
	cfg := parseConfig(t, dir, yml, nil)
	var logs strings.Builder
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Added != 1 || len(res.Events) != 1 {
		t.Fatalf("first run: %d added, %d events; want 1 and 1 (the overlong id left out)", s.Added, len(res.Events))
	}
	for _, e := range res.Events {
		if len(e.ID)+len(e.Data.Posting.ID) > 1000 {
			t.Fatalf("an event carries the overlong id")
		}
	}
	idx, err := os.ReadFile(filepath.Join(cfg.Snapshots, ".watcher", "index", "lv.json"))
	if err != nil || len(idx) > 10_000 {
		t.Fatalf("index of %d bytes (%v)", len(idx), err)
	}
	if out := logs.String(); !strings.Contains(out, "longer than any platform's") || !strings.Contains(out, "source=lv") {
		t.Fatalf("no warning naming the source:\n%s", out)
	}
}
