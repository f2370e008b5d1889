package scrape

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// F9: a 304 Not Modified to a request that sent no validators (the first
// run: none stored; or stored for another URL) is a broken answer naming
// the URL, never "the listing is as it was" (a healthy empty source, or a
// frozen one). A 304 to a request that sent one still is.
func TestUnsolicited304IsAnError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			return
		}
		w.WriteHeader(http.StatusNotModified)
	}))
	defer srv.Close()
	pool := NewPool(context.Background(), Options{Robots: true, Retry: retry.Policy{Attempts: 1}})
	u := srv.URL + "/v1/boards/nm/jobs"
	for name, v := range map[string]Validators{
		"none stored":      {},
		"another URL only": {srv.URL + "/other": {ETag: `"v1"`}},
	} {
		var out struct{ N int }
		err := pool.Client(v).ListJSON(context.Background(), u, &out)
		if err == nil || errors.Is(err, ErrNotModified) {
			t.Fatalf("%s: err %v, want an error", name, err)
		}
		if !strings.Contains(err.Error(), u) || !strings.Contains(err.Error(), "304") || !IsStatus(err, http.StatusNotModified) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// sent a validator: the 304 means what it says
	var out struct{ N int }
	err := pool.Client(Validators{u: {ETag: `"v1"`}}).ListJSON(context.Background(), u, &out)
	if !errors.Is(err, ErrNotModified) {
		t.Fatalf("validated 304: %v", err)
	}
}
