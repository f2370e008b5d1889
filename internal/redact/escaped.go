package redact

import "unicode/utf8"

// A value can be percent-encoded in more ways than forms lists: an encoder
// chooses which bytes to escape (Python's quote keeps '/' and escapes ':',
// others escape '/' too, some escape unreserved letters), and a URL held in
// another URL is escaped again (%25XX). A value in a JSON string is
// escaped in as many ways: PHP writes '/' as \/, Go and .NET write + & < >
// ' = as \u002B and the like, Python and PHP write every non-ASCII letter
// as \u00e4 (a surrogate pair above U+FFFF), in either case of hex; and a
// JSON body quoted in an error message (Go's %q) doubles each backslash,
// again at each level. escaped finds a secret's value written with any
// mix of literal bytes, %XX escapes in either case of hex, %25XX double
// escapes, '+' for a space, and JSON's backslash escapes (\uXXXX, \/,
// \", \\) behind any number of backslashes, so that masking does not
// rest on guessing the writer. It runs only on text that holds a '%' or a
// backslash.

// escapedValue is one secret value and its mask for the escaped pass.
type escapedValue struct{ value, mask string }

// unescapeAt reads what text[i:] starts with, decoding %XX, %25XX and the
// backslash escapes (see backslashAt), into buf: d is the number of bytes
// decoded (a \uXXXX escape decodes to a letter's UTF-8 bytes), n the
// number of text bytes it takes, esc whether it was escaped. '+' reads as
// a space only when a space is wanted.
func unescapeAt[T ~string | ~[]byte](text T, i int, want byte, buf *[utf8.UTFMax]byte) (d, n int, esc bool) {
	c := text[i]
	buf[0] = c
	if c == '+' && want == ' ' {
		buf[0] = ' '
		return 1, 1, true
	}
	if c == '\\' {
		if d, n := backslashAt(text, i, buf); n > 0 {
			return d, n, true
		}
		return 1, 1, false
	}
	if c != '%' || i+2 >= len(text) {
		return 1, 1, false
	}
	h, ok := unhex(text[i+1], text[i+2])
	if !ok {
		return 1, 1, false
	}
	if h == '%' && i+4 < len(text) {
		if h2, ok := unhex(text[i+3], text[i+4]); ok {
			buf[0] = h2
			return 1, 5, true
		}
	}
	buf[0] = h
	return 1, 3, true
}

// backslashAt reads a JSON backslash escape at text[i:] behind any number
// of backslashes (a JSON text quoted once or more: \u002B, \\u002B,
// \\\\u002B): \uXXXX (a high surrogate followed by its low one, written
// the same way, is one letter), \/ and \" decode to their letter, and an
// escaped backslash (2, 4, 8 ... backslashes followed by no other escape)
// to one backslash. n is 0 when there is none.
func backslashAt[T ~string | ~[]byte](text T, i int, buf *[utf8.UTFMax]byte) (d, n int) {
	k := i
	for k < len(text) && text[k] == '\\' {
		k++
	}
	run := k - i
	if k >= len(text) {
		return 0, 0
	}
	switch text[k] {
	case '/', '"', '\'':
		buf[0] = text[k]
		return 1, run + 1
	case 'u', 'U':
		r, ok := hex4(text, k+1)
		if !ok {
			break
		}
		end := k + 5
		if 0xD800 <= r && r < 0xDC00 {
			// the low surrogate, behind as many backslashes
			j := end
			for j < len(text) && j-end < run && text[j] == '\\' {
				j++
			}
			if j-end != run || j >= len(text) || text[j] != 'u' && text[j] != 'U' {
				break
			}
			lo, ok := hex4(text, j+1)
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				break
			}
			r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
			end = j + 5
		}
		return utf8.EncodeRune(buf[:], r), end - i
	}
	// an escaped backslash: a run of 2, 4, 8 ... backslashes
	if run >= 2 && run&(run-1) == 0 {
		buf[0] = '\\'
		return 1, run
	}
	return 0, 0
}

// hex4 reads the 4 hex digits of a \u escape at text[i:].
func hex4[T ~string | ~[]byte](text T, i int) (rune, bool) {
	if i+4 > len(text) {
		return 0, false
	}
	var r rune
	for j := i; j < i+4; j++ {
		v, ok := hexVal(text[j])
		if !ok {
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}

func unhex(a, b byte) (byte, bool) {
	x, ok1 := hexVal(a)
	y, ok2 := hexVal(b)
	return x<<4 | y, ok1 && ok2
}

func hexVal(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// escapedEnd is the end of v written from text[i:] with at least one
// escape, or -1.
func escapedEnd[T ~string | ~[]byte](text T, i int, v string) int {
	escaped := false
	var buf [utf8.UTFMax]byte
	for k := 0; k < len(v); {
		if i >= len(text) {
			return -1
		}
		d, n, esc := unescapeAt(text, i, v[k], &buf)
		if k+d > len(v) || string(buf[:d]) != v[k:k+d] {
			return -1
		}
		escaped = escaped || esc
		i += n
		k += d
	}
	if !escaped {
		return -1
	}
	return i
}

// nextEscaped is the first escaped writing of a value in text at or after
// from: its start, end and mask; start -1 when there is none.
func nextEscaped[T ~string | ~[]byte](text T, from int, values []escapedValue) (start, end int, mask string) {
	for i := from; i < len(text); i++ {
		c := text[i]
		if c == '\\' && i > from && text[i-1] == '\\' {
			// inside a run of backslashes: a writing starts at the run's
			// first byte (backslashAt reads the whole run from there), and
			// trying each byte of a long run again is quadratic
			continue
		}
		for _, ev := range values { // longest first, as New sorted them
			if c != ev.value[0] && c != '%' && c != '+' && c != '\\' {
				continue
			}
			if e := escapedEnd(text, i, ev.value); e > 0 {
				return i, e, ev.mask
			}
		}
	}
	return -1, -1, ""
}

// maskEscaped replaces every escaped writing of a value in text; ok is
// false, and nothing is allocated, when there is none (or text holds no
// '%' and no backslash, the only cases it looks for).
func maskEscaped[T ~string | ~[]byte](text T, values []escapedValue) (out []byte, ok bool) {
	if len(values) == 0 || !hasEscape(text) {
		return nil, false
	}
	at, end, mask := nextEscaped(text, 0, values)
	if at < 0 {
		return nil, false
	}
	out = make([]byte, 0, len(text))
	last := 0
	for at >= 0 {
		out = append(append(out, text[last:at]...), mask...)
		last = end
		at, end, mask = nextEscaped(text, end, values)
	}
	return append(out, text[last:]...), true
}

func hasEscape[T ~string | ~[]byte](text T) bool {
	for i := 0; i < len(text); i++ {
		if text[i] == '%' || text[i] == '\\' {
			return true
		}
	}
	return false
}
