package normalize

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// tokFlag describes what separates a token from the one before it.
type tokFlag uint8

const (
	fGlued  tokFlag = 1 << iota // nothing (no space, no separator) between the previous token and this one
	fHard                       // a separator (comma, parenthesis, colon, ...) before this token
	fColon                      // a ':' before this token
	fSent                       // a sentence boundary before this token
	fBlock                      // first token of a block (line)
	fClause                     // a clause comma before this token ("，" or ",")
)

// token is one word or one meaningful punctuation mark of a text. Words are
// runs of letters and digits, with a trailing "++" or "#" kept ("C++", "C#").
// Punctuation tokens are / . & ' + and a hyphen that joins two words.
type token struct {
	start, end int32
	block      int32
	punct      byte // 0 for a word
	flags      tokFlag
}

// punctKey is the trie key of a punctuation token.
var punctKey = [256]string{'/': "/", '.': ".", '&': "&", '\'': "'", '+': "+", '-': "-"}

// asciiAlnum has the bytes isASCIIAlnum says yes to.
var asciiAlnum = func() (m [256]bool) {
	for c := range m {
		m[c] = isASCIIAlnum(byte(c))
	}
	return m
}()

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// asciiLowerString is asciiLower's result as a string, made without a
// second copy of the text: the bytes are new and never written again.
func asciiLowerString(s string) string {
	if s == "" {
		return ""
	}
	b := asciiLower(s, make([]byte, 0, len(s)))
	return unsafe.String(&b[0], len(b))
}

// asciiLower writes s with ASCII letters lowered into buf (same length as s)
// and returns it, so that byte offsets agree between s and the result.
func asciiLower(s string, buf []byte) []byte {
	buf = append(buf[:0], s...)
	i := 0
	for ; i+8 <= len(buf); i += 8 {
		// eight bytes at a time: the high bit of a byte of upper is set
		// where the byte is 'A'..'Z', and moved to 0x20 it lowers it
		const ones, high = 0x0101010101010101, 0x8080808080808080
		x := binary.LittleEndian.Uint64(buf[i:])
		low7 := x &^ high                      // each byte below 0x80: no carry between bytes
		atLeastA := low7 + ones*(0x80-'A')     // high bit set from 'A' on
		pastZ := low7 + ones*(0x80-'Z'-1)      // high bit set past 'Z'
		upper := atLeastA &^ pastZ &^ x & high // and the byte itself ASCII
		binary.LittleEndian.PutUint64(buf[i:], x|upper>>2)
	}
	for ; i < len(buf); i++ {
		if c := buf[i]; c >= 'A' && c <= 'Z' {
			buf[i] = c + 32
		}
	}
	return buf
}

// indexDigit returns the index of the first ASCII digit of s, or -1,
// reading eight bytes at a time.
func indexDigit(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// the high bit of a byte of digit is set where the byte is
		// '0'..'9' (as asciiLower finds 'A'..'Z')
		const ones, high = 0x0101010101010101, 0x8080808080808080
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		low7 := x &^ high
		atLeast0 := low7 + ones*(0x80-'0')
		past9 := low7 + ones*(0x80-'9'-1)
		if digit := atLeast0 &^ past9 &^ x & high; digit != 0 {
			return i + bits.TrailingZeros64(digit)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return -1
}

// wordEnd returns the end of the word starting at i (s[i] is a letter or digit).
func wordEnd(s string, i int) int {
	n := len(s)
	// Scripts written without spaces (Han, kana, Hangul) make a token per
	// character: "有Rust开发" is 有 | Rust | 开 | 发.
	if s[i] >= utf8.RuneSelf {
		if first, size := utf8.DecodeRuneInString(s[i:]); isCJK(first) {
			// one character, one token: aliases are sequences of them
			return i + size
		}
	}
	cjk := false
	for i < n && asciiAlnum[s[i]] {
		i++ // the common case: a run of ASCII letters and digits
	}
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '_' && !cjk && i+1 < n && isASCIIAlnum(s[i+1]) && isASCIIAlnum(s[i-1]) {
				i++ // "io_uring", "Check_MK": an identifier is one word
				continue
			}
			if !isASCIIAlnum(c) || cjk {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) || isCJK(r) != cjk {
			break
		}
		i += size
	}
	if cjk {
		return i
	}
	// C++, C#, F#
	if i+1 < n && s[i] == '+' && s[i+1] == '+' {
		i += 2
	} else if i < n && s[i] == '#' && (i+1 == n || !isASCIIAlnum(s[i+1])) {
		i++
	}
	return i
}

// tokenizer is the state of tokenize.
type tokenizer struct {
	s       string
	toks    []token
	pending tokFlag
	space   bool
	block   int32
}

func (z *tokenizer) emit(start, end int, punct byte) {
	f := z.pending
	n := len(z.toks)
	if !z.space && z.pending&(fHard|fBlock) == 0 && n > 0 {
		f |= fGlued
	}
	// A word after a free-standing '.' that starts with a capital or a
	// digit begins a new sentence.
	if punct == 0 && z.space && n > 0 && z.toks[n-1].punct == '.' && f&fBlock == 0 && !z.abbrevBefore(n-1) &&
		!z.spacedAbbrev(start, end) {
		// Upper case in any script: "Ønskede", "Är du", "Élève".
		if c := z.s[start]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			f |= fSent
		} else if r, _ := utf8.DecodeRuneInString(z.s[start:]); c >= utf8.RuneSelf && unicode.IsUpper(r) {
			f |= fSent
		}
	}
	if punct == 0 && n > 0 && f&(fHard|fBlock|fSent) == 0 && z.toks[n-1].punct == 0 && z.space &&
		z.s[start] >= 'A' && z.s[start] <= 'Z' && // as every item opener starts
		itemOpener(z.s[z.toks[n-1].start:z.toks[n-1].end], z.s[start:end]) && z.itemBefore() {
		// "... low latency systems Excellent understanding of ...": a
		// list flattened into one line (JSON-LD descriptions, pasted
		// text) starts its next item without a separator.
		f |= fSent | fHard
	}
	if punct == 0 && !z.space && n > 1 && z.toks[n-1].punct == '.' && z.toks[n-1].flags&fGlued != 0 &&
		z.toks[n-2].punct == 0 && gluedSentence(z.s[z.toks[n-2].start:z.toks[n-2].end], z.s[start:end]) {
		// "À la carte.Du har huvudansvaret": a sentence glued to the
		// one before it when the line breaks were lost.
		f |= fSent | fHard
	}
	// the fields are written in place: a token built whole and copied in
	// stalled on its own narrower stores
	z.toks = append(z.toks, token{})
	t := &z.toks[n]
	t.start, t.end, t.block, t.punct, t.flags = int32(start), int32(end), z.block, punct, f
	z.pending = 0
	z.space = false
}

// itemBefore says whether the words since the last separator make an
// item of their own, so that an item opener after them starts the next
// one: at least three words ("low latency systems Excellent"). Two words
// are an article and an adjective of the opener's own phrase ("Een
// afgeronde Bachelor of Master", "a relevant Bachelor's degree").
func (z *tokenizer) itemBefore() bool {
	words := 0
	for k := len(z.toks) - 1; k >= 0 && words < 3; k-- {
		t := z.toks[k]
		if t.punct == 0 {
			words++
		}
		if t.flags&(fHard|fSent|fBlock) != 0 {
			break
		}
	}
	return words >= 3
}

// abbreviations end with a '.' that ends no sentence ("e.g. Python",
// "bl.a. BankID", "z.B. Kafka", "inkl. SQL"): lowered, without dots.
var abbreviations = map[string]bool{
	"eg": true, "ie": true, "incl": true, "approx": true, "vs": true, "ca": true, "bzw": true, "usw": true,
	"inkl": true, "zb": true, "bla": true, "fx": true, "feks": true, "tex": true, "ex": true, "pex": true,
	"dvs": true, "ol": true, "mfl": true, "etc": false, "resp": true, "cf": true, "esp": true, "ua": true,
	"sog": true, "evt": true, "ggf": true, "zt": true, "td": true, "por": true, "ej": true, "pe": true,
	"dh": true,
}

// spacedAbbrev says whether the word at [start, end) is the second part
// of an abbreviation written with a space ("z. B. Keycloak", "p. ex.
// Java", "u. a. SQL", "d. h."): a short word before a '.' that ends it,
// after a one- or two-letter word and its '.', the two making a word of
// the list. Its capital begins no sentence.
func (z *tokenizer) spacedAbbrev(start, end int) bool {
	n := len(z.toks)
	if end-start > 3 || end >= len(z.s) || z.s[end] != '.' || n < 2 {
		return false
	}
	w := z.toks[n-2]
	if w.punct != 0 || w.end-w.start > 2 || w.flags&fGlued != 0 || z.toks[n-1].flags&fGlued == 0 {
		return false
	}
	key := strings.ToLower(z.s[w.start:w.end] + z.s[start:end])
	return abbreviations[key]
}

// abbrevBefore says whether the '.' token at i closes an abbreviation: a
// run of one- or two-letter words joined by dots ("e.g.", "bl.a.",
// "z.B.", "p. ex.") or a word of the list ("incl.", "approx.").
func (z *tokenizer) abbrevBefore(i int) bool {
	// the key is written backwards from the end of buf, lowered
	var buf [16]byte
	n := len(buf)
	for k := i - 1; k >= 0; k-- {
		t := z.toks[k]
		if t.punct == '.' {
			continue
		}
		if t.punct != 0 || int(t.end-t.start) > n {
			return false
		}
		for j := int(t.end) - 1; j >= int(t.start); j-- {
			c := z.s[j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			} else if c < 'a' || c > 'z' {
				return false // abbreviations are ASCII letters
			}
			n--
			buf[n] = c
		}
		if k == 0 || z.toks[k-1].punct != '.' || t.flags&(fBlock|fSent) != 0 {
			break
		}
	}
	return n < len(buf) && abbreviations[string(buf[n:])]
}

// tokenize splits s into tokens (appended to toks). Newlines separate blocks.
func tokenize(s string, toks []token) []token {
	z := tokenizer{s: s, toks: toks, pending: fBlock | fHard | fSent}
	n := len(s)
	for i := 0; i < n; {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIAlnum(c):
				if e := urlEnd(s, i); e > i {
					// a web address names no skill ("…/ambition.html")
					z.pending |= fHard
					i = e
					continue
				}
				e := wordEnd(s, i)
				if e < n && (s[e] == '@' || s[e] == '.' || s[e] == ' ' && e+1 < n && s[e+1] == '@') {
					if m := emailEnd(s, i); m > i {
						z.pending |= fHard // an e-mail address names no skill
						i = m
						continue
					}
				}
				z.emit(i, e, 0)
				i = e
				continue
			case c == '\n':
				z.pending |= fBlock | fHard | fSent
				z.block++
			case isSpace(c):
				z.space = true
			case c == '-':
				// A hyphen joins two words only when no space is on either side.
				if !z.space && len(z.toks) > 0 && z.pending == 0 && i+1 < n && !isSpace(s[i+1]) && s[i+1] != '\n' {
					z.emit(i, i+1, '-')
				} else {
					z.pending |= fHard
				}
			case c == '/' || c == '.' || c == '&' || c == '\'' || c == '+':
				z.emit(i, i+1, c)
			case c == ';' || c == '!' || c == '?':
				z.pending |= fHard | fSent
			case c == ':':
				z.pending |= fHard | fColon
			case c == ',':
				z.pending |= fHard | fClause
			default:
				z.pending |= fHard
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			e := wordEnd(s, i)
			z.emit(i, e, 0)
			i = e
			continue
		case r == '\u2019' || r == '\u2018':
			z.emit(i, i+size, '\'')
		case r == '\u2010' || r == '\u2011':
			z.emit(i, i+size, '-')
		case r == '。' || r == '！' || r == '？' || r == '；':
			z.pending |= fHard | fSent
		case r == '：':
			z.pending |= fHard | fColon
		case r == '，':
			z.pending |= fHard | fClause
		case unicode.IsSpace(r) || r == '\u200b':
			z.space = true
		default:
			z.pending |= fHard
		}
		i += size
	}
	return z.toks
}

// isCJK says whether r belongs to a script written without spaces between
// words.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// urlEnd returns the end of a web address starting at i ("https://…",
// "www.…"), or i.
func urlEnd(s string, i int) int {
	if c := s[i]; c != 'h' && c != 'w' && c != 'H' && c != 'W' {
		return i
	}
	rest := s[i:]
	if !(len(rest) > 8 && (strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "http://") ||
		strings.HasPrefix(rest, "www."))) {
		return i
	}
	if i > 0 && isASCIIAlnum(s[i-1]) {
		return i
	}
	e := i
	for e < len(s) {
		c := s[e]
		if c == ' ' || c == '\n' || c == '\t' || c == ')' || c == ']' || c == '>' || c == '"' || c == '<' || c >= utf8.RuneSelf {
			break
		}
		e++
	}
	return e
}

// emailEnd returns the end of an e-mail address starting at i
// ("rust@example.com", "rust @ example.com"), or i.
func emailEnd(s string, i int) int {
	if i > 0 && (isASCIIAlnum(s[i-1]) || s[i-1] == '.' || s[i-1] == '_' || s[i-1] == '-') {
		return i
	}
	e := i
	for e < len(s) && (isASCIIAlnum(s[e]) || s[e] == '.' || s[e] == '_' || s[e] == '-' || s[e] == '+') {
		e++
	}
	at := e
	for at < len(s) && s[at] == ' ' && at-e < 2 {
		at++
	}
	if at >= len(s) || s[at] != '@' {
		return i
	}
	at++
	for at < len(s) && s[at] == ' ' && at-e < 4 {
		at++
	}
	d := at
	for d < len(s) && (isASCIIAlnum(s[d]) || s[d] == '.' || s[d] == '-') {
		d++
	}
	if d == at || !strings.Contains(s[at:d], ".") {
		return i
	}
	return d
}

// itemOpeners are words that open an item of a requirements list when
// written with a capital ("Excellent", "Hands-on", "Erfarenhet", "Gute",
// "Maîtrise"): mid-sentence, after a lower-case word, they start an item
// of a list whose line breaks were lost. German nouns are capitalised
// everywhere, so only German adjectives and pronouns are here.
var itemOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Excellent Strong Solid Good Great Proven Extensive Deep Demonstrated Hands
		Experience Experienced Knowledge Knowledgeable Familiarity Familiar Understanding Ability Able Proficiency
		Proficient Expertise Fluent Fluency Bachelor Bachelor's Degree BSc MSc Minimum Having Previous Prior Practical
		Professional Working Comfortable Passion Passionate Exposure Advanced Basic Ideally Preferably Knowing
		Outstanding Exceptional Very Keen Eager Capable Competence Certification Certified Relevant
		Erfarenhet Erfaring Erfaren Erfarne Kunskap Kunskaper Kunnskap Kunnskaper Kendskab Kännedom Kjennskap
		God Goda Gode Godt Gott Mycket Meget Svært Utbildning Utdanning Uddannelse Körkort Førerkort Kørekort Du Har
		Behärskar Behersker Minst Mindst Flytande Flytende Dokumenterad Dokumentert Dokumenteret Tidigare Tidligere
		Förmåga Evne Stark Sterk Stærk Meriterande Meriterende Fördel Fordel
		Sehr Gute Fundierte Erste Mehrjährige Abgeschlossenes Abgeschlossene Idealerweise Sichere Sicherer Ausgeprägte
		Expérience Maîtrise Connaissance Connaissances Bonne Bonnes Excellente Excellentes Solide Solides Diplôme
		Experiencia Conocimiento Conocimientos Dominio Manejo Buen Buena Buenas Titulación
		Experiência Conhecimento Conhecimentos Vivência Domínio Familiaridade Capacidade Habilidade Habilidades
		Fortes Sólida Sólido Sólidos Sólidas Formação Graduação Proficiência`) {
		m[w] = true
	}
	return m
}()

// itemOpenerBits has the bit keyHash(w)>>7 set for every item opener w:
// most capitalised words of a text are no opener, and the bit test
// turns them away without a map lookup.
var itemOpenerBits = func() (b [1 << 9 / 64]uint64) {
	for w := range itemOpeners {
		h := keyHash(w) >> 7
		b[h>>6] |= 1 << (h & 63)
	}
	return b
}()

// mayOpenItem says whether word may be an item opener (itemOpenerBits).
func mayOpenItem(word string) bool {
	h := keyHash(word) >> 7
	return itemOpenerBits[h>>6]&(1<<(h&63)) != 0
}

// itemOpener says whether word, after prev with only a space between them,
// opens a new item of a flattened list: prev is a lower-case word and
// word an item opener ("systems Excellent understanding"). "Du" after a
// German verb ("Dann bist Du", "Kennst Du") or a German conjunction ("wenn
// Du", "dass Du": German writes the pronoun capitalised mid-sentence) opens
// nothing.
func itemOpener(prev, word string) bool {
	if word == "" || word[0] < 'A' || word[0] > 'Z' || !mayOpenItem(word) || !itemOpeners[word] {
		// every item opener starts with an ASCII capital
		return false
	}
	r, _ := utf8.DecodeRuneInString(prev)
	if !unicode.IsLower(r) || itemCannotEnd[prev] {
		return false
	}
	return word != "Du" || !strings.HasSuffix(prev, "st") && !germanJoiners[prev]
}

// itemCannotEnd are English words no list item ends with (an article, a
// preposition or a conjunction): the capitalised word after them goes on
// with the sentence ("a related field or a Bachelor's degree in ...").
var itemCannotEnd = map[string]bool{"a": true, "an": true, "the": true, "or": true, "and": true, "of": true,
	"in": true, "with": true, "to": true, "for": true, "as": true, "by": true, "from": true, "on": true, "at": true}

// germanJoiners are German conjunctions and relative words after which a
// capitalised "Du" goes on with the sentence.
var germanJoiners = map[string]bool{
	"wenn": true, "dass": true, "daß": true, "ob": true, "falls": true, "weil": true, "sofern": true, "damit": true,
	"wo": true, "womit": true, "wobei": true, "als": true, "wie": true, "und": true, "oder": true, "sowie": true,
	"aber": true, "sondern": true, "bevor": true, "nachdem": true, "während": true, "indem": true, "solange": true,
	"sobald": true, "denn": true, "was": true, "worauf": true, "wofür": true, "wozu": true, "wodurch": true,
}

// gluedSentence says whether word, glued by a '.' to prev ("carte.Du"),
// starts a new sentence: prev ends with a lower-case letter and has three
// letters or more, word is capitalised and lower case after its first
// letter ("Du", "Vår"), unlike names with a dot ("Node.js", "ASP.NET").
func gluedSentence(prev, word string) bool {
	if word == "" || word[0] < utf8.RuneSelf && (word[0] < 'A' || word[0] > 'Z') {
		return false // the common case ("Node.js", "e.g"), before counting runes
	}
	if utf8.RuneCountInString(prev) < 3 || utf8.RuneCountInString(word) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if !unicode.IsLower(last) {
		return false
	}
	for i, r := range word {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// containsBy is strings.Contains(s, sub), looking for sub's byte at k
// first: a byte rarer in text than sub's first ('m' of "emote" rather than
// its 'e') takes IndexByte further at each step. k < len(sub).
func containsBy(s, sub string, k int) bool {
	c := sub[k]
	for i := k; i < len(s); {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if p := i + j - k; p+len(sub) <= len(s) && s[p:p+len(sub)] == sub {
			return true
		}
		i += j + 1
	}
	return false
}

// isASCII says whether every byte of s is below utf8.RuneSelf, reading
// eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// upperPair says whether s holds two ASCII capitals in a row, reading
// eight bytes at a time (as asciiLower finds them).
func upperPair(s string) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	prev := false // the byte before the eight is a capital
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		low7 := x &^ high
		upper := (low7 + ones*(0x80-'A')) &^ (low7 + ones*(0x80-'Z'-1)) &^ x & high
		if upper&(upper<<8) != 0 || prev && upper&0x80 != 0 {
			return true
		}
		prev = upper>>63 != 0
	}
	for ; i < len(s); i++ {
		c := s[i] >= 'A' && s[i] <= 'Z'
		if c && prev {
			return true
		}
		prev = c
	}
	return false
}

// lowerText is strings.ToLower(s) made without strings.Map's call per
// rune: ASCII bytes are lowered in place of a copy, other runes by
// unicode.ToLower, an invalid byte becomes U+FFFD as Map writes it.
func lowerText(s string) string {
	if isASCII(s) {
		return asciiLowerString(s)
	}
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// wordBloom is a filter of a word set's keys by keyHash: a word it says no
// to is no key of the set, a word it says yes to may be one.
type wordBloom [1 << 12 / 64]uint64

// bloomOf is the filter of m's keys (set up once, from a map that no code
// changes after it).
func bloomOf[V any](m map[string]V) *wordBloom {
	b := new(wordBloom)
	for k := range m {
		h := keyHash(k) >> 4
		b[h>>6] |= 1 << (h & 63)
	}
	return b
}

// may says whether w may be a key of the set.
func (b *wordBloom) may(w string) bool {
	h := keyHash(w) >> 4
	return b[h>>6]&(1<<(h&63)) != 0
}
