package redact

import "strings"

// matcher finds the forms of the secrets in a text in one pass: a table
// of the forms' first two bytes says at which positions a form can start
// (most positions of a text cannot), and only there are the forms that
// start with those two bytes compared, longest first. At each position
// the longest form wins and the scan goes on after it, as a
// strings.Replacer of the forms sorted longest first replaces (what New
// built before: it was applied after a bytes.Contains per form, ~30 forms
// a secret, each a pass over the whole text).
type matcher struct {
	start  [1 << 16 / 64]uint64 // bit a<<8|b: a form starts with bytes a, b
	byPair map[uint16][]int     // first two bytes -> indexes into forms, longest first
	forms  []string
	masks  []string
}

// newMatcher indexes forms (each at least 2 bytes, sorted longest first)
// and their masks.
func newMatcher(forms, masks []string) *matcher {
	m := &matcher{byPair: map[uint16][]int{}, forms: forms, masks: masks}
	for i, f := range forms {
		k := uint16(f[0])<<8 | uint16(f[1])
		m.start[k>>6] |= 1 << (k & 63)
		m.byPair[k] = append(m.byPair[k], i)
	}
	return m
}

// next is the first form in s at or after from: its position and index
// in forms; -1 when there is none.
func next[T ~string | ~[]byte](m *matcher, s T, from int) (at, form int) {
	for i := from; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if m.start[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, f := range m.byPair[k] {
			// (a comparison of string(bytes) allocates nothing)
			if n := len(m.forms[f]); n <= len(s)-i && string(s[i:i+n]) == m.forms[f] {
				return i, f
			}
		}
	}
	return -1, -1
}

// replace is s with every form replaced by its mask (s itself when it
// holds none).
func (m *matcher) replace(s string) string {
	at, f := next(m, s, 0)
	if at < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for at >= 0 {
		b.WriteString(s[last:at])
		b.WriteString(m.masks[f])
		last = at + len(m.forms[f])
		at, f = next(m, s, last)
	}
	b.WriteString(s[last:])
	return b.String()
}

// replaceBytes is replace for bytes: a new slice, or b itself when it
// holds no form.
func (m *matcher) replaceBytes(b []byte) []byte {
	at, f := next(m, b, 0)
	if at < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	last := 0
	for at >= 0 {
		out = append(append(out, b[last:at]...), m.masks[f]...)
		last = at + len(m.forms[f])
		at, f = next(m, b, last)
	}
	return append(out, b[last:]...)
}
