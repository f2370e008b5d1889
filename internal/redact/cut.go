package redact

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// guarded holds the forms of every secret a Redactor of this process was
// built with that contain a delimiter (a passphrase with spaces, a password
// with ';'): Cut's token rule alone would keep such a secret's first words.
// A cut that would end inside an occurrence of one, whole in the text being
// cut, ends before it instead. Only an occurrence of the whole form counts,
// so the cut tells nobody whether their text starts like a secret (no
// oracle: a text holding a whole secret was masked whole anyway).
var guarded struct {
	sync.RWMutex
	forms []string
	seen  map[string]bool
}

// guard records forms (of one secret) that contain a delimiter.
func guard(forms []string) {
	for _, f := range forms {
		if strings.IndexFunc(f, delimiter) < 0 {
			continue
		}
		guarded.Lock()
		if !guarded.seen[f] {
			if guarded.seen == nil {
				guarded.seen = map[string]bool{}
			}
			guarded.seen[f] = true
			guarded.forms = append(guarded.forms, f)
		}
		guarded.Unlock()
	}
}

// guardedEnd is end moved before the start of any guarded form that
// occurs whole in s and that end would split: as written, or as s reads
// with its character references decoded and its tags dropped (a board
// that echoes a passphrase as "violet&#32;ocean", which the Redactor
// masks whole; review s25 R1).
func guardedEnd(s string, end int) int {
	guarded.RLock()
	defer guarded.RUnlock()
	if len(guarded.forms) == 0 {
		return end
	}
	// the views the Redactor reads: tags ended where a parser ends them,
	// and at their first '>' (review s25b R2)
	type markupRead struct {
		view  []byte
		spans []markupSpan
	}
	var reads []markupRead
	// (only what a secret straddling end can span is read: see Head)
	if near := s[:min(len(s), end+headMarkup)]; strings.ContainsAny(near, "&<") {
		for _, naive := range []bool{false, true} {
			var rd markupRead
			rd.view, _ = markupView(near, &rd.spans, naive)
			reads = append(reads, rd)
		}
	}
	for moved := true; moved; {
		moved = false
		for _, f := range guarded.forms {
			for from := max(0, end-len(f)+1); from < end; {
				i := strings.Index(s[from:], f)
				if i < 0 || from+i >= end {
					break
				}
				end, moved = from+i, true
			}
			for _, rd := range reads {
				for from := 0; len(rd.spans) > 0; {
					i := bytes.Index(rd.view[from:], []byte(f))
					if i < 0 {
						break
					}
					start, stop := spanOf(rd.spans, from+i).from, spanOf(rd.spans, from+i+len(f)-1).to
					if start >= end {
						break
					}
					if stop > end {
						end, moved = start, true
						break
					}
					from += i + 1
				}
			}
		}
	}
	return end
}

// guardSpan is how much of a long text a cut at n bytes needs to see to
// find a guarded secret that straddles the cut: n and the longest form.
func guardSpan(n int) int {
	guarded.RLock()
	defer guarded.RUnlock()
	longest := 0
	for _, f := range guarded.forms {
		longest = max(longest, len(f))
	}
	return n + longest
}

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

// Head is what of a long text CutBytes(s, n) needs: the first n bytes and
// as many more as a secret with delimiters can be long (guarded), so that
// a caller cutting the start of a large body converts only that. A window
// with markup in it (a character reference, a tag: a secret written
// through them is longer than its forms, review s25b R1) grows to
// headMarkup bytes more.
func Head(b []byte, n int) []byte {
	end := min(len(b), guardSpan(n)+1)
	if bytes.ContainsAny(b[:end], "&<") {
		end = min(len(b), max(end, n+headMarkup))
	}
	return b[:end]
}

// headMarkup is how far past a cut Head looks when markup is near it.
const headMarkup = 64 << 10

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
	end = guardedEnd(s, end)
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
