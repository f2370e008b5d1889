package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestFilteredFeedCountsMatches_s23r: README: on /feed.atom "the posting
// filters and since/limit apply". The feed reads the newest `limit` events
// and filters them afterwards, so a matching event older than `limit`
// non-matching ones is in no answer: a reader subscribed to a filtered
// feed misses it for good. Here: run 1 adds "Match Engineer", run 2 adds
// three other postings; /feed.atom?q=Match&limit=3 must still hold the
// match (limit counts the entries answered, not the events read).
//
// Not parallel: startServe (see TestServeMasksMarkupEscapedSecrets).
func TestFilteredFeedCountsMatches(t *testing.T) {
	var round atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		item := func(id, title string) string {
			return fmt.Sprintf(`{"id":%q,"text":%q,"hostedUrl":"https://jobs.example/%s","categories":{"team":"Data","location":"Berlin"},"descriptionPlain":"Build.","createdAt":1767225600000}`, id, title, id)
		}
		items := []string{item("m1", "Match Engineer")}
		if round.Load() > 0 {
			items = append(items, item("a1", "Other One"), item("a2", "Other Two"), item("a3", "Other Three"))
		}
		fmt.Fprint(w, "["+strings.Join(items, ",")+"]")
	}))
	t.Cleanup(srv.Close)
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: lever, board: acme, url: %q}
`, srv.URL+"/v0/postings/acme")
	code, out, errOut, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("run 1: exit %d\n%s\n%s", code, out, errOut)
	}
	round.Store(1)
	cfg := filepath.Join(dir, "config.yaml")
	if code, out, errOut := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run 2: exit %d\n%s\n%s", code, out, errOut)
	}
	base := startServe(t, &env{dir: dir, cfg: cfg})
	_, all := get(t, base+"/feed.atom?q=Match")
	if n := strings.Count(string(all), "<entry>"); n != 1 {
		t.Fatalf("/feed.atom?q=Match: %d entries, want 1\n%s", n, all)
	}
	_, body := get(t, base+"/feed.atom?q=Match&limit=3")
	if n := strings.Count(string(body), "<entry>"); n != 1 {
		t.Errorf("/feed.atom?q=Match&limit=3: %d entries, want 1 (the match is older than the 3 newest events)\n%s", n, body)
	}
}
