package normalize

import "sort"

// phraseIndex finds any of a fixed list of phrases in a text in one pass
// over the text, instead of one strings.Index per phrase: the phrases are
// kept by their first byte, longest first, so that at each byte of the text
// only the phrases that can start there are compared. A list of 70
// phrases over a 10 KB description costs one scan instead of 70.
type phraseIndex struct {
	phrases []string
	fold    bool              // ASCII letters of the text compared as lower case
	starts  [256]bool         // a phrase starts with the byte
	byFirst [256][]phraseHead // by first byte, longest first, then in list order
}

// phraseHead is a phrase's number and its second byte, compared before the
// whole phrase (0 for a phrase of one byte).
type phraseHead struct {
	second byte
	k      int32
}

// newPhraseIndex indexes phrases. With fold, the text's ASCII capitals
// match the phrases' small letters (the phrases are written in lower
// case), as if the text had been lowered first: no lowered copy of the
// text is made.
func newPhraseIndex(phrases []string, fold bool) *phraseIndex {
	x := &phraseIndex{phrases: phrases, fold: fold}
	for i, p := range phrases {
		if p == "" {
			panic("normalize: empty phrase in a phrase index")
		}
		h := phraseHead{k: int32(i)}
		if len(p) > 1 {
			h.second = p[1]
		}
		x.byFirst[p[0]] = append(x.byFirst[p[0]], h)
	}
	for c := range x.byFirst {
		l := x.byFirst[c]
		sort.SliceStable(l, func(i, j int) bool { return len(phrases[l[i].k]) > len(phrases[l[j].k]) })
		x.starts[c] = len(l) > 0
	}
	if fold {
		for c := byte('a'); c <= 'z'; c++ {
			x.byFirst[c-'a'+'A'], x.starts[c-'a'+'A'] = x.byFirst[c], x.starts[c]
		}
	}
	return x
}

// first returns the place in t of the phrase that starts first and its
// number in the list; at the same place, the longest phrase (of equal
// lengths, the one listed first). It returns -1, -1 when t holds none.
// It is what calling strings.Index for every phrase (on the lowered text,
// with fold) and keeping the smallest index would give.
func (x *phraseIndex) first(t string) (at, which int) {
	for i := 0; i < len(t); i++ {
		if !x.starts[t[i]] {
			continue
		}
		rest := t[i:]
		var second byte
		if len(rest) > 1 {
			second = x.lower(rest[1])
		}
		for _, h := range x.byFirst[t[i]] {
			p := x.phrases[h.k]
			if len(p) > 1 && h.second != second || len(p) > len(rest) {
				continue
			}
			if x.equal(rest[:len(p)], p) {
				return i, int(h.k)
			}
		}
	}
	return -1, -1
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
