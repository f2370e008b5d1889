package redact

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Review s17 F20: a non-ASCII key configured in NFC, echoed in a link in
// its NFD form percent-escaped (s3cr3t-e%CC%81-Tok42xyz), is masked; and
// the other way round, and with lower-case hex or a mix of escaped and
// literal bytes.
func TestRedactorMasksOtherNormalFormEscaped(t *testing.T) {
	for _, key := range []string{"s3cr3t-é-Tok42xyz", norm.NFD.String("Zürich-Passwort-99")} {
		r := New([]Secret{{Name: "KEY", Value: key}})
		for _, form := range []string{norm.NFC.String(key), norm.NFD.String(key)} {
			q := url.QueryEscape(form)
			for _, link := range []string{"http://h/jobs/1?ref=" + q, "http://h/jobs/1?ref=" + lowerHex(q), "http://h/" + url.PathEscape(form)} {
				got := r.String(link)
				dec, _ := url.QueryUnescape(got)
				if strings.Contains(norm.NFC.String(dec), norm.NFC.String(key)) || !strings.Contains(got, "[redacted:KEY]") {
					t.Errorf("key %q: %q -> %q", key, link, got)
				}
			}
		}
	}
}
