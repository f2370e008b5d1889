package redact

// A value can be percent-encoded in more ways than forms lists: an encoder
// chooses which bytes to escape (Python's quote keeps '/' and escapes ':',
// others escape '/' too, some escape unreserved letters), and a URL held in
// another URL is escaped again (%25XX). escaped finds a secret's value
// written with any mix of literal bytes, %XX escapes in either case of hex,
// %25XX double escapes and '+' for a space, so that masking does not rest
// on guessing the encoder. It runs only on text that holds a '%'.

// escapedValue is one secret value and its mask for the escaped pass.
type escapedValue struct{ value, mask string }

// unescapeAt reads the byte that text[i:] starts with, decoding %XX and
// %25XX; n is the number of text bytes it takes, esc whether it was
// escaped. '+' reads as a space only when space is wanted.
func unescapeAt[T ~string | ~[]byte](text T, i int, want byte) (b byte, n int, esc bool) {
	c := text[i]
	if c == '+' && want == ' ' {
		return ' ', 1, true
	}
	if c != '%' || i+2 >= len(text) {
		return c, 1, false
	}
	h, ok := unhex(text[i+1], text[i+2])
	if !ok {
		return c, 1, false
	}
	if h == '%' && i+4 < len(text) {
		if h2, ok := unhex(text[i+3], text[i+4]); ok {
			return h2, 5, true
		}
	}
	return h, 3, true
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
	for k := 0; k < len(v); k++ {
		if i >= len(text) {
			return -1
		}
		b, n, esc := unescapeAt(text, i, v[k])
		if b != v[k] {
			return -1
		}
		escaped = escaped || esc
		i += n
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
		for _, ev := range values { // longest first, as New sorted them
			if c != ev.value[0] && c != '%' && c != '+' {
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
// '%', the only case it looks for).
func maskEscaped[T ~string | ~[]byte](text T, values []escapedValue) (out []byte, ok bool) {
	if len(values) == 0 || !hasPercent(text) {
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

func hasPercent[T ~string | ~[]byte](text T) bool {
	for i := 0; i < len(text); i++ {
		if text[i] == '%' {
			return true
		}
	}
	return false
}
