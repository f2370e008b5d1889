package redact

import (
	"encoding/json"
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestDoubleEscaped: a secret in a URL that is itself percent-encoded into
// another URL's query (a redirect's next=, a proxy's u=) is escaped twice
// ('@' is %2540); it is masked in every output form: as written, in JSON,
// in HTML, and through Output and Error.
func TestDoubleEscaped(t *testing.T) {
	r := New(benchSecrets)
	for _, s := range benchSecrets {
		inner := []string{
			"https://a.example/x?k=" + url.QueryEscape(s.Value),
			"https://a.example/" + url.PathEscape(s.Value) + "/jobs",
		}
		for _, in := range inner {
			for _, outer := range []string{
				"https://b.example/login?next=" + url.QueryEscape(in),
				"https://b.example/go/" + url.PathEscape(in),
			} {
				j, _ := json.Marshal(outer)
				for what, text := range map[string]string{"url": outer, "json": string(j), "html": html.EscapeString(outer)} {
					for how, got := range map[string]string{
						"String": r.String(text),
						"Output": string(r.Output([]byte(text))),
						"Error":  r.Error(errorString(text)).Error(),
					} {
						if !strings.Contains(got, "[redacted:"+s.Name+"]") {
							t.Errorf("%s in %s, %s: %s", s.Name, what, how, got)
						}
					}
				}
			}
		}
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
