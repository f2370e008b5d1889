package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeMasksMarkupEscapedSecrets: a board publishes a title and a URL
// holding a secret of the config it was never sent (another source's key):
// posting data keeps it, and serve masks every secret in its answers. The
// pages (html/template: &#43; and &amp; in text, lower-case %xx in a URL)
// and the Atom feed (encoding/xml: &amp;) must not show it in any form.
//
// Not parallel: startServe stops serve with a SIGINT to the process, which
// would interrupt a parallel test's run.
func TestServeMasksMarkupEscapedSecrets(t *testing.T) {
	const secret = "abc+def/ghi=jk&l"
	setenv(t, "CW_TEST_MARKUP_SECRET", secret)
	title := "Data Engineer " + secret
	link := "https://jobs.example/acme/a1b2c3?ref=" + url.QueryEscape(secret)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v0/postings/acme" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":"a1b2c3","text":%q,"hostedUrl":%q,
"categories":{"team":"Data","location":"Berlin"},"descriptionPlain":"Build pipelines.","createdAt":1767225600000}]`, title, link)
	}))
	t.Cleanup(srv.Close)
	// the secret is another source's key: serve reads the sources, so it
	// masks it; acme's board was never sent it, so its posting keeps it
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: lever, board: acme, url: %q}
  - {name: other, type: lever, board: other, url: "http://127.0.0.1:1/v0/postings/other?key=${CW_TEST_MARKUP_SECRET}"}
`, srv.URL)
	code, out, errOut, dir := runYAML(t, yml, "run", "--source", "acme")
	if code != 0 {
		t.Fatalf("run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if ps := readPostings(t, filepath.Join(dir, "snaps"), "acme"); len(ps) != 1 || ps[0].Title != title {
		t.Fatalf("postings %+v, want one titled %q (posting data verbatim)", ps, title)
	}
	base := startServe(t, &env{dir: dir, cfg: filepath.Join(dir, "config.yaml")})
	forms := []string{"abc+def", "abc&#43;def", "abc%2Bdef", "abc%2bdef", "jk&amp;l", "jk&l", "jk%26l", "abc def"}
	for _, p := range []string{"/", "/sources/acme", "/sources/acme/postings/a1b2c3", "/feed.atom", "/sources/acme/feed.atom",
		"/api/v1/sources/acme/postings/a1b2c3"} {
		resp, body := get(t, base+p)
		page := string(body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d\n%s", p, resp.StatusCode, page)
		}
		for _, f := range forms {
			if strings.Contains(page, f) {
				t.Errorf("%s shows the secret as %q:\n%s", p, f, page)
			}
		}
		if p == "/sources/acme/postings/a1b2c3" && !strings.Contains(page, "[redacted:CW_TEST_MARKUP_SECRET]") {
			t.Errorf("%s: no mask of the title:\n%s", p, page)
		}
	}
}
