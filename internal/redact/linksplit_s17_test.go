package redact_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Review s17 F3 (links): the board's link carries the echoed key with the
// splitter percent-escaped (?ref=Abcde%E2%80%8BfSecret42xyz, %09, %C2%AD,
// %00, %20): masked as the text's split forms are.
func TestPostingMaskFindsPercentEscapedSplitSecret(t *testing.T) {
	const key = "AbcdefSecret42xyz"
	m := redact.NewPostingMask([]redact.Secret{{Name: "KEY", Value: key}})
	for _, sep := range []string{"\u200b", "\t", "\u00ad", "\x00", " ", "\ufeff", "\u202e", "\r\n"} {
		// (a '+' of a query is not read as a space: a secret may hold '+')
		for _, esc := range []string{strings.ReplaceAll(url.QueryEscape(sep), "+", "%20"), url.PathEscape(sep)} {
			link := "http://127.0.0.1:18081/jobs/1003?ref=Abcde" + esc + "fSecret42xyz&x=1"
			got := m.String(link)
			if strings.Contains(got, "fSecret42") || !strings.HasSuffix(got, "?ref=[redacted:KEY]&x=1") {
				t.Errorf("split by %q: String(%q) = %q", esc, link, got)
			}
		}
	}
	for _, s := range []string{"http://h/a%20b?q=100%25", "50%09x", "http://h/Abcdef%2FSecret42xyz"} {
		if got := m.String(s); got != s {
			t.Errorf("String(%q) = %q, want it unchanged", s, got)
		}
	}
}
