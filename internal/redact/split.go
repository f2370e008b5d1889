package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Secrets split by characters a view drops.
//
// Every view of a posting cleans its text before it shows it: diff.Clean
// (stdout lines, commit bodies, chat messages) and mdtext.Plain (README
// rows) drop control characters, format characters (soft hyphen, zero
// width space, bidirectional controls: Unicode's Cf) and U+FFFD. A board
// that echoes a key it was sent with one of them inside ("key" written
// k<U+00AD>ey) would slip past a mask that compares bytes, and the
// cleaning would then put the key together again in a commit or a
// message. So a posting's mask also finds the forms of its secrets with
// such characters between their bytes, and masks the whole span.

// ignorable reports whether a view drops r (see above).
func ignorable(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) && !unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// ignorableAt is the length of the ignorable unit at s[i:] (0 for none):
// a rune that a view drops, invalid UTF-8, or, since posting data is
// masked as canonical JSON, a JSON escape of such a rune (\u0001, \ufffd,
// \b).
func ignorableAt(s string, i int) int {
	if s[i] == '\\' && i+1 < len(s) {
		switch s[i+1] {
		case 'b':
			return 2
		case 'u':
			if i+6 <= len(s) {
				if r, ok := hex4(s[i+2 : i+6]); ok && ignorable(r) {
					return 6
				}
			}
		}
		return 0
	}
	if s[i] < utf8.RuneSelf {
		if ignorable(rune(s[i])) {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if ignorable(r) {
		return n
	}
	return 0
}

func hex4(s string) (rune, bool) {
	var r rune
	for i := range len(s) {
		v, ok := hexVal(s[i])
		if !ok {
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}

// hasIgnorable reports whether s holds any ignorable unit.
func hasIgnorable(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == '\\' || c >= utf8.RuneSelf {
			if ignorableAt(s, i) > 0 {
				return true
			}
			if c == '\\' {
				i++ // an escape's second byte starts nothing
			}
		}
	}
	return false
}

// maskSplit masks in s the forms of m's secrets that ignorable units
// split: s itself when there is none. The span masked runs from the
// form's first byte to its last, the ignorable units inside included.
func maskSplit(m *matcher, s string) string {
	if m == nil || !hasIgnorable(s) {
		return s
	}
	// kept: s without its ignorable units; from[j]: the offset in s of
	// kept's byte j
	kept := make([]byte, 0, len(s))
	from := make([]int, 0, len(s))
	for i := 0; i < len(s); {
		if n := ignorableAt(s, i); n > 0 {
			i += n
			continue
		}
		n := 1
		switch {
		case s[i] == '\\' && i+1 < len(s):
			n = 2 // an escape of JSON (\\, \"): its second byte starts nothing
		case s[i] >= utf8.RuneSelf:
			// a whole rune kept (a secret's "é"): its continuation bytes
			// alone would read as invalid UTF-8, an ignorable unit
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		for k := i; k < i+n; k++ {
			kept = append(kept, s[k])
			from = append(from, k)
		}
		i += n
	}
	at, f := next(m, kept, 0)
	if at < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for at >= 0 {
		end := at + len(m.forms[f])
		b.WriteString(s[last:from[at]])
		b.WriteString(m.masks[f])
		last = from[end-1] + 1
		at, f = next(m, kept, end)
	}
	b.WriteString(s[last:])
	return b.String()
}
