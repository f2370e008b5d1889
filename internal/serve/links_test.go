package serve

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// TestDotIDLinks: a posting whose id is "." or ".." gets a link that a
// browser does not resolve to the parent path, and the link leads to the
// posting's page.
func TestDotIDLinks(t *testing.T) {
	h := dotKeyHandler(t, "..", ".")
	resp, page := fetch(t, h, "/sources/acme")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("source page: %d\n%s", resp.StatusCode, page)
	}
	hrefs := regexp.MustCompile(`href="(/sources/acme/postings/[^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(hrefs) != 2 {
		t.Fatalf("want 2 posting links, got %v", hrefs)
	}
	for _, m := range hrefs {
		href := m[1]
		last := href[strings.LastIndex(href, "/")+1:]
		if last == "." || last == ".." {
			t.Errorf("link %q ends in a dot segment: a browser resolves it to the parent path", href)
			continue
		}
		resp, body := fetch(t, h, href)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Dot") {
			t.Errorf("GET %s: %d, want the posting page\n%s", href, resp.StatusCode, body)
		}
	}
	for id, want := range map[string]string{"..": "/sources/acme/postings/?id=..", ".": "/sources/acme/postings/?id=.", "a.b": "/sources/acme/postings/a.b", "p1": "/sources/acme/postings/p1", "a b": "/sources/acme/postings/a%20b"} {
		if got := postingPath("acme", id); got != want {
			t.Errorf("postingPath(%q) = %q, want %q", id, got, want)
		}
	}
}

// TestFeedSourceEventLink: an entry for a source event links to the
// source's page; a posting event's entry to the posting's page.
func TestFeedSourceEventLink(t *testing.T) {
	ts := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, typ := range []string{notify.SourceFailed, notify.SourceRecovered, notify.SourceSuspicious} {
		it := feedItem(Event{ID: "e1", Type: typ, Timestamp: ts, Data: notify.Data{Source: "a b"}})
		if it.Link == nil || it.Link.Href != "/sources/a%20b" {
			t.Errorf("%s: link %+v, want the source page", typ, it.Link)
		}
	}
	p := &model.Posting{ID: "p1", Title: "T"}
	it := feedItem(Event{ID: "e2", Type: notify.PostingAdded, Timestamp: ts, Data: notify.Data{Source: "acme", Posting: p}})
	if it.Link == nil || it.Link.Href != "/sources/acme/postings/p1" {
		t.Errorf("posting event: link %+v", it.Link)
	}
}
