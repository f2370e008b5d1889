package normalize

import (
	"strings"
	"testing"
)

// Session 24 made BenchmarkNormalize faster without changing any output.
// These tests hold the fast paths to the forms they replaced.

// collapseInto must write what collapse makes of the same bytes, and leave
// the texts it returned before as they were while the arena grows.
func TestS24CollapseIntoMatchesCollapse(t *testing.T) {
	var arena strings.Builder // no Grow: every case may move the buffer
	var got, want []string
	for _, s := range collapseCases {
		got = append(got, collapseInto(&arena, []byte(s)))
		want = append(want, collapse(s))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("collapseInto(%q) = %q, want %q", collapseCases[i], got[i], want[i])
		}
	}
}

func FuzzS24CollapseInto(f *testing.F) {
	for _, s := range collapseCases {
		f.Add(s, "a  b")
	}
	f.Fuzz(func(t *testing.T, s, s2 string) {
		var arena strings.Builder
		first := collapseInto(&arena, []byte(s))
		second := collapseInto(&arena, []byte(s2))
		if first != collapse(s) || second != collapse(s2) {
			t.Fatalf("collapseInto(%q, %q) = %q, %q, want %q, %q", s, s2, first, second, collapse(s), collapse(s2))
		}
	})
}

// titledLanguage must read what Language reads of the title and the text
// joined, wherever languageScan cuts them (in the title, at the line
// break, inside a rune of the text).
func TestS24TitledLanguageMatchesJoined(t *testing.T) {
	texts := []string{
		"", "We are looking for a data engineer to join the team and work with us.",
		"Wir suchen eine Kollegin, die mit uns an der Plattform arbeitet und die Daten versteht.",
		"Nous recherchons un ingénieur pour rejoindre notre équipe et travailler avec nous.",
		"北京 | 1-5年 数据工程师", "Мы ищем инженера данных в нашу команду",
	}
	var cases [][2]string
	for _, a := range texts {
		for _, b := range texts {
			cases = append(cases, [2]string{a, b}, [2]string{a, strings.Repeat(b+" ", 80)}, [2]string{strings.Repeat(a+" ", 80), b})
		}
	}
	for n := languageScan - 8; n <= languageScan+2; n++ {
		for _, w := range []string{"ü", "北", "a"} {
			cases = append(cases, [2]string{strings.Repeat("x", n), strings.Repeat(w, 10)}, [2]string{"Data Engineer", strings.Repeat("é", n/2) + w + strings.Repeat(" and the", 50)})
		}
	}
	for _, c := range cases {
		if got, want := titledLanguage(c[0], c[1]), Language(c[0]+"\n"+prefix(c[1], languageScan)); got != want {
			t.Errorf("titledLanguage(%.40q, %.40q) = %q, want %q", c[0], c[1], got, want)
		}
	}
}

func FuzzS24TitledLanguage(f *testing.F) {
	f.Add("Data Engineer", "We are looking for a data engineer to join the team.", 0)
	f.Add("Dateningenieur", "Wir suchen eine Kollegin, die mit uns arbeitet.", 2990)
	f.Fuzz(func(t *testing.T, title, text string, pad int) {
		if pad < 0 || pad > 4000 {
			return
		}
		title = strings.Repeat("a ", pad/2) + title
		if got, want := titledLanguage(title, text), Language(title+"\n"+prefix(text, languageScan)); got != want {
			t.Fatalf("titledLanguage(%q, %q) = %q, want %q", title, text, got, want)
		}
	})
}

// tzNoteRef is tzNote as it was before its fast path for a text that
// names no time zone.
func tzNoteRef(f string) bool {
	zone := false
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '/' || r == ',' }) {
		z := strings.TrimRight(w, "+-0123456789:.")
		if z == "utc" || z == "gmt" || z == "cet" || z == "cest" {
			zone = true
			continue
		}
		if _, ok := knownCities[w]; ok || countryCode(w) != "" {
			return false
		}
	}
	return zone
}

var tzNoteCases = []string{"", "utc", "utc+1", "utc-5 to utc+2", "gmt/cet", "cest", "CET", "london gmt", "germany, cet",
	"remote", "remote (usa)", "los gatos", "cet+1, berlin", "eastern time", "est", "utc+01:00", "cestas", "autcion"}

func TestS24TzNoteMatchesRef(t *testing.T) {
	for _, f := range tzNoteCases {
		if got, want := tzNote(f), tzNoteRef(f); got != want {
			t.Errorf("tzNote(%q) = %v, want %v", f, got, want)
		}
	}
}

func FuzzS24TzNote(f *testing.F) {
	for _, s := range tzNoteCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tzNote(s), tzNoteRef(s); got != want {
			t.Fatalf("tzNote(%q) = %v, want %v", s, got, want)
		}
	})
}

var wordsCases = []string{"", " ", "a", " a b ", "a\tb\nc", "a\u00a0b", "a\u2003b", "a\x85b", "\xffa \xff", "Los Gatos, California",
	"北京 | 1-5年", "a\u200bb", "  mixed\u3000space\v\fhere  "}

func TestS24WordsMatchesFields(t *testing.T) {
	for _, s := range wordsCases {
		if got, want := words(s), len(strings.Fields(s)); got != want {
			t.Errorf("words(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzS24Words(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), len(strings.Fields(s)); got != want {
			t.Fatalf("words(%q) = %d, want %d", s, got, want)
		}
	})
}
