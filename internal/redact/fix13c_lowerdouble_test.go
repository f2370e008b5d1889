package redact

import (
	"net/url"
	"strings"
	"testing"
)

// TestDoubleEscapedLowerHex: a secret escaped once with lower-case hex
// (html/template's %2f) and then escaped again (%252f) is masked too.
func TestDoubleEscapedLowerHex(t *testing.T) {
	const v = "tok/en@secret1"
	r := New([]Secret{{Name: "TOKEN", Value: v}})
	for _, once := range []string{lowerHex(url.QueryEscape(v)), lowerHex(url.PathEscape(v))} {
		for _, twice := range []string{url.QueryEscape(once), url.PathEscape(once)} {
			in := "https://b.example/login?next=" + twice + "&x=1"
			got := r.String(in)
			if !strings.Contains(got, "[redacted:TOKEN]") || strings.Contains(got, "secret1") {
				t.Errorf("%s: %s", in, got)
			}
		}
	}
	if got := r.String("next=tok%252fen%2540secret1"); got != "next=[redacted:TOKEN]" {
		t.Errorf("the review's case: %s", got)
	}
}
