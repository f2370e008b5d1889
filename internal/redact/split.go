package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Secrets split by characters a view drops or squeezes.
//
// Every view of a posting cleans its text before it shows it: diff.Clean
// (stdout lines, commit bodies, chat messages) and mdtext.Plain (README
// rows) drop control characters, bidirectional controls and U+FFFD
// (mdtext.Plain every format character, Unicode's Cf: soft hyphen, zero
// width space), and both turn a whitespace run into one space. A board
// that echoes a key it was sent with one of them inside ("key" written
// k<U+00AD>ey, "k  ey") would slip past a mask that compares bytes, and
// the cleaning would then put the key together again in a commit or a
// message, or leave it readable with one space in it (the text
// normalizer turns U+200B and U+FEFF into a space before the mask runs).
// So the mask also finds the forms of its secrets
//   - with ignorable units between their bytes (dropped),
//   - with a whitespace run where the secret has one space (squeezed),
//   - for a secret of 8 characters or more without whitespace, with
//     whitespace runs between its bytes (a key with a space put in is
//     still the key to whoever reads it; ordinary text is not 8
//     characters of a key with spaces in it),
//
// and masks the whole span. A unit is a rune, an invalid byte, or the
// escape of one as JSON (\u00ad, \n) or a Go-quoted string writes it
// (strconv.Quote, errors quoting a board's body: \u200b, \x07, \v,
// \U000e0001), or percent-escaped in a link (%E2%80%8B, %09).
//
// The forms with whitespace runs are looked for only when the text holds
// an ignorable unit or a piece of such a form (hint: the first or the
// last 4 bytes of a form of a secret without whitespace, the longest
// piece between the spaces of one with): a secret split by one
// whitespace run is always found, one split by several whitespace runs
// whenever its first or last 4 bytes are whole.

// ignorable reports whether a view drops r (see above).
func ignorable(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) && !unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// The kinds of unit.
const (
	unitKeep  = iota
	unitDrop  // a view drops it
	unitSpace // whitespace: a view squeezes a run of it to one space
)

func runeKind(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return unitSpace
	case ignorable(r):
		return unitDrop
	}
	return unitKeep
}

// unitAt is the kind and length of the unit at s[i:]. A backslash starts
// an escape (\\ and \" are kept units of 2 bytes: their second byte
// starts nothing).
func unitAt[T ~string | ~[]byte](s T, i int) (kind, n int) {
	c := s[i]
	if c == '\\' && i+1 < len(s) {
		switch s[i+1] {
		case 'a', 'b':
			return unitDrop, 2
		case 't', 'n', 'r', 'f', 'v':
			return unitSpace, 2
		case 'u':
			if i+6 <= len(s) {
				if r, ok := hexRune(s[i+2 : i+6]); ok {
					if k := runeKind(r); k != unitKeep {
						return k, 6
					}
				}
			}
		case 'U':
			if i+10 <= len(s) {
				if r, ok := hexRune(s[i+2 : i+10]); ok && r <= unicode.MaxRune {
					if k := runeKind(r); k != unitKeep {
						return k, 10
					}
				}
			}
		case 'x':
			if i+4 <= len(s) {
				if v, ok := unhex(s[i+2], s[i+3]); ok {
					if v >= utf8.RuneSelf {
						return unitDrop, 4 // a byte of invalid UTF-8
					}
					if k := runeKind(rune(v)); k != unitKeep {
						return k, 4
					}
				}
			}
		}
		return unitKeep, 2
	}
	if c == '%' {
		if k, n := escapedUnit(s, i); k != unitKeep {
			return k, n
		}
		return unitKeep, 1
	}
	if c < utf8.RuneSelf {
		return runeKind(rune(c)), 1
	}
	var buf [utf8.UTFMax]byte
	r, n := utf8.DecodeRune(buf[:copy(buf[:], s[i:min(i+utf8.UTFMax, len(s))])])
	return runeKind(r), n
}

// escapedUnit is the kind and length of a percent-escaped rune at s[i:]
// (a link's query or path: %E2%80%8B, %09, %C2%AD), unitKeep for any
// other.
func escapedUnit[T ~string | ~[]byte](s T, i int) (kind, n int) {
	var buf [utf8.UTFMax]byte
	k := 0
	for j := i; k < len(buf) && j+2 < len(s) && s[j] == '%'; j += 3 {
		v, ok := unhex(s[j+1], s[j+2])
		if !ok || k > 0 && utf8.RuneStart(v) {
			break
		}
		buf[k] = v
		k++
		if utf8.FullRune(buf[:k]) {
			break
		}
	}
	if k == 0 {
		return unitKeep, 0
	}
	r, size := utf8.DecodeRune(buf[:k])
	return runeKind(r), 3 * size
}

func hexRune[T ~string | ~[]byte](s T) (rune, bool) {
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

// splitCandidate reports whether s may hold a split form of r's secrets:
// an ignorable unit, or whitespace and a hint (see above).
// hinted: r.m saw a hint in s as it was masked.
func splitCandidate[T ~string | ~[]byte](r *Redactor, s T, hinted bool) bool {
	look := &unitByte
	if !hinted {
		look = &dropByte // whitespace does not matter then
	}
	space := false
	for i := 0; i < len(s); i++ {
		if !hinted {
			// 8 bytes at a time past those dropByte passes over
			for i+8 <= len(s) && plainWord(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
				uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
				i += 8
			}
			if i >= len(s) {
				break
			}
		}
		c := s[i]
		if !look[c] {
			continue
		}
		if c == ' ' {
			space = true
			continue
		}
		k, n := unitAt(s, i)
		switch k {
		case unitDrop:
			return true
		case unitSpace:
			space = true
		}
		i += n - 1
	}
	return space && hinted
}

// unitByte: the bytes splitCandidate looks at (a space, and those that
// may start a unit other than a kept one)
var unitByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c <= ' ' || c == 0x7f || c == '\\' || c == '%' || c >= utf8.RuneSelf
	}
	return t
}()

// dropByte: unitByte without the ASCII whitespace (which starts no unit a
// view drops)
var dropByte = func() (t [256]bool) {
	t = unitByte
	for _, c := range " \t\n\r\f\v" {
		t[c] = false
	}
	return t
}()

// plainWord reports whether none of the 8 bytes of x is one dropByte
// looks at: below 0x20, 0x7f, '\\', '%' or above 0x7f.
func plainWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	a, b, c := x^(ones*0x7f), x^(ones*'\\'), x^(ones*'%')
	return (x|(x-ones*0x20)&^x|(a-ones)&^a|(b-ones)&^b|(c-ones)&^c)&highs == 0
}

// maskSplit masks in s the split forms of r's secrets (see above): s
// itself when there is none.
func maskSplit(r *Redactor, s string, hinted bool) string {
	if r.Empty() || !splitCandidate(r, s, hinted) {
		return s
	}
	s = maskKept(r.m, s, false)
	if r.wsm != nil {
		s = maskKept(r.wsm, s, true)
	}
	return s
}

// maskKept masks the forms of m in s read without its ignorable units,
// and with its whitespace runs read as one space (dropSpace false) or
// dropped. The span masked runs from the form's first unit to its last,
// the units dropped inside included.
func maskKept(m *matcher, s string, dropSpace bool) string {
	kept, from := keptOf(s, dropSpace, true)
	at, f := next(m, kept, 0, nil)
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
		for last < len(s) && !utf8.RuneStart(s[last]) {
			last++ // a whitespace rune read as ' ' ended the form
		}
		at, f = next(m, kept, end, nil)
	}
	b.WriteString(s[last:])
	return b.String()
}

// keptOf is s read as maskKept reads it: kept, and from[j] the offset in
// s of kept's byte j (when wantFrom).
func keptOf[T ~string | ~[]byte](s T, dropSpace, wantFrom bool) (kept []byte, from []int) {
	kept = make([]byte, 0, len(s))
	if wantFrom {
		from = make([]int, 0, len(s))
	}
	inSpace := false
	for i := 0; i < len(s); {
		k, n := unitAt(s, i)
		switch {
		case k == unitDrop:
		case k == unitSpace:
			if !dropSpace && !inSpace {
				kept = append(kept, ' ')
				if wantFrom {
					from = append(from, i)
				}
			}
			inSpace = true
		default:
			inSpace = false
			for j := i; j < i+n; j++ {
				kept = append(kept, s[j])
				if wantFrom {
					from = append(from, j)
				}
			}
		}
		i += n
	}
	return kept, from
}
