package render

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// A browser that dies during a run (killed, as the OOM killer would) is
// replaced by a new one for the next page.
func TestBrowserRestartsAfterACrash(t *testing.T) {
	longSuite(t)
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	if ExecPath() == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium on PATH in CI: .ci/run installs it")
		}
		t.Skip("no chromium on this machine")
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><p id="x"></p><script>document.getElementById('x').textContent = 'built';</script></body></html>`)
	}))
	defer s.Close()
	c := scrapetest.Client(1, nil).Source(s.URL, false)
	defer c.Close()
	o := Options{WaitFor: "#x", Timeout: 30 * time.Second}
	if _, err := Get(context.Background(), c, s.URL+"/", o); err != nil {
		t.Fatal(err)
	}
	b := of(c)
	b.mu.Lock()
	bctx := b.bctx
	b.mu.Unlock()
	if err := chromedp.FromContext(bctx).Browser.Process().Kill(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-bctx.Done():
	case <-time.After(30 * time.Second):
		t.Fatal("the killed browser's context did not end")
	}
	if _, err := Get(context.Background(), c, s.URL+"/", o); err != nil {
		t.Fatalf("the page after the crash: %v", err)
	}
}

// longSuite skips a slow browser test in the default run; CI's long step
// runs it (WATCHER_LONG_TESTS=1), as it does the full-size crash suites.
func longSuite(t *testing.T) {
	t.Helper()
	if os.Getenv("WATCHER_LONG_TESTS") != "1" {
		t.Skip("a long suite: runs with WATCHER_LONG_TESTS=1 (CI's long step)")
	}
}
