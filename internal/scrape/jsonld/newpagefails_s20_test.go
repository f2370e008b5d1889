package jsonld

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// lockedBuffer is a log buffer safe for the pool's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// Review s20 F5: a posting page linked after the first good run that
// fails (refused, 503) and never gave a posting has nothing to keep; it
// was left out without a word, run after run. It is a warning naming the
// page and its error; the source stays healthy.
func TestNewPostingPageThatFailsIsAWarning(t *testing.T) {
	var third atomic.Bool
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/careers":
			links := `<a href="/careers/job/1">1</a><a href="/careers/job/2">2</a>`
			if third.Load() {
				links += `<a href="/careers/job/9">9</a>`
			}
			io.WriteString(w, "<html><body>"+links+"</body></html>")
		case "/careers/job/1", "/careers/job/2":
			ident := "J-" + r.URL.Path[len("/careers/job/"):]
			fmt.Fprintf(w, `<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"title":"Job","description":"<p>SQL.</p>"}</script></head></html>`, ident)
		case "/careers/job/9":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			http.NotFound(w, r)
		}
	})
	var logs lockedBuffer
	o := scrapetest.Options(1)
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	c := scrape.NewPool(context.Background(), o).Client(nil)
	a := adapter(t, config.Source{URL: srv.URL + "/careers", Settings: &Config{Links: `/careers/job/\d+`}}, c)
	for run := range 2 {
		if run == 1 {
			third.Store(true)
		}
		raws, err := a.List(t.Context())
		if err != nil {
			t.Fatalf("run %d: %v", run+1, err)
		}
		a.LoadState(a.SaveState())
		if got := ids(raws); !slices.Equal(got, []string{"J-1", "J-2"}) {
			t.Fatalf("run %d: ids %v", run+1, got)
		}
	}
	out := logs.String()
	if !strings.Contains(out, "jsonld posting page failed") || !strings.Contains(out, "/careers/job/9") {
		t.Fatalf("no warning names the failed page:\n%s", out)
	}
}
