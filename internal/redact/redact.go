// Package redact keeps the values that came from the environment (the
// ${VAR}s of the config: API keys in source URLs, webhook tokens, passwords)
// out of every output: logs, stdout, errors, events, state files, commit
// messages. One Redactor is built from the config and applied at each
// boundary where text of the process's own leaves it or reaches a file;
// posting data, which a board published, is redacted only of the secrets
// that board was sent (a Redactor of those, see internal/watch's redact.go,
// and PostingMask).
package redact

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MinLen is the shortest value redacted. Shorter values ("1", "on", "dev")
// are not secrets anyone would put in a URL, and replacing every occurrence
// of them would garble every log line and message (each "1" in a count or a
// timestamp) while protecting nothing: a secret of 3 characters is guessed
// in a moment anyway.
const MinLen = 4

// Secret is one value to hide and the name of the variable it came from.
type Secret struct {
	Name  string
	Value string
}

// Redactor replaces secrets, in the forms they take in URLs, JSON and
// quoted log values too, with "[redacted:NAME]". The zero value and nil
// redact nothing. Safe for concurrent use.
type Redactor struct {
	m    *matcher       // every form, one pass (nil: nothing to redact)
	cuts []cut          // every form and its mask, longest first: what m matches
	esc  []escapedValue // every value, longest first, for escaped writings
	// for split forms (split.go): the forms of the secrets of 8
	// characters or more without whitespace (m finds the hints)
	wsm *matcher
}

// cut is one form of a secret and its mask.
type cut struct{ form, mask string }

// New builds a Redactor; values shorter than MinLen are left alone.
func New(secrets []Secret) *Redactor {
	type pair struct{ old, new string }
	seen := map[string]bool{}
	var pairs, wsPairs []pair
	var hints []string
	var esc []escapedValue
	for _, s := range secrets {
		if len(s.Value) < MinLen {
			continue
		}
		mask := "[redacted:" + s.Name + "]"
		values := []string{s.Value}
		// A value written unescaped into a URL is cut where a URL's part
		// ends: the fragment ('#') is never sent and never shown, so what
		// comes before it is the secret as it appears in errors.
		if i := strings.IndexByte(s.Value, '#'); i >= MinLen {
			values = append(values, s.Value[:i])
		}
		// Posting text is read in Unicode NFC (normalize), links are not:
		// a value written in one form that a board echoes may come out in
		// the other, composed in text, decomposed (and percent-escaped) in
		// a link.
		for _, c := range []string{norm.NFC.String(s.Value), norm.NFD.String(s.Value)} {
			if !slices.Contains(values, c) {
				values = append(values, c)
			}
		}
		for _, v := range values {
			esc = append(esc, escapedValue{v, mask})
		}
		// A value written unescaped into a URL query is what the server
		// reads form-decoded ('+' a space, %XX a byte), and a board may
		// echo it so: that reading is masked too, in its written forms
		// (the escaped pass keeps to the value as configured).
		if d := formDecoded(s.Value); d != s.Value && len(d) >= MinLen {
			values = append(values, d)
		}
		spaced := strings.IndexFunc(s.Value, unicode.IsSpace) >= 0
		fs := forms(values...)
		guard(fs) // Cut never shows the first words of one (cut.go)
		for _, form := range fs {
			if form == "" || seen[form] {
				continue
			}
			seen[form] = true
			pairs = append(pairs, pair{form, mask})
			switch {
			case !spaced && utf8.RuneCountInString(s.Value) >= 8:
				wsPairs = append(wsPairs, pair{form, mask})
				hints = append(hints, form[:4], form[len(form)-4:])
			case spaced:
				hints = append(hints, slices.MaxFunc(strings.Fields(form+" x"), func(a, b string) int { return len(a) - len(b) }))
			}
		}
	}
	if len(pairs) == 0 {
		return &Redactor{}
	}
	// longest first: a secret containing another is replaced whole
	sort.SliceStable(pairs, func(i, j int) bool { return len(pairs[i].old) > len(pairs[j].old) })
	sort.SliceStable(esc, func(i, j int) bool { return len(esc[i].value) > len(esc[j].value) })
	r := &Redactor{esc: esc}
	olds, masks := make([]string, len(pairs)), make([]string, len(pairs))
	for i, p := range pairs {
		olds[i], masks[i] = p.old, p.new
		r.cuts = append(r.cuts, cut{p.old, p.new})
	}
	r.m = withHints(olds, masks, hintList(hints))
	if len(wsPairs) > 0 {
		sort.SliceStable(wsPairs, func(i, j int) bool { return len(wsPairs[i].old) > len(wsPairs[j].old) })
		olds, masks := make([]string, len(wsPairs)), make([]string, len(wsPairs))
		for i, p := range wsPairs {
			olds[i], masks[i] = p.old, p.new
		}
		r.wsm = newMatcher(olds, masks)
	}
	return r
}

// hintList is hints deduplicated, those of 2 bytes or more.
func hintList(hints []string) []string {
	slices.Sort(hints)
	hints = slices.Compact(hints)
	return slices.DeleteFunc(hints, func(h string) bool { return len(h) < 2 })
}

// formDecoded is v as a server reads it from a query it was written into
// unescaped: url.QueryUnescape's reading, or, when v holds a '%' that
// starts no escape, only '+' read as a space (what Go's and most servers'
// query parsers do with such a value is keep the bad escape or refuse it).
// It is v itself when v has neither '+' nor '%'.
func formDecoded(v string) string {
	if !strings.ContainsAny(v, "+%") {
		return v
	}
	if d, err := url.QueryUnescape(v); err == nil {
		return d
	}
	return strings.ReplaceAll(v, "+", " ")
}

// forms are the ways a value is written: as is, escaped in a URL query or
// path (%XX in either case: html/template writes lower-case hex; once, or
// twice when the URL holding it is escaped into another one), in a
// JSON string (HTML-escaped too, as encoding/json does), in a Go-quoted
// string (log/slog's text handler), and each of the plain and URL forms
// escaped for HTML and XML: html.EscapeString's, html/template's (which
// also writes '+' as &#43;, and normalizes a URL attribute's bytes to
// lower-case %xx first) and encoding/xml's.
func forms(vs ...string) []string {
	var out []string
	for _, v := range vs {
		out = append(out, form(v)...)
	}
	return out
}

func form(v string) []string {
	bases := urlBases(v)
	var out []string
	for _, b := range bases {
		h := html.EscapeString(b)
		// a URL's & < > as encoding/json writes them in a JSON string
		out = append(out, b, h, strings.ReplaceAll(h, "+", "&#43;"), xmlEscape(b), jsonHTML.Replace(b))
	}
	if b, err := json.Marshal(v); err == nil {
		out = append(out, string(b[1:len(b)-1]))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) == nil {
		b := bytes.TrimSpace(buf.Bytes())
		out = append(out, string(b[1:len(b)-1]))
	}
	// PHP's json_encode (and some Java and .NET writers) escape every '/'
	// as "\/", which a board that echoes a key or URL in an error does;
	// an excerpt of such a body is then Go-quoted ("\\/") in messages
	if strings.Contains(v, "/") {
		for _, f := range out[len(out)-2:] {
			s := strings.ReplaceAll(f, "/", `\/`)
			q := strconv.Quote(s)
			out = append(out, s, q[1:len(q)-1])
		}
	}
	// .NET's System.Text.Json escapes + ` ' & < > as \u002B and the like
	// (capital hex), other writers in small hex, some '=' too (\u003d)
	if strings.ContainsAny(v, "+=`'&<>") {
		if b, err := json.Marshal(v); err == nil {
			j := string(b[1 : len(b)-1])
			for _, chars := range []string{"+`'", "+`'="} {
				for _, upper := range []bool{true, false} {
					out = append(out, unicodeEscaped(j, chars, upper))
				}
			}
		}
	}
	qs := strconv.Quote(v)
	out = append(out, qs[1:len(qs)-1])
	return out
}

// unicodeEscaped is j (a JSON string's content, as encoding/json writes
// it: & < > as \u0026 \u003c \u003e) with every byte of chars written
// \u00XX too, and the hex of all such escapes in capitals when upper.
func unicodeEscaped(j, chars string, upper bool) string {
	hex := "0123456789abcdef"
	if upper {
		hex = "0123456789ABCDEF"
	}
	b := make([]byte, 0, len(j)+16)
	for i := 0; i < len(j); i++ {
		c := j[i]
		switch {
		case strings.IndexByte(chars, c) >= 0:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		case c == '\\' && i+5 < len(j) && j[i+1] == 'u':
			b = append(b, j[i:i+6]...)
			if upper {
				for k := len(b) - 4; k < len(b); k++ {
					if b[k] >= 'a' && b[k] <= 'f' {
						b[k] -= 'a' - 'A'
					}
				}
			}
			i += 5
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// urlBases are v itself and v percent-encoded as a URL carries it: in a
// query or a path, with upper- or lower-case hex, as html/template
// normalizes it, and escaped twice. The escaped pass (escaped.go) reads
// most of the encoded ones too, but not all: see TestEscapedPassCoverage
// for which it misses and why they stay listed.
func urlBases(v string) [16]string {
	q, p := url.QueryEscape(v), url.PathEscape(v)
	return [16]string{v, q, p, lowerHex(q), lowerHex(p), urlNormalize(v, inQuery), urlNormalize(v, inURL), urlNormalize(v, everyPercent),
		// escaped twice: a URL holding the value, itself escaped into
		// another URL's query or path (a redirect's next=); the inner
		// escape in either case of hex (html/template's lower-case once,
		// then escaped again: %252f)
		url.QueryEscape(q), url.QueryEscape(p), url.PathEscape(q), url.PathEscape(p),
		url.QueryEscape(lowerHex(q)), url.QueryEscape(lowerHex(p)), url.PathEscape(lowerHex(q)), url.PathEscape(lowerHex(p))}
}

// jsonHTML writes & < > as encoding/json does in a string (HTML-safe).
var jsonHTML = strings.NewReplacer("&", `\u0026`, "<", `\u003c`, ">", `\u003e`)

// lowerHex is s with the hex digits of its %XX escapes in lower case.
func lowerHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1], b[i+2] = lowerASCII(b[i+1]), lowerASCII(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// How urlNormalize writes: html/template's escaping of a query value, its
// normalizing of a URL of its own, and that normalizing with every '%'
// kept (as the list wrote it before it followed html/template there).
const (
	inQuery = iota
	inURL
	everyPercent
)

// urlNormalize is how html/template writes a value into a URL: every byte
// but letters, digits and -._~ as lower-case %xx (inQuery: a whole query
// value), or (inURL: a URL of its own) the reserved characters kept too,
// and a '%' that starts a valid escape (two hex digits follow; any other
// '%' is %25, as html/template's processURLOnto writes it).
func urlNormalize(s string, mode int) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0:
			b.WriteByte(c)
		case mode != inQuery && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			b.WriteByte(c)
		case mode == everyPercent && c == '%',
			mode == inURL && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

func isHexDigit(c byte) bool {
	_, ok := hexVal(c)
	return ok
}

// xmlEscape is s as encoding/xml's EscapeText writes it.
func xmlEscape(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return s
	}
	return b.String()
}

// Empty reports whether r redacts nothing.
func (r *Redactor) Empty() bool { return r == nil || r.m == nil }

// String returns s with every secret replaced.
func (r *Redactor) String(s string) string {
	if r.Empty() {
		return s
	}
	hinted := false
	s = r.m.replace(s, &hinted)
	if out, ok := maskEscaped(s, r.esc); ok {
		s = string(out)
	}
	return maskMarkups(r.m, r.wsm, maskSplit(r, s, hinted))
}

// Bytes returns b with every secret replaced (b itself when there is none).
func (r *Redactor) Bytes(b []byte) []byte {
	if r.Empty() {
		return b
	}
	hinted := false
	b = r.m.replaceBytes(b, &hinted)
	if out, ok := maskEscaped(b, r.esc); ok {
		b = out
	}
	if splitCandidate(r, b, hinted) {
		if out := maskSplit(r, string(b), hinted); out != string(b) {
			b = []byte(out)
		}
	}
	return maskMarkupBytes(r.m, r.wsm, b)
}

// Error returns err with its message redacted as Text does (nil for nil).
// errors.Is and errors.As still see the original through Unwrap.
func (r *Redactor) Error(err error) error {
	if err == nil || r.Empty() {
		return err
	}
	msg := err.Error()
	red := r.Text(msg)
	if red == msg {
		return err
	}
	return &redacted{msg: red, err: err}
}

// Text returns an error text or a log line with every secret replaced
// (String; as Output does for bytes).
func (r *Redactor) Text(s string) string { return r.String(s) }

type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// Ellipsis ends a value cut short (diff.Truncate).
const Ellipsis = "…"

// Output returns b with every secret replaced, as Bytes does: what the
// process prints, logs and serves. A secret cut short is not recognised
// here: text that merely ends like the start of a secret is left alone, for
// masking it would tell whoever wrote the text (a board's title, a body)
// whether it starts like a secret, one guess at a time (review s23 F1).
// The process's own cuts never leave a secret's start instead (Cut).
func (r *Redactor) Output(b []byte) []byte {
	return r.Bytes(b)
}

// Writer returns a writer that redacts each Write (Output) before passing
// it to w. Each Write is redacted on
// its own: log/slog handlers and fmt.Fprint* write a whole record or line
// at once, which is what this is for.
func (r *Redactor) Writer(w io.Writer) io.Writer {
	if r.Empty() {
		return w
	}
	return &writer{r: r, w: w}
}

type writer struct {
	r *Redactor
	w io.Writer
}

func (w *writer) Write(p []byte) (int, error) {
	if _, err := w.w.Write(w.r.Output(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}
