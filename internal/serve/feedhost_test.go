package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A request's Host header does not go into the feed: its self link and
// entry links are relative to the server's root, its id a fixed URN.
func TestFeedIgnoresHostHeader(t *testing.T) {
	f := writeFolder(t, []model.Posting{{ID: "42", Title: "Analyst"}})
	repo, err := gitrepo.Open(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := repo.Commit([]string{f.Dir + "/acme/42.json"}, "acme: 1 added", gitrepo.Author{Name: "w", Email: "w@localhost"}, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)); err != nil || !ok {
		t.Fatalf("commit: %v %v", ok, err)
	}
	h := New(f, "", nil).Handler()
	for _, path := range []string{"/feed.atom", "/sources/acme/feed.atom"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Host = "evil.example"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		resp, feed := rec.Result(), rec.Body.String()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		if strings.Contains(feed, "evil.example") {
			t.Errorf("%s: the Host header is in the feed:\n%s", path, feed)
		}
		if !strings.Contains(feed, `href="`+path+`" rel="self"`) || !strings.Contains(feed, `href="/sources/acme/postings/42"`) {
			t.Errorf("%s: self or entry link not relative to the root:\n%s", path, feed)
		}
		if !strings.Contains(feed, "<id>urn:careers-watcher:feed") {
			t.Errorf("%s: feed id not a URN:\n%s", path, feed)
		}
	}
}
