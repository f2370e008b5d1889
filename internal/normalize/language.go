package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language detection: the ISO 639-1 code of a posting's language, from the
// script of its letters (ja, zh, ko, ru, el, uk is not told from ru) and, for
// Latin text, from profiles of function words (articles, prepositions,
// pronouns, conjunctions) of en, de, fr, es, it, nl, pt, sv, da, nb (Norwegian
// Bokmål), pl.
// Function words are what every sentence has whatever its subject, and
// technical vocabulary (mostly English product names) is not in any profile,
// so a German posting full of English tool names is still German.

// languageScan caps the bytes read: the first few hundred words settle it,
// and the cap keeps detection a small part of Normalize's time.
const languageScan = 3000

// languageSettled is the number of function words after which a clear lead
// (settled) ends the scan early: most postings tell their language in the
// first hundred words, and the rest of the scan would only cost time.
const languageSettled = 40

// languages, in the order of the bits of stopWords.
var languages = []string{"en", "de", "fr", "es", "it", "nl", "pt", "sv", "pl", "da", "nb", "nn"}

var stopWords = func() map[string]uint16 {
	lists := [...]string{
		// en
		"the and of to in with for you will our is are we your be on as this that have an or at by from who what about can us it their they has would",
		// de
		"der die das und mit für ist wir sie ein eine einen einem zu von auf im den dem des ihr ihre bei oder als auch sich werden nicht über du dich dein deine deinen uns unser unsere unseren wird sind haben bist hast kannst zur zum",
		// fr
		"le la les et des du un une pour avec vous nous est dans sur au aux votre vos qui que ce ou sont être plus notre nos tu ton ta tes une",
		// es
		"el la los las y de del que en para con una un por es se su sus como nuestro nuestra nuestros tu te al más o tus eres somos buscamos",
		// it
		"il lo la gli le e di del della che per con un una è sono nel nella dei delle al alla ti tuo tua siamo nostro nostra cerchiamo degli",
		// nl
		"de het een en van voor met je jij wij we zijn is op te in bij naar ons onze jouw als dat die niet ook wat heb hebt ben",
		// pt
		"o a os as e de do da dos das que em para com um uma por no na você nosso nossa é são seu sua não nos nas ao",
		// sv
		"och att det som en ett för med på är vi du av till har om den dig din ditt våra vår inte eller kan ska hos " +
			"också efter genom mellan upp vad hur inom även arbete mycket några mig sig oss alla kommer vill samt",
		// pl
		"i w z na do się że jest nie od dla oraz lub jak to o po przez są jesteś twoje nasz nasze będziesz pracy będzie",
		// da
		"og at det som en et for med på er vi du af til har om den dig din dit vores ikke eller kan skal hos " +
			"nogle nogen meget hvad blive bliver arbejde mellem gennem jer jeres os ud op efter mig sig",
		// nb (Norwegian Bokmål)
		"og at det som en et for med på er vi du av til har om den deg din ditt våre vår ikke eller kan skal hos " +
			"jeg hva noen mye gjennom mellom etter nå bli blir arbeid meg seg oss dere fra bare sammen også",
		// nn (Norwegian Nynorsk): the words it shares with Bokmål, and its own
		// ("arbeid", "blir" and "også" are Nynorsk as well)
		"og at det som for med på er vi du av til har om den deg din ditt våre vår eller kan skal arbeid blir også " +
			"ikkje eg ein eit ei dei kva korleis frå hjå òg berre mykje nokon noko vere dykk dykkar sjølv fleire " +
			"heile eigen hennar gjennom mellom etter bli meg seg oss",
	}
	m := map[string]uint16{}
	for i, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// Language returns the ISO 639-1 code of the language text is written in,
// or "" when the text is too short or has too few of the words the profiles
// know to tell.
func Language(text string) string {
	return languageIn([]langPart{{s: prefix(text, languageScan)}})
}

// titledLanguage is Language(title + "\n" + prefix(text, languageScan))
// without the copy of up to languageScan bytes the joined text would take:
// the same bytes, read in three parts.
func titledLanguage(title, text string) string {
	text = prefix(text, languageScan)
	n := len(title) + 1 + len(text)
	if n > languageScan {
		// prefix of the joined text: cut at languageScan, back to a rune start
		at := func(i int) byte {
			switch {
			case i < len(title):
				return title[i]
			case i == len(title):
				return '\n'
			}
			return text[i-len(title)-1]
		}
		n = languageScan
		for n > 0 && !utf8.RuneStart(at(n)) {
			n--
		}
	}
	parts := []langPart{{s: title[:min(n, len(title))]}}
	if n > len(title) {
		parts = append(parts, langPart{s: "\n", base: len(title)}, langPart{s: text[:n-len(title)-1], base: len(title) + 1})
	}
	return languageIn(parts)
}

// langPart is a part of the text Language reads, at byte offset base.
type langPart struct {
	s    string
	base int
}

// languageIn is Language of the text made of parts, one after the other.
func languageIn(parts []langPart) string {
	var score [12]int
	var latin, han, kana, hangul, cyrillic, greek int
	var word [12]byte // the longest function word is 10 bytes (będziesz: 9)
	n := 0            // bytes in word; -1: the word is too long to be a function word
	found := 0        // function words counted
	flush := func() {
		if n > 0 {
			if bits, ok := stopWords[string(word[:n])]; ok {
				found++
				for i := range languages {
					if bits&(1<<i) != 0 {
						score[i]++
					}
				}
			}
		}
		n = 0
	}
	feed := func(text string, base int) bool {
		for k, r := range text {
			k += base
			if found >= languageSettled && k&63 == 0 && latin == letters(latin, han, kana, hangul, cyrillic, greek) && settled(&score) {
				return true
			}
			if r < utf8.RuneSelf {
				c := byte(r)
				switch {
				case 'a' <= c && c <= 'z':
				case 'A' <= c && c <= 'Z':
					c += 'a' - 'A'
				default:
					flush()
					continue
				}
				latin++
				if n >= 0 && n < len(word) {
					word[n] = c
					n++
				} else {
					n = -1
				}
				continue
			}
			switch {
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.In(r, unicode.Hiragana, unicode.Katakana):
				kana++
			case unicode.Is(unicode.Hangul, r):
				hangul++
			case unicode.Is(unicode.Cyrillic, r):
				cyrillic++
			case unicode.Is(unicode.Greek, r):
				greek++
			}
			if !unicode.IsLetter(r) {
				flush()
				continue
			}
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
			l := unicode.ToLower(r)
			if n >= 0 && n+utf8.RuneLen(l) <= len(word) {
				n += utf8.EncodeRune(word[n:], l)
			} else {
				n = -1
			}
		}
		return false
	}
	for _, part := range parts {
		if feed(part.s, part.base) {
			break
		}
	}
	flush()
	letters := latin + han + kana + hangul + cyrillic + greek
	switch {
	case letters == 0:
		return ""
	case kana > 0 && 5*(kana+han) >= letters:
		return "ja"
	case 5*han >= letters:
		return "zh"
	case 5*hangul >= letters:
		return "ko"
	case 2*cyrillic >= letters:
		return "ru"
	case 2*greek >= letters:
		return "el"
	}
	// the first language of the list wins a tie: English for a bilingual
	// posting, Danish over Norwegian when the words do not tell them apart
	best := 0
	for i := 1; i < len(score); i++ {
		if score[i] > score[best] {
			best = i
		}
	}
	if score[best] < 3 {
		return ""
	}
	return languages[best]
}

// prefix returns at most the first n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func letters(counts ...int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// settled says whether one language leads every other by three to one.
func settled(score *[12]int) bool {
	best, second := 0, 0
	for _, c := range score {
		switch {
		case c > best:
			best, second = c, best
		case c > second:
			second = c
		}
	}
	return best >= languageSettled/2 && best >= 3*second
}
