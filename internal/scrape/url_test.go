package scrape

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	whatwg "github.com/nlnwa/whatwg-url/url"
)

// requestURL sends what a WHATWG parser makes of a URL (as colly did for
// every request), taking the URL as written only where that is the same.
func TestRequestURLIsWhatWGs(t *testing.T) {
	for _, tt := range []struct {
		u     string
		plain bool
	}{
		{"https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true", true},
		{"http://127.0.0.1:8080/api/apply/v2/jobs?domain=board-1.example&start=10&num=10", true},
		{"https://explore.jobs.netflix.net/api/apply/v2/jobs/790311790854?domain=netflix.com", true},
		{"https://x.example/a/b;c=d?e=%20f&g=h+i#frag", true},
		{"https://x.example./p", true},
		{"https://X.example/p", false},
		{"https://x.example", false},
		{"https://x.example?q=1", false},
		{"https://x.example:443/p", false},
		{"http://x.example:80/p", false},
		{"http://x.example:08080/p", false},
		{"https://x.example/a/../b", false},
		{"https://x.example/a/%2E%2e/b", false},
		{"https://x.example/a/./b", false},
		{"https://x.example/a b?q=c d", false},
		{"https://x.example/caf\u00e9?q=\u00fc", false},
		{"https://b\u00fccher.example/p", false},
		{"https://x.example/p?q='a'&r=\"b\"&s=<c>", false},
		{"https://x.example/p|{}^`", false},
		{"http://0x7f.1/p", false},
		{"http://2130706433/p", false},
		{"http://127.1/p", false},
		{"http://1.2.3.4.example/p", true},
		{"http://example.123/p", false},
		{"https://user:pw@x.example/p", false},
		{"http://[::1]:8080/p", false},
		{"https://x.example/a\\b", false},
	} {
		if got := plainURL(tt.u); got != tt.plain {
			t.Errorf("plainURL(%q) = %v, want %v", tt.u, got, tt.plain)
		}
		w, err := whatwg.Parse(tt.u)
		if err != nil {
			if _, rerr := requestURL(tt.u); rerr == nil {
				t.Errorf("requestURL(%q) took a URL the WHATWG parser refuses (%v)", tt.u, err)
			}
			continue
		}
		got, err := requestURL(tt.u)
		if err != nil || got != w.Href(false) {
			t.Errorf("requestURL(%q) = %q, %v; the WHATWG parser makes %q", tt.u, got, err, w.Href(false))
		}
	}
}

// A body in another charset named by its Content-Type arrives as UTF-8;
// one without a charset, or in UTF-8, as it came.
func TestBodyCharsetConverted(t *testing.T) {
	latin1 := []byte("caf\xe9")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/latin1":
			w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
			w.Write(latin1)
		case "/none":
			w.Header().Set("Content-Type", "text/html")
			w.Write(latin1)
		case "/image":
			w.Header().Set("Content-Type", "image/png; charset=ISO-8859-1")
			w.Write(latin1)
		}
	}))
	defer srv.Close()
	c := testClient(Options{})
	for path, want := range map[string]string{"/latin1": "café", "/none": "caf\xe9", "/image": "caf\xe9"} {
		r, err := c.Do(context.Background(), Request{URL: srv.URL + path})
		if err != nil {
			t.Fatal(err)
		}
		if string(r.Body) != want {
			t.Errorf("%s: body %q, want %q", path, r.Body, want)
		}
	}
}

// Cookies a host sets come back to it within the pool (colly's jar did
// this; some careers sites need a session cookie).
func TestCookiesKeptWithinThePool(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			return
		}
		got = append(got, r.Header.Get("Cookie"))
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s1", Path: "/"})
	}))
	defer srv.Close()
	c := testClient(Options{})
	for range 2 {
		if _, err := c.Do(context.Background(), Request{URL: srv.URL + "/p"}); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 2 || got[0] != "" || got[1] != "session=s1" {
		t.Errorf("cookies sent: %q, want none then session=s1", got)
	}
}
