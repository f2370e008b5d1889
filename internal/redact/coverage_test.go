package redact

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"html/template"
	"math/rand/v2"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// randomValue is a secret of 4 to 24 bytes drawn from letters, digits and
// specials (the bytes of alphabet).
func randomValue(rng *rand.Rand, alphabet string) string {
	n := MinLen + rng.IntN(21)
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}

// filler is text around a written secret: letters, digits, '=', '&',
// and now and then a '%' (so the escaped pass runs) or a '+'.
func filler(rng *rand.Rand) string {
	const f = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789==&&  %+"
	b := make([]byte, rng.IntN(12))
	for i := range b {
		b[i] = f[rng.IntN(len(f))]
	}
	return string(b)
}

const (
	plainChars   = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	specialChars = "/:@?=&+#<>\"'~-._!$*,;[]{}|\\^`"
)

// written are the ways encoders write v, spelled out here apart from the
// list (form): as is; url.QueryEscape and url.PathEscape, with upper- and
// lower-case hex, once and escaped again; html/template's writing in a
// URL's query and path (its own output, rendered); each of those
// HTML-escaped (html.EscapeString, and '+' as &#43; as html/template
// writes it), XML-escaped (encoding/xml) and in a JSON string
// (encoding/json, HTML-safe); v in a JSON string without HTML escaping;
// v Go-quoted (log/slog's text handler).
func written(t *testing.T, v string) []string {
	t.Helper()
	lower := func(s string) string {
		return regexp.MustCompile(`%[0-9A-F]{2}`).ReplaceAllStringFunc(s, strings.ToLower)
	}
	q, p := url.QueryEscape(v), url.PathEscape(v)
	urls := []string{v, q, p, lower(q), lower(p)}
	for _, once := range []string{q, p, lower(q), lower(p)} {
		urls = append(urls, url.QueryEscape(once), url.PathEscape(once))
	}
	var out []string
	for _, tmpl := range []string{`<a href="https://x.example/?k={{.}}">`, `<a href="https://x.example/{{.}}">`} {
		var b strings.Builder
		if err := template.Must(template.New("").Parse(tmpl)).Execute(&b, v); err != nil {
			t.Fatal(err)
		}
		w := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(b.String(), `<a href="https://x.example/`), "?k="), `">`)
		out = append(out, w, html.UnescapeString(w))
	}
	for _, u := range urls {
		var x strings.Builder
		if err := xml.EscapeText(&x, []byte(u)); err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(u)
		out = append(out, u, html.EscapeString(u), strings.ReplaceAll(html.EscapeString(u), "+", "&#43;"), x.String(), string(j[1:len(j)-1]))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	j := bytes.TrimSpace(buf.Bytes())
	quoted := strconv.Quote(v)
	return append(out, string(j[1:len(j)-1]), quoted[1:len(quoted)-1])
}

// TestWrittenFormsMasked: on random secrets (spaces, '%', every special)
// in random text, every way written lists is masked by String, Bytes and
// Output, the mask written in its place: the forms the list holds (and the
// escaped pass) leave none of them readable.
func TestWrittenFormsMasked(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		v := randomValue(rng, plainChars+specialChars+" %%")
		r := New([]Secret{{Name: "S", Value: v}})
		for _, f := range written(t, v) {
			text := filler(rng) + f + filler(rng)
			for name, out := range map[string]string{"String": r.String(text), "Bytes": string(r.Bytes([]byte(text))), "Output": string(r.Output([]byte(text)))} {
				if strings.Contains(out, f) || !strings.Contains(out, "[redacted:S]") {
					t.Fatalf("secret %q, written %q: %s(%q) = %q", v, f, name, text, out)
				}
			}
		}
	}
}

// TestEscapedPassCoverage is why the URL forms stay listed though the
// escaped pass (escaped.go) decodes any percent-encoding. On random
// values without a space or a '%', the pass alone masks every URL form
// (urlBases) in random text: there the listed forms are redundant. But
// it misses
//   - a value with a space: QueryEscape writes '+', a text holding no '%'
//     is not looked at, and escaped twice the '+' is %2B, which reads as
//     '+', not a space;
//   - a value with '%' and two hex digits ("ab%41"): the pass reads %25XX
//     as a double escape first, so PathEscape's "ab%2541" reads "abA";
//   - a URL form written into HTML or XML: PathEscape and html/template
//     keep '&' (and '+') that those escape as &amp; &#43;, and the pass
//     decodes no entities (it does decode JSON's \u0026);
//
// and the list serves two more things the pass cannot: Output masks a
// URL form cut before its end (cuts), and with a secret inside another
// the longer one's URL form is matched whole before the shorter one's
// plain form can split it.
func TestEscapedPassCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 400 {
		v := randomValue(rng, plainChars+specialChars)
		esc := []escapedValue{{v, "[redacted:S]"}}
		bases := urlBases(v)
		for _, f := range bases[1:] {
			if f == v {
				continue // no escape at all: the plain form, which stays listed
			}
			text := filler(rng) + f + filler(rng)
			out, ok := maskEscaped(text, esc)
			if !ok || bytes.Contains(out, []byte(f)) {
				t.Fatalf("value %q, URL form %q in %q: the escaped pass alone gives %q, %v", v, f, text, out, ok)
			}
		}
	}

	misses := []struct{ why, value, written string }{
		{"a space as '+', no '%' in the text", "pass word", url.QueryEscape("pass word")},
		{"a space as '+' escaped twice (%2B)", "pass word", url.QueryEscape(url.QueryEscape("pass word"))},
		{"'%' and hex digits in the value", "ab%41cdef", url.PathEscape("ab%41cdef")},
		{"'&' kept by PathEscape, then HTML-escaped", "tok&en/x", html.EscapeString(url.PathEscape("tok&en/x"))},
		{"'+' kept by html/template's URL form, written &#43;", "a+b c/d", strings.ReplaceAll(urlNormalize("a+b c/d", inURL), "+", "&#43;")},
	}
	for _, m := range misses {
		text := "x=" + m.written + " y"
		if out, ok := maskEscaped(text, []escapedValue{{m.value, "[redacted:S]"}}); ok && !bytes.Contains(out, []byte(m.written)) {
			t.Errorf("%s: the escaped pass masks %q now: the listed forms may be redundant for it", m.why, m.written)
		}
		if out := New([]Secret{{Name: "S", Value: m.value}}).String(text); out != "x=[redacted:S] y" {
			t.Errorf("%s: %q -> %q, want it masked by the listed forms", m.why, text, out)
		}
	}

	// a URL form cut before its end shows none of it (Cut)
	if out := Cut("u k=ak%2FS3cr3t%3AKEY", 12); strings.Contains(out, "ak%2F") {
		t.Errorf("a cut URL form: %q", out)
	}
	r := New([]Secret{{Name: "S", Value: "ak/S3cr3t:KEY"}})
	// a secret inside another: the longer one's URL form is masked whole
	r = New([]Secret{{Name: "A", Value: "tok_abcd"}, {Name: "B", Value: "tok_abcd/efgh"}})
	if out := r.String("u=" + url.PathEscape("tok_abcd/efgh")); out != "u=[redacted:B]" {
		t.Errorf("a secret inside another's URL form: %q", out)
	}
}
