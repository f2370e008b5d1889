package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cut is s cut to at most n runes, the last of them Ellipsis when s is
// longer. The cut never ends inside a token (a run of characters without
// whitespace or one of the delimiters "'<>{}[](),;): the part of the token
// the cut would split is left out, down to Ellipsis alone for a single
// long token. So a value that held a secret whole (a body echoing the key
// its request carried, a title quoting a token) never shows its start,
// with no need to recognise cut secrets in the output: such a rule would
// tell anyone whose text reaches the output (a board's titles, a body)
// whether their text starts like a secret, one guess at a time.
func Cut(s string, n int) string { return cutRunes(s, n, false) }

// CutText is Cut for text a board wrote (posting data, whose secrets the
// board was sent are masked before it is cut): a token the cut splits is
// left out only when more of the text comes before it, so that a value
// that is one long token (a URL) keeps its start.
func CutText(s string, n int) string { return cutRunes(s, n, true) }

func cutRunes(s string, n int, soft bool) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	end := 0
	for i := 0; i < n-1; i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return cutAt(s, end, soft)
}

// CutBytes is Cut counting bytes: s cut to at most n bytes (on a rune
// boundary, never inside a token) and Ellipsis after it when s is longer.
func CutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	end := max(n, 0)
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return cutAt(s, end, false)
}

// cutAt is s[:end] without the start of a token that end splits (soft:
// only when that start is shorter than what precedes it), its trailing
// whitespace dropped, and Ellipsis; end is a rune start below len(s).
func cutAt(s string, end int, soft bool) string {
	next, _ := utf8.DecodeRuneInString(s[end:])
	if !delimiter(next) {
		start := end
		for start > 0 {
			prev, size := utf8.DecodeLastRuneInString(s[:start])
			if delimiter(prev) {
				break
			}
			start -= size
		}
		if !soft || end-start < start {
			end = start
		}
	}
	return strings.TrimRightFunc(s[:end], unicode.IsSpace) + Ellipsis
}

// Delimiter reports whether c ends a token for Cut: whitespace, or a
// character that quotes or brackets a value (none of them is in the
// alphabets secrets are written in: base64, hex, URL-safe tokens, URLs).
// A cut of a window of text (both ends) uses it to leave out the tokens
// the window would split.
func Delimiter(c rune) bool { return delimiter(c) }

func delimiter(c rune) bool {
	return unicode.IsSpace(c) || strings.ContainsRune(`"'<>{}[](),;`, c)
}
