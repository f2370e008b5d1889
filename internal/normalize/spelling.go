package normalize

import "strings"

// British spellings of the taxonomy's aliases are matched without listing
// each one: an alias written the American way ("data modeling",
// "containerization", "human-centered design") also matches its British
// spelling ("data modelling", "containerisation", "human-centred design"),
// unless that spelling is another entry's alias. Only case-insensitive
// aliases get one: a case-sensitive alias is a product's own spelling
// ("Kustomize", "Optimizely").

// britishSuffixes are the American word endings and their British
// spellings, longest first; a word takes the first that fits.
var britishSuffixes = [][2]string{
	{"izations", "isations"}, {"ization", "isation"},
	{"izing", "ising"}, {"ized", "ised"}, {"izers", "isers"}, {"izer", "iser"}, {"izes", "ises"}, {"ize", "ise"},
	{"yzing", "ysing"}, {"yzed", "ysed"}, {"yzers", "ysers"}, {"yzer", "yser"}, {"yzes", "yses"}, {"yze", "yse"},
	{"eling", "elling"}, {"eled", "elled"}, {"elers", "ellers"}, {"eler", "eller"},
}

// britishWords are whole words spelt otherwise in British English.
var britishWords = map[string]string{
	"center": "centre", "centers": "centres", "centered": "centred", "centric": "centric",
	"color": "colour", "colors": "colours", "behavior": "behaviour", "behaviors": "behaviours",
	"behavioral": "behavioural", "catalog": "catalogue", "catalogs": "catalogues",
	"defense": "defence", "analog": "analogue", "favorite": "favourite",
	"labor": "labour", "harbor": "harbour", "neighbor": "neighbour", "neighbors": "neighbours",
	"license": "licence", "licenses": "licences",
}

// britishSpelling returns the British spelling of a lowered alias, or ""
// when it has none.
func britishSpelling(a string) string {
	var b strings.Builder
	changed := false
	start := -1
	flush := func(end int) {
		w := a[start:end]
		if v := britishWord(w); v != "" {
			b.WriteString(v)
			changed = true
		} else {
			b.WriteString(w)
		}
		start = -1
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c >= 'a' && c <= 'z' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(i)
		}
		b.WriteByte(c)
	}
	if start >= 0 {
		flush(len(a))
	}
	if !changed {
		return ""
	}
	return b.String()
}

// britishWord returns the British spelling of one lowered word, or "".
func britishWord(w string) string {
	if v, ok := britishWords[w]; ok {
		if v == w {
			return ""
		}
		return v
	}
	for _, s := range britishSuffixes {
		stem, ok := strings.CutSuffix(w, s[0])
		if !ok {
			continue
		}
		// "size", "prize", "seize" and their kin keep their z; "feeling",
		// "wheeled" and short words ("eled") are not the doubled l.
		if len(stem) < 3 || strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "pr") ||
			strings.HasSuffix(stem, "se") || strings.HasSuffix(stem, "e") {
			return ""
		}
		return stem + s[1]
	}
	return ""
}

// German declines the adjective of an alias that is an adjective before
// its noun ("künstliche Intelligenz", "verteilte Systeme",
// "objektorientierte Programmierung"): after an article or a preposition
// the text writes "künstlicher Intelligenz", "der künstlichen
// Intelligenz", "mit verteilten Systemen", "Kenntnisse objektorientierter
// Programmierung". Such an alias also matches its adjective's other
// endings, and a noun in -e its dative plural in -en, a noun in -en its
// genitive in -ens ("maschinellen Lernens"), unless that form is another
// entry's alias (session 36).

// germanEndings are the adjective's endings, longest first.
var germanEndings = []string{"en", "er", "es", "em", "e"}

// germanForms returns the other declined forms of an alias made of a
// lowercase German adjective and a capitalised noun, lowered; nil for any
// other alias.
func germanForms(a string) []string {
	adj, noun, ok := strings.Cut(a, " ")
	if !ok || strings.Contains(noun, " ") || adj == "" || noun == "" {
		return nil
	}
	if r := []rune(noun)[0]; !(r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü') || strings.ToUpper(noun) == noun {
		// a German noun opens with its capital and goes on in small
		// letters; an acronym ("secure SDLC") is no German noun (review
		// s36b F16)
		return nil
	}
	for _, r := range adj {
		if !(r >= 'a' && r <= 'z' || r == 'ä' || r == 'ö' || r == 'ü' || r == 'ß' || r == '-') {
			return nil
		}
	}
	stem := ""
	for _, e := range germanEndings {
		if s, ok := strings.CutSuffix(adj, e); ok && len(s) >= 4 {
			stem = s
			break
		}
	}
	if stem == "" {
		return nil
	}
	noun = strings.ToLower(noun)
	nouns := []string{noun}
	switch {
	case strings.HasSuffix(noun, "en"):
		nouns = append(nouns, noun+"s")
	case strings.HasSuffix(noun, "e"):
		nouns = append(nouns, noun+"n")
	}
	var out []string
	for _, e := range germanEndings {
		for _, n := range nouns {
			if f := stem + e + " " + n; f != strings.ToLower(a) {
				out = append(out, f)
			}
		}
	}
	return out
}
