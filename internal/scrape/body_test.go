package scrape_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// A windows-1252 page that declares its charset only in a <meta> (its
// Content-Type names none) is read as windows-1252, fetched through the
// client as an adapter fetches it.
func TestParseHTMLMetaCharset(t *testing.T) {
	const title = "Ingénieur données – Zürich"
	for _, tc := range []struct{ name, head, contentType string }{
		{"meta charset", `<meta charset="windows-1252">`, "text/html"},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, "text/html"},
		{"no content type", `<META CHARSET=cp1252>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := charmap.Windows1252.NewEncoder().String(`<!doctype html><html><head>` + tc.head +
				`<title>x</title></head><body><h1>` + title + `</h1></body></html>`)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = []string{tc.contentType}
				if tc.contentType == "" {
					w.Header()["Content-Type"] = nil
				}
				_, _ = w.Write([]byte(page))
			}))
			defer srv.Close()
			c := scrape.NewClient(context.Background(), scrape.Options{UserAgent: "test"})
			resp, err := c.Do(context.Background(), scrape.Request{URL: srv.URL + "/jobs"})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := scrape.ParseHTML(resp.Body, resp.Header.Get("Content-Type"), srv.URL+"/jobs")
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Find("h1").Text(); got != title {
				t.Errorf("h1 = %q, want %q (Content-Type %q)", got, title, resp.Header.Get("Content-Type"))
			}
		})
	}
}

// The Content-Type's charset wins over a <meta> that says otherwise, and a
// UTF-8 page that declares UTF-8 is left as it is.
func TestUTF8HTMLHeaderWins(t *testing.T) {
	utf8Page := []byte(`<html><head><meta charset="windows-1252"></head><body>Zürich</body></html>`)
	if got := scrape.UTF8HTML(utf8Page, "text/html; charset=utf-8"); string(got) != string(utf8Page) {
		t.Errorf("header charset: converted again: %q", got)
	}
	declared := []byte(`<html><head><meta charset="utf-8"></head><body>Zürich</body></html>`)
	if got := scrape.UTF8HTML(declared, "text/html"); string(got) != string(declared) {
		t.Errorf("meta utf-8: changed: %q", got)
	}
	utf16 := []byte(`<html><head><meta charset="utf-16"></head><body>Zürich</body></html>`)
	if got := scrape.UTF8HTML(utf16, "text/html"); string(got) != string(utf16) {
		t.Errorf("meta utf-16 on an ASCII-compatible page: changed: %q", got)
	}
}
