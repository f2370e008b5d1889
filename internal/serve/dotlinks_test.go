package serve

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	whatwgurl "github.com/nlnwa/whatwg-url/url"
)

// TestDotKeyLinksResolved: the posting links of a source page, resolved
// against the page's URL as a browser does (the WHATWG parser), lead to
// each posting's page, also for the keys "." and "..", whose path-segment
// form (even %2E%2E) a browser resolves to the source's page.
func TestDotKeyLinksResolved(t *testing.T) {
	h := dotKeyHandler(t, "..", ".", "p1")
	const page = "http://watcher.example/sources/acme"
	resp, body := fetch(t, h, "/sources/acme")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("source page: %d\n%s", resp.StatusCode, body)
	}
	p := whatwgurl.NewParser()
	base, err := p.Parse(page)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, m := range regexp.MustCompile(`href="(/sources/acme/postings/[^"]*)"`).FindAllStringSubmatch(body, -1) {
		href := html.UnescapeString(m[1])
		u, err := p.ParseRef(base.Href(false), href)
		if err != nil {
			t.Fatalf("resolve %q: %v", href, err)
		}
		target := u.Pathname() + u.Search()
		resp, got := fetch(t, h, target)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("link %q resolves to %q: %d, want a posting page", href, target, resp.StatusCode)
			continue
		}
		for _, title := range []string{"Dot dot job", "Dot job", "Plain job"} {
			if strings.Contains(got, "<title>"+title) || strings.Contains(got, "<h1>"+title) {
				titles[title] = true
			}
		}
	}
	for _, title := range []string{"Dot dot job", "Dot job", "Plain job"} {
		if !titles[title] {
			t.Errorf("no link of the source page leads to the page of %q", title)
		}
	}
	// the old form, for the record: the browser drops the key
	u, err := p.ParseRef(page, "/sources/acme/postings/%2E%2E")
	if err != nil || u.Pathname() != "/sources/acme/" {
		t.Errorf("WHATWG resolution of the path form of \"..\": %v %v, want /sources/acme/", u, err)
	}
	// the query route without an id is no posting
	if resp, _ := fetch(t, h, "/sources/acme/postings/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/sources/acme/postings/ without id: %d, want 404", resp.StatusCode)
	}
}
