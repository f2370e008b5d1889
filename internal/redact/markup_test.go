package redact

import (
	"bytes"
	"encoding/xml"
	"html"
	htmltemplate "html/template"
	"net/url"
	"strings"
	"testing"
	texttemplate "text/template"
)

// A secret rendered into a web page (html/template: text, an attribute,
// an href), an Atom feed (encoding/xml) or with html.EscapeString is
// masked in every form those escapers write it in: &#43; &amp; &#34;
// &#39;, and the lower-case %xx of html/template's URL normalizer.
func TestRedactorMarkupForms(t *testing.T) {
	for _, secret := range []string{`abc+def/ghi=jk&l`, `tok"en'<x>+y&z`, "tab\tline\nx+y"} {
		r := New([]Secret{{Name: "KEY", Value: secret}})
		var rendered []string
		var b bytes.Buffer
		page := htmltemplate.Must(htmltemplate.New("p").Parse(
			`<p>{{.}}</p><a title="{{.}}" href="https://x.example/jobs?k={{.}}">x</a><a href="https://x.example/{{.}}/jobs">y</a><a href="{{.}}">z</a>`))
		if err := page.Execute(&b, secret); err != nil {
			t.Fatal(err)
		}
		rendered = append(rendered, b.String())
		b.Reset()
		if err := page.Execute(&b, "https://x.example/jobs?k="+url.QueryEscape(secret)); err != nil {
			t.Fatal(err)
		}
		rendered = append(rendered, b.String())
		b.Reset()
		if err := xml.EscapeText(&b, []byte(secret)); err != nil {
			t.Fatal(err)
		}
		rendered = append(rendered, b.String())
		b.Reset()
		type entry struct {
			XMLName xml.Name `xml:"entry"`
			Title   string   `xml:"title"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		}
		var e entry
		e.Title, e.Link.Href = secret, "https://x.example/jobs?k="+url.QueryEscape(secret)
		if err := xml.NewEncoder(&b).Encode(e); err != nil {
			t.Fatal(err)
		}
		rendered = append(rendered, b.String())
		rendered = append(rendered, html.EscapeString(secret), texttemplate.HTMLEscapeString(secret))
		// the secret's places in each: the page's 5 (when the value is a
		// URL holding it, the first href writes that URL into another's
		// query, escaping the secret's escapes again, %252B: masked too),
		// the XML text's 1, the entry's 2, the escaped strings' 1
		places := []int{5, 5, 1, 2, 1, 1}
		for i, s := range rendered {
			got := r.String(s)
			if leak := leaked(got, secret); leak != "" {
				t.Errorf("secret %q: %q left %q in\n%s", secret, s, leak, got)
			}
			if n := strings.Count(got, "[redacted:KEY]"); n != places[i] {
				t.Errorf("secret %q: %d masks in %q, want %d:\n%s", secret, n, s, places[i], got)
			}
		}
	}
}

// leaked is the first 5-byte piece of the secret's letters and digits
// still in s, in any case ("": none).
func leaked(s, secret string) string {
	var alnum []byte
	for i := 0; i < len(secret); i++ {
		c := secret[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			alnum = append(alnum, c)
		}
	}
	var plain []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			plain = append(plain, c)
		}
	}
	// plain has the escapes' letters too (amp, 43, 2b): a leak is the
	// secret's letters in a row, which no mask holds
	low := strings.ToLower(string(plain))
	for i := 0; i+5 <= len(alnum); i++ {
		if p := strings.ToLower(string(alnum[i : i+5])); strings.Contains(low, p) {
			return p
		}
	}
	return ""
}
