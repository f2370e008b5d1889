package workday

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotExternalPath: an externalPath from the listing with a dot segment
// (any spelling, "\" as "/") fails the posting's detail naming it, and
// sends nothing: the parser that sends would collapse it to a parent path
// of the cxs API. A normal path's detail goes to its own API path.
func TestDotExternalPath(t *testing.T) {
	var mu sync.Mutex
	var paths []string
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.EscapedPath())
		mu.Unlock()
		http.NotFound(w, r)
	})
	a := adapter(t, srv.URL, 1)
	for _, p := range []string{"/job/../../x_JR1", "/job/%2e%2E/x_JR1", "/job/./x_JR1", `/job\..\x_JR1`, "/job/x/.._JR1/.."} {
		_, err := a.Detail(context.Background(), model.Raw{ID: "JR1", URL: a.publicBase() + p})
		if err == nil || !strings.Contains(err.Error(), "dot segment") || !strings.Contains(err.Error(), "posting JR1") {
			t.Errorf("detail of externalPath %q: %v, want a refusal naming the posting", p, err)
		}
	}
	mu.Lock()
	if len(paths) != 0 {
		t.Errorf("dot paths sent requests to %q", paths)
	}
	mu.Unlock()
	a.Detail(context.Background(), model.Raw{ID: "JR2", URL: a.publicBase() + "/job/Chicago/..Eng_JR2"})
	mu.Lock()
	defer mu.Unlock()
	if len(paths) != 1 || paths[0] != "/wday/cxs/acme/External/job/Chicago/..Eng_JR2" {
		t.Errorf("normal path requested %q", paths)
	}
}
