package urlpath

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// TestSegmentPlus: a '+' in a value (a board key "a+b") reaches the server
// as %2B, so that a server reading its path as form data does not read a
// space; the segment still decodes to the value.
func TestSegmentPlus(t *testing.T) {
	if got := Segment("a+b"); got != "a%2Bb" {
		t.Fatalf("Segment(%q) = %q, want a%%2Bb", "a+b", got)
	}
	var raw string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { raw = r.RequestURI }))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/v1/boards/" + Segment("a+b c") + "/jobs")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if raw != "/v1/boards/a%2Bb%20c/jobs" {
		t.Errorf("request line path %q", raw)
	}
	if form, err := url.QueryUnescape("a%2Bb%20c"); err != nil || form != "a+b c" {
		t.Errorf("read as form data: %q, %v", form, err)
	}
}
