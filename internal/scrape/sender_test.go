package scrape

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/send"
)

// TestSendersAgree sends the same requests through the watcher's sender
// (colly's) and the plain one that adapter tests use, and wants the same
// answers and the same requests on the wire: headers set by default, a
// charset converted, a form POST, cookies kept, an error status, a body
// over the cap, too many redirects, and a URL normalized as colly's WHATWG
// parse does (a backslash, "." and ".." segments, a space, quotes and
// non-ASCII bytes in the query).
func TestSendersAgree(t *testing.T) {
	name, colly := send.Registered()
	if name != "colly" {
		t.Fatalf("registered sender %q, want colly (collysend_test.go imports it)", name)
	}
	big := strings.Repeat("x", 2048)
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		ck, _ := r.Cookie("s")
		seen = append(seen, fmt.Sprintf("%s %s uri=%q ua=%q accept=%q ct=%q cookie=%v",
			r.Method, r.URL.Path, r.RequestURI, r.UserAgent(), r.Header.Get("Accept"), r.Header.Get("Content-Type"), ck))
		mu.Unlock()
		switch r.URL.Path {
		case "/latin1":
			w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
			w.Write([]byte("caf\xe9"))
		case "/png":
			w.Header().Set("Content-Type", "image/png; charset=iso-8859-1")
			w.Write([]byte("caf\xe9"))
		case "/set":
			http.SetCookie(w, &http.Cookie{Name: "s", Value: "1", Path: "/"})
			w.Write([]byte("set"))
		case "/missing":
			http.Error(w, "gone", http.StatusNotFound)
		case "/big":
			w.Write([]byte(big))
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()

	reqs := []Request{
		{URL: srv.URL + "/latin1"},
		{URL: srv.URL + "/png"},
		{URL: srv.URL + "/set"},
		{URL: srv.URL + "/echo", Header: http.Header{"User-Agent": {"own/1"}, "Accept": {"application/json"}}},
		{Method: http.MethodPost, URL: srv.URL + "/form", Body: []byte("a=1")},
		{Method: http.MethodPost, URL: srv.URL + "/json", Body: []byte("{}"), Header: http.Header{"Content-Type": {"application/json"}}},
		{URL: srv.URL + "/missing"},
		{URL: srv.URL + "/big"},
		{URL: srv.URL + "/loop"},
		{URL: srv.URL + `/a\b`},
		{URL: srv.URL + "/x/../y"},
		{URL: srv.URL + "/x/%2e%2e/y"},
		{URL: srv.URL + "/q?x=a b"},
		{URL: srv.URL + `/q?x='"`},
		{URL: srv.URL + "/q?x=café"},
	}
	run := func(mk send.New) (answers, wire []string) {
		mu.Lock()
		seen = nil
		mu.Unlock()
		c := NewPool(context.Background(), Options{
			UserAgent: "agree/1", MaxBody: 1024, AllowPrivate: true,
			Retry: retry.Policy{Attempts: 1}, sender: mk,
		}).Client(nil)
		for _, r := range reqs {
			resp, err := c.Do(context.Background(), r)
			if err != nil {
				answers = append(answers, fmt.Sprintf("%s: error %v", r.URL, strings.ReplaceAll(err.Error(), srv.URL, "")))
				continue
			}
			answers = append(answers, fmt.Sprintf("%s: %d %q %q", r.URL, resp.Status, resp.Header.Get("Content-Type"), resp.Body))
		}
		mu.Lock()
		defer mu.Unlock()
		return answers, append([]string(nil), seen...)
	}
	ca, cw := run(colly)
	pa, pw := run(newPlainSender)
	if got, want := strings.Join(pa, "\n"), strings.Join(ca, "\n"); got != want {
		t.Errorf("answers differ\nplain:\n%s\ncolly:\n%s", got, want)
	}
	if got, want := strings.Join(pw, "\n"), strings.Join(cw, "\n"); got != want {
		t.Errorf("requests differ\nplain:\n%s\ncolly:\n%s", got, want)
	}
	// the cases are what they say
	for _, want := range []string{`/latin1: 200 "text/html; charset=ISO-8859-1" "café"`, "/missing: error", "/big: error", "/loop: error"} {
		if !strings.Contains(strings.Join(ca, "\n"), want) {
			t.Errorf("no answer %q in\n%s", want, strings.Join(ca, "\n"))
		}
	}
	for _, want := range []string{`uri="/a/b"`, `uri="/y"`, `uri="/q?x=a%20b"`, `uri="/q?x=%27%22"`, `uri="/q?x=caf%C3%A9"`} {
		if !strings.Contains(strings.Join(cw, "\n"), want) {
			t.Errorf("no request %s in\n%s", want, strings.Join(cw, "\n"))
		}
	}
	if !strings.Contains(strings.Join(cw, "\n"), `cookie=s=1`) {
		t.Errorf("the cookie was not sent back:\n%s", strings.Join(cw, "\n"))
	}
}
