package normalize

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Session 23 made BenchmarkNormalize faster without changing any output.
// These tests hold the fast paths to the forms they replaced.

// collapseRef is collapse as it was before its fast path read text
// outside ASCII: every rune through unicode.IsSpace.
func collapseRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var collapseCases = []string{
	"", " ", "a", " a", "a ", "a  b", "a\tb", "a\nb", "We’re hiring", "Zürich, Schweiz", "a\u00a0b", "a\u2028b",
	"a\u200bb", "\ufeffa", "a\u3000b", "a\x85b", "\xff", "a\xc3", "é", "e\u0301", "\ufffd", "北京 | 1-5年",
	"Netflix is one of the world’s leading entertainment services.", "a \u00a0 b", "– Python", "a\r\nb",
}

func TestS23CollapseMatchesRef(t *testing.T) {
	for _, s := range collapseCases {
		if got, want := collapse(s), collapseRef(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzS23Collapse(f *testing.F) {
	for _, s := range collapseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), collapseRef(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}

// isGluedHeading lowers ASCII on the stack: it must agree with
// strings.ToLower for every text.
func TestS23IsGluedHeadingMatchesToLower(t *testing.T) {
	var cases []string
	for h := range gluedHeadings {
		cases = append(cases, h, strings.ToUpper(h), strings.ToUpper(h[:1])+h[1:], h+"x", h[:len(h)-1])
	}
	cases = append(cases, "", "Övrigt", "ÖVRIGT", "İnternship", strings.Repeat("krav ", 20), "Krav\u0130")
	for _, h := range cases {
		if got, want := isGluedHeading(h), gluedHeadings[strings.ToLower(h)]; got != want {
			t.Errorf("isGluedHeading(%q) = %v, want %v", h, got, want)
		}
	}
}

func FuzzS23IsGluedHeading(f *testing.F) {
	f.Add("Om tjänsten")
	f.Add("KVALIFIKATIONER")
	f.Add("Önskvärda kvalifikationer")
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := isGluedHeading(h), gluedHeadings[strings.ToLower(h)]; got != want {
			t.Fatalf("isGluedHeading(%q) = %v, want %v", h, got, want)
		}
	})
}

// stripBullet and stripDash look at a block's first byte before their
// lists: the same as trying every mark.
func TestS23StripMarksMatchLists(t *testing.T) {
	var cases []string
	for _, p := range append(append([]string{}, leadBullets...), dashBullets...) {
		cases = append(cases, p, p+" Python", p+"Python", " "+p+" x", p[:1]+"x")
	}
	cases = append(cases, "", "Python", "-", "*", "–", "o Keycloak", "\xe2", "\xc2")
	for _, s := range cases {
		wantT, wantOK := s, false
		for _, p := range leadBullets {
			if strings.HasPrefix(s, p) {
				wantT, wantOK = strings.TrimSpace(s[len(p):]), true
				break
			}
		}
		if gotT, gotOK := stripBullet(s); gotT != wantT || gotOK != wantOK {
			t.Errorf("stripBullet(%q) = %q, %v; want %q, %v", s, gotT, gotOK, wantT, wantOK)
		}
		wantT, wantOK = s, false
		for _, p := range dashBullets {
			if strings.HasPrefix(s, p) {
				if u := strings.TrimSpace(s[len(p):]); u != "" {
					wantT, wantOK = u, true
					break
				}
			}
		}
		if gotT, gotOK := stripDash(s); gotT != wantT || gotOK != wantOK {
			t.Errorf("stripDash(%q) = %q, %v; want %q, %v", s, gotT, gotOK, wantT, wantOK)
		}
	}
}

// gluedLines returns lines written the way appendUnglued reads them:
// real sentences of the test postings glued in the ways of stripped
// descriptions, and random lines over every kind of byte its cases look at.
func gluedLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	for _, name := range postingNames(t) {
		text := Text(loadRaw(t, name).DescriptionHTML)
		for _, sep := range []string{"", " ", ".", ". ", ":", "- ", " - "} {
			lines = append(lines, strings.ReplaceAll(text, "\n", sep))
		}
	}
	pieces := []string{"We", "You", "It", "Our", "The", "Python", "DevOps", "JavaScript", "KING", "DIN PROFIL",
		"Kvalifikationer", "Vi erbjuder", "Om tjänsten", "Requirements", "Who you are", "Nice to have",
		"experience", "with", "and", "are2+ years", "3 år", "Värmdö", "ÖVRIGT", "Slå", "é", "’", "北京",
		"jane.doe@x.se", "https://x.io/jobOffer", "APIs", "a", "i", ".", "!", "?", ":", "- ", "-", " ", "  ",
		",", "(", ")", "/", "0", "7", "\u200b", "Ü", "ß", "•", "·"}
	rng := rand.New(rand.NewSource(23))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for b.Len() < 80+rng.Intn(220) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}

// appendUnglued skips the bytes ungluedMarks leaves out: reading every
// byte instead gives the same blocks.
func TestS23UngluedMarksSkipNothing(t *testing.T) {
	lines := gluedLines(t)
	saved := ungluedMarks
	defer func() { ungluedMarks = saved }()
	kinds := []blockKind{kindPara, kindItem}
	want := make([][]block, 0, len(lines)*len(kinds))
	for i := range ungluedMarks {
		ungluedMarks[i] = true
	}
	for _, l := range lines {
		for _, k := range kinds {
			want = append(want, appendUnglued(nil, block{text: collapse(l), kind: k}))
		}
	}
	ungluedMarks = saved
	n := 0
	for _, l := range lines {
		for _, k := range kinds {
			got := appendUnglued(nil, block{text: collapse(l), kind: k})
			if !equalBlocks(got, want[n]) {
				t.Fatalf("appendUnglued(%q, kind %d) = %+v, reading every byte gives %+v", l, k, got, want[n])
			}
			n++
		}
	}
}

func equalBlocks(a, b []block) bool {
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

// gluedHeadingBefore and the pronoun case start only where appendUnglued
// now asks them: at a capital (or a letter outside ASCII), and at a
// pronoun's first letter.
func TestS23UngluedGuards(t *testing.T) {
	for _, l := range gluedLines(t) {
		l = collapse(l)
		for i := 1; i < len(l); i++ {
			if c := l[i]; !(c >= 'A' && c <= 'Z' || c >= 0xC0) && gluedHeadingBefore(l, 0, i) >= 0 {
				t.Fatalf("gluedHeadingBefore(%q, 0, %d) finds a heading before %q", l, i, c)
			}
			if w := openingWordAt(l, i); w > 0 && pronouns[l[i:i+w]] && !pronounFirst[l[i]] {
				t.Fatalf("pronoun %q at %d of %q: its first letter is not in pronounFirst", l[i:i+w], i, l)
			}
		}
	}
}

// splitInlineLabels hands back the blocks as they are when nothing is
// split, and copies them when something is (the input stays as it was).
func TestS23SplitInlineLabelsCopiesOnlyOnSplit(t *testing.T) {
	plain := []block{{text: "Python and Go", kind: kindPara}, {text: "Kafka", kind: kindItem}}
	if got := splitInlineLabels(plain); len(got) != 2 || &got[0] != &plain[0] {
		t.Errorf("nothing to split: got %+v, a copy or other blocks", got)
	}
	in := []block{
		{text: "About us", kind: kindPara},
		{text: "Vi söker en utvecklare. Krav: Java, SQL. Meriterande: Kubernetes.", kind: kindPara},
		{text: "Erfarenhet • Java • SQL", kind: kindItem},
	}
	before := append([]block(nil), in...)
	got := splitInlineLabels(in)
	if len(got) <= len(in) {
		t.Fatalf("split: got %+v", got)
	}
	if !equalBlocks(in, before) {
		t.Errorf("split changed its input: %+v, was %+v", in, before)
	}
	if got[0] != in[0] {
		t.Errorf("first block %+v, want %+v", got[0], in[0])
	}
}

// nfcString is norm.NFC.String: ASCII as it is, the rest composed.
func TestS23NFCString(t *testing.T) {
	for in, want := range map[string]string{"": "", "Zurich": "Zurich", "Zu\u0308rich": "Zürich", "Zürich": "Zürich"} {
		if got := nfcString(in); got != want {
			t.Errorf("nfcString(%q) = %q, want %q", in, got, want)
		}
	}
}

// analyze takes its working slices from a pool: a posting comes out the
// same whatever was analysed before it, also when postings are normalized
// at the same time (go test -race).
func TestS23PooledBuffersKeepNoState(t *testing.T) {
	n := normalizer(t)
	long := loadRaw(t, "research_scientist")
	long.DescriptionHTML = strings.Repeat(long.DescriptionHTML, 8)
	var raws []model.Raw
	for _, name := range postingNames(t) {
		raws = append(raws, loadRaw(t, name))
	}
	encode := func(r model.Raw) string {
		b, err := model.Encode(n.Normalize("s", "Netflix", r))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := make([]string, len(raws))
	for i, r := range raws {
		first[i] = encode(r)
	}
	for i := len(raws) - 1; i >= 0; i-- { // after other postings, after a long one
		encode(long)
		if got := encode(raws[i]); got != first[i] {
			t.Fatalf("%s after other postings:\n%s\nfirst:\n%s", postingNames(t)[i], got, first[i])
		}
	}
	done := make(chan []string)
	for g := 0; g < 4; g++ {
		go func() {
			out := make([]string, len(raws))
			for i, r := range raws {
				b, _ := model.Encode(n.Normalize("s", "Netflix", r))
				out[i] = string(b)
			}
			done <- out
		}()
	}
	for g := 0; g < 4; g++ {
		out := <-done
		for i := range out {
			if out[i] != first[i] {
				t.Errorf("%s normalized beside others differs", postingNames(t)[i])
			}
		}
	}
}

// asciiLower lowers eight bytes at a time: the same as byte by byte, for
// every byte value at every place.
func TestS23ASCIILowerMatchesBytewise(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	cases := []string{"", "A", "Hello, World!", "ÄÖÜ äöü ZÜRICH", "@[`{AZaz", string(all)}
	for k := 1; k < 16; k++ {
		cases = append(cases, string(all[k:])+string(all[:k]))
	}
	for _, s := range cases {
		want := []byte(s)
		for i, c := range want {
			if c >= 'A' && c <= 'Z' {
				want[i] = c + 32
			}
		}
		if got := asciiLower(s, nil); string(got) != string(want) {
			t.Errorf("asciiLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// runesUpTo counts as utf8.RuneCountInString does, up to past its bound.
func TestS23RunesUpTo(t *testing.T) {
	for _, s := range []string{"", "a", "Zürich", "北京 | 1-5年", "\xff\xfe", "a\xe2\x80", strings.Repeat("é", 300),
		strings.Repeat("a", 240), strings.Repeat("a", 241), strings.Repeat("ab\xc3", 100)} {
		for _, max := range []int{0, 1, 5, 60, 240} {
			want := min(utf8.RuneCountInString(s), max+1)
			if got := runesUpTo(s, max); got != want {
				t.Errorf("runesUpTo(%q, %d) = %d, want %d", s, max, got, want)
			}
		}
	}
}

// tagAtom reads the tag name from the raw tag: the same atom as
// atom.Lookup(z.TagName()) for every tag the tokenizer returns.
func checkTagAtoms(t *testing.T, doc string) {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			got := tagAtom(z, tt)
			name, _ := z.TagName()
			if want := atom.Lookup(name); got != want {
				t.Fatalf("%q: tag %q: tagAtom %v, TagName's atom %v", doc, z.Raw(), got, want)
			}
		}
	}
}

var tagAtomCases = []string{
	"<p>a</p>", "<P CLASS=x>a</P >", "<li>x</li\n>", "<br/><BR /><hr>", "<scr\x00ipt>x</scr\x00ipt>",
	"<script>if (a<b) {}</script><p>x", "<title>t</title><style>p{}</style>", "<a\vb>x</a\vb>", "<p", "</p",
	"<!-- c --><p>x", "</>", "<div\n class=a>", "<textarea></p></textarea>", "<strong>B</strong>",
	"<" + strings.Repeat("a", 40) + ">", "<annotation-xml>", "<h1>T</h1><H2>U</H2>", "<p/>x</p/>", "<td>1<th>2",
}

func TestS23TagAtom(t *testing.T) {
	for _, doc := range tagAtomCases {
		checkTagAtoms(t, doc)
	}
	for _, name := range postingNames(t) {
		checkTagAtoms(t, loadRaw(t, name).DescriptionHTML)
	}
}

func FuzzS23TagAtom(f *testing.F) {
	for _, doc := range tagAtomCases {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		checkTagAtoms(t, doc)
	})
}

// gluedHeadingRef is gluedHeading as it was: every prefix of up to three
// words lowered by strings.ToLower, with no look at the first word alone.
func gluedHeadingRef(s string) (string, string) {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return "", s
	}
	end := 0
	for n := 0; n < 3; n++ {
		sp := strings.IndexByte(s[end:], ' ')
		if sp <= 0 {
			return "", s
		}
		end += sp
		if gluedHeadings[strings.ToLower(s[:end])] {
			rest := s[end+1:]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) && len(rest) > 0 {
				return s[:end], rest
			}
		}
		end++
	}
	return "", s
}

func TestS23GluedHeadingMatchesRef(t *testing.T) {
	var cases []string
	for h := range gluedHeadings {
		for _, v := range []string{h, strings.ToUpper(h), strings.ToUpper(h[:1]) + h[1:]} {
			cases = append(cases, v+" Du har", v+" du har", v, v+"  Vi", v+" Ärlig", "Om "+v+" Vi")
		}
	}
	for _, l := range gluedLines(t) {
		l = collapse(l)
		for i := 0; i < len(l); i++ {
			if i == 0 || l[i-1] == ' ' {
				cases = append(cases, l[i:])
			}
		}
	}
	for _, s := range cases {
		gh, gr := gluedHeading(s)
		wh, wr := gluedHeadingRef(s)
		if gh != wh || gr != wr {
			t.Fatalf("gluedHeading(%q) = %q, %q; want %q, %q", s, gh, gr, wh, wr)
		}
	}
}
