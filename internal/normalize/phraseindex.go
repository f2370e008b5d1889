package normalize

import "sort"

// phraseIndex finds any of a fixed list of phrases in a text in one pass
// over the text, instead of one strings.Index per phrase: the phrases are
// kept by their first byte, longest first, so that at each byte of the text
// only the phrases that can start there are compared, and a bit for each
// pair of first two bytes tells at once whether any can. A list of 70
// phrases over a 10 KB description costs one scan instead of 70.
type phraseIndex struct {
	fold bool // ASCII letters of the text compared as lower case
	// bit first<<8|second for the text's two bytes as they are: a phrase
	// starts with the two bytes (lowered, with fold; any second byte for
	// a phrase of one, 0 for the end of the text), so that the scan
	// lowers no byte where no phrase can start
	pairs   [1 << 16 / 64]uint64
	byFirst [256][]phraseHead // by first byte, longest first, then in list order
}

// phraseHead is a phrase and its number in the list, with its first four
// bytes (fewer for a shorter phrase: the bits of mask) as lowerFour reads
// the text's, to rule it out at a place without comparing byte by byte.
type phraseHead struct {
	p          string
	k          int32
	head, mask uint32
}

// newPhraseIndex indexes phrases. With fold, the text's ASCII capitals
// match the phrases' small letters (the phrases are written in lower
// case), as if the text had been lowered first: no lowered copy of the
// text is made.
func newPhraseIndex(phrases []string, fold bool) *phraseIndex {
	x := &phraseIndex{fold: fold}
	for i, p := range phrases {
		if p == "" {
			panic("normalize: empty phrase in a phrase index")
		}
		h := phraseHead{p: p, k: int32(i)}
		for j := 0; j < len(p) && j < 4; j++ {
			h.head |= uint32(p[j]) << (8 * j)
			h.mask |= 0xff << (8 * j)
		}
		x.byFirst[p[0]] = append(x.byFirst[p[0]], h)
		// the text's pairs (a, b) that first compares with the phrase
		for _, a := range x.lowersTo(p[0]) {
			if len(p) == 1 {
				for b := range 256 {
					x.setPair(a, byte(b))
				}
				continue
			}
			for _, b := range x.lowersTo(p[1]) {
				x.setPair(a, b)
			}
		}
	}
	for c := range x.byFirst {
		l := x.byFirst[c]
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].p) > len(l[j].p) })
	}
	return x
}

func (x *phraseIndex) setPair(a, b byte) {
	k := int(a)<<8 | int(b)
	x.pairs[k/64] |= 1 << (k % 64)
}

// first returns the place in t of the phrase that starts first and its
// number in the list; at the same place, the longest phrase (of equal
// lengths, the one listed first). It returns -1, -1 when t holds none.
// It is what calling strings.Index for every phrase (on the lowered text,
// with fold) and keeping the smallest index would give.
func (x *phraseIndex) first(t string) (at, which int) {
	for i := 0; i < len(t); i++ {
		k := uint(t[i]) << 8
		if i+1 < len(t) {
			k |= uint(t[i+1])
		}
		if x.pairs[k>>6&1023]&(1<<(k&63)) == 0 {
			continue
		}
		rest := t[i:]
		four := x.lowerFour(rest)
		for _, h := range x.byFirst[x.lower(t[i])] {
			if four&h.mask == h.head && len(h.p) <= len(rest) && x.equal(rest[:len(h.p)], h.p) {
				return i, int(h.k)
			}
		}
	}
	return -1, -1
}

// lowersTo returns the bytes that lower makes c.
func (x *phraseIndex) lowersTo(c byte) []byte {
	var l []byte
	for b := range 256 {
		if x.lower(byte(b)) == c {
			l = append(l, byte(b))
		}
	}
	return l
}

// lowerFour is the first four bytes of s (fewer when s is shorter, the
// rest 0), each as lower makes it, the first in the lowest bits.
func (x *phraseIndex) lowerFour(s string) uint32 {
	var v uint32
	if len(s) >= 4 {
		v = uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
	} else {
		for j := len(s) - 1; j >= 0; j-- {
			v = v<<8 | uint32(s[j])
		}
	}
	if !x.fold {
		return v
	}
	// ASCII capitals to small letters, the four bytes at once: the high
	// bit of each byte of upper is set when the byte is in 'A'..'Z'
	low := v & 0x7f7f7f7f
	upper := (low + 0x3f3f3f3f) &^ (low + 0x25252525) &^ v & 0x80808080
	return v | upper>>2
}

func (x *phraseIndex) lower(c byte) byte {
	if x.fold && c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func (x *phraseIndex) equal(s, p string) bool {
	if !x.fold {
		return s == p
	}
	for j := 0; j < len(p); j++ {
		if x.lower(s[j]) != p[j] {
			return false
		}
	}
	return true
}

// in says whether t holds any of the phrases.
func (x *phraseIndex) in(t string) bool {
	at, _ := x.first(t)
	return at >= 0
}
