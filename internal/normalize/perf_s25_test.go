package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Session 25 made BenchmarkNormalize faster without changing any output.
// These tests hold the fast paths to the forms they replaced, on every
// line of the corpus documents (titles, labels and sentences of real
// postings) and on fuzz inputs.

// corpusLinesS25 are the lines of the corpus documents, the titles of the
// in-repo postings and a few made-up titles.
func corpusLinesS25(t testing.TB) []string {
	t.Helper()
	lines := []string{"", "L5", "l5", "L 5", "Level 5/6", "LEVEL 7", "Research Scientist 5/6", "Engineer (5/6)",
		"Engineer L4-L5", "L5/6", "Lead L9", "leveL3", "Levels 4", "level\u00a04", "L\u0035"}
	for _, name := range postingNames(t) {
		lines = append(lines, loadRaw(t, name).Title)
	}
	files, err := filepath.Glob(filepath.Join("..", "corpus", "testdata", "docs", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents: %v", err)
	}
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(d), "\n")...)
	}
	return lines
}

// The patterns Levels read titles with before lLevels and bareLevels.
var (
	reLLevel     = regexp.MustCompile(`\bL([3-8])((?:\s*[/-]\s*L?[3-8]\b)*)\b`)
	reBareLevels = regexp.MustCompile(`(?:[A-Za-z]\s+|\(\s*)([3-8])\s*/\s*([3-8])(?:\s*\)|\s*$|\s*[,\-–|])`)
)

// levelsRef is Levels as it was before it ran the word pattern only on
// titles that hold "level" and read the other two without regular
// expressions.
func levelsRef(title string) []string {
	if !strings.ContainsAny(title, "345678") {
		return seniority(title)
	}
	set := map[string]bool{}
	addDigits := func(s string) {
		for _, d := range reDigit.FindAllString(s, -1) {
			set["L"+d] = true
		}
	}
	for _, m := range reLLevel.FindAllString(title, -1) {
		addDigits(m)
	}
	for _, m := range reWordLevel.FindAllStringSubmatch(title, -1) {
		addDigits(m[1] + m[2])
	}
	for _, m := range reBareLevels.FindAllStringSubmatch(title, -1) {
		lo, hi := m[1][0], m[2][0]
		if hi >= lo && hi-lo <= 2 {
			set["L"+m[1]] = true
			set["L"+m[2]] = true
		}
	}
	if len(set) > 0 {
		out := make([]string, 0, len(set))
		for l := range set {
			out = append(out, l)
		}
		sort.Strings(out)
		return out
	}
	return seniority(title)
}

func TestS25LevelsMatchesRef(t *testing.T) {
	n := 0
	for _, l := range corpusLinesS25(t) {
		got, want := Levels(l), levelsRef(l)
		if !equalStrings(got, want) {
			t.Errorf("Levels(%q) = %q, want %q", l, got, want)
		}
		if len(want) > 0 && want[0][0] == 'L' && want[0][1] >= '3' && want[0][1] <= '8' {
			n++
		}
	}
	if n < 5 {
		t.Errorf("%d lines with numbered levels, want 5 or more: the test reads too few", n)
	}
}

func FuzzS25Levels(f *testing.F) {
	for _, s := range []string{"Research Scientist/Engineer (L5/L6)", "Level 5/6", "leVel 4", "Engineer 5/6 - ML", "Senior L7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Levels(s), levelsRef(s); !equalStrings(got, want) {
			t.Fatalf("Levels(%q) = %q, want %q", s, got, want)
		}
	})
}

// The prefilters are necessary conditions of the patterns: a match of
// each holds what its filter looks for.
func TestS25LevelFiltersHoldEveryMatch(t *testing.T) {
	for _, c := range []struct {
		re     *regexp.Regexp
		filter func(string) bool
	}{
		{reWordLevel, func(s string) bool { return containsFoldASCII(s, "level") }},
	} {
		for _, l := range corpusLinesS25(t) {
			for _, m := range c.re.FindAllString(l, -1) {
				if !c.filter(m) {
					t.Errorf("%v matches %q in %q, which its filter rejects", c.re, m, l)
				}
			}
		}
	}
}

// refTokens are the tokens html.Tokenizer reads in s, as htmlBlocks read
// them before plainTokens: the tag's atom (tagAtom), the text decoded.
func refTokens(s string) []htmlToken {
	var out []htmlToken
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			out = append(out, htmlToken{tt: tt, text: string(z.Text())})
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			out = append(out, htmlToken{tt: tt, a: tagAtom(z, tt)})
		default:
			out = append(out, htmlToken{tt: tt})
		}
	}
}

// checkPlainTokens fails when plainTokens reads s and its tokens differ
// from html.Tokenizer's; it says whether plainTokens read s.
func checkPlainTokens(t *testing.T, s string) bool {
	t.Helper()
	got, ok := plainTokens(s, nil)
	if !ok {
		return false
	}
	want := refTokens(s)
	if !slices.Equal(got, want) {
		t.Errorf("plainTokens(%.200q) =\n%v\nhtml.Tokenizer:\n%v", s, got, want)
	}
	return true
}

var plainTokenCases = []string{
	"", "text", "<p>a</p>", "<P CLASS=x>a &amp; b</P>", "<br/>", "<br />", "<br / >", "<br/ >", "<img src=\"a/b\"/>",
	"<img src=a/>", "<img src=a />", "<input disabled/>", "<input disabled />", "<a b=\"\"/>", "<a b = 'c>d' e>x",
	"a < b", "a <", "a </", "</>", "</ p>", "<!-- c -->x", "<!DOCTYPE html><p>x", "<?xml?>", "<script>a<b</script>",
	"<SCRIPT/>x", "<title>a&amp;b</title>", "<p>a\r\nb</p>", "a\x00b", "<p a=>", "<p =a>", "<p a=\"x>", "<p a\"b>",
	"<p\"x>", "<my-element>x</my-element>", "<b>Nice to have:</b> Scala", "<ul><li>Python</li><li>Go</li></ul>",
	"<p>&lt;p&gt;</p>", "<p>&amp</p>", "<p>&notit;</p>", "<strong >x</strong >", "</p a=b>", "</p/>",
	"<" + strings.Repeat("a", 31) + ">x", "<" + strings.Repeat("h", 32) + ">", "<" + strings.Repeat("b", 33) + ">",
	"<td>1</td><th>2</th>", "<p a='1'b='2'>", "<p a=1 b=2>", "<p\ta\n=\f'1'>", "<p a=b=c>", "<p a=#x%>",
}

func TestS25PlainTokensMatchTokenizer(t *testing.T) {
	read := 0
	for _, s := range plainTokenCases {
		if checkPlainTokens(t, s) {
			read++
		}
	}
	files, err := filepath.Glob(filepath.Join("..", "corpus", "testdata", "docs", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents: %v", err)
	}
	pages := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(d)
		if checkPlainTokens(t, s) && strings.HasSuffix(f, ".html") {
			pages++
		}
		checkPlainTokens(t, html.UnescapeString(s))
		lines := strings.Split(s, "\n")
		checkPlainTokens(t, "<p>"+strings.Join(lines, "</p><p>")+"</p>")
		checkPlainTokens(t, strings.Join(lines, "<br>"))
	}
	for _, name := range postingNames(t) {
		checkPlainTokens(t, loadRaw(t, name).DescriptionHTML)
	}
	t.Logf("plainTokens read %d of %d cases and %d of %d corpus files' pages", read, len(plainTokenCases), pages, len(files))
	// the fast path must be the common one, or it tests nothing
	if read < 20 || pages < 50 {
		t.Errorf("plainTokens read %d cases and %d corpus pages, want 20 and 50 or more", read, pages)
	}
}

func FuzzS25PlainTokens(f *testing.F) {
	for _, s := range plainTokenCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainTokens(t, s)
	})
}

// Random pages of tag and text pieces, read by both: most of them in
// plain markup, the rest left to html.Tokenizer.
func TestS25PlainTokensRandomPages(t *testing.T) {
	r := rand.New(rand.NewSource(25))
	pieces := []string{"<", ">", "/", "a", "b", "p", "B", "P", "=", "\"", "'", " ", "\n", "\t", "\f", "\r", "\x00",
		"&", "amp;", "&lt;", "&#776;", "&nbsp", "!", "?", "<!--", "-->", "br", "script", "SCRIPT", "Title", "li",
		"-", "#", "%", ":", "_", "1", "é", "x=y", "<br/>", "</b>", "<strong>", "<p class=\"a\">", "</p>"}
	read := 0
	for n := 0; n < 50000 && !t.Failed(); n++ {
		var b strings.Builder
		for k := r.Intn(30); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		if checkPlainTokens(t, b.String()) {
			read++
		}
	}
	if read < 10000 {
		t.Errorf("plainTokens read %d of 50000 random pages, want 10000 or more", read)
	}
}

// labelLocations gives what Locations gives, the first time and from the
// cache, as a slice of the caller's own.
func TestS25LabelLocationsMatchLocations(t *testing.T) {
	lines := corpusLinesS25(t)
	lines = append(lines, strings.Repeat("Oslo, ", 50), "Germany / Remote", "Remote (USA)", "")
	for round := 0; round < 2; round++ {
		for _, l := range lines[:min(len(lines), 3000)] {
			got, want := labelLocations(l), Locations(l)
			if !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("round %d: labelLocations(%q) = %+v, want %+v", round, l, got, want)
			}
			if len(got) > 0 {
				got[0].Country = "changed" // the caller's own: the cache keeps its copy
			}
		}
	}
}

// Random titles of level pieces, read by both.
func TestS25LevelsRandomTitles(t *testing.T) {
	r := rand.New(rand.NewSource(25))
	pieces := []string{"L", "l", "3", "4", "5", "6", "7", "8", "9", "2", "/", "-", " ", "\t", "(", ")", ",", "–", "|",
		"a", "Z", "_", "é", "Level", "level ", "Engineer", "L5", "5/6", "\u00a0", "\n", ".", "Senior "}
	levelled := 0
	for n := 0; n < 100000 && !t.Failed(); n++ {
		var b strings.Builder
		for k := r.Intn(12); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		got, want := Levels(s), levelsRef(s)
		if !equalStrings(got, want) {
			t.Errorf("Levels(%q) = %q, want %q", s, got, want)
		}
		if len(want) > 0 && want[0][0] == 'L' && want[0][1] >= '3' && want[0][1] <= '8' {
			levelled++
		}
	}
	if levelled < 5000 {
		t.Errorf("%d random titles with numbered levels, want 5000 or more", levelled)
	}
}

// mayOpenItem turns away no item opener; wordEnd's run of ASCII letters
// and digits ends where the byte loop ended it.
func TestS25TokenFilters(t *testing.T) {
	for w := range itemOpeners {
		if !mayOpenItem(w) {
			t.Errorf("mayOpenItem(%q) = false for an item opener", w)
		}
	}
	rejected := 0
	for _, l := range corpusLinesS25(t) {
		for _, w := range strings.Fields(l) {
			if !mayOpenItem(w) {
				rejected++
			}
		}
	}
	if rejected == 0 {
		t.Error("mayOpenItem turned away no word of the corpus: the filter filters nothing")
	}
	for c := 0; c < 256; c++ {
		if asciiAlnum[c] != isASCIIAlnum(byte(c)) {
			t.Errorf("asciiAlnum[%d] = %v", c, asciiAlnum[c])
		}
	}
}

// indexDigit finds the first digit a byte loop finds.
func indexDigitRef(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return -1
}

func TestS25IndexDigit(t *testing.T) {
	cases := []string{"", "0", "abcdefgh9", "abcdefg/", "abcdefg:", "\xb0\xb9\xff\x80", "é1", "€ 60.000", strings.Repeat("x", 17) + "5"}
	for c := 0; c < 256; c++ {
		for pad := 0; pad < 10; pad++ {
			cases = append(cases, strings.Repeat("a", pad)+string([]byte{byte(c)})+"zzzzzzzz")
		}
	}
	cases = append(cases, corpusLinesS25(t)...)
	for _, s := range cases {
		if got, want := indexDigit(s), indexDigitRef(s); got != want {
			t.Errorf("indexDigit(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzS25IndexDigit(f *testing.F) {
	f.Add("Salary: 60,000 - 80,000 per year")
	f.Add("abcdefgh/:")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexDigit(s), indexDigitRef(s); got != want {
			t.Fatalf("indexDigit(%q) = %d, want %d", s, got, want)
		}
	})
}
