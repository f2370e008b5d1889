package jsonld

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// A posting page of a links source that answers 404 or 410 on GoneAfter
// runs in a row is gone: its posting is no longer kept as stored, so the
// runner sees it leave the listing (missing, then removed). Until then,
// and for any other failure however long (503), it is kept. An answer in
// between starts the count again. Earlier a page answering 404 kept its
// posting for as long as the listing linked it, warned on every run.
func TestGonePostingPageLeavesTheListing(t *testing.T) {
	page := func(ident string) string {
		return fmt.Sprintf(`<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"title":"Job %s","description":"<p>SQL.</p>"}</script></head></html>`, ident, ident)
	}
	var mu sync.Mutex
	status := http.StatusOK
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/careers":
			io.WriteString(w, `<html><body><a href="/careers/job/1">1</a><a href="/careers/job/2">2</a><a href="/careers/job/3">3</a></body></html>`)
		case "/careers/job/1", "/careers/job/3":
			io.WriteString(w, page("J-"+r.URL.Path[len("/careers/job/"):]))
		case "/careers/job/2":
			w.WriteHeader(status)
			if status == http.StatusOK {
				io.WriteString(w, page("J-2"))
			}
		default:
			http.NotFound(w, r)
		}
	})
	set := func(s int) { mu.Lock(); status = s; mu.Unlock() }
	a := adapter(t, config.Source{URL: srv.URL + "/careers", Settings: &Config{Links: `/careers/job/\d+`}}, client(1, nil))
	list := func(name string, want ...string) {
		t.Helper()
		raws, err := a.List(t.Context())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a.LoadState(a.SaveState()) // the next run's memory, as the runner keeps it
		if got := ids(raws); !slices.Equal(got, want) {
			t.Fatalf("%s: ids %v, want %v", name, got, want)
		}
	}
	list("first", "J-1", "J-2", "J-3")
	for _, s := range []int{http.StatusServiceUnavailable, http.StatusInternalServerError} {
		set(s)
		for i := range 2 * GoneAfter {
			list(fmt.Sprintf("%d, run %d", s, i+1), "J-1", "J-3", "J-2")
		}
	}
	// 404 twice, an answer, 404 twice again: still kept
	for _, s := range []int{http.StatusNotFound, http.StatusNotFound, http.StatusOK, http.StatusGone, http.StatusNotFound} {
		set(s)
		if s == http.StatusOK {
			list("answered", "J-1", "J-2", "J-3")
			continue
		}
		list(fmt.Sprintf("%d within the count", s), "J-1", "J-3", "J-2")
	}
	set(http.StatusNotFound)
	list("404 on the third run in a row: gone", "J-1", "J-3")
	state := string(a.SaveState())
	list("still gone, and the memory stays as it was", "J-1", "J-3")
	if got := string(a.SaveState()); got != state {
		t.Errorf("the memory moves on every run while the page is gone:\n%s\n%s", state, got)
	}
	set(http.StatusOK)
	list("back", "J-1", "J-2", "J-3")
}
