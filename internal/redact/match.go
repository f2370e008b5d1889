package redact

import (
	"slices"
	"strings"
)

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
	// hint[i]: forms[i] is a hint (split.go), not masked: next reports
	// that it saw one through saw
	hint []bool
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

// withHints is a matcher of forms and masks (sorted longest first) and of
// hints, which it finds but does not mask (see next).
func withHints(forms, masks, hints []string) *matcher {
	type entry struct {
		form, mask string
		hint       bool
	}
	var all []entry
	for i := range forms {
		all = append(all, entry{forms[i], masks[i], false})
	}
	for _, h := range hints {
		all = append(all, entry{h, "", true})
	}
	slices.SortStableFunc(all, func(a, b entry) int { return len(b.form) - len(a.form) })
	f, m, h := make([]string, len(all)), make([]string, len(all)), make([]bool, len(all))
	for i, e := range all {
		f[i], m[i], h[i] = e.form, e.mask, e.hint
	}
	mt := newMatcher(f, m)
	mt.hint = h
	return mt
}

// next is the first form in s at or after from: its position and index
// in forms; -1 when there is none. A hint found on the way sets *saw
// (saw may be nil) and is passed over.
func next[T ~string | ~[]byte](m *matcher, s T, from int, saw *bool) (at, form int) {
	for i := from; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if m.start[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, f := range m.byPair[k] {
			// (a comparison of string(bytes) allocates nothing)
			if n := len(m.forms[f]); n <= len(s)-i && string(s[i:i+n]) == m.forms[f] {
				if m.hint != nil && m.hint[f] {
					if saw != nil {
						*saw = true
					}
					continue
				}
				return i, f
			}
		}
	}
	return -1, -1
}

// replace is s with every form replaced by its mask (s itself when it
// holds none).
func (m *matcher) replace(s string, saw *bool) string {
	at, f := next(m, s, 0, saw)
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
		at, f = next(m, s, last, saw)
	}
	b.WriteString(s[last:])
	return b.String()
}

// replaceBytes is replace for bytes: a new slice, or b itself when it
// holds no form.
func (m *matcher) replaceBytes(b []byte, saw *bool) []byte {
	at, f := next(m, b, 0, saw)
	if at < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	last := 0
	for at >= 0 {
		out = append(append(out, b[last:at]...), m.masks[f]...)
		last = at + len(m.forms[f])
		at, f = next(m, b, last, saw)
	}
	return append(out, b[last:]...)
}
