package normalize

// Misspellings of well-known tools ("Kubernets", "Postgress", "Tensorflw")
// and names split in two ("Elastic Search", "Type Script", "Big Query") are
// matched by logic rather than by listing every wrong spelling: a word of
// seven letters or more that no alias matches is compared with the long
// one-word aliases at edit distance one (one letter missing, extra or
// changed, after the first three letters), and two capitalised words that
// stand apart are tried joined.

// fuzzyMinLen is the shortest alias (and word) compared at edit distance one.
const fuzzyMinLen = 7

// fuzzyIndex holds the one-word, case-insensitive skill aliases.
type fuzzyIndex struct {
	del    map[string]int32   // alias and its one-letter deletions (after the first three letters) -> id
	whole  map[string]int32   // alias -> id, for joined words
	prefix [26 * 26 * 26]bool // first three letters of the aliases of del
	first  [26 * 26]bool      // first two letters of the aliases of whole
}

func (f *fuzzyIndex) add(alias string, id int32) {
	if id < 0 || len(alias) < 5 {
		return
	}
	for i := 0; i < len(alias); i++ {
		if c := alias[i]; c < 'a' || c > 'z' {
			return // letters only, lowered
		}
	}
	if f.whole == nil {
		f.whole, f.del = map[string]int32{}, map[string]int32{}
	}
	put := func(m map[string]int32, k string) {
		if old, ok := m[k]; ok && old != id {
			m[k] = -2 // two skills share it: never a match
			return
		}
		m[k] = id
	}
	put(f.whole, alias)
	f.first[int(alias[0]-'a')*26+int(alias[1]-'a')] = true
	if len(alias) < fuzzyMinLen {
		return
	}
	f.prefix[(int(alias[0]-'a')*26+int(alias[1]-'a'))*26+int(alias[2]-'a')] = true
	put(f.del, alias)
	for i := 3; i < len(alias); i++ {
		put(f.del, alias[:i]+alias[i+1:])
	}
}

// near returns the skill whose alias is at edit distance one from the
// lowered word w, or -1.
func (f *fuzzyIndex) near(w string, buf []byte) int32 {
	if len(w) < fuzzyMinLen || f.del == nil {
		return -1
	}
	if c0, c1, c2 := w[0], w[1], w[2]; c0 < 'a' || c0 > 'z' || c1 < 'a' || c1 > 'z' || c2 < 'a' || c2 > 'z' ||
		!f.prefix[(int(c0-'a')*26+int(c1-'a'))*26+int(c2-'a')] {
		return -1
	}
	for i := 3; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return -1
		}
	}
	id := int32(-1)
	if x, ok := f.del[w]; ok && x >= 0 {
		id = x // one letter missing ("kubernets")
	}
	for i := 3; i < len(w) && id < 0; i++ {
		buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
		if x, ok := f.del[string(buf)]; ok && x >= 0 {
			id = x // one letter extra or changed ("postgress")
		}
	}
	if id < 0 {
		return -1
	}
	// A plural or singular of an alias is a word of its own ("dashboard"
	// is not "dashboards"), not a misspelling.
	buf = append(append(buf[:0], w...), 's')
	if _, ok := f.whole[string(buf)]; ok {
		return -1
	}
	if _, ok := f.whole[w[:len(w)-1]]; ok && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
		return -1
	}
	return id
}

// joined returns the skill whose one-word alias is the lowered words a and
// b written together, or -1.
func (f *fuzzyIndex) joined(a, b string, buf []byte) int32 {
	if f.whole == nil || len(a)+len(b) < 6 {
		return -1
	}
	buf = append(append(buf[:0], a...), b...)
	if id, ok := f.whole[string(buf)]; ok && id >= 0 {
		return id
	}
	return -1
}

// fuzzyAt tries the word at token i, alone at edit distance one or joined
// with the next word, when no alias starts there.
func (m *matcher) fuzzyAt(s, lower string, toks []token, i int, buf []byte) (int32, bool) {
	t := toks[i]
	if t.punct != 0 || m.fuzzy.del == nil {
		return -1, false
	}
	if t.flags&(fSent|fBlock) != 0 && (i+1 >= len(toks) || toks[i+1].flags&fGlued != 0) {
		return -1, false
	}
	w := lower[t.start:t.end]
	if m.fuzzy.joinedAt(s, lower, toks, i) {
		n := toks[i+1]
		return m.fuzzy.joined(w, lower[n.start:n.end], buf), true
	}
	// A misspelled name is still written as a name: capitalised, and not
	// merely because it starts a sentence ("Promoting", "Vertical").
	if c := s[t.start]; c < 'A' || c > 'Z' || t.flags&(fSent|fBlock) != 0 {
		return -1, false
	}
	return m.fuzzy.near(w, buf), false
}

// fuzzyCandidate marks a hit at edit distance one (id = fuzzyCandidate -
// skill): it counts only next to a skill matched as written.
const fuzzyCandidate = -10

// fuzzyContext is how many tokens away the neighbouring skill may be.
const fuzzyContext = 4

// keepFuzzy keeps the misspelled skills that stand among skills spelt
// right ("Python, Postgress and Redis"); an English word that happens to
// be one letter from a tool ("closure", "vertical") stands alone.
func keepFuzzy(hits []hit) []hit {
	out := hits[:0]
	for i, h := range hits {
		if h.id > fuzzyCandidate {
			out = append(out, h)
			continue
		}
		near, others := false, 0
		for j := i - 1; j >= 0 && !near && hits[j].tok >= h.tok-2*fuzzyContext; j-- {
			near = hits[j].id > fuzzyCandidate && hits[j].tok >= h.tok-fuzzyContext
			if hits[j].id <= fuzzyCandidate && hits[j].id != h.id {
				others++
			}
		}
		for j := i + 1; j < len(hits) && !near && hits[j].tok <= h.tok+2*fuzzyContext; j++ {
			near = hits[j].id > fuzzyCandidate && hits[j].tok <= h.tok+fuzzyContext
			if hits[j].id <= fuzzyCandidate && hits[j].id != h.id {
				others++
			}
		}
		// two other names that count only among skills, within twice
		// the reach, make such a list too ("wireframes, prototypes, user
		// journeys, sitemaps, personas": session 34)
		near = near || others >= 2
		if near {
			out = append(out, hit{id: fuzzyCandidate - h.id, tok: h.tok, end: h.end})
		}
	}
	return out
}

// joinedAt says whether the words at i and i+1 are two capitalised words
// apart ("Elastic Search") that together spell a one-word alias.
func (f *fuzzyIndex) joinedAt(s, lower string, toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	a, b := toks[i], toks[i+1]
	if a.punct != 0 || b.punct != 0 || b.flags&(fGlued|fHard|fBlock|fSent) != 0 {
		return false
	}
	if c := s[a.start]; c < 'A' || c > 'Z' {
		return false
	}
	if c := s[b.start]; c < 'A' || c > 'Z' {
		return false
	}
	if a.end-a.start < 2 {
		return false
	}
	if c0, c1 := lower[a.start], lower[a.start+1]; c0 < 'a' || c0 > 'z' || c1 < 'a' || c1 > 'z' || !f.first[int(c0-'a')*26+int(c1-'a')] {
		return false
	}
	var buf [64]byte
	return f.joined(lower[a.start:a.end], lower[b.start:b.end], buf[:0]) >= 0
}
