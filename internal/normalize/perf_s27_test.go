package normalize

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Session 27 made BenchmarkNormalize faster without changing any output.
// These tests hold the fast paths to the forms they replaced.

// containsBySubs are the words the remote checks look for, with the byte
// they look for first.
var containsBySubs = []struct {
	sub string
	k   int
}{{"emote", 1}, {"emot", 1}, {"omeoffice", 1}, {"emote", 4}, {"a", 0}, {"ab", 1}}

func TestS27ContainsByMatchesContains(t *testing.T) {
	texts := corpusLinesS25(t)
	// whole documents too, and the edges: the word at the start, at the
	// end, cut short, its anchor byte alone
	texts = append(texts, strings.Join(texts, "\n"), "emote", "remote", "emot", "mote", "m", "em", "xemotx",
		"homeoffice", "omeoffic", "mmmm emote", "Remote", "REMOTE", "ab", "b", "bab")
	for _, s := range texts {
		for _, c := range containsBySubs {
			if got, want := containsBy(s, c.sub, c.k), strings.Contains(s, c.sub); got != want {
				t.Fatalf("containsBy(%q, %q, %d) = %v, want %v", s, c.sub, c.k, got, want)
			}
		}
	}
	r := rand.New(rand.NewSource(27))
	const letters = "emotEMOT fhic"
	for range 20000 {
		b := make([]byte, r.Intn(24))
		for i := range b {
			b[i] = letters[r.Intn(len(letters))]
		}
		for _, c := range containsBySubs {
			if got, want := containsBy(string(b), c.sub, c.k), strings.Contains(string(b), c.sub); got != want {
				t.Fatalf("containsBy(%q, %q, %d) = %v, want %v", b, c.sub, c.k, got, want)
			}
		}
	}
}

func FuzzS27ContainsBy(f *testing.F) {
	f.Add("remote work", "emote", 1)
	f.Add("homeoffice", "omeoffice", 4)
	f.Fuzz(func(t *testing.T, s, sub string, k int) {
		if sub == "" {
			return
		}
		k = (k%len(sub) + len(sub)) % len(sub)
		if got, want := containsBy(s, sub, k), strings.Contains(s, sub); got != want {
			t.Fatalf("containsBy(%q, %q, %d) = %v, want %v", s, sub, k, got, want)
		}
	})
}

// TestS27RootNextMatchesMap holds the matcher's table of first keys to
// the trie's root map: every key of the map, and every word of the corpus
// documents (most of them no key).
func TestS27RootNextMatchesMap(t *testing.T) {
	m := &normalizer(t).m
	if len(m.rootEnt) != len(m.root.next) {
		t.Fatalf("table holds %d keys, map %d", len(m.rootEnt), len(m.root.next))
	}
	for k, nd := range m.root.next {
		if got := m.rootNext(k); got != nd {
			t.Fatalf("rootNext(%q) = %p, want %p", k, got, nd)
		}
	}
	text := strings.Join(corpusLinesS25(t), "\n")
	lower := string(asciiLower(text, nil))
	for _, tk := range tokenize(text, nil) {
		k := tokenKey(lower, tk)
		if got, want := m.rootNext(k), m.root.next[k]; got != want {
			t.Fatalf("rootNext(%q) = %p, want %p", k, got, want)
		}
	}
	for _, k := range []string{"", "-", "/", "x", "zzzzzzzz", "python ", "Python"} {
		if got, want := m.rootNext(k), m.root.next[k]; got != want {
			t.Fatalf("rootNext(%q) = %p, want %p", k, got, want)
		}
	}
}

// gluedSentenceRef is gluedSentence before its check of the word's first
// byte.
func gluedSentenceRef(prev, word string) bool {
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

// TestS27GluedSentenceMatchesRef compares the two on every pair of
// neighbouring words of the corpus documents.
func TestS27GluedSentenceMatchesRef(t *testing.T) {
	text := strings.Join(corpusLinesS25(t), "\n")
	toks := tokenize(text, nil)
	pairs := [][2]string{{"carte", "Du"}, {"Node", "js"}, {"abc", ""}, {"abc", "É"}, {"abc", "Év"}, {"abc", "ÉV"},
		{"", "Du"}, {"ab", "Du"}, {"abc", "D"}, {"Ärm", "Vår"}, {"ärm", "Öl"}, {"abc", "\xff"}, {"abc", "A\xff"}}
	for k := 1; k < len(toks); k++ {
		a, b := toks[k-1], toks[k]
		pairs = append(pairs, [2]string{text[a.start:a.end], text[b.start:b.end]})
	}
	for _, p := range pairs {
		if got, want := gluedSentence(p[0], p[1]), gluedSentenceRef(p[0], p[1]); got != want {
			t.Fatalf("gluedSentence(%q, %q) = %v, want %v", p[0], p[1], got, want)
		}
	}
}

func FuzzS27GluedSentence(f *testing.F) {
	f.Add("carte", "Du")
	f.Add("Node", "js")
	f.Fuzz(func(t *testing.T, prev, word string) {
		if got, want := gluedSentence(prev, word), gluedSentenceRef(prev, word); got != want {
			t.Fatalf("gluedSentence(%q, %q) = %v, want %v", prev, word, got, want)
		}
	})
}

// phraseInRef is phraseSet.in before its bit filter: a map lookup for every
// run of words.
func phraseInRef(ps *phraseSet, folded string) bool {
	for _, p := range ps.cjk {
		if strings.Contains(folded, p) {
			return true
		}
	}
	for i := 0; i < len(folded); i++ {
		if folded[i] != ' ' || i+1 >= len(folded) {
			continue
		}
		start, n := i+1, 0
		for j := start; j < len(folded) && n < ps.maxWords; j++ {
			if folded[j] == ' ' {
				n++
				if ps.words[folded[start:j]] {
					return true
				}
			}
		}
	}
	return false
}

// TestS27PhraseSetInMatchesRef holds every phrase set to the map-only
// lookup, on every corpus line and on every phrase of the sets themselves
// (as a heading, and inside one).
func TestS27PhraseSetInMatchesRef(t *testing.T) {
	sets := []*phraseSet{preferredSet, requiredSet, weakSet, mentionedSet, openSet, leadInSet, leadInPrefSet,
		leadInReqSet, payWordSet, bonusWordSet, strictPreferredSet, colonPrefSet}
	var heads []string
	for _, l := range corpusLinesS25(t) {
		heads = append(heads, foldHeading(l))
	}
	for _, ps := range sets {
		for p := range ps.words {
			heads = append(heads, " "+p+" ", " the "+p+" we ", p, " "+p)
		}
	}
	heads = append(heads, "", " ", "  ", " a  b ")
	for _, ps := range sets {
		for _, h := range heads {
			if got, want := ps.in(h), phraseInRef(ps, h); got != want {
				t.Fatalf("in(%q) = %v, want %v", h, got, want)
			}
		}
	}
}

// isASCIIRef is the byte loop nfcString ran before isASCII.
func isASCIIRef(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func TestS27IsASCIIMatchesRef(t *testing.T) {
	texts := append(corpusLinesS25(t), "", "a", "abcdefgh", "abcdefg\xff", "\xffbcdefgh", "abcdefghi\x80", "é")
	for _, s := range texts {
		for cut := 0; cut < len(s) && cut < 9; cut++ { // every alignment of the eight-byte reads
			if got, want := isASCII(s[cut:]), isASCIIRef(s[cut:]); got != want {
				t.Fatalf("isASCII(%q) = %v, want %v", s[cut:], got, want)
			}
		}
	}
}

func FuzzS27IsASCII(f *testing.F) {
	f.Add("abcdefgh\x80")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isASCII(s), isASCIIRef(s); got != want {
			t.Fatalf("isASCII(%q) = %v, want %v", s, got, want)
		}
	})
}

// upperPairRef is hasCapitalPair's byte loop before upperPair.
func upperPairRef(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'A' && s[i-1] <= 'Z' {
			return true
		}
	}
	return false
}

func TestS27UpperPairMatchesRef(t *testing.T) {
	texts := append(corpusLinesS25(t), "", "A", "AB", "aaaaaaaA", "aaaaaaaAB", "aaaaaaaA\xc1", "@[AZ`{", "Z[", "\xc1\xc2",
		"aaaaaaaaaaaaaaaAZ", "aaaaaaaaaaaaaaAZ", "aaaaaaaaaaaaaaaA")
	for _, s := range texts {
		for cut := 0; cut < len(s) && cut < 9; cut++ { // every alignment of the eight-byte reads
			if got, want := upperPair(s[cut:]), upperPairRef(s[cut:]); got != want {
				t.Fatalf("upperPair(%q) = %v, want %v", s[cut:], got, want)
			}
		}
	}
	r := rand.New(rand.NewSource(27))
	const bytes = "aAZz@[`{\x80\xc1 "
	for range 50000 {
		b := make([]byte, r.Intn(20))
		for i := range b {
			b[i] = bytes[r.Intn(len(bytes))]
		}
		if got, want := upperPair(string(b)), upperPairRef(string(b)); got != want {
			t.Fatalf("upperPair(%q) = %v, want %v", b, got, want)
		}
	}
}

func FuzzS27UpperPair(f *testing.F) {
	f.Add("aaaaaaaAB")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := upperPair(s), upperPairRef(s); got != want {
			t.Fatalf("upperPair(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestS27LowerTextMatchesToLower(t *testing.T) {
	lines := corpusLinesS25(t)
	texts := append(lines, strings.Join(lines, "\n"), "", "ABC", "Ärger ÉCOLE İstanbul ẞ Σ", "a\xffB", "\xef\xbf\xbdX",
		"\xe2\x82", "Ⅻ ǅ ＡＢＣ")
	for _, s := range texts {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzS27LowerText(f *testing.F) {
	f.Add("Ärger\xffABC")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerText(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestS27WordBloomKeepsEveryKey holds the filters to their sets: every key
// passes, so a lookup behind a filter answers as the map alone.
func TestS27WordBloomKeepsEveryKey(t *testing.T) {
	for k := range yearWords {
		if !yearWordsBloom.may(k) {
			t.Fatalf("yearWordsBloom turns %q away", k)
		}
	}
	r := rand.New(rand.NewSource(27))
	m := map[string]int{"": 0}
	for range 3000 {
		b := make([]byte, 1+r.Intn(12))
		for i := range b {
			b[i] = byte(r.Intn(256))
		}
		m[string(b)] = len(b)
	}
	bl := bloomOf(m)
	for k := range m {
		if !bl.may(k) {
			t.Fatalf("bloomOf turns %q away", k)
		}
	}
	// and most words of a text are turned away
	passed, words := 0, 0
	for _, l := range corpusLinesS25(t) {
		for _, w := range strings.Fields(strings.ToLower(l)) {
			words++
			if yearWordsBloom.may(w) {
				passed++
			}
		}
	}
	if words == 0 || passed*4 > words {
		t.Fatalf("%d of %d words pass yearWordsBloom", passed, words)
	}
}
