package redact

import (
	"bytes"
	"encoding/json"
	"html"
	"strconv"
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
// A tag is read as an HTML parser reads it (review s20 F2): '<' followed
// by a letter or '/' up to the next '>' outside a quoted attribute value;
// "<!--" up to "-->" (or "--!>"; "<!-->" and "<!--->" are whole); '<'
// followed by another '!' or '?' up to the next '>'; at most maxTag bytes
// (maxComment for a comment). A character reference is one a parser
// decodes in text: a named one with its ';', or a legacy name without it
// ("&nbsp", "&amp": html.UnescapeString's rule); a numeric one with or
// without ';' and with any number of digits (zero-padded ones too). Runes
// a view drops (split.go's ignorable ones: soft hyphens, zero-width
// spaces), written as they are or as references, are dropped too. Where
// a tag-stripping pattern (a tag ends at its first '>') reads a tag
// otherwise than a parser (a quoted '>', a comment), the text is read
// that way too, as before.

const (
	maxTag     = 1024
	maxComment = maxTag // each '<' is read at most this far: a text of many unclosed ones stays linear
	maxRef     = 32     // the longest name of a named reference, ';' included
	maxDigits  = 1024   // the digits of a numeric reference read
)

// maskMarkup is s with the forms of m that s holds once read as a view
// shows markup masked; s itself when there is none.
func maskMarkup(m *matcher, s string, naive bool) string {
	if m == nil || strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	// first the view alone: most texts with markup hold no secret in it
	view, changed := markupView(s, nil, naive)
	if !changed {
		return s
	}
	if at, _ := next(m, view, 0, nil); at < 0 {
		return s
	}
	var spans []markupSpan
	view, _ = markupView(s, &spans, naive)
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
	s, differs := maskMarkupsAs(m, wsm, s, false)
	if differs {
		// a view that ends a tag at its first '>' (a tag-stripping
		// pattern, not a parser) shows another text: that one too
		s, _ = maskMarkupsAs(m, wsm, s, true)
	}
	return s
}

// maskMarkupsAs is maskMarkups for one reading of the tags (naive: a tag
// ends at its first '>'); differs: a tag of s ends elsewhere read the
// other way (known when naive is false).
func maskMarkupsAs(m, wsm *matcher, s string, naive bool) (out string, differs bool) {
	if m == nil || strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s, false
	}
	var d *bool
	if !naive {
		d = &differs
	}
	view, changed := markupViewOf(s, nil, naive, d)
	if !changed {
		return s, differs
	}
	hinted := false
	at, _ := next(m, view, 0, &hinted)
	if at >= 0 {
		s = maskMarkup(m, s, naive)
	}
	if wsm != nil && (hinted || at >= 0) {
		s = maskMarkupKept(wsm, s, naive)
	}
	return s, differs
}

// maskMarkupKept is maskMarkup for the forms a view shows once its
// whitespace is read as split.go reads it (maskKept, runs of it dropped):
// "Abcdef&nbsp;Secret42", "Abcdef&#32;Secret42", "Abcdef<br/> Secret42"
// read as a secret split by a space, as "Abcdef Secret42" does. wsm is the
// Redactor's matcher of forms read without whitespace.
func maskMarkupKept(wsm *matcher, s string, naive bool) string {
	if wsm == nil || strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	view, changed := markupView(s, nil, naive)
	if !changed {
		return s
	}
	if kept, _ := keptOf(view, true, false); len(kept) == len(view) {
		return s // no whitespace to read otherwise: maskMarkup's
	} else if at, _ := next(wsm, kept, 0, nil); at < 0 {
		return s
	}
	var spans []markupSpan
	view, _ = markupView(s, &spans, naive)
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
// span per byte kept and per reference decoded (in view order). naive:
// a tag ends at its first '>' (see tagEnd).
func markupView(s string, spans *[]markupSpan, naive bool) (view []byte, changed bool) {
	return markupViewOf(s, spans, naive, nil)
}

// markupViewOf is markupView; differs, when not nil, is set when a tag
// ends elsewhere read the other way (naive or not).
func markupViewOf(s string, spans *[]markupSpan, naive bool, differs *bool) (view []byte, changed bool) {
	view = make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '<' && i+1 < len(s) && tagStart(s[i+1]):
			parsed, first := tagEnds(s, i)
			if differs != nil && parsed != first {
				*differs = true
			}
			end := parsed
			if naive {
				end = first
			}
			if end > 0 {
				i = end
				changed = true
				continue
			}
		case c == '&':
			if dec, n := refAt(s, i); n > 0 {
				if r, size := utf8.DecodeRuneInString(dec); size == len(dec) && ignorable(r) {
					i += n // a view drops it (split.go)
					changed = true
					continue
				}
				if spans != nil {
					*spans = append(*spans, markupSpan{len(view), i, i + n})
				}
				view = append(view, dec...)
				i += n
				changed = true
				continue
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

// tagEnds gives the index just past the tag that starts at s[i] ('<' and
// a tagStart byte), -1 when it does not end in reach (then it is text):
// parsed as a parser reads it (tagEnd), first as a tag-stripping pattern
// does (at the first '>' in reach). Most tags end at their first '>'
// either way: no quote before it, no comment.
func tagEnds(s string, i int) (parsed, first int) {
	first = -1
	j := strings.IndexByte(s[i+1:min(len(s), i+1+maxTag)], '>')
	if j >= 0 {
		first = i + 1 + j + 1
		if tag := s[i:first]; !strings.HasPrefix(tag, "<!--") && strings.IndexByte(tag, '"') < 0 && strings.IndexByte(tag, '\'') < 0 {
			return first, first
		}
	}
	return tagEnd(s, i), first
}

// tagEnd is the index just past the tag that starts at s[i] as a parser
// reads it, or -1.
func tagEnd(s string, i int) int {
	if strings.HasPrefix(s[i:], "<!--") {
		body := s[i+4 : min(len(s), i+4+maxComment)]
		switch {
		case strings.HasPrefix(body, ">"):
			return i + 5
		case strings.HasPrefix(body, "->"):
			return i + 6
		}
		end := strings.Index(body, "-->")
		before := body
		if end >= 0 {
			before = body[:end]
		}
		if j := strings.Index(before, "--!>"); j >= 0 {
			return i + 4 + j + 4
		}
		if end >= 0 {
			return i + 4 + end + 3
		}
		return -1
	}
	lim := min(len(s), i+maxTag)
	if c := s[i+1]; c == '!' || c == '?' {
		if j := strings.IndexByte(s[i+1:lim], '>'); j >= 0 {
			return i + 1 + j + 1
		}
		return -1
	}
	for k := i + 1; k < lim; k++ {
		switch s[k] {
		case '>':
			return k + 1
		case '=':
			// an attribute's value: quoted, it runs to its closing quote
			v := k + 1
			for v < lim && (s[v] == ' ' || s[v] == '\t' || s[v] == '\n' || s[v] == '\r' || s[v] == '\f') {
				v++
			}
			if v < lim && (s[v] == '"' || s[v] == '\'') {
				e := strings.IndexByte(s[v+1:lim], s[v])
				if e < 0 {
					return -1
				}
				k = v + 1 + e
			}
		}
	}
	return -1
}

// refAt reads the character reference at s[i] ('&') as a parser reads it
// in text: what it decodes to and its length; n is 0 when there is none.
func refAt(s string, i int) (dec string, n int) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		k := j + 1
		hex := k < len(s) && (s[k] == 'x' || s[k] == 'X')
		if hex {
			k++
		}
		digits, x := k, 0
		for ; k < len(s) && k-digits < maxDigits; k++ {
			d := digitValue(s[k], hex)
			if d < 0 {
				break
			}
			if hex {
				x = x*16 + d
			} else {
				x = x*10 + d
			}
			x = min(x, utf8.MaxRune+1)
		}
		if k == digits {
			return "", 0
		}
		if k < len(s) && s[k] == ';' {
			k++
		}
		if x > utf8.MaxRune {
			return "\uFFFD", k - i
		}
		if ref := s[i:k]; len(ref) < 12 && ref[len(ref)-1] == ';' {
			return unescapeRef(ref), k - i
		}
		// a long or unterminated one, as its shortest form decodes
		return html.UnescapeString("&#" + strconv.Itoa(x) + ";"), k - i
	}
	k := j
	for k < len(s) && k-j < maxRef && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
		k++
	}
	if k == j {
		return "", 0
	}
	if k < len(s) && s[k] == ';' {
		k++
	} else if k-j < 2 {
		return "", 0 // no legacy name is shorter ("&b=2" in a link)
	}
	ref := s[i:k]
	d := unescapeRef(ref)
	if d == ref {
		return "", 0
	}
	if utf8.RuneCountInString(d) <= 2 && ref[len(ref)-1] == ';' {
		return d, len(ref) // the whole name and its ';'
	}
	// a legacy name without ';' at the start of a longer run ("&nbspx",
	// "&notit;"): d is its character and the rest of ref as it is
	_, size := utf8.DecodeRuneInString(d)
	return d[:size], len(ref) - (len(d) - size)
}

// digitValue is c's value as a digit (hexadecimal when hex), -1 when it
// is none.
func digitValue(c byte, hex bool) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case hex && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case hex && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
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
