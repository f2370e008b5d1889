package normalize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAliasTokens bounds the length of an alias in tokens.
const maxAliasTokens = 12

// idBlocker marks a phrase that is never a skill ("R&D", "go-to-market"): it
// consumes its words so that shorter aliases inside it do not match.
const idBlocker = -1

// trieNode is one state of the alias trie; edges are folded tokens.
type trieNode struct {
	next map[string]*trieNode
	acc  []accept
}

// accept is an alias that ends at a node.
type accept struct {
	id    int32    // skill or degree index, or idBlocker
	exact []string // the alias tokens as written, for case-sensitive aliases
	glue  []bool   // per token: must touch the previous one (punctuation)
	among bool     // counts only within a few words of another skill ("~Cursor")
}

// matcher finds aliases in token streams: one pass, leftmost-longest.
type matcher struct {
	root  trieNode
	fuzzy fuzzyIndex
	// camel maps a name of several words written together ("reactnative")
	// to its skill, for a word written in CamelCase ("ReactNative").
	camel map[string]int32
	// first has the bit keyHash(k) set for every key k of root.next: most
	// words of a text start no alias, and the bit test (in a small table)
	// turns them away without a lookup in the large root map.
	first [1 << 16 / 64]uint64
	// rootHead and rootEnt are root.next as a table chained by keyHash
	// (rootNext): a text's token that passes first is looked up there
	// without hashing its key again, as the map would.
	rootHead [1 << 12]int32 // 1 + the index in rootEnt of the chain's first entry, or 0
	rootEnt  []rootEntry
}

// rootEntry is a key of root.next in matcher's table.
type rootEntry struct {
	key  string
	nd   *trieNode
	h    uint16 // keyHash(key)
	next int32  // 1 + the index of the chain's next entry, or 0
}

// keyHash is a cheap 16-bit hash of a trie key, read in constant time:
// its length and its first, middle and last bytes, mixed by a
// multiplication (a word of a text is looked up once per token).
func keyHash(k string) uint32 {
	if k == "" {
		return 0
	}
	h := uint32(len(k)) | uint32(k[0])<<8 | uint32(k[len(k)/2])<<16 | uint32(k[len(k)-1])<<24
	h *= 0x9e3779b1
	return h >> 16
}

// rootNext is root.next[key]: the node after an alias's first key, or nil.
func (m *matcher) rootNext(key string) *trieNode {
	h := keyHash(key)
	if m.first[h>>6]&(1<<(h&63)) == 0 {
		return nil
	}
	for e := m.rootHead[h%uint32(len(m.rootHead))]; e != 0; {
		x := &m.rootEnt[e-1]
		if x.h == uint16(h) && x.key == key {
			return x.nd
		}
		e = x.next
	}
	return nil
}

// add compiles one alias. Hyphens are dropped from skill aliases (a text
// hyphen may always be skipped) but kept in blockers.
func (m *matcher) add(alias string, id int32) {
	exact, among := caseSensitive(alias), listOnly(alias)
	alias = aliasText(alias)
	toks := tokenize(alias, nil)
	keep := toks[:0]
	for _, t := range toks {
		if t.punct == '-' && id != idBlocker {
			continue
		}
		keep = append(keep, t)
	}
	if len(keep) == 0 || len(keep) > maxAliasTokens {
		return
	}
	lower := string(asciiLower(alias, nil))
	if !exact && len(keep) == 1 && keep[0].punct == 0 {
		m.fuzzy.add(lower[keep[0].start:keep[0].end], id)
	}
	if !exact && id != idBlocker && len(keep) >= 2 && len(keep) <= 3 {
		m.addCamel(lower, keep, id)
	}
	a := accept{id: id, glue: make([]bool, len(keep)), among: among}
	if exact {
		a.exact = make([]string, len(keep))
	}
	nd := &m.root
	for i, t := range keep {
		key := tokenKey(lower, t)
		if i == 0 {
			h := keyHash(key)
			m.first[h>>6] |= 1 << (h & 63)
		}
		if nd.next == nil {
			nd.next = map[string]*trieNode{}
		}
		c := nd.next[key]
		if c == nil {
			c = &trieNode{}
			nd.next[key] = c
			if i == 0 {
				h := keyHash(key)
				slot := &m.rootHead[h%uint32(len(m.rootHead))]
				m.rootEnt = append(m.rootEnt, rootEntry{key: key, nd: c, h: uint16(h), next: *slot})
				*slot = int32(len(m.rootEnt))
			}
		}
		nd = c
		if exact {
			a.exact[i] = alias[t.start:t.end]
		}
		if i > 0 && t.flags&fGlued != 0 && (t.punct != 0 || keep[i-1].punct != 0) {
			a.glue[i] = true
		}
	}
	for _, old := range nd.acc {
		if old.id == a.id && old.among == a.among && equalStrings(old.exact, a.exact) && equalBools(old.glue, a.glue) {
			return
		}
	}
	nd.acc = append(nd.acc, a)
	// Case-sensitive aliases are tried first.
	sort.SliceStable(nd.acc, func(i, j int) bool { return nd.acc[i].exact != nil && nd.acc[j].exact == nil })
}

// tokenKey is the trie key of a token: its lowered text, or its punctuation.
func tokenKey(lower string, t token) string {
	if t.punct != 0 {
		return punctKey[t.punct]
	}
	return lower[t.start:t.end]
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// hit is one alias found in a text.
type hit struct {
	id  int32
	tok int // index of the first token
	end int // index of the token after the last
}

// scan is the state of one search.
type scan struct {
	s     string
	lower string
	toks  []token
	path  [maxAliasTokens]int32
	best  int     // end (token index) of the longest accepted alias
	acc   *accept // its accept
	buf   [64]byte
	cjk   bool // the text is in a language written without spaces (zh, ja, ko)
}

// find appends to hits every alias in toks, leftmost-longest.
func (m *matcher) find(s, lower string, toks []token, hits []hit) (out []hit) {
	return m.findIn(s, lower, toks, hits, "")
}

// latinLanguages are the languages Language tells apart that are written in
// the Latin script, English aside.
var latinLanguages = map[string]bool{
	"de": true, "fr": true, "es": true, "it": true, "nl": true, "pt": true, "sv": true, "pl": true, "da": true, "nb": true,
}

// findIn is find for a text in language lang (Language's code; "" when
// unknown). A text in another language written in the Latin script gets no
// guesses made for English: no misspelling repair ("Postgress", "Elastic
// Search": a word of the language may be one letter from a tool), and a
// case-sensitive one-word name ("Go", "Spark") that starts a sentence
// counts only before a conjunction or a non-word: the English words that may
// follow a name there (skillNextWords) do not apply. Names as written,
// phrases and the language's own cues still count.
// In a text in another script (zh, ja, ko, ru, el) the words in Latin
// letters are names, so the repair stays.
func (m *matcher) findIn(s, lower string, toks []token, hits []hit, lang string) (out []hit) {
	sc := scan{s: s, lower: lower, toks: toks, cjk: lang == "zh" || lang == "ja" || lang == "ko"}
	guess := !latinLanguages[lang]
	fuzzy := false
	defer func() {
		if fuzzy {
			out = keepFuzzy(out)
		}
	}()
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.punct == '-' {
			i++
			continue
		}
		c := m.rootNext(tokenKey(lower, t))
		if c == nil {
			if id := m.camelAt(s, lower, t); id >= 0 {
				hits = append(hits, hit{id: id, tok: i, end: i + 1})
				i++
				continue
			}
			if id := m.versionedAt(&sc, i); id >= 0 {
				hits = append(hits, hit{id: id, tok: i, end: i + 1})
				i++
				continue
			}
			if x := s[t.start]; x < 'A' || x > 'Z' || t.punct != 0 || !guess {
				i++
				continue // misspelled or split names are capitalised
			}
			if id, joined := m.fuzzyAt(s, lower, toks, i, sc.buf[:0]); id >= 0 {
				if joined {
					hits = append(hits, hit{id: id, tok: i, end: i + 2})
					i++
				} else {
					hits = append(hits, hit{id: fuzzyCandidate - id, tok: i, end: i + 1})
					fuzzy = true
				}
			}
			i++
			continue
		}
		sc.best, sc.acc = 0, nil
		sc.path[0] = int32(i)
		sc.walk(c, i+1, 1, true)
		if x := s[t.start]; guess && x >= 'A' && x <= 'Z' && sc.best <= i+1 && m.fuzzy.joinedAt(s, lower, toks, i) {
			// "Elastic Search": the two words together are one name.
			n := toks[i+1]
			hits = append(hits, hit{id: m.fuzzy.joined(lower[t.start:t.end], lower[n.start:n.end], sc.buf[:0]), tok: i, end: i + 2})
			i += 2
			continue
		}
		if sc.acc == nil {
			i++
			continue
		}
		if sc.acc.id != idBlocker {
			if sc.best == i+1 && sc.acc.exact != nil && t.flags&(fSent|fBlock) != 0 && titleWord(s[t.start:t.end]) &&
				(guess && sentenceVerb(s, toks, i+1) || !guess && nextLower(s, toks, i+1)) {
				// "Go deeper", "Search for": a capitalised word at the
				// start of a sentence followed by a lowercase word is
				// English, not the skill. In another language only the
				// English words that may follow a name (skillNextWords)
				// are unknown: any lower-case word but a conjunction
				// makes it read as a sentence.
				i++
				continue
			}
			if sc.best == i+1 && sc.acc.exact != nil && firstNames[s[t.start:t.end]] && surnameAt(s, toks, i+1) {
				// "kontakta Julia Minges", "Ruby Chen": a person's first
				// name before a surname, not the language
				i++
				continue
			}
			if sc.best == i+1 && sc.acc.exact != nil && shoutedWords[s[t.start:t.end]][lang] {
				// "OM OSS" (about us) in a Swedish, Norwegian or Danish
				// text: a word of the language written in capitals, not
				// the acronym
				i++
				continue
			}
			if sc.best == i+1 && sc.acc.exact != nil && t.end-t.start == 1 && licenceClass(lower, toks, i) {
				// "Førerkort klasse C/C1", "C-körkort": a driving licence
				// class, not the language C
				i++
				continue
			}
			if sc.best == i+1 && fileExtension(s, toks, i) {
				// "{% include job/status_alert.html %}", "index.html": a
				// file's extension, not the language
				i++
				continue
			}
			if sc.best == i+1 && sc.acc.exact != nil && dottedName(s, toks, i) {
				// "Energi.AI", "Character.AI": an acronym glued by a dot
				// after a word ends a company's or a domain's name
				i++
				continue
			}
			if sc.best == i+1 && sc.acc.exact != nil && currencyAt(s, toks, i) {
				// "R$ 1144,00", "C$120,000", "CAD $133,000", "PHP 50,000",
				// "66,080 CAD": a currency's code or sign beside an
				// amount, not the language or the design software
				i++
				continue
			}
			if sc.best == i+1 && sc.acc.exact != nil && t.end-t.start == 1 && (gluedLetter(s, int(t.end)) || postalDistrict(s, toks, i) ||
				dottedAcronym(s, int(t.start), int(t.end))) {
				// "C’est", "C•CURE": a one-letter name glued by an
				// apostrophe or a dot to a word is part of that word.
				i++
				continue
			}
			if sc.acc.among {
				// kept by keepFuzzy only next to a skill that counts alone
				hits = append(hits, hit{id: fuzzyCandidate - sc.acc.id, tok: i, end: sc.best})
				fuzzy = true
			} else {
				hits = append(hits, hit{id: sc.acc.id, tok: i, end: sc.best})
			}
		}
		i = sc.best
	}
	return m.familyItems(s, lower, toks, hits)
}

// walk visits the trie from nd, which was reached by depth tokens ending
// before pos.
func (sc *scan) walk(nd *trieNode, pos, depth int, accepts bool) {
	if accepts && len(nd.acc) > 0 {
		end := int(sc.path[depth-1]) + 1
		if end > sc.best {
			for k := range nd.acc {
				if sc.ok(&nd.acc[k], depth) {
					sc.best, sc.acc = end, &nd.acc[k]
					break
				}
			}
		}
	}
	if nd.next == nil || pos >= len(sc.toks) || depth == maxAliasTokens {
		return
	}
	t := sc.toks[pos]
	if t.flags&(fHard|fBlock) != 0 {
		return
	}
	if t.punct == '-' {
		if c := nd.next["-"]; c != nil {
			sc.path[depth] = int32(pos)
			sc.walk(c, pos+1, depth+1, true)
		}
		sc.walk(nd, pos+1, depth, false)
		return
	}
	c := nd.next[tokenKey(sc.lower, t)]
	if c == nil {
		return
	}
	sc.path[depth] = int32(pos)
	sc.walk(c, pos+1, depth+1, true)
}

// ok checks the case and the glue of an alias against the matched tokens.
func (sc *scan) ok(a *accept, depth int) bool {
	if len(a.glue) != depth {
		return false
	}
	for i := 1; i < depth; i++ {
		if a.glue[i] && sc.toks[sc.path[i]].flags&fGlued == 0 {
			return false
		}
	}
	if a.exact != nil {
		for i := 0; i < depth; i++ {
			t := sc.toks[sc.path[i]]
			if t.punct != 0 {
				continue
			}
			if w := sc.s[t.start:t.end]; w != a.exact[i] && !sc.cjkName(w, a.exact[i], depth, int(sc.path[i])) {
				return false
			}
		}
	}
	return true
}

// cjkName says whether w, a word of a case-sensitive one-word alias
// written in lower case, is the name all the same: in a text in Chinese,
// Japanese or Korean, a word in Latin letters next to a character of that
// script is not English ("掌握rust基本用法", "golang、rust 更佳").
// One-letter names ("c端") are left out.
func (sc *scan) cjkName(w, exact string, depth, i int) bool {
	if !sc.cjk || depth != 1 || len(w) < 2 || !strings.EqualFold(w, exact) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'a' || w[k] > 'z' {
			return false
		}
	}
	t := sc.toks[i]
	for _, j := range [2]int{i - 1, i + 1} {
		if j < 0 || j >= len(sc.toks) || sc.toks[j].block != t.block {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(sc.s[sc.toks[j].start:]); isCJK(r) {
			return true
		}
	}
	return false
}

// Skills returns the canonical names of every skill named in text, sorted,
// without regard to sections.
func (n *Normalizer) Skills(text string) []string {
	lower := asciiLowerString(text)
	toks := tokenize(text, make([]token, 0, len(text)/5+8))
	hits := n.m.find(text, lower, toks, make([]hit, 0, 64))
	seen := make([]bool, len(n.names))
	for _, h := range hits {
		if int(h.id) < len(n.names) {
			seen[h.id] = true
		}
	}
	out := []string{}
	for i, ok := range seen {
		if ok {
			out = append(out, n.names[i])
		}
	}
	return out
}

// skillNextWords may follow a skill named at the start of a sentence ("Go
// experience", "Search and ranking").
var skillNextWords = map[string]bool{
	"and": true, "or": true, "is": true, "are": true, "was": true, "experience": true, "programming": true,
	"language": true, "languages": true, "development": true, "developer": true, "developers": true,
	"code": true, "coding": true, "skills": true, "proficiency": true, "expertise": true, "knowledge": true,
	"services": true, "applications": true, "microservices": true, "backend": true, "engineering": true,
	"engineer": true, "engineers": true, "jobs": true, "pipelines": true, "clusters": true, "apis": true,
	"systems": true, "infrastructure": true, "ranking": true, "relevance": true, "quality": true,
	"preferred": true, "required": true, "a": false,
}

// titleWord says whether w is capitalised and otherwise lower case ("Go",
// "Search"), like an ordinary word at the start of a sentence; acronyms
// ("ML", "BS") are not.
func titleWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// nextLower says whether the token at i is a word that starts with a
// lower-case letter, in the same sentence, other than a conjunction.
func nextLower(s string, toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if t.punct != 0 || t.flags&(fHard|fBlock|fSent) != 0 {
		return false
	}
	if conjunctions[s[t.start:t.end]] {
		return false // "Go und Python": a list of names
	}
	r, _ := utf8.DecodeRuneInString(s[t.start:])
	return unicode.IsLower(r)
}

// conjunctions join names in a list in the languages of Language.
var conjunctions = map[string]bool{
	"and": true, "or": true, "und": true, "oder": true, "et": true, "ou": true, "y": true, "o": true, "e": true,
	"en": true, "of": true, "och": true, "eller": true, "og": true, "i": true, "lub": true, "oraz": true,
}

// sentenceVerb says whether the token at i (after a single-word skill that
// starts a sentence) is a lowercase word that makes the skill read as an
// ordinary English word.
func sentenceVerb(s string, toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if t.punct != 0 || t.flags&(fHard|fBlock|fSent) != 0 {
		return false
	}
	c := s[t.start]
	if c < 'a' || c > 'z' {
		return false
	}
	return !skillNextWords[s[t.start:t.end]]
}

// companySuffixes may follow a company's name without being part of what
// it is called ("Palantir Technologies", "Acme Inc.").
var companySuffixes = []string{
	"inc", "technologies", "technology", "labs", "ai", "io", "hq", "group", "gmbh", "ltd", "llc", "corp",
	"corporation", "company", "co", "se", "ag", "sa", "bv", "ab", "as", "asa", "software",
}

// toolCue are words that ask for a tool by the word after them
// ("experience with GitHub", "knowledge of Figma").
var toolCue = map[string]bool{
	"experience": true, "experienced": true, "familiarity": true, "familiar": true, "knowledge": true,
	"proficiency": true, "proficient": true, "expertise": true, "skills": true, "comfortable": true, "fluent": true,
	"fluency": true, "working": true, "expert": true, "skilled": true, "work": true,
}

// asTool says whether the word at token i is asked for as a tool:
// "using GitHub", "experience with GitHub", "knowledge of Figma"; not "in
// accordance with Figma's notice".
func asTool(text string, toks []token, i int) bool {
	word := func(k int) string {
		if k < 0 || toks[k].punct != 0 {
			return ""
		}
		return strings.ToLower(text[toks[k].start:toks[k].end])
	}
	if i == 0 || toks[i].flags&(fSent|fBlock) != 0 {
		return false
	}
	if w := word(i - 1); (w == "the" || w == "a" || w == "an") && i >= 2 && toks[i-1].flags&(fSent|fBlock) == 0 {
		i-- // "comfortable with the GitHub API"
	}
	switch word(i - 1) {
	case "using", "use":
		return true
	case "with", "of", "in":
		return i >= 2 && toks[i-1].flags&(fSent|fBlock) == 0 && toolCue[word(i-2)]
	case "and", "or":
		// "experience working with git and GitHub"
		for k := i - 2; k >= 0 && k >= i-6; k-- {
			if w := word(k); w == "with" || w == "using" || toolCue[w] {
				return true
			}
			if toks[k].flags&(fSent|fBlock) != 0 {
				break
			}
		}
	}
	return false
}

// besideTool says whether the hit h is joined by "and", "or", "&" or "/"
// to another named skill right before or after it, in a sentence that
// asks for a tool: the company's product listed with a tool is asked for
// as one ("Interest in Git and GitHub", "Exposure to software version
// control systems/Git and GitHub"); not "Do you want to help us scale Git
// and GitHub", which asks for nothing.
func besideTool(hits []hit, text string, toks []token, h hit) bool {
	cue := false
	for k := h.tok - 1; k >= 0 && k >= h.tok-12 && !cue; k-- {
		w := strings.ToLower(text[toks[k].start:toks[k].end])
		cue = toolCue[w] || w == "interest" || w == "exposure" || w == "using"
		if toks[k].flags&(fSent|fBlock) != 0 {
			break
		}
	}
	if !cue {
		return false
	}
	join := func(k int) bool {
		if k < 0 || k >= len(toks) || toks[k].flags&(fSent|fBlock) != 0 {
			return false
		}
		if toks[k].punct == '/' || toks[k].punct == '&' {
			return true
		}
		switch strings.ToLower(text[toks[k].start:toks[k].end]) {
		case "and", "or", "und", "oder", "og", "och", "eller", "et", "ou", "y", "o":
			return true
		}
		return false
	}
	for _, o := range hits {
		if o.tok == h.tok || o.end <= o.tok {
			continue
		}
		if o.end == h.tok-1 && join(h.tok-1) && toks[h.tok].flags&(fSent|fBlock) == 0 {
			return true // "Git and GitHub"
		}
		if o.tok == h.end+1 && join(h.end) && o.tok < len(toks) && toks[o.tok].flags&(fSent|fBlock) == 0 {
			return true // "GitHub and Git"
		}
	}
	return false
}

// sameLetters says whether a and b spell the same letters and digits,
// case and everything else aside ("GitHub" and "Git-Hub"), without
// allocating.
func sameLetters(a, b string) bool {
	next := func(s string, i int) (rune, int) {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r), i
			}
		}
		return -1, i
	}
	i, j, n := 0, 0, 0
	for {
		var x, y rune
		x, i = next(a, i)
		y, j = next(b, j)
		if x != y {
			return false
		}
		if x < 0 {
			return n >= 3 // a name of three letters or more
		}
		n++
	}
}

// companyNames returns the company's name and, when the rest of it is a
// corporate suffix ("Palantir Technologies"), its first word.
func companyNames(company string) (full, first string) {
	company = strings.TrimSpace(company)
	w, rest, ok := strings.Cut(company, " ")
	if !ok {
		return company, ""
	}
	for rest != "" {
		var x string
		x, rest, _ = strings.Cut(rest, " ")
		x = strings.Trim(x, ".,()")
		if x == "" {
			continue
		}
		suffix := false
		for _, sfx := range companySuffixes {
			suffix = suffix || strings.EqualFold(x, sfx)
		}
		if !suffix {
			return company, ""
		}
	}
	return company, w
}

// ownName marks, in skill, the hits that spell the company's own name as
// mentioned only: a posting of GitHub or Figma names the company, not a
// tool asked of the candidate ("GitHub Engineering is highly distributed,
// so you should ...", "At Figma, ... your past experience"), unless it
// stands as the object of a tool ("experience with GitHub").
func ownName(hits []hit, text string, toks []token, company string, skill []class) {
	full, first := companyNames(company)
	if full == "" {
		return
	}
	for _, h := range hits {
		if h.end <= h.tok || h.end > len(toks) {
			continue
		}
		k := text[toks[h.tok].start:toks[h.end-1].end]
		if c0 := k[0] | 0x20; c0 != full[0]|0x20 && (first == "" || c0 != first[0]|0x20) {
			continue // cheap: the first letters differ
		}
		if !sameLetters(k, full) && (first == "" || !sameLetters(k, first)) {
			continue
		}
		if asTool(text, toks, h.tok) || besideTool(hits, text, toks, h) {
			continue // "familiarity with GitHub": the company's product as a tool
		}
		for t := h.tok; t < h.end; t++ {
			skill[t] = clsMentioned
		}
	}
}

// postalDistrict says whether the one-letter word at token i is the postal
// district after a city's name ("Ny Munkegade 120, Aarhus C", "1050
// København K"), not the language C or R: it follows a known city with
// nothing but a space between them and ends its sentence, line or clause.
func postalDistrict(s string, toks []token, i int) bool {
	t := toks[i]
	if i == 0 || t.flags&(fHard|fSent|fBlock|fGlued) != 0 || toks[i-1].punct != 0 {
		return false
	}
	if i+1 < len(toks) && toks[i+1].flags&(fHard|fSent|fBlock) == 0 {
		return false
	}
	p := toks[i-1]
	if c := s[p.start]; c < 'A' || c > 'Z' {
		return false
	}
	_, ok := knownCities[foldPlace(s[p.start:p.end])]
	return ok
}

// currencyAt says whether the word at token i, in capitals of one to
// three letters, names a currency: a letter glued to a dollar sign ("R$",
// "C$"), or three letters beside an amount: before a currency sign or a
// number of three digits or more ("CAD $133,000", "PHP 50,000"; not a
// version, "PHP 8.1"), or after such a number ("66,080 CAD").
func currencyAt(s string, toks []token, i int) bool {
	t := toks[i]
	n := int(t.end - t.start)
	if n != 1 && n != 3 {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if s[k] < 'A' || s[k] > 'Z' {
			return false
		}
	}
	rest := s[t.end:]
	if n == 1 {
		return strings.HasPrefix(rest, "$")
	}
	rest = strings.TrimLeft(rest, " \u00a0")
	if strings.HasPrefix(rest, "$") || strings.HasPrefix(rest, "€") || strings.HasPrefix(rest, "£") || amountDigits(rest) >= 3 {
		return true
	}
	if i == 0 || t.flags&(fSent|fBlock) != 0 {
		return false
	}
	p := toks[i-1]
	return int(p.end) <= int(t.start) && amountDigits(reverseAmount(s[:t.start])) >= 3
}

// amountDigits counts the digits that open s, read through the
// separators of a written amount ("133,000", "1 144,00"): 0 when s does
// not open with a digit.
func amountDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n++
		case (c == ',' || c == '.' || c == ' ') && n > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
		default:
			return n
		}
	}
	return n
}

// reverseAmount returns the amount that ends s (spaces before the word
// dropped), its digits and separators in reverse order, for amountDigits.
func reverseAmount(s string) string {
	s = strings.TrimRight(s, " \u00a0")
	i := len(s)
	for i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == ',' || s[i-1] == '.') {
		i--
	}
	b := []byte(s[i:])
	for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
		b[l], b[r] = b[r], b[l]
	}
	return string(b)
}

// gluedLetter says whether s at i holds an apostrophe or a middle dot or
// bullet followed by a letter: a French elision ("C’est", "c'était") or a
// product name written with a dot ("C•CURE"), not a one-letter name before
// it. A possessive "'s" before a non-letter ("R's ecosystem") is left alone.
// dottedAcronym says whether the one letter at [a, b) is a letter of an
// acronym written with dots ("H.E.A.R.T.", "C.A.R.E."): a dot after it
// and, before or after, a dot glued to another single letter (session
// 30). "R." alone ending a sentence, or "C. elegans", is none.
func dottedAcronym(s string, a, b int) bool {
	if b >= len(s) || s[b] != '.' {
		return false
	}
	before := a >= 2 && s[a-1] == '.' && isASCIILetter(s[a-2]) && (a == 2 || !isASCIILetter(s[a-3]))
	after := b+2 < len(s) && isASCIILetter(s[b+1]) && s[b+2] == '.'
	return before || after
}

func gluedLetter(s string, i int) bool {
	var n int
	switch {
	case strings.HasPrefix(s[i:], "'"):
		n = 1
	case strings.HasPrefix(s[i:], "’"), strings.HasPrefix(s[i:], "•"), strings.HasPrefix(s[i:], "·"):
		_, n = utf8.DecodeRuneInString(s[i:])
	default:
		return false
	}
	r, w := utf8.DecodeRuneInString(s[i+n:])
	if !unicode.IsLetter(r) {
		return false
	}
	if r == 's' || r == 'S' {
		r2, _ := utf8.DecodeRuneInString(s[i+n+w:])
		return unicode.IsLetter(r2)
	}
	return true
}

// addCamel records an alias of two or three words of letters ("React
// Native") by its words written together.
func (m *matcher) addCamel(lower string, keep []token, id int32) {
	var b strings.Builder
	for _, t := range keep {
		if t.punct != 0 {
			return
		}
		w := lower[t.start:t.end]
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				return
			}
		}
		b.WriteString(w)
	}
	if m.camel == nil {
		m.camel = map[string]int32{}
	}
	k := b.String()
	if old, ok := m.camel[k]; ok && old != id {
		m.camel[k] = -2 // two skills share it: never a match
		return
	}
	m.camel[k] = id
}

// camelAt returns the skill of a word written in CamelCase that spells a
// name of several words without their spaces ("ReactNative",
// "MachineLearning"), or -1.
func (m *matcher) camelAt(s, lower string, t token) int32 {
	if t.punct != 0 || m.camel == nil || t.end-t.start < 6 {
		return -1
	}
	w := s[t.start:t.end]
	if w[0] < 'A' || w[0] > 'Z' {
		return -1
	}
	inner := false
	for i := 1; i+1 < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			inner = true
			break
		}
	}
	if !inner {
		return -1
	}
	if id, ok := m.camel[lower[t.start:t.end]]; ok && id >= 0 {
		return id
	}
	return -1
}

// versionedAt returns the skill of a word that is a one-word name with its
// version glued to it ("Vue3", "Java8", "React18", "MySQL8", "Spark3",
// "Oracle19c", "Vue3.x", "iOS17", "Kotlin1.9"), when the word itself names
// nothing, or -1. The name must have three letters or more ("PS5" is a
// console, not Photoshop; "C1" a language level, "R2" a storage product;
// so "Go1.21" and "Qt5" stay unread) and be the whole of an alias, in its
// own case when the alias is case-sensitive; the version is digits, with
// dots between groups, and may end in "x" or "c".
func (m *matcher) versionedAt(sc *scan, i int) int32 {
	t := sc.toks[i]
	w := sc.s[t.start:t.end]
	if t.punct != 0 || len(w) < 4 || !isASCIIDigit(w[len(w)-1]) && !(isASCIIDigit(w[len(w)-2]) && strings.IndexByte("xXc", w[len(w)-1]) >= 0) {
		return -1
	}
	p := 0
	for p < len(w) && (w[p] >= 'a' && w[p] <= 'z' || w[p] >= 'A' && w[p] <= 'Z') {
		p++
	}
	if p < 3 || p == len(w) || !isASCIIDigit(w[p]) {
		return -1
	}
	for k := p; k < len(w); k++ {
		switch c := w[k]; {
		case isASCIIDigit(c):
		case c == '.' && k+1 < len(w) && isASCIIDigit(w[k+1]) && isASCIIDigit(w[k-1]):
		case k == len(w)-1 && strings.IndexByte("xXc", c) >= 0:
		default:
			return -1
		}
	}
	nd := m.rootNext(sc.lower[t.start : int(t.start)+p])
	if nd == nil {
		return -1
	}
	name := w[:p]
	for k := range nd.acc {
		a := &nd.acc[k]
		if a.id == idBlocker || a.among || len(a.glue) != 1 {
			continue
		}
		if a.exact != nil && name != a.exact[0] && !sc.cjkName(name, a.exact[0], 1, i) {
			continue
		}
		return a.id
	}
	return -1
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// jobNouns name a job after a practice ("DevOps Engineer", "Site
// Reliability Engineers").
var jobNouns = map[string]bool{"engineer": true, "engineers": true, "developer": true, "developers": true,
	"architect": true, "architects": true, "consultant": true, "consultants": true, "specialist": true,
	"specialists": true, "designer": true, "designers": true, "researcher": true, "researchers": true}

// jobTitles marks, in skill, a practice named as part of a job title as
// mentioned only: "a full-time role as Infrastructure Engineer, Site
// Reliability Engineer, DevOps Engineer" names jobs, not the practice
// asked of the candidate. Languages and tools keep counting ("Python
// Developer" asks for Python).
func (n *Normalizer) jobTitles(hits []hit, lower string, toks []token, skill []class) {
	for _, h := range hits {
		if h.id < 0 || int(h.id) >= len(n.names) || h.end >= len(toks) {
			continue
		}
		if c := n.tax.skills[h.id].Category; c != "practice" && c != "design" {
			continue // "Python Developer" asks for Python; "UX designers" are people
		}
		t := toks[h.end]
		if t.punct != 0 || t.flags&(fHard|fBlock|fSent) != 0 || !jobNouns[lower[t.start:t.end]] {
			continue
		}
		for k := h.tok; k < h.end; k++ {
			skill[k] = clsMentioned
		}
	}
}

// dottedName says whether the word at token i is glued by a '.' to the
// word before it ("Energi.AI"), and ends there: the last part of a name.
func dottedName(s string, toks []token, i int) bool {
	if i < 2 || toks[i].flags&(fGlued|fSent|fHard|fBlock) != fGlued {
		return false
	}
	d, w := toks[i-1], toks[i-2]
	if d.punct != '.' || d.flags&fGlued == 0 || w.punct != 0 || w.end-w.start < 2 {
		return false
	}
	if i+1 < len(toks) && toks[i+1].flags&fGlued != 0 && toks[i+1].punct != ',' && toks[i+1].punct != ')' {
		return false
	}
	for _, r := range s[w.start:w.end] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// shoutedWords are case-sensitive acronyms of skills that are ordinary
// words of a language when a heading is written in capitals, with the
// languages (Language's codes) in which they are: "OM OSS" is "about us".
var shoutedWords = map[string]map[string]bool{
	"OSS": {"sv": true, "nb": true, "nn": true, "da": true},
}

// firstNames are case-sensitive names of skills that are also people's
// first names.
var firstNames = map[string]bool{"Julia": true, "Ruby": true, "Jade": true, "Ada": true, "Crystal": true}

// surnameAt says whether the token at i is a capitalised word, lower case
// after its first letter, in the same sentence and right after the one
// before it: a surname after a first name ("Julia Minges"). A capitalised
// conjunction-free list ("Julia, Python") has a comma between them.
func surnameAt(s string, toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if t.punct != 0 || t.flags&(fHard|fBlock|fSent|fGlued) != 0 || t.end-t.start < 2 {
		return false
	}
	for k, r := range s[t.start:t.end] {
		if k == 0 && !unicode.IsUpper(r) || k > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	// "Julia Developer", "Ruby Programming": the skill, not a person
	return !jobNouns[strings.ToLower(s[t.start:t.end])] && !skillHeads[strings.ToLower(s[t.start:t.end])]
}

// skillHeads are words that follow a language's name in a skill phrase.
var skillHeads = map[string]bool{
	"programming": true, "programmer": true, "programmers": true, "code": true, "coding": true, "skills": true,
	"experience": true, "knowledge": true, "expertise": true, "language": true, "ecosystem": true, "packages": true,
	"libraries": true, "development": true, "proficiency": true, "background": true,
	"kenntnisse": true, "erfahrung": true, "erfaring": true, "erfarenhet": true, "kunskap": true, "kunnskap": true,
	"kendskab": true, "programmering": true, "programmierung": true, "entwicklung": true, "utvikling": true, "utveckling": true,
}

// licenceWords name a driving licence or its class in the languages of
// the corpus.
var licenceWords = map[string]bool{
	"klasse": true, "klass": true, "class": true, "kategori": true, "category": true, "førerkort": true,
	"förarbevis": true, "körkort": true, "kørekort": true, "führerschein": true, "führerscheinklasse": true,
	"sertifikat": true, "licence": true, "license": true, "permis": true, "carnet": true, "truckkort": true,
	"chaufförkort": true, "yrkessjåførkompetanse": true,
}

// licenceClass says whether the one-letter word at token i is the class of
// a driving licence: a licence word is among the two words before it
// ("førerkort klasse C", "B- og C-sertifikat"), or one follows it
// ("C-körkort", "C1").
func licenceClass(lower string, toks []token, i int) bool {
	word := func(k int) string {
		if k < 0 || k >= len(toks) || toks[k].punct != 0 {
			return ""
		}
		return lower[toks[k].start:toks[k].end]
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if w := word(k); w != "" {
			if licenceWords[strings.ToLower(w)] {
				return true
			}
		}
		if toks[k+1].flags&(fBlock|fSent) != 0 {
			break
		}
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if toks[k].flags&(fBlock|fSent) != 0 {
			break
		}
		w := strings.ToLower(word(k))
		if licenceWords[w] || w == "c1" || w == "ce" || w == "be" || w == "c1e" || w == "d1" {
			return true
		}
		if strings.HasSuffix(w, "sertifikat") || strings.HasSuffix(w, "körkort") || strings.HasSuffix(w, "kørekort") ||
			strings.HasSuffix(w, "førerkort") {
			return true
		}
		if toks[k].punct == 0 {
			break // only the first word after it
		}
	}
	return false
}

// uxPeople are nouns after "UX" that make it name a team, its people or
// its problems ("UI/UX teams", "complex UX challenges"), not the
// discipline asked of the candidate.
var uxPeople = map[string]bool{
	"team": true, "teams": true, "colleagues": true, "folks": true, "people": true, "department": true,
	"challenge": true, "challenges": true, "problems": true, "issues": true, "writer": true, "writers": true,
}

// uxQualities are adjectives before "UX" that make it the quality of a
// product ("good and bad UX", "a seamless UX"), not the discipline.
var uxQualities = map[string]bool{
	"good": true, "bad": true, "great": true, "poor": true, "better": true, "seamless": true, "smooth": true,
	"intuitive": true, "delightful": true, "excellent": true, "best": true, "awesome": true,
}

// uxAsQuality marks, in skill, a bare "UX" that names a product's
// quality or a team ("You can distinguish between good and bad UX",
// "collaborate with UI/UX teams", "complex UX challenges") as mentioned:
// "experience in UX", "Kenntnisse in UX" still ask for UX Design.
func (n *Normalizer) uxAsQuality(hits []hit, text, lower string, toks []token, skill []class) {
	for _, h := range hits {
		if h.id < 0 || int(h.id) >= len(n.names) || h.end != h.tok+1 || n.names[h.id] != "UX Design" {
			continue
		}
		t := toks[h.tok]
		if text[t.start:t.end] != "UX" {
			continue
		}
		people := false
		if k := h.end; k < len(toks) && toks[k].punct == 0 && toks[k].flags&(fHard|fBlock|fSent) == 0 {
			people = uxPeople[lower[toks[k].start:toks[k].end]]
		}
		quality := false
		if k := h.tok - 1; k >= 0 && toks[k].punct == 0 && t.flags&(fHard|fBlock|fSent) == 0 {
			quality = uxQualities[lower[toks[k].start:toks[k].end]]
		}
		if people || quality {
			skill[h.tok] = clsMentioned
		}
	}
}

// fileExtension says whether the word at token i is a file name's
// extension: lower case, glued by a '.' to the word before it
// ("status_alert.html", "main.py"), and no glued word after it.
func fileExtension(s string, toks []token, i int) bool {
	t := toks[i]
	if i < 2 || t.flags&fGlued == 0 || t.end-t.start < 2 || t.end-t.start > 5 {
		return false
	}
	d, w := toks[i-1], toks[i-2]
	if d.punct != '.' || d.flags&fGlued == 0 || w.punct != 0 || d.flags&(fSent|fHard|fBlock) != 0 {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if c := s[k]; c < 'a' || c > 'z' {
			return false
		}
	}
	if i+1 < len(toks) && toks[i+1].flags&fGlued != 0 && toks[i+1].punct == 0 {
		return false
	}
	return true
}

// uiBesideUX adds UI Design where "UI" is named beside "UX" as its own
// discipline ("UI/UX", "UX/UI design", "UI | UX", "UI and UX"): the pair
// names both, as a list does ("Python, Java" labels each). The UX
// Design hit may span the pair ("UI/UX design"); UI Design takes its
// place, and so its class ("UI/UX teams" stays mentioned).
func (n *Normalizer) uiBesideUX(hits []hit, text, lower string, toks []token) []hit {
	ux, ui := n.design[0], n.design[1]
	if ux < 0 || ui < 0 {
		return hits
	}
	for _, h := range hits {
		if h.id != ux {
			continue
		}
		pair := false
		for k := h.tok; k < h.end && !pair; k++ {
			pair = text[toks[k].start:toks[k].end] == "UI"
		}
		if !pair {
			p := h.tok - 1
			if p >= 0 && toks[p].punct == '/' || p >= 0 && toks[p].punct == '&' {
				p--
			} else if p >= 0 && toks[p].punct == 0 && pairWords[lower[toks[p].start:toks[p].end]] {
				p--
			}
			pair = p >= 0 && p < h.tok && toks[p].block == toks[h.tok].block && text[toks[p].start:toks[p].end] == "UI" &&
				toks[p+1].flags&fSent == 0
		}
		if pair {
			hits = append(hits, hit{id: ui, tok: h.tok, end: h.tok + 1})
		}
	}
	return hits
}

// pairWords join two names of a pair ("UI and UX", "UI og UX").
var pairWords = wordSet("and or og och und oder et ou y o e eller en of")

// isLowerWord says whether w is two letters a-z or more.
func isLowerWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// listedLowerNames adds a language whose case-sensitive name is written in
// lower case as an item of a list of named skills ("C/C++, Python, go,
// etc.", "java, python, rust"): next to another skill's name, with only a
// comma or a slash between them, "go" and "rust" are the languages, not the
// English words (issue 9: words that are skills only in context).
func (n *Normalizer) listedLowerNames(hits []hit, text string, toks []token) []hit {
	if len(n.lowerNames) == 0 || len(hits) == 0 {
		return hits
	}
	var edge []uint8 // per token: 1 a name starts there, 2 a name ends before it
	nh := len(hits)
	for i, t := range toks {
		if t.punct != 0 || t.end-t.start < 2 || t.end-t.start > 8 || !listPlace(toks, i) {
			continue // most words stand beside no comma or slash
		}
		id, ok := n.lowerNames[text[t.start:t.end]] // written in lower case exactly
		if !ok {
			continue
		}
		if edge == nil {
			edge = make([]uint8, len(toks)+2)
			for _, h := range hits[:nh] {
				if h.id >= 0 && int(h.id) < len(n.names) {
					edge[h.tok] |= 1
					edge[h.end] |= 2
				}
			}
		}
		if n.listedAt(hits[:nh], edge, toks, i) {
			hits = append(hits, hit{id: id, tok: i, end: i + 1})
			edge[i] |= 1
			edge[i+1] |= 2 // "java, python, rust, go": the list goes on
		}
	}
	return hits
}

// listedAt says whether token i, uncovered by hits, stands next to a
// named skill with only a comma or a slash between them.
func (n *Normalizer) listedAt(hits []hit, edge []uint8, toks []token, i int) bool {
	for _, h := range hits {
		if h.tok <= i && i < h.end {
			return false
		}
	}
	comma := func(b int) bool {
		return b < len(toks) && toks[b].flags&fClause != 0 && toks[b].flags&(fSent|fBlock) == 0
	}
	slash := func(s int) bool {
		return s >= 0 && s+1 < len(toks) && toks[s].punct == '/' && toks[s+1].flags&(fHard|fSent|fBlock) == 0
	}
	// the word opens a list item or follows a separator: "go, Python"
	// may then be a list, "Ready to go, Python is ..." is not
	opens := toks[i].flags&(fHard|fBlock|fClause) != 0 || i >= 1 && toks[i-1].punct == '/'
	switch {
	case edge[i]&2 != 0 && comma(i): // "Python, go"
		return true
	case i >= 1 && edge[i-1]&2 != 0 && slash(i-1): // "C++/go"
		return true
	case opens && edge[i+1]&1 != 0 && comma(i+1): // "go, Python"
		return true
	case opens && i+2 < len(edge) && edge[i+2]&1 != 0 && slash(i+1): // "go/Python"
		return true
	}
	return false
}

// listPlace says, on flags only, whether token i stands beside a comma or
// a slash: the places listedAt reads.
func listPlace(toks []token, i int) bool {
	if toks[i].flags&fClause != 0 || i >= 1 && toks[i-1].punct == '/' {
		return true
	}
	return i+1 < len(toks) && (toks[i+1].flags&fClause != 0 || toks[i+1].punct == '/')
}

// starNix reads "*nix" and "*Nix" (Unix and the systems like it, "Linux/*nix
// administration") as Unix, not as the Nix package manager: a Nix hit, or
// the word "nix" in any case, right after an asterisk.
func (n *Normalizer) starNix(hits []hit, text string, toks []token) []hit {
	if n.unix[0] < 0 || !strings.Contains(text, "*") {
		return hits
	}
	star := func(i int) bool {
		st := toks[i].start
		// not markdown's bold ("**Nix**")
		return st > 0 && text[st-1] == '*' && (st == 1 || text[st-2] != '*') && toks[i].end-st == 3 &&
			strings.EqualFold(text[st:toks[i].end], "nix")
	}
	nh := len(hits)
	for i, t := range toks {
		if t.punct != 0 || !star(i) {
			continue // most texts have no "*nix": nothing is allocated
		}
		found := false
		for k := range hits[:nh] {
			if h := hits[k]; h.tok == i && h.end == i+1 {
				found = true
				if h.id == n.unix[1] {
					hits[k].id = n.unix[0]
				}
			}
		}
		if !found {
			hits = append(hits, hit{id: n.unix[0], tok: i, end: i + 1})
		}
	}
	return hits
}
