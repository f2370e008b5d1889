package redact

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"unicode/utf8"
)

// Secrets split by markup.
//
// A board's title or text may be HTML: a view that renders it (a page, a
// feed reader, a chat client, a mail program) drops its tags and decodes
// its character references, so a key the board echoed as
// "Abcde<b></b>fSecret42" or "&#65;bcdefSecret42" reads whole there while
// no form of it is in the bytes. The mask also reads the text so (tags
// dropped, character references decoded) and masks the whole span that
// reads as a form of a secret, the tags and references inside it
// included.
//
// A tag is '<' followed by a letter, '/', '!' or '?', up to the next '>'
// (at most maxTag bytes); a character reference is what html.UnescapeString
// decodes between '&' and the next ';' (at most maxRef bytes). Runes a
// view drops (split.go's ignorable ones: soft hyphens, zero-width
// spaces), written as they are or as references, are dropped too.

const (
	maxTag = 1024
	maxRef = 32
)

// maskMarkup is s with the forms of m that s holds once read as a view
// shows markup masked; s itself when there is none.
func maskMarkup(m *matcher, s string) string {
	if m == nil || strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	// first the view alone: most texts with markup hold no secret in it
	view, changed := markupView(s, nil)
	if !changed {
		return s
	}
	if at, _ := next(m, view, 0, nil); at < 0 {
		return s
	}
	var spans []markupSpan
	view, _ = markupView(s, &spans)
	return maskRead(m, s, view, spans, func(i int) int { return i })
}

// maskRead is s with every form m finds in read masked: read is a reading
// of s (its markup view, or that view's kept bytes) whose byte i comes
// from the view's byte pos(i), and that one from s at spanOf(spans, ...).
// A form is masked from the start of its first byte's span to the end of
// its last's, unless it overlaps one masked before.
func maskRead(m *matcher, s string, read []byte, spans []markupSpan, pos func(int) int) string {
	at, f := next(m, read, 0, nil)
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for at >= 0 {
		end := at + len(m.forms[f])
		start, stop := spanOf(spans, pos(at)).from, spanOf(spans, pos(end-1)).to
		if start >= last {
			b.WriteString(s[last:start])
			b.WriteString(m.masks[f])
			last = stop
		}
		at, f = next(m, read, end, nil)
	}
	b.WriteString(s[last:])
	return b.String()
}

// maskMarkups is s with maskMarkup's forms and maskMarkupKept's masked.
// The whitespace reading, the costlier, is made only when the view holds
// the start or end of a secret (m's hints, see New) or a form.
func maskMarkups(m, wsm *matcher, s string) string {
	if m == nil || strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	view, changed := markupView(s, nil)
	if !changed {
		return s
	}
	hinted := false
	at, _ := next(m, view, 0, &hinted)
	if at >= 0 {
		s = maskMarkup(m, s)
	}
	if wsm != nil && (hinted || at >= 0) {
		s = maskMarkupKept(wsm, s)
	}
	return s
}

// maskMarkupKept is maskMarkup for the forms a view shows once its
// whitespace is read as split.go reads it (maskKept, runs of it dropped):
// "Abcdef&nbsp;Secret42", "Abcdef&#32;Secret42", "Abcdef<br/> Secret42"
// read as a secret split by a space, as "Abcdef Secret42" does. wsm is the
// Redactor's matcher of forms read without whitespace.
func maskMarkupKept(wsm *matcher, s string) string {
	if wsm == nil || strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	view, changed := markupView(s, nil)
	if !changed {
		return s
	}
	if kept, _ := keptOf(view, true, false); len(kept) == len(view) {
		return s // no whitespace to read otherwise: maskMarkup's
	} else if at, _ := next(wsm, kept, 0, nil); at < 0 {
		return s
	}
	var spans []markupSpan
	view, _ = markupView(s, &spans)
	kept, from := keptOf(view, true, true)
	return maskRead(wsm, s, kept, spans, func(i int) int { return from[i] })
}

// markupSpan: view bytes from view onwards come from s[from:to] (a byte
// kept as it is, or a decoded character reference; tags give none).
type markupSpan struct{ view, from, to int }

// spanOf is the span that view byte j came from.
func spanOf(spans []markupSpan, j int) markupSpan {
	lo, hi := 0, len(spans)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if spans[mid].view <= j {
			lo = mid
		} else {
			hi = mid
		}
	}
	return spans[lo]
}

// markupView is s with its tags dropped and its character references
// decoded, and whether anything was; when spans is not nil, it gets a
// span per byte kept and per reference decoded (in view order).
func markupView(s string, spans *[]markupSpan) (view []byte, changed bool) {
	view = make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '<' && i+1 < len(s) && tagStart(s[i+1]):
			if j := strings.IndexByte(s[i+1:min(len(s), i+1+maxTag)], '>'); j >= 0 {
				i += j + 2
				changed = true
				continue
			}
		case c == '&':
			if j := strings.IndexByte(s[i+1:min(len(s), i+1+maxRef)], ';'); j > 0 {
				ref := s[i : i+j+2]
				if dec := unescapeRef(ref); dec != ref {
					if r, n := utf8.DecodeRuneInString(dec); n == len(dec) && ignorable(r) {
						i += len(ref) // a view drops it (split.go)
						changed = true
						continue
					}
					if spans != nil {
						*spans = append(*spans, markupSpan{len(view), i, i + len(ref)})
					}
					view = append(view, dec...)
					i += len(ref)
					changed = true
					continue
				}
			}
		case c >= utf8.RuneSelf:
			if r, n := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError && ignorable(r) {
				i += n // a view drops it (split.go): with markup around too
				continue
			}
		}
		if spans != nil {
			*spans = append(*spans, markupSpan{len(view), i, i + 1})
		}
		view = append(view, c)
		i++
	}
	return view, changed
}

func tagStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// maskMarkupBytes is maskMarkup for bytes: b itself when nothing is
// masked. Bytes that are a JSON document (a posting's snapshot) stay one:
// a span that reads as a secret only across two of its strings (a '<' in
// one, a '>' in the next) is left as it is.
func maskMarkupBytes(m, wsm *matcher, b []byte) []byte {
	if m == nil || bytes.IndexByte(b, '<') < 0 && bytes.IndexByte(b, '&') < 0 {
		return b
	}
	s := string(b)
	out := maskMarkups(m, wsm, s)
	if out == s || json.Valid(b) && !json.Valid([]byte(out)) {
		return b
	}
	return []byte(out)
}

// commonRefs are the references most text holds, decoded without
// html.UnescapeString's allocation.
var commonRefs = map[string]string{"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'", "&#39;": "'", "&#34;": "\"", "&nbsp;": "\u00a0", "&ndash;": "\u2013", "&mdash;": "\u2014", "&rsquo;": "\u2019", "&lsquo;": "\u2018", "&rdquo;": "\u201d", "&ldquo;": "\u201c", "&bull;": "\u2022", "&hellip;": "\u2026"}

// unescapeRef is the character reference ref ("&...;") decoded; ref
// itself when it is none.
func unescapeRef(ref string) string {
	if d, ok := commonRefs[ref]; ok {
		return d
	}
	return html.UnescapeString(ref)
}
