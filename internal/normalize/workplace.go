package normalize

import (
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Workplace returns "remote", "hybrid", "onsite" or "": from the platform's
// hint ("remote_local", "Hybrid", "On-site", "TELECOMMUTE"), else from
// remote locations, else from phrases in the text ("this role is remote").
func Workplace(hint string, locs []model.Location, text string) string {
	if w := workplaceHint(hint); w != "" {
		return w
	}
	for _, l := range locs {
		if l.Remote {
			return "remote"
		}
	}
	return workplaceText(text)
}

func workplaceHint(h string) string {
	if n := remoteShare(h); n >= 0 && n < 100 {
		return "hybrid" // "60 % Remote": part of the time at the place
	}
	f := " " + foldPlace(strings.ReplaceAll(h, "_", " ")) + " "
	remote, office := false, false
	for _, w := range hintRemote {
		remote = remote || strings.Contains(f, w)
	}
	g := strings.ReplaceAll(f, "home office", "") // "home office" is no office
	for _, w := range hintOffice {
		office = office || strings.Contains(g, w)
	}
	switch {
	case strings.TrimSpace(f) == "":
		return ""
	case strings.Contains(f, "hybrid"), remote && office:
		// "Oficina/WFH", "Office or remote": either, so hybrid
		return "hybrid"
	case remote:
		return "remote"
	case office:
		return "onsite"
	}
	return ""
}

// hintRemote and hintOffice are words of a platform's work-mode field for
// work from home and for the office, in English and the languages of the
// corpus (a field naming both is hybrid).
var hintRemote = []string{"remote", "telecommute", "work from home", " wfh ", "virtual", "anywhere", "hjemmekontor",
	"fjernarbeid", "hjemmearbejde", "distans", "remoto", "télétravail", "teletravail", "teletrabajo", "homeoffice",
	"home office", "mobiles arbeiten"}
var hintOffice = []string{"onsite", "on site", "in office", " office", "in person", "oficina", "presencial", "kontor",
	"bureau", "büro", "buero", "présentiel", "presentiel", "vor ort"}

// workplacePhrases are looked for in the lowered text; the first one in the
// text wins.
var workplacePhrases = []struct{ phrase, place string }{
	{"this role is remote", "remote"}, {"this position is remote", "remote"}, {"this is a remote", "remote"},
	{"fully remote", "remote"}, {"100% remote", "remote"}, {"remote position", "remote"}, {"remote role", "remote"},
	{"remote opportunity", "remote"}, {"work remotely", "remote"}, {"working remotely", "remote"},
	{"open to remote", "remote"},
	// the same in the corpus's other languages (session 26)
	{"trabalhar remotamente", "remote"}, {"trabalho remoto", "remote"}, {"100% remoto", "remote"},
	{"totalmente remoto", "remote"}, {"trabajar en remoto", "remote"}, {"trabajo en remoto", "remote"},
	{"trabajar de forma remota", "remote"}, {"trabalhar de forma remota", "remote"}, {"100% en remoto", "remote"},
	{"100% homeoffice", "remote"}, {"100 % remote", "remote"},
	{"this role is hybrid", "hybrid"}, {"this position is hybrid", "hybrid"}, {"hybrid role", "hybrid"},
	{"hybrid position", "hybrid"}, {"hybrid work", "hybrid"}, {"hybrid schedule", "hybrid"},
	{"hybrid model", "hybrid"}, {"hybrid arrangement", "hybrid"}, {"days a week in the office", "hybrid"},
	{"days per week in the office", "hybrid"}, {"days a week in office", "hybrid"}, {"days per week in office", "hybrid"},
	{"days in the office", "hybrid"}, {"days in office", "hybrid"},
	{"this role is onsite", "onsite"}, {"this role is on-site", "onsite"}, {"this position is onsite", "onsite"},
	{"this position is on-site", "onsite"}, {"fully onsite", "onsite"}, {"fully on-site", "onsite"},
	{"onsite role", "onsite"}, {"on-site role", "onsite"}, {"in-office role", "onsite"}, {"office-based", "onsite"},
	{"five days a week in the office", "onsite"}, {"5 days a week in the office", "onsite"},
	{"this role is not remote", "onsite"}, {"not a remote", "onsite"}, {"not eligible for remote", "onsite"},
	// Chinese: remote work; sitting in the office (坐班), or not
	{"远程办公", "remote"}, {"远程工作", "remote"}, {"全远程", "remote"}, {"不需要坐班", "remote"},
	{"无需坐班", "remote"}, {"不用坐班", "remote"}, {"坐班", "onsite"},
	// a place field that says remote ("地点：远程", "工作地点: 远程"), or
	// remote work offered ("可远程", "支持远程")
	{"地点：远程", "remote"}, {"地点:远程", "remote"}, {"地点: 远程", "remote"}, {"地点： 远程", "remote"},
	{"可远程", "remote"}, {"支持远程", "remote"}, {"接受远程", "remote"},
	{"不可远程", "onsite"}, {"不支持远程", "onsite"}, {"不接受远程", "onsite"},
}

// companyPhrases say how the company works, not this job: a job's own
// phrase anywhere in the text wins over them ("我们是一家分布式的公司" in
// the company blurb, "能持续坐班实习 ... 每周保证 3 天在岗" for the intern).
var companyPhrases = []struct{ phrase, place string }{
	{"fully distributed company", "remote"}, {"fully distributed team", "remote"}, {"remote company", "remote"},
	// "a remote-first company", "Remote-First Unternehmen": how the
	// company works
	{"remote-first", "remote"}, {"remote first", "remote"},
	{"分布式的公司", "remote"}, {"分布式公司", "remote"}, {"分布式团队", "remote"},
}

// remoteFirstOnly says whether the text's only word of remote work is a
// remote-first company ("Wir sind als Remote-First Unternehmen
// gestartet"): the text states no work mode of the job itself
// (workplacePhrases).
func remoteFirstOnly(text string) bool {
	if !containsBy(text, "emote", 1) && !strings.Contains(text, "EMOTE") {
		return false
	}
	t := foldable(text)
	if firstPhrase(t, workplacePhrases, workplaceIndex) != "" {
		return false
	}
	l := strings.ToLower(text)
	return strings.Contains(l, "remote-first") || strings.Contains(l, "remote first")
}

// jobRemote says whether the text says the job itself is remote (a
// phrase of workplacePhrases, not a remote-first company).
func jobRemote(text string) bool {
	if text == "" || firstPhrase(foldable(text), workplacePhrases, workplaceIndex) != "remote" {
		return false
	}
	// a remote word beside a denial or a part of the week ("we cannot
	// offer the option to work remotely", "work remotely up to two days
	// a week", "occasionally you may work remotely"): no remote job
	// (review s26b)
	return remoteLimit(text) == ""
}

// remoteLimit returns how a clause with a remote word limits remote work:
// "part" when it gives remote work part of the time ("work remotely up
// to two days a week", "occasionally you may work remotely"), "denied"
// when it denies it ("we cannot offer the option to work remotely"), ""
// when no clause limits it.
func remoteLimit(text string) string {
	l := strings.ToLower(text)
	for i := 0; ; {
		j := strings.Index(l[i:], "remot")
		if j < 0 {
			return ""
		}
		at := i + j
		i = at + len("remot")
		a, b := clauseAround(l, at, 80)
		if k := limitKind(spacedWords(l[a:b])); k != "" {
			return k
		}
	}
}

// limitKind is how the spaced words w of a clause (spacedWords) limit
// remote work: "part", "denied" or "" (remoteLimit).
func limitKind(w string) string {
	if slices.ContainsFunc(remoteParts, func(x string) bool { return strings.Contains(w, x) }) {
		return "part"
	}
	if slices.ContainsFunc(remoteLimits, func(x string) bool { return strings.Contains(w, x) }) {
		return "denied"
	}
	return ""
}

// sentenceAround is the span of s around at, at most reach bytes either
// side, cut at the ends of the sentence that holds at: a denial in the
// sentence before ("who knows, your place is not here with us?! -100%
// remote work") says nothing of the remote word.
func sentenceAround(s string, at, reach int) (a, b int) {
	a, b = max(0, at-reach), min(len(s), at+reach)
	if k := strings.LastIndexAny(s[a:at], "!?\n"); k >= 0 {
		a += k + 1
	}
	if k := strings.LastIndex(s[a:at], ". "); k >= 0 {
		a += k + 2
	}
	if k := strings.IndexAny(s[at:b], "!?\n"); k >= 0 {
		b = at + k
	}
	if k := strings.Index(s[at:b], ". "); k >= 0 {
		b = at + k
	}
	return a, b
}

// clauseAround narrows sentenceAround to the clause of the remote word
// at: a limit in another clause limits something else ("work remotely
// from anywhere in Poland, with travel up to 10%", "100% remote: there
// is no office to commute to"; review s27 F3). A clause after a comma
// that opens with a limit still goes with it ("work remotely, up to two
// days a week").
func clauseAround(s string, at, reach int) (a, b int) {
	a, b = clauseSpan(s, at, reach)
	if b < len(s) && (s[b] == '?' || s[b] == ':') {
		// "Is this a remote role? No, ...", "Working remotely: not
		// possible": the answer after a question or a label goes with
		// the remote word (review s27b F1)
		rest := strings.TrimLeft(s[b+1:], " ")
		for _, x := range remoteAnswers {
			if strings.HasPrefix(rest, x) && (len(rest) == len(x) || !isASCIILetter(rest[len(x)]) && rest[len(x)] < 0x80) {
				e := len(s)
				if k := strings.IndexAny(rest, ".,;!?\n"); k >= 0 {
					e = len(s) - len(rest) + k
				}
				return a, min(e, b+1+reach)
			}
		}
	}
	return a, b
}

// remoteSpares follow "no" in a clause that praises remote work.
var remoteSpares = map[string]bool{"commute": true, "commuting": true, "office": true, "offices": true,
	"relocation": true, "relocating": true, "need": true, "matter": true}

// remoteAnswers open the answer after a question or label about remote
// work that denies or limits it.
var remoteAnswers = []string{"no", "not", "unfortunately", "nein", "nicht", "não", "nej", "nei", "non", "only", "partly", "partially", "hybrid"}

// spacedWords is s between spaces, its clause marks turned to spaces, so
// that the limit words (remoteLimits) match as whole words.
func spacedWords(s string) string {
	return " " + strings.Map(func(r rune) rune {
		if r == '.' || r == ',' || r == ';' || r == '(' || r == ')' {
			return ' '
		}
		return r
	}, s) + " "
}

// clauseSpan is the clause of the remote word at within its sentence.
func clauseSpan(s string, at, reach int) (a, b int) {
	a, b = sentenceAround(s, at, reach)
	if k := strings.LastIndexAny(s[a:at], ",;:"); k >= 0 {
		a += k + 1
	}
	for k := at; k < b; k++ {
		c := s[k]
		if c == '-' && k > 0 && s[k-1] == ' ' && k+1 < b && s[k+1] == ' ' {
			c = ',' // "Fully remote - no office required": a dash between clauses
		}
		switch c {
		case ';', ':':
			return a, k
		case ',':
			next := spacedWords(strings.TrimLeft(s[k+1:b], " "))
			limited := slices.ContainsFunc(remoteLimits, func(x string) bool { return strings.HasPrefix(next, x) })
			if limited && strings.HasPrefix(next, " no ") {
				// "100% remote, no commute", "work remotely, no
				// relocation needed": what remote work spares you
				// (review s27b F8)
				w, _, _ := strings.Cut(next[len(" no "):], " ")
				limited = !remoteSpares[w]
			}
			if !limited {
				return a, k
			}
		}
	}
	return a, b
}

// phraseLimit is remoteLimit of the clause of the text's first phrase of
// workplacePhrases that says remote (l lowered): its words in parentheses
// left out ("(not from the UK)" excludes a place, not remote work), and
// "not hybrid" no part of the week.
func phraseLimit(l string) string {
	at := -1
	for _, p := range workplacePhrases {
		if p.place != "remote" {
			continue
		}
		if i := strings.Index(l, p.phrase); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	a, b := clauseAround(l, at, 80)
	clause := l[a:b]
	for {
		o := strings.IndexByte(clause, '(')
		if o < 0 {
			break
		}
		e := strings.IndexByte(clause[o:], ')')
		if e < 0 {
			clause = clause[:o]
			break
		}
		clause = clause[:o] + " " + clause[o+e+1:]
	}
	return limitKind(strings.ReplaceAll(spacedWords(clause), " not hybrid ", " "))
}

// remoteParts are the words of remoteLimits that give remote work part of
// the time.
var remoteParts = []string{" up to ", " days a week ", " days per week ", " day a week ", " occasionally ",
	" sometimes ", " partially ", " partly ", " hybrid "}

// remoteLimits are words beside a remote word that deny remote work or
// give it part of the time only.
var remoteLimits = []string{" not ", " cannot ", " can't ", " no ", " unfortunately ", " up to ", " days a week ",
	" days per week ", " day a week ", " occasionally ", " sometimes ", " partially ", " partly ", " hybrid ",
	" não ", " no es ", " kein ", " nicht "}

func workplaceText(text string) string {
	if text == "" {
		return ""
	}
	t := foldable(text)
	if w := firstPhrase(t, workplacePhrases, workplaceIndex); w != "" {
		// "You can work remotely, no more than two days a week": remote
		// part of the time is hybrid; "we cannot offer the option to
		// work remotely" says no work mode
		// (only the clause of the phrase that says remote is read: a
		// stipend "of up to $500" elsewhere limits nothing; review s29 F2)
		if w == "remote" {
			switch phraseLimit(strings.ToLower(text)) {
			case "part":
				return "hybrid"
			case "denied":
				return ""
			}
		}
		return w
	}
	return firstPhrase(t, companyPhrases, companyIndex)
}

var (
	workplaceIndex = placePhraseIndex(workplacePhrases)
	companyIndex   = placePhraseIndex(companyPhrases)
)

func placePhraseIndex(phrases []struct{ phrase, place string }) *phraseIndex {
	l := make([]string, len(phrases))
	for i, p := range phrases {
		l[i] = p.phrase
	}
	return newPhraseIndex(l, true)
}

// foldable is text ready for a folding phraseIndex: as it is, unless it
// holds one of the two capitals that lower to ASCII ("İ" to "i", the
// Kelvin sign to "k"), which only lowering the whole text matches.
func foldable(text string) string {
	if strings.Contains(text, "\u0130") || strings.Contains(text, "\u212a") {
		return strings.ToLower(text)
	}
	return text
}

// firstPhrase is the place of the phrase found first in t; at the same
// place, the longer phrase's ("不需要坐班" before "坐班"). x indexes
// phrases.
func firstPhrase(t string, phrases []struct{ phrase, place string }, x *phraseIndex) string {
	if _, k := x.first(t); k >= 0 {
		return phrases[k].place
	}
	return ""
}

// EmploymentType maps a platform's free text to full_time, part_time,
// contract, temporary, internship or "".
func EmploymentType(s string) string {
	f := " " + foldPlace(strings.ReplaceAll(s, "_", " ")) + " "
	switch {
	case strings.TrimSpace(f) == "":
		return ""
	case strings.Contains(f, "intern"), strings.Contains(f, " co op "), strings.Contains(f, "apprentice"),
		strings.Contains(f, "trainee"):
		return "internship"
	case strings.Contains(f, "part time"), strings.Contains(f, "parttime"), strings.Contains(f, " part "):
		return "part_time"
	case strings.Contains(f, "temp"), strings.Contains(f, "seasonal"), strings.Contains(f, "fixed term"):
		return "temporary"
	case strings.Contains(f, "contract"), strings.Contains(f, "freelance"), strings.Contains(f, "consultant"),
		strings.Contains(f, "contingent"):
		return "contract"
	case strings.Contains(f, "full time"), strings.Contains(f, "fulltime"), strings.Contains(f, "regular"),
		strings.Contains(f, "permanent"), strings.Contains(f, " full "), strings.Contains(f, " fte "),
		strings.Contains(f, "salaried"), strings.Contains(f, "employee"):
		return "full_time"
	}
	return ""
}
