package redact

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// pyJSON writes s as Python's json.dumps and PHP's json_encode do by
// default: every letter outside ASCII as \uXXXX (a surrogate pair above
// U+FFFF), '/' as \/ when slash is set.
func pyJSON(s string, slash, upper bool) string {
	var b strings.Builder
	for _, r := range s {
		hex := func(x rune) {
			f := "\\u%04x"
			if upper {
				f = "\\u%04X"
			}
			fmt.Fprintf(&b, f, x)
		}
		switch {
		case r == '/' && slash:
			b.WriteString(`\/`)
		case r >= 0x10000:
			r -= 0x10000
			hex(0xD800 + r>>10)
			hex(0xDC00 + r&0x3FF)
		case r >= utf8.RuneSelf, strings.ContainsRune("+&<>'=", r):
			hex(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// A secret a board echoes inside a JSON string, escaped the way its
// writer escapes (Go, .NET, PHP, Python: \u002B, \u00e4, \/, surrogate
// pairs, either case of hex), and then quoted once or twice more by an
// error message (Go's %q doubles each backslash), is masked whole: the
// escaped pass reads JSON's backslash escapes behind any number of
// backslashes instead of listing the writers' forms (review s22 F3).
func TestJSONEscapedSecretsAtAnyDepthAreMasked(t *testing.T) {
	for _, v := range []string{"AbCd+EfGh/IjKl=", "pässwörd-1234", "tok&en<x>'y=z", "key😀abcdefgh", `back\slash/key1`} {
		r := New([]Secret{{Name: "K", Value: v}})
		var writings []string
		for _, slash := range []bool{false, true} {
			for _, upper := range []bool{false, true} {
				writings = append(writings, pyJSON(v, slash, upper))
			}
		}
		if strings.Contains(v, `\`) {
			for i, w := range writings {
				writings[i] = strings.ReplaceAll(w, `\`+`\`, `\\\\`) // never: pyJSON leaves '\' alone
			}
			writings = append(writings, strings.ReplaceAll(v, `\`, `\\`))
		}
		for _, w := range writings {
			once := fmt.Sprintf("%q", `{"error":"bad key `+w+`"}`)
			twice := fmt.Sprintf("%q", once)
			for _, text := range []string{`{"error":"bad key ` + w + `"}`, once, twice} {
				if text == `{"error":"bad key `+v+`"}` {
					continue // the plain form
				}
				for name, out := range map[string]string{"String": r.String(text), "Bytes": string(r.Bytes([]byte(text))), "Output": string(r.Output([]byte(text)))} {
					if !strings.Contains(out, "[redacted:K]") || strings.Contains(out, "EfGh") || strings.Contains(out, "w\\u00f6") || strings.Contains(out, "abcdefgh") {
						t.Errorf("secret %q written %q: %s = %q", v, text, name, out)
					}
				}
			}
		}
	}
	// no escape of the secret: nothing read into the text around it
	r := New([]Secret{{Name: "K", Value: "AbCd+EfGh"}})
	for _, text := range []string{`a\\b \u0041bCd`, `\\\\`, `\u00`, `\ud800\u0041`, `\"AbCd+EfG\"`} {
		if out := r.String(text); out != text {
			t.Errorf("%q -> %q, want it unchanged", text, out)
		}
	}
}

// An error quotes the first bytes of a body: a secret the body holds
// JSON-escaped, cut there (CutBytes, as scrape's snippet cuts), shows
// none of its bytes, also when the cut falls inside an escape (review s22b
// R2; no longer by masking cut text in output: review s23 F1).
func TestCutEscapedSecretShowsNothing(t *testing.T) {
	for _, v := range []string{"toké-0123456789abcdef", "AbCd+EfGh/IjKl=MnOp"} {
		body := `{"t":"` + pyJSON(v, true, false) + `"}`
		for cut := 12; cut < len(body); cut++ {
			excerpt := CutBytes(body, cut)
			if shown := decodedValueBytes(strings.TrimSuffix(excerpt, Ellipsis), v); shown > 0 && shown < len(v) {
				t.Errorf("secret %q cut after %d bytes of the body: %q shows %d bytes of it", v, cut, excerpt, shown)
			}
		}
	}
}

// decodedValueBytes is how many bytes of v the JSON body shows: the
// length of its longest prefix that json.Unmarshal of the body's string,
// completed, would give (an estimate from the escaped writing).
func decodedValueBytes(body, v string) int {
	i := strings.Index(body, `"t":"`)
	if i < 0 {
		return 0
	}
	rest := body[i+5:]
	var buf [utf8.UTFMax]byte
	k, j := 0, 0
	for j < len(rest) && k < len(v) {
		d, n, _ := unescapeAt(rest, j, v[k], &buf)
		if j+n > len(rest) || k+d > len(v) || string(buf[:d]) != v[k:k+d] {
			break
		}
		j, k = j+n, k+d
	}
	return k
}
