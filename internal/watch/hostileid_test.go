package watch

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A posting id with a NUL byte is kept under model.PostingKey of the id,
// as the database store keeps it (pgstore): the snapshot's id is the key,
// the text has no NUL, and the next run finds it unchanged. The adapter's
// detail and listing still see the platform's id.
func TestHostileIDKeptUnderItsKey(t *testing.T) {
	t.Parallel()
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id":"x\u0000y","text":"Data\u0000 Engineer","hostedUrl":"https://jobs.lever.co/acme/x","categories":{"team":"Data"},"description":"<p>SQL</p>"},
			{"id":"ok","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/ok","categories":{"team":"Data"},"description":"<p>SQL</p>"}]`)
	}))
	t.Cleanup(board.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: lv, type: lever, board: acme, url: %q}\n", board.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	res := run(t, r, cfg)
	if res.Sources[0].Added != 2 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	s := snapStore(t, cfg)
	key := model.PostingKey("x\x00y")
	p, _, err := s.Read("lv", key)
	if err != nil {
		t.Fatalf("posting under its key %q: %v", key, err)
	}
	if p.ID != key || p.Title != "Data Engineer" {
		t.Fatalf("stored as %+v", p)
	}
	if res := run(t, r, cfg); res.Commit != "" || res.Sources[0].Added+res.Sources[0].Changed+res.Sources[0].Removed != 0 {
		t.Fatalf("second run changed something: %+v", res.Sources[0])
	}
}
