package normalize

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	// other languages, where the number is clear
	"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10,
	"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
	"twee": 2, "drie": 3, "vijf": 5, "fem": 5, "tre": 3, "fyra": 4, "fire": 4, "sju": 7, "syv": 7, "åtta": 8, "åtte": 8,
}

// nordicNumbers are the numbers of Danish, Norwegian and Swedish, read
// before "år"/"års" only ("minimum to år": two years; "to" is English
// elsewhere).
var nordicNumbers = map[string]int{"en": 1, "et": 1, "ett": 1, "ei": 1, "eitt": 1, "to": 2, "två": 2, "tre": 3,
	"fire": 4, "fyra": 4, "fem": 5, "seks": 6, "sex": 6, "sju": 7, "syv": 7, "åtte": 8, "åtta": 8, "otte": 8,
	"ni": 9, "nio": 9, "ti": 10, "tio": 10}

// workedWords are the Nordic "worked" after "har" ("som har jobbet fem
// år": who has worked five years).
var workedWords = map[string]bool{"jobbet": true, "arbeidet": true, "jobbat": true, "arbetat": true, "arbejdet": true}

// yearWords name a year in several languages.
var yearWords = map[string]bool{
	"years": true, "year": true, "yrs": true, "yr": true, "years'": true, "jahre": true, "jahren": true,
	"jahr": true, "ans": true, "années": true, "année": true, "años": true, "año": true, "anos": true,
	"ano": true, "anni": true, "anno": true, "jaar": true, "jaren": true, "lat": true, "lata": true,
	"år": true, "års": true, "vuotta": true, "yoe": true, "an": true,
}

// yearWordsBloom turns most words away before yearWords' lookup.
var yearWordsBloom = bloomOf(yearWords)

// yearsMaxBefore make the number a maximum or a span that is not asked of
// the candidate ("up to 2 years", "within 3 years", "a 2-year contract").
var yearsMaxBefore = map[string]bool{
	"to": true, "upto": true, "max": true, "maximum": true, "than": true, "under": true, "within": true,
	"after": true, "every": true, "first": true, "next": true, "past": true, "last": true, "zu": true,
	"for": true,
	// "in den letzten 8 Jahren", "de siste 5 årene": a span of time
	"letzten": true, "vergangenen": true, "siste": true, "senaste": true, "seneste": true, "derniers": true,
	"dernières": true,
}

// nestedBefore are words before a number of years that make it part of a
// figure stated before ("6 Jahre Berufserfahrung und davon zumindest 4
// Jahre praktische Testerfahrung", "5 years, of which 2 in Go"): not an
// alternative minimum.
var nestedBefore = map[string]bool{"davon": true, "hiervon": true, "thereof": true, "which": true, "hvorav": true,
	"varav": true, "heraf": true, "dont": true}

// nestedWith are words that make a number of years part of a figure
// taken before it in the same sentence ("5+ years of experience in
// support operations, including 3+ years in a program role", "8+ years of
// marketing experience, with at least 3+ years managing a team").
var nestedWith = map[string]bool{"including": true, "incl": true, "with": true, "inklusive": true, "inkl": true}

// nestedIn says whether the number of years at toks[k] is part of the
// figure at toks[last] (-1: none taken): a nestedWith word before it
// ("with at least", "including a minimum of") and no sentence end
// between them.
func nestedIn(toks []ytoken, k, last int) bool {
	if last < 0 || last >= k {
		return false
	}
	i := k - 1
	for n := 0; n < 4 && i > last && (yearsStrongBefore[toks[i].s] || toks[i].s == "at" || toks[i].s == "a" || toks[i].s == "of"); n++ {
		i-- // "with at least", "including a minimum of"
	}
	if i <= last || !nestedWith[toks[i].s] && (toks[i].s != "and" || !overallFigure(toks[last+1:i])) {
		return false
	}
	for _, t := range toks[last:i] {
		switch t.s {
		case ".", ";", "\n", "•", "·":
			return false
		}
	}
	return true
}

// overallWords name experience of every kind, not of one skill.
var overallWords = map[string]bool{"software": true, "development": true, "engineering": true, "professional": true,
	"industry": true, "work": true, "working": true, "relevant": true, "it": true, "technical": true, "overall": true,
	"total": true, "programming": true, "commercial": true, "practical": true, "hands": true, "on": true, "-": true}

// overallFigure says whether the words after a figure's "years" name
// overall experience ("of software development experience", "of
// professional experience"): a figure joined to it by "and" ("10+ years of
// software development experience and 5+ years of Python programming
// experience") is part of it, not a separate requirement.
func overallFigure(toks []ytoken) bool {
	if len(toks) < 2 || len(toks) > 6 || toks[0].s != "of" && toks[0].s != "in" ||
		toks[len(toks)-1].s != "experience" && toks[len(toks)-1].s != "," {
		return false
	}
	end := len(toks) - 1
	if toks[end].s == "," {
		end--
	}
	if end < 1 || toks[end].s != "experience" {
		return false
	}
	for _, t := range toks[1:end] {
		if !overallWords[t.s] {
			return false
		}
	}
	return true
}

// experienceCompound says whether w is a compound noun of experience
// ("Projekterfahrung", "Testerfahrung", "ledererfaring").
func experienceCompound(w string) bool {
	for _, suf := range []string{"erfahrung", "erfahrungen", "erfaring", "erfarenhet", "ervaring"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// yearsNext are words after "years" that make it an experience requirement.
var yearsNext = map[string]bool{
	"of": true, "in": true, "experience": true, "exp": true, "working": true, "work": true,
	"building": true, "developing": true, "designing": true, "leading": true, "managing": true,
	"industry": true, "professional": true, "hands": true, "relevant": true, "post": true, "related": true,
	"programming": true, "as": true, "with": true, "doing": true, "writing": true, "applying": true,
	"using": true, "practical": true, "full": true, "full-time": true, "research": true, "technical": true, "software": true,
	"engineering": true, "production": true, "proven": true, "direct": true, "progressive": true,
	"combined": true, "previous": true, "prior": true, "hands-on": true, "'": true, "’": true,
	"erfahrung": true, "berufserfahrung": true, "praxiserfahrung": true, "im": true, "d": true, "de": true,
	"di": true, "ervaring": true, "werkervaring": true, "doświadczenia": true, "experiencia": true,
	"expérience": true, "esperienza": true, "relevante": true, "relevanter": true, "einschlägige": true,
	"einschlägiger": true, "professionnelle": true, "min": true, "minimum": true, "plus": true,
	"erfaring": true, "erfarenhet": true, "arbeidserfaring": true, "arbetslivserfarenhet": true,
	"experiência": true, "erfahrungen": true, "ervaringen": true, "praktischer": true, "praktische": true,
	"erhvervserfaring": true, "arbejdserfaring": true, "yrkeserfaring": true, "yrkeserfarenhet": true,
	"arbetserfarenhet": true, "erfarenheter": true, "praksis": true, "praktisk": true,
}

// experienceWords before the number name what the years are of
// ("Experiência de 2 a 5 anos", "Erfahrung von 3 Jahren").
var experienceWords = map[string]bool{"experience": true, "experiência": true, "experiencia": true,
	"expérience": true, "erfahrung": true, "berufserfahrung": true, "erfaring": true, "erfarenhet": true,
	"ervaring": true, "esperienza": true, "doświadczenie": true, "arbeidserfaring": true, "arbejdserfaring": true,
	"erhvervserfaring": true, "yrkeserfaring": true, "yrkeserfarenhet": true, "arbetslivserfarenhet": true,
	"arbetserfarenhet": true}

// experienceFieldWords follow the word for experience in the name of a
// field of years ("Experience level: 3-5 years", "Experience required:
// 2 years", "Erfaring påkrevd: 3 år"; session 36).
var experienceFieldWords = map[string]bool{"level": true, "required": true, "requirement": true, "needed": true,
	"niveau": true, "nivå": true, "påkrevd": true, "krav": true, "requise": true, "requerida": true, "erforderlich": true}

// rangeWords join the ends of a range of years ("2 a 5 anos", "3 bis 5
// Jahre", "3 à 5 ans").
var rangeWords = map[string]bool{"-": true, "to": true, "a": true, "bis": true, "à": true, "til": true, "till": true,
	"tot": true, "au": true, "~": true}

// yearsStrongBefore are words before the number that make it a minimum.
var yearsStrongBefore = map[string]bool{"least": true, "minimum": true, "min": true, "mindestens": true,
	"minimal": true, "minimaal": true, "minimo": true, "mínimo": true, "moins": true, "menos": true, "über": true,
	"ueber": true, "minimalnie": true, "co": true, "minst": true, "mindst": true, "mind": true, "zumindest": true,
	"wenigstens": true, "mínima": true, "minima": true}

// betweenYearsWords and betweenYearsAnd frame a range of years in words:
// "between 3 and 5 years", "zwischen 3 und 5 Jahren", "entre 3 et 5 ans",
// "mellan 3 och 5 år".
var (
	betweenYearsWords = map[string]bool{"between": true, "zwischen": true, "entre": true, "mellan": true,
		"mellom": true, "tussen": true, "tra": true}
	betweenYearsAnd = map[string]bool{"and": true, "und": true, "et": true, "y": true, "och": true, "og": true,
		"en": true, "e": true}
)

// nordicMaxBefore make the number of years a maximum in Danish,
// Norwegian and Swedish ("inntil 2 år", "högst 3 år", "maks 1 år").
var nordicMaxBefore = map[string]bool{"inntil": true, "høyst": true, "højst": true, "högst": true, "maks": true,
	"maximalt": true, "maksimalt": true}

// yearsNotNext are words after "years" that are not about experience.
var yearsNotNext = map[string]bool{"ago": true, "old": true, "later": true, "from": true, "since": true, "running": true}

// schoolingAfterOf are the words after "N years of" that count schooling,
// not experience ("two years of training in an approved technical school
// and seven years ... experience", "2 years of college and 4 years of
// experience": session 34, round s34's NYC civil-service requirements).
var schoolingAfterOf = map[string]bool{"study": true, "studies": true, "college": true, "university": true,
	"school": true, "schooling": true, "coursework": true, "education": true, "undergraduate": true,
	"postsecondary": true, "post-secondary": true, "tertiary": true, "high": true}

// experienceWithin says whether experience is named in the tokens from i
// up to end before a separator: "4 years of college teaching experience"
// is experience at a college, not schooling (review s34 F3).
func experienceWithin(word func(int) string, i, end int) bool {
	for ; i < end; i++ {
		switch w := word(i); {
		case experienceWords[w]:
			return true
		case w == "." || w == ";" || w == "," || w == "and" || w == "or":
			return false
		}
	}
	return false
}

// schoolWithin says whether a school is named in the tokens from i up to
// (not including) end: "years of training" is schooling only in a school
// ("in an approved technical school"), not "3 years of training ML models".
func schoolWithin(word func(int) string, i, end int) bool {
	for ; i < end; i++ {
		switch word(i) {
		case "school", "college", "institute", "academy", "university":
			return true
		case ".", ";", ",":
			return false
		}
	}
	return false
}

// ytoken is one word, number or symbol of a text, lowered.
type ytoken struct {
	s   string
	num bool
	// capital: the word begins with an ASCII capital in the text (known
	// only when lowering kept the text's length)
	capital bool
}

// ytokenPool holds the token slices of MinYears, which keeps none of
// them: a posting reads up to three texts for years, each a few hundred
// tokens.
var ytokenPool = sync.Pool{New: func() any { return new([]ytoken) }}

// yearTokens appends the tokens of text to out[:0].
func yearTokens(text string, out []ytoken) []ytoken {
	out = out[:0]
	t := lowerText(text)
	cased := len(t) == len(text)
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			out = append(out, ytoken{s: t[i:j], num: true})
			i = j
		case c >= 'a' && c <= 'z':
			j := i
			for j < len(t) {
				if t[j] >= 'a' && t[j] <= 'z' || t[j] == '-' && j+1 < len(t) && t[j+1] >= 'a' && t[j+1] <= 'z' {
					j++
					continue
				}
				if t[j] >= 0x80 {
					if r, size := utf8.DecodeRuneInString(t[j:]); unicode.IsLetter(r) {
						j += size
						continue
					}
				}
				break
			}
			out = append(out, ytoken{s: t[i:j], capital: cased && text[i] >= 'A' && text[i] <= 'Z'})
			i = j
		case c == ' ' || c == '\t' || c == '\r' || c == '*' || c == '_':
			// Markdown emphasis ("**5-8 years**", "_2 years_") is no word
			i++
		case c >= 0x80:
			j := i + 1
			for j < len(t) && t[j]&0xC0 == 0x80 {
				j++
			}
			if r, _ := utf8.DecodeRuneInString(t[i:j]); unicode.IsLetter(r) {
				// a word with letters beyond ASCII ("jähre", "años")
				for j < len(t) {
					r, size := utf8.DecodeRuneInString(t[j:])
					if r < 0x80 && !(r >= 'a' && r <= 'z') || r >= 0x80 && !unicode.IsLetter(r) {
						break
					}
					j += size
				}
				out = append(out, ytoken{s: t[i:j]})
				i = j
				continue
			}
			s := t[i:j]
			if s == "–" || s == "—" {
				s = "-"
			}
			out = append(out, ytoken{s: s})
			i = j
		default:
			out = append(out, ytoken{s: t[i : i+1]})
			i++
		}
	}
	return out
}

// MinYears returns the smallest minimum of years of experience a text
// states ("6+ years", "at least five years", "5-8 years", "minimum of 3
// years", "3+ yrs"), or nil. Years that are not experience ("5 years ago",
// "over 25 years, Netflix has") are ignored.
func MinYears(text string) *int {
	p := ytokenPool.Get().(*[]ytoken)
	toks := yearTokens(text, *p)
	defer func() {
		clear(toks) // the pool holds no text
		*p = toks[:0]
		ytokenPool.Put(p)
	}()
	best := -1
	last := -1 // the token of the last figure taken
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].s
	}
	num := func(i int) (int, bool) {
		if i < 0 || i >= len(toks) {
			return 0, false
		}
		if toks[i].num {
			n, err := strconv.Atoi(toks[i].s)
			return n, err == nil && len(toks[i].s) <= 2
		}
		n, ok := numberWords[toks[i].s]
		return n, ok
	}
	for j, t := range toks {
		if n, ok := yearAdjective(toks, j); ok {
			// "3-jährige Berufserfahrung", "dreijährige Projekterfahrung",
			// "2-årig erfaring": years written as an adjective of the
			// experience
			if !prefSentence(toks, j) && (best < 0 || n < best) {
				best = n
			}
			continue
		}
		if t.s == "decade" || t.s == "decades" {
			// "over a decade of experience", "two decades in industry"
			c, ok := num(j - 1)
			if word(j-1) == "a" || word(j-1) == "one" {
				c, ok = 1, t.s == "decade"
			}
			orMore := word(j+1) == "or" && word(j+2) == "more" // "a decade or more of experience"
			if ok && (yearsNext[word(j+1)] || orMore && yearsNext[word(j+3)]) && !prefSentence(toks, j) && !orgYears(toks, j-1) &&
				!withOtherSubject(toks, j) && (best < 0 || 10*c < best) {
				best = 10 * c
			}
			continue
		}
		if (t.s == "years" || t.s == "mehrjährige" || t.s == "mehrjährig") && word(j+1) == "(" && word(j+3) == "+" && word(j+4) == ")" {
			// "Several years (3+) of experience", "mehrjährige (3+)
			// Berufserfahrung": the figure in brackets is the minimum
			if c, ok := num(j + 2); ok && (yearsNext[word(j+5)] || experienceWords[word(j+5)]) &&
				!prefSentence(toks, j) && (best < 0 || c < best) {
				best = c
			}
			continue
		}
		if t.s == "months" || t.s == "month" {
			// "Some experience (6–18 months)", "6+ months of experience":
			// months of the candidate's experience, in whole years
			if c, ok := monthsOfExperience(toks, j, num); ok && !prefSentence(toks, j) && (best < 0 || c/12 < best) {
				best = c / 12
			}
			continue
		}
		if !yearWordsBloom.may(t.s) || !yearWords[t.s] || t.s == "an" && word(j-1) != "1" {
			continue // French "1 an", not the English article
		}
		k := j - 1
		plus := false
		if word(k) == "+" || word(k) == "plus" {
			plus = true // "5+ years", "5 plus years"
			k--
			if word(k+1) == "plus" && word(k) == "-" {
				k-- // "5-plus years"
			}
		}
		// "3 or more years"; Nordic "2 eller flere år", "2 eller fler år"
		if word(k) == "more" && word(k-1) == "or" || nordicMore[word(k)] && word(k-1) == "eller" {
			plus = true
			k -= 2
		}
		// "five (5) years"
		if word(k) == ")" && word(k-2) == "(" {
			if _, ok := num(k - 1); ok {
				k -= 3
			}
		}
		n, ok := num(k)
		if c, nordic := nordicNumbers[word(k)]; !ok && nordic && (t.s == "år" || t.s == "års") {
			n, ok = c, true // "minimum to år"
		}
		if w, cut := strings.CutSuffix(word(k), "-plus"); !ok && cut {
			n, ok = numberWords[w] // "ten-plus years"
			if d, err := strconv.Atoi(w); !ok && err == nil && len(w) <= 2 {
				n, ok = d, true // "5-plus years"
			}
			plus = true
		}
		if !ok {
			continue
		}
		if word(k+1) == "+" || word(j+1) == "+" {
			plus = true // "10 years+ experience"
		}
		if word(k-1) == "+" && toks[k].num {
			plus = true // "Experiencia demostrable de +3 años"
		}
		// a range "5-8 years", "5 to 8 years"
		if sep := word(k - 1); rangeWords[sep] {
			if m, ok := num(k - 2); ok && m <= n {
				n, k = m, k-2
			}
		}
		// a range "between 3 and 5 years", "zwischen 3 und 5 Jahren",
		// "entre 3 y 5 años": the lower end
		if betweenYearsAnd[word(k-1)] && betweenYearsWords[word(k-3)] {
			if m, ok := num(k - 2); ok && m <= n {
				n, k = m, k-2
			}
		}
		// a range of two number words side by side, Nordic "fem seks år"
		// (five or six years)
		if m, ok := nordicNumbers[word(k-1)]; ok && m >= 2 && !toks[k].num && m < n && (t.s == "år" || t.s == "års") {
			n, k = m, k-1
		}
		next := word(j + 1)
		if yearsNotNext[next] {
			continue
		}
		if (next == "of" || next == "in") && (schoolingAfterOf[word(j+2)] && !experienceWithin(word, j+3, j+6) ||
			word(j+2) == "training" && schoolWithin(word, j+3, j+9)) {
			continue // "2 years of college", "two years of training in a technical school": schooling
		}
		// A maximum or a span not asked of the candidate: "up to 2
		// years", "less than 3 years", "within 2 years".
		if b := word(k - 1); yearsMaxBefore[b] && (b != "than" || (word(k-2) == "less" || word(k-2) == "fewer") && word(k-3) != "not" && word(k-3) != "no" ||
			word(k-3) == "no" && word(k-2) == "more") {
			continue
		}
		if b := word(k - 1); nordicMaxBefore[b] || (b == "än" || b == "enn" || b == "end") && (word(k-2) == "mindre" || word(k-2) == "færre") {
			continue // "Mindre än 1 års erfarenhet", "inntil 2 år": a maximum
		}
		if prefSentence(toks, j) {
			continue // "3+ years of Go is a plus": preferred, not a minimum
		}
		if orgYears(toks, k) || withOtherSubject(toks, j) {
			continue // "We are a company with over 20 years of experience": not the candidate's
		}
		if nestedBefore[word(k-1)] || nestedBefore[word(k-2)] && yearsStrongBefore[word(k-1)] ||
			nestedBefore[word(k-3)] && yearsStrongBefore[word(k-1)] {
			continue // "davon zumindest 4 Jahre": part of the figure before
		}
		if nestedIn(toks, k, last) {
			continue // "8+ years ..., with at least 3+ years managing a team": part of the 8
		}
		if last >= 0 && next == "of" && (word(j+2) == "that" || word(j+2) == "this" || word(j+2) == "such") && experienceWords[word(j+3)] {
			continue // "five (5) years of ... At least three (3) years of that experience ...": part of the five
		}
		if experienceCompound(next) {
			next = "erfahrung" // "5 Jahre Projekterfahrung"
		}
		if certificateOr(toks, k) {
			continue // "Fagbrev som elektriker eller minimum 3 års erfaring": an alternative
		}
		strong := plus || yearsStrongBefore[word(k-1)] || yearsStrongBefore[word(k-2)] ||
			(word(k-1) == "de" || word(k-1) == "von" || word(k-1) == "of") && experienceWords[word(k-2)] ||
			word(k-1) == "or" && word(k-2) == "least" ||
			// "Erste Berufserfahrung (1-2 Jahre)", "Experience level: Mid
			// (3-5 years)", "Première expérience (1 an minimum)": the
			// figure in brackets after the experience it measures
			word(k-1) == "(" && experienceBefore(toks, k-1) ||
			t.s == "yoe" || // "3+ YOE": years of experience
			// "Arbeidserfaring: 2-5 år", "Experience: 3+ years": a field
			word(k-1) == ":" && experienceWords[word(k-2)] ||
			// "Experience level: 3-5 years", "Experience required: 2
			// years": a field named by experience and a word of its own
			word(k-1) == ":" && experienceWords[word(k-3)] && experienceFieldWords[word(k-2)] ||
			// "Expérience : > 3 ans", "Experience ≥ 2 years": a field whose
			// number is a lower bound
			(word(k-1) == ">" || word(k-1) == "≥") && toks[k].num &&
				(experienceWords[word(k-2)] || word(k-2) == ":" && experienceWords[word(k-3)]) ||
			// "Experiencia mínima de 3 años", "Erfahrung: mindestens 3 Jahre"
			(word(k-1) == "de" || word(k-1) == ":" || word(k-1) == "von") && yearsStrongBefore[word(k-2)] && experienceWords[word(k-3)] ||
			// "not less than 3 years", "non inferiore a 7 anni", "pas moins de 3 ans"
			word(k-1) == "than" && word(k-2) == "less" && (word(k-3) == "not" || word(k-3) == "no") ||
			word(k-1) == "a" && word(k-2) == "inferiore" || word(k-1) == "de" && word(k-2) == "moins" ||
			// the candidate "has worked N years": "du har jobbet 3 år",
			// "Vi ser etter en designer, som har jobbet fem seks år"; not
			// anyone's ("et team av utviklere som har jobbet 15 år sammen")
			workedWords[word(k-1)] && word(k-2) == "har" && (word(k-3) == "du" ||
				word(k-3) == "som" && soughtBefore(word, k-4))
		if !strong && !yearsNext[next] && !(next == "or" && word(j+2) == "more") &&
			// "i 2 år eller mer", "3 år eller mere": Nordic "or more"
			!(next == "eller" && (word(j+2) == "mer" || word(j+2) == "mere" || word(j+2) == "mera" || word(j+2) == "längre") &&
				(experienceBefore(toks, k) || experienceWords[word(j+3)])) {
			continue
		}
		if n < 0 || n > 20 {
			continue
		}
		last = j
		if best < 0 || n < best {
			best = n
		}
	}
	// "3年以上", "两年以上工作经验", "三年及以上", "至少1年Rust技术栈工作经验",
	// "（1~3年经验）"
	if strings.Contains(text, "年") {
		text = reCJKNested.ReplaceAllString(text, "$1")
		for _, re := range []*regexp.Regexp{reCJKYears, reCJKAtLeast, reCJKRange, reCJKFieldRange} {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				g := m[1]
				if g == "" && len(m) > 2 {
					g = m[2] // "3年+ 后端开发经验"
				}
				n, err := strconv.Atoi(g)
				if err != nil {
					n = cjkNumbers[g]
				}
				if n > 0 && n <= 20 && (best < 0 || n < best) {
					best = n
				}
			}
		}
	}
	if best < 0 {
		return nil
	}
	return &best
}

var (
	reCJKYears   = regexp.MustCompile(`(\d{1,2}|[一二两三四五六七八九十])\s*\+?\s*年(?:及)?以上|(\d{1,2}|[一二两三四五六七八九十])\s*年\s*\+\s*[^。\n，,；;|]{0,12}经验`)
	reCJKAtLeast = regexp.MustCompile(`至少\s*(\d{1,2}|[一二两三四五六七八九十])\s*年`)
	// a range of years of experience: the lower end
	reCJKRange = regexp.MustCompile(`(\d{1,2}|[一二两三四五六七八九十])\s*[~～\-－到至]\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*年[^。\n，,；;|]{0,12}经验`)
)

// reCJKNested is a figure in brackets right after an overall one: "3 年以上
// 开发经验（1 年以上 GO 开发经验）" asks for 3 years, 1 of them in Go.
// reCJKFieldRange is a range of years written after the word for
// experience, as a field: "工作经验3-5年", "经验：1~3年".
var reCJKFieldRange = regexp.MustCompile(`经验\s*[：:]?\s*(\d{1,2}|[一二两三四五六七八九十])\s*[~～\-－到至]\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*年`)

var reCJKNested = regexp.MustCompile(`(年(?:及)?以上[^。\n，,；;（(]{0,12}经验)\s*[（(][^）)]*年[^）)]*[）)]`)

var cjkNumbers = map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

// experienceBefore says whether the clause before the number at toks[k]
// names experience ("erfaring som elektriker i 2 år eller mer"), so that
// the years are its length and not a contract's ("vikariat i 1 år eller
// mer").
func experienceBefore(toks []ytoken, k int) bool {
	for i := k - 1; i >= 0; i-- {
		w := toks[i].s
		if w == "." || w == ";" || w == "\n" || w == "!" || w == "?" {
			return false
		}
		if experienceWords[w] || experienceCompound(w) {
			return true
		}
	}
	return false
}

// yearAdjectives end a German or Nordic adjective of years ("3-jährige",
// "dreijährige", "2-årig"); yearAdjectiveNumbers are the number words
// before them.
var (
	yearAdjectives = []string{"jährige", "jährigen", "jähriger", "jähriges", "årig", "årige", "årigt",
		// Polish: "minimum 3-letnie doświadczenie"
		"letnie", "letniego", "letnim", "letnią"}
	yearAdjectiveNumbers = map[string]int{"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
		"sieben": 7, "acht": 8, "zehn": 10, "to": 2, "tre": 3, "fire": 4, "fem": 5, "två": 2, "fyra": 4}
)

// yearAdjective reads the years of an adjective at toks[j] that qualifies
// experience ("3-jährige Berufserfahrung", "mindestens dreijährige
// Berufserfahrung", "2-årig erfaring"); "mehrjährige" (several years)
// and a course's length ("treårig utdanning") are none.
func yearAdjective(toks []ytoken, j int) (int, bool) {
	w := toks[j].s
	suffix := ""
	for _, a := range yearAdjectives {
		if strings.HasSuffix(w, a) {
			suffix = a
			break
		}
	}
	if suffix == "" {
		return 0, false
	}
	n := 0
	if head := strings.TrimSuffix(w, suffix); head == "" {
		// "3-jährige": the number and a hyphen before
		if j < 2 || toks[j-1].s != "-" || !toks[j-2].num || len(toks[j-2].s) > 2 {
			return 0, false
		}
		n, _ = strconv.Atoi(toks[j-2].s)
	} else if c, ok := yearAdjectiveNumbers[head]; ok {
		n = c
	} else {
		return 0, false
	}
	// the experience it qualifies, right after (past a comma-free word)
	for k := j + 1; k < len(toks) && k <= j+2; k++ {
		if experienceWords[toks[k].s] || experienceCompound(toks[k].s) {
			return n, n > 0 && n <= 20
		}
	}
	return 0, false
}

// orgSubjects and orgPairs name the company or its team as the subject of
// a clause; orgHave are the "we have" of the languages of the corpus.
var (
	orgSubjects = map[string]bool{"selskapet": true, "firmaet": true, "bedriften": true, "företaget": true,
		"firman": true, "virksomheden": true, "konsernet": true, "koncernen": true, "unternehmen": true,
		"konzern": true, "agency": true}
	orgPairs = map[[2]string]bool{{"our", "team"}: true, {"our", "company"}: true, {"our", "firm"}: true,
		{"our", "group"}: true, {"the", "company"}: true, {"company", "with"}: true, {"team", "with"}: true,
		{"team", "med"}: true, {"team", "mit"}: true, {"unser", "team"}: true, {"notre", "équipe"}: true,
		{"notre", "entreprise"}: true, {"vårt", "team"}: true, {"vårt", "selskap"}: true, {"vores", "team"}: true,
		{"firm", "with"}: true, {"business", "with"}: true}
	orgHave = map[[2]string]bool{{"we", "have"}: true, {"vi", "har"}: true, {"wir", "haben"}: true,
		{"nous", "avons"}: true, {"we", "bring"}: true}
	// words between "we have" and the figure ("over", "more than")
	orgFiller = map[string]bool{"over": true, "more": true, "than": true, "nearly": true, "almost": true,
		"about": true, "around": true, "mer": true, "enn": true, "än": true, "mehr": true, "als": true,
		"über": true, "plus": true, "de": true, "près": true, "snart": true, "nästan": true, "nesten": true}
	// words that make the clause about the candidate after all
	candidateWords = map[string]bool{"you": true, "your": true, "du": true, "deg": true, "dig": true, "sie": true,
		"vous": true, "candidate": true, "candidates": true, "kandidat": true, "kandidaten": true, "someone": true,
		"somebody": true, "person": true, "engineer": true, "developer": true,
		// "join our team with 5+ years of experience": the one who joins
		"join": true, "joining": true, "verstärken": true, "verstärkst": true, "rejoindre": true, "rejoignez": true,
		"bli": true, "ansluta": true}
)

// clauseReach is how many tokens the clause rules of the years read from
// the number each way: a clause of sentences is shorter, and a text with
// no mark that ends a clause (a hostile "3+ years 3+ years ..." for a
// whole description) is not read again to its start at each number.
const clauseReach = 60

// orgYears says whether the number of years at toks[k] is the company's
// or its team's, the subject of its clause ("We are a company with over
// 20 years of experience", "Vi er et team med over 20 års erfaring", "we
// have over 30 years of experience"), not the candidate's.
func orgYears(toks []ytoken, k int) bool {
	stop := func(s string) bool {
		return s == "." || s == ";" || s == "\n" || s == "!" || s == "?" || s == "," || s == "("
	}
	a := k
	for a > 0 && !stop(toks[a-1].s) && k-a < clauseReach {
		a--
	}
	org := false
	for i := a; i < k; i++ {
		w := toks[i].s
		if candidateWords[w] {
			return false
		}
		org = org || orgSubjects[w]
		if i+1 < k {
			pair := [2]string{w, toks[i+1].s}
			org = org || orgPairs[pair]
			if orgHave[pair] {
				m := i + 2
				for m < k && orgFiller[toks[m].s] {
					m++
				}
				org = org || m == k
			}
		}
	}
	return org
}

// withOtherSubject says whether the years at token j open a sentence with
// "with" whose subject, after the comma, is not the candidate: "With more
// than a decade of training AI models on billions of sales interactions,
// Backstory enables ...", "With over 20 years in the market, we ..." are
// the company's; "With 5+ years of experience, you ..." and "..., the
// ideal candidate ..." stay the candidate's.
func withOtherSubject(toks []ytoken, j int) bool {
	a := j
	for a > 0 && toks[a-1].s != "." && toks[a-1].s != "\n" && toks[a-1].s != ";" && toks[a-1].s != "!" && toks[a-1].s != "?" && j-a < clauseReach {
		a--
	}
	if toks[a].s != "with" {
		return false
	}
	c := j + 1
	for c < len(toks) && toks[c].s != "," && c-j < clauseReach {
		switch toks[c].s {
		case ".", "\n", ";", "!", "?":
			return false
		}
		c++
	}
	if c >= len(toks) || toks[c].s != "," {
		return false
	}
	// the rest of the sentence: a list inside the "With" clause has
	// commas of its own ("With 5+ years of Python, SQL and Spark, you
	// ...")
	for i := c + 1; i < len(toks) && i-c <= 2*clauseReach; i++ {
		switch w := toks[i].s; w {
		case ".", "\n", ";", "!", "?":
			return true
		default:
			if candidateWords[w] || w == "you'll" || w == "you're" || w == "you've" {
				return false
			}
		}
	}
	return true
}

// prefSentence says whether the sentence around token j marks itself as
// preferred ("5+ years preferred", "ideally 3 years").
func prefSentence(toks []ytoken, j int) bool {
	// The clause around the years: from the last comma or sentence end
	// before them to the next one ("3+ years of closing experience, ideally
	// with ..." is no preference on the years).
	stop := func(s string) bool {
		return s == "." || s == ";" || s == "\n" || s == "!" || s == "?" || s == "," || s == "("
	}
	a := j
	for a > 0 && !stop(toks[a-1].s) && j-a < clauseReach {
		a--
	}
	k := a
	for ; k < len(toks) && !stop(toks[k].s) && k-j < clauseReach; k++ {
		if k > j+1 && lostItemBreak(toks, j, k) {
			return false
		}
		if yearsMarker(toks, k) {
			return true
		}
	}
	if k < len(toks) && toks[k].s == "(" {
		// a marker alone in the parentheses that close the clause: "2+
		// years of Software Development Experience (preferred)" (review
		// s27 F5); "(ideally with Go)" qualifies Go, not the years
		found := false
		for m := k + 1; m < len(toks) && m <= k+5; m++ {
			switch {
			case toks[m].s == ")":
				return found
			case yearsMarker(toks, m):
				found = true
			case !parenFiller[toks[m].s]:
				return false
			}
		}
	}
	return false
}

// parenFiller are the words a marker alone in parentheses goes with ("a
// big plus", "nice to have", "preferred but not required").
var parenFiller = map[string]bool{"a": true, "big": true, "strong": true, "strongly": true, "highly": true,
	"is": true, "but": true, "not": true, "required": true, "to": true, "have": true, "huge": true, "definite": true}

// yearsMarker says whether toks[k] marks its clause as a preference.
func yearsMarker(toks []ytoken, k int) bool {
	switch toks[k].s {
	case "preferred", "preferably", "ideally", "bonus", "desirable", "desired", "pré", "wünschenswert",
		"idealerweise", "souhaitable", "deseable", "advantage", "nice",
		// "with strong preference to at least one year of experience
		// with ...", "... is advantageous"
		"preference", "preferable", "advantageous",
		// Danish, Norwegian, Swedish: desirable, an advantage, a merit
		"ønskelig", "ønskeligt", "fordel", "meriterande", "meriterende", "meritterende", "önskvärt", "önskvärd":
		return true
	case "plus":
		return k > 0 && toks[k-1].s == "a"
	}
	return false
}

// monthsOfExperience reads a number of months at toks[j] that measures
// experience: in brackets right after an experience word ("Some
// experience (6–18 months)": the lower end of a range) or followed by
// "of experience" or an experience word ("6+ months of experience"). A
// length of something else ("complex sales cycles (6 months+)", "after 6
// months") is not.
func monthsOfExperience(toks []ytoken, j int, num func(int) (int, bool)) (int, bool) {
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].s
	}
	k := j - 1
	if word(k) == "+" {
		k--
	}
	n, ok := num(k)
	if !ok || !toks[k].num {
		return 0, false
	}
	if rangeWords[word(k-1)] {
		if m, ok := num(k - 2); ok && m <= n {
			n, k = m, k-2
		}
	}
	a := j + 1
	if word(a) == "+" {
		a++ // "6 months+ experience"
	}
	inBrackets := word(k-1) == "(" && experienceWords[word(k-2)]
	if inBrackets || experienceWords[word(a)] || word(a) == "of" && experienceWords[word(a+1)] {
		return n, true
	}
	return 0, false
}

// certificateOr says whether the clause before the number at k offers a
// trade certificate, with "or" before the years ("Fagbrev som elektriker
// gr. L eller minimum 3 års erfaring"): the years are an alternative to
// it, not a minimum asked of everyone.
func certificateOr(toks []ytoken, k int) bool {
	or := false
	for a := k - 1; a >= 0 && a > k-15; a-- {
		switch s := toks[a].s; {
		case s == "\n" || s == ";" || s == "!" || s == "?":
			return false
		case s == "eller" || s == "or" || s == "alternativt" || s == "oder":
			or = true
		case or:
			for _, w := range vocationalWords {
				if strings.HasPrefix(s, w) {
					return true
				}
			}
		}
	}
	return false
}

// FieldYears reads the years of a labelled field line of a posting
// ("Arbeidserfaring: 2-5 år", "Erfarenhet: minst 3 år", "Experience: 5+
// years"): a platform's structured requirement, wherever its section.
func FieldYears(text string) *int {
	var best *int
	for line := range strings.SplitSeq(text, "\n") {
		head, rest, ok := strings.Cut(line, ":")
		if !ok || len(head) > 40 {
			continue
		}
		h := strings.ToLower(strings.TrimSpace(strings.TrimLeft(head, "-*•· ")))
		var n *int
		switch {
		case experienceWords[h]:
			n = MinYears(strings.TrimSpace(head) + ": " + rest)
		case yearsFieldHeads[h]:
			// "Years of experience: 5+", "YOE: 3-5": the field's name
			// says years, its value is the number alone
			if m := reBareYears.FindStringSubmatch(rest); m != nil {
				if v, err := strconv.Atoi(m[1]); err == nil {
					n = &v
				}
			}
		}
		if n != nil && (best == nil || *n < *best) {
			best = n
		}
	}
	return best
}

// yearsFieldHeads are the names of a field whose value is a number of
// years of experience alone (session 33 sweep).
var yearsFieldHeads = map[string]bool{"years of experience": true, "years experience": true, "yoe": true,
	"years of experience required": true, "required years of experience": true, "minimum years of experience": true,
	"years of relevant experience": true, "experience (years)": true, "experience in years": true}

// reBareYears is such a field's value: "5+", "3-5", "3 to 5", "5".
var reBareYears = regexp.MustCompile(`^\s*(\d{1,2})\s*(?:\+|(?:-|–|to)\s*\d{1,2})?\s*(?:years?|yrs?)?\s*$`)

// reSummaryYears is the experience field of a Chinese listing's summary
// line: "1-5年", "1- 5年", "3年以上", "经验3-5年".
var reSummaryYears = regexp.MustCompile(`^(?:经验)?\s*(\d{1,2})\s*(?:(?:-|~|～|至)\s*\d{1,2}\s*年|年以上)$`)

// SummaryYears reads the experience field of a listing's summary line
// near the top of a posting, its fields parted by "|" ("北京 | 1- 5年",
// "上海 | 3-5年 | 本科"): a structured requirement like a platform's
// field, whose smallest figure is the minimum.
func SummaryYears(text string) *int {
	if !strings.Contains(text, "年") || !strings.Contains(text, "|") {
		return nil
	}
	var best *int
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		if lines++; lines > 12 {
			break
		}
		if !strings.Contains(line, "|") || utf8.RuneCountInString(line) > 60 {
			continue
		}
		for f := range strings.SplitSeq(line, "|") {
			m := reSummaryYears.FindStringSubmatch(strings.TrimSpace(f))
			if m == nil {
				continue
			}
			if n, err := strconv.Atoi(m[1]); err == nil && (best == nil || n < *best) {
				best = &n
			}
		}
	}
	return best
}

// soughtBefore says whether one of the 8 words up to k names the sought
// candidate ("deg", "dig") or the seeking ("ser etter", "søker", "söker",
// "letar efter"): "som har jobbet N år" is then the candidate's.
func soughtBefore(word func(int) string, k int) bool {
	for i := k; i > k-8; i-- {
		switch word(i) {
		case "deg", "dig", "søker", "söker", "etter", "efter":
			return true
		}
	}
	return false
}

// nordicMore are the Nordic words for "more" after "eller" (or) before a
// figure of years: "2 eller flere år erfaring".
var nordicMore = map[string]bool{"flere": true, "fler": true, "mer": true, "mere": true, "mera": true}

// itemStarts are the words that open a requirement's item ("Experience
// as a ...", "Knowledge of ..."), lowered.
var itemStarts = map[string]bool{"experience": true, "knowledge": true, "understanding": true, "familiarity": true,
	"proficiency": true, "ability": true, "expertise": true, "strong": true, "solid": true, "excellent": true,
	"proven": true, "bachelor": true, "degree": true}

// lostItemBreak says whether token k opens a new item of a list whose
// line breaks were lost ("... in Linux System Administration Experience
// as a Release / DevOps engineer will be a plus"): a capitalised opener
// right after a word that ends no item's phrase mid-way, once the
// figure's own phrase has had its experience word (j is the figure's
// token). A title-case "Experience" that heads the figure's phrase ("2+
// years of Python Experience preferred", "3 years of professional
// Experience would be a plus") is no new item (review s27 F5).
func lostItemBreak(toks []ytoken, j, k int) bool {
	if !toks[k].capital || !itemStarts[toks[k].s] || k == 0 {
		return false
	}
	p := toks[k-1]
	if p.num || len(p.s) == 0 || p.s[0] < 'a' || p.s[0] > 'z' {
		return false
	}
	if itemCannotEnd[p.s] {
		return false
	}
	if !experienceWords[toks[k].s] {
		return true
	}
	for m := j + 1; m < k; m++ {
		if experienceWords[toks[m].s] {
			return true
		}
	}
	return false
}
