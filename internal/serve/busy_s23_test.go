package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// History walks (a posting's page, the events and feeds) run two at a
// time: a request beyond them is answered 503 with Retry-After at once,
// not queued behind walks of up to 20,000 commits each (review s23 F5).
func TestHistoryWalksAreBounded(t *testing.T) {
	f := writeFolder(t, []model.Posting{{ID: "1", Title: "Data Engineer"}})
	h := New(f, "", nil).Handler()
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	var dones []func()
	for range maxWalks {
		done, err := f.walk()
		if err != nil {
			t.Fatal(err)
		}
		dones = append(dones, done)
	}
	for _, path := range []string{"/api/v1/sources/acme/postings/1", "/sources/acme/postings/1", "/feed.atom", "/api/v1/events"} {
		rec := get(path)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "try again") {
			t.Errorf("%s while busy: %d %q, Retry-After %q", path, rec.Code, rec.Body, rec.Header().Get("Retry-After"))
		}
	}
	for _, done := range dones {
		done()
	}
	for _, path := range []string{"/api/v1/sources/acme/postings/1", "/feed.atom"} {
		if rec := get(path); rec.Code != http.StatusOK {
			t.Errorf("%s after: %d %s", path, rec.Code, rec.Body)
		}
	}
}
