package normalize

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

var (
	// "Level 5", "Level 5/6"
	reWordLevel = regexp.MustCompile(`(?i)\blevel\s+([3-8])((?:\s*[/-]\s*[3-8]\b)*)\b`)
	reDigit     = regexp.MustCompile(`[3-8]`)
)

// seniorityOrder is the output order of seniority words.
var seniorityOrder = []string{
	"Intern", "Junior", "I", "II", "III", "IV", "Mid", "Senior", "Staff", "Senior Staff", "Principal",
	"Distinguished", "Lead", "Manager", "Senior Manager", "Director", "Senior Director", "Head", "VP",
}

// Levels returns the levels a title states: Netflix-style L3..L8 ("L5",
// "(L5)", "L5/L6", "Level 5", "Research Scientist 5/6"), ascending; or, when
// there are none, seniority words (Intern, Junior, Senior, Staff, Senior
// Staff, Principal, Distinguished, Lead, Manager, Senior Manager, Director,
// Senior Director, VP) in that order.
func Levels(title string) []string {
	if !strings.ContainsAny(title, "345678") {
		// every numbered level has a digit 3..8: the patterns cannot match
		return seniority(title)
	}
	set := map[string]bool{}
	addDigits := func(s string) {
		for _, d := range reDigit.FindAllString(s, -1) {
			set["L"+d] = true
		}
	}
	lLevels(title, set)
	// the word pattern is run only on a title that holds "level" in any
	// case, as every match of it does
	if containsFoldASCII(title, "level") {
		for _, m := range reWordLevel.FindAllStringSubmatch(title, -1) {
			addDigits(m[1] + m[2])
		}
	}
	bareLevels(title, set)
	return levelSet(set, title)
}

// levelDigit says whether c is a level's digit, 3..8.
func levelDigit(c byte) bool { return c >= '3' && c <= '8' }

// reSpace is the white space of \s in a regular expression: ASCII.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// reWord says whether c is a byte of \w (ASCII letters, digits, '_'): a
// byte outside ASCII is none, as no rune outside ASCII is.
func reWord(c byte) bool { return isASCIIAlnum(c) || c == '_' }

// boundary says whether \b holds at i in s: \w on one side, not on the
// other (or the text's start or end).
func boundary(s string, i int) bool {
	before := i > 0 && reWord(s[i-1])
	after := i < len(s) && reWord(s[i])
	return before != after
}

// lLevels adds to set the levels of every "L5", "(L5)", "- L5", "L5/L6",
// "L4-L5", "L5/6" in s: an "L" that starts a word, a digit 3..8, then
// more of them after a '/' or a '-' (with or without an "L"), each
// ending a word.
func lLevels(s string, set map[string]bool) {
	for p := strings.IndexByte(s, 'L'); p >= 0; {
		e := p
		if p+1 < len(s) && levelDigit(s[p+1]) && boundary(s, p) {
			digits := []byte{s[p+1]}
			q := p + 2
			for {
				r := q
				for r < len(s) && reSpace(s[r]) {
					r++
				}
				if r >= len(s) || s[r] != '/' && s[r] != '-' {
					break
				}
				r++
				for r < len(s) && reSpace(s[r]) {
					r++
				}
				if r < len(s) && s[r] == 'L' && r+1 < len(s) && levelDigit(s[r+1]) {
					r++
				}
				if r >= len(s) || !levelDigit(s[r]) || !boundary(s, r+1) {
					break
				}
				digits = append(digits, s[r])
				q = r + 1
			}
			if boundary(s, q) {
				for _, d := range digits {
					set["L"+string(d)] = true
				}
				e = q - 1 // the next match starts after this one
			}
		}
		n := strings.IndexByte(s[e+1:], 'L')
		if n < 0 {
			return
		}
		p = e + 1 + n
	}
}

// bareLevels adds to set the two levels of every "Research Scientist
// 5/6", "(5/6)" in s, not part of a date or a fraction: a letter and
// white space or a '(' before them, a ')', a ',', a '-', a '–', a '|' or
// the end after them; the second at most two above the first.
func bareLevels(s string, set map[string]bool) {
	for p := 0; p < len(s); p++ {
		c := s[p]
		q := p + 1
		switch {
		case c == '(':
			for q < len(s) && reSpace(s[q]) {
				q++
			}
		case isASCIILetter(c):
			if q >= len(s) || !reSpace(s[q]) {
				continue
			}
			for q < len(s) && reSpace(s[q]) {
				q++
			}
		default:
			continue
		}
		if q >= len(s) || !levelDigit(s[q]) {
			continue
		}
		lo := s[q]
		q++
		for q < len(s) && reSpace(s[q]) {
			q++
		}
		if q >= len(s) || s[q] != '/' {
			continue
		}
		q++
		for q < len(s) && reSpace(s[q]) {
			q++
		}
		if q >= len(s) || !levelDigit(s[q]) {
			continue
		}
		hi := s[q]
		q++
		for q < len(s) && reSpace(s[q]) {
			q++
		}
		switch {
		case q == len(s):
		case s[q] == ')' || s[q] == ',' || s[q] == '-' || s[q] == '|':
			q++
		case strings.HasPrefix(s[q:], "–"):
			q += len("–")
		default:
			continue
		}
		if hi >= lo && hi-lo <= 2 {
			set["L"+string(lo)] = true
			set["L"+string(hi)] = true
		}
		p = q - 1 // the next match starts after this one
	}
}

// levelSet is the levels of set, ascending, else the title's seniority
// words.
func levelSet(set map[string]bool, title string) []string {
	if len(set) > 0 {
		out := make([]string, 0, len(set))
		for l := range set {
			out = append(out, l)
		}
		sort.Strings(out) // "L3" < "L4" < ... < "L8"
		return out
	}
	return seniority(title)
}

// containsFoldASCII says whether s holds word (lower-case ASCII letters
// that fold to no rune outside ASCII: not k nor s) in any case, as a
// (?i) pattern matches it.
func containsFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// titleWords splits a title into lower-case words ("Sr." -> "sr").
func titleWords(title string) []string {
	return strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && unicode.IsLetter(r) && !isCJK(r) || r == '\u2215')
	})
}

// cjkLevels are seniority words of Chinese and Japanese titles.
var cjkLevels = []struct{ word, level string }{
	{"实习", "Intern"}, {"インターン", "Intern"}, {"初级", "Junior"}, {"资深", "Senior"}, {"高级", "Senior"},
	{"中级", "Mid"}, {"负责人", "Lead"}, {"组长", "Lead"},
	{"シニア", "Senior"}, {"首席", "Principal"}, {"总监", "Director"},
}

// techLeadWords before 负责人 make it the lead of engineering work, not
// the head of a function.
var techLeadWords = []string{"技术", "研发", "开发", "项目", "团队", "架构", "工程"}

// techLead says whether the title's 负责人 follows a word of engineering
// work ("区块链技术负责人"); "开发者关系和生态负责人" (developer relations
// and ecosystem) is a function's head though "开发" is in it.
func techLead(title string) bool {
	i := strings.Index(title, "负责人")
	if i < 0 {
		return false
	}
	before := title[:i]
	for _, w := range techLeadWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// icManagerWords precede "manager" in titles that do not manage people.
var icManagerWords = map[string]bool{
	"product": true, "program": true, "programme": true, "project": true, "account": true,
	"community": true, "partner": true, "partnerships": true, "marketing": true, "release": true,
	"content": false, "campaign": true, "customer": true, "success": true, "social": true, "brand": true,
	"channel": true, "category": true, "vendor": true, "case": true, "office": true, "facilities": true,
	"engagement": true, "relationship": true, "client": true, "solutions": true, "implementation": true,
	"onboarding": true, "event": true, "events": true, "territory": true, "expansion": true, "renewals": true,
	"renewal": true, "growth": true, "lifecycle": true, "merchandising": true, "portfolio": true,
	// the manager of a delivery, a transition or an integration project,
	// as a project manager (PROTOCOL.md: the job noun of Program Manager)
	"delivery": true, "transition": true, "integration": true,
	// the manager of a body of work or of money, not of people ("Grants
	// Manager", "Payroll Manager")
	"grants": true, "grant": true, "payroll": true,
}

// isPeopleManager says whether the "manager" at words[i] is a people manager.
// The job noun of a protocol manager role is the role, not a level
// (PROTOCOL.md, Levels): "Engineering Manager", "Software Development
// Manager", "Data Science Manager", and the noun turned round ("Manager,
// Project Management", "Manager, Data Engineering").
func isPeopleManager(w []string, i int) bool {
	if roleManagerNoun(w, i) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if icManagerWords[w[j]] {
			return false
		}
		if w[j] == "tpm" {
			return false
		}
	}
	return true
}

// roleManagerNoun says whether the "manager" at w[i] is the job noun of a
// protocol manager role (see isPeopleManager).
func roleManagerNoun(w []string, i int) bool {
	switch wordAt(w, i-1) {
	case "engineering":
		return true
	case "development":
		switch wordAt(w, i-2) {
		case "software", "application", "applications", "web", "product":
			return true
		}
	case "science":
		return wordAt(w, i-2) == "data"
	}
	j := i + 1
	if wordAt(w, j) == "of" {
		j++
	}
	switch wordAt(w, j) {
	case "engineering":
		return true
	case "project", "projects", "program", "programs", "programme", "product":
		return wordAt(w, j+1) == "management" || wordAt(w, j+1) == "manager"
	case "data", "software":
		n := wordAt(w, j+1)
		return n == "engineering" || n == "science" || n == "development"
	}
	return false
}

// frenchStage says whether the word after a title's first word "Stage"
// makes it the French or Italian internship: a dash or colon, a
// preposition, or a job noun of those languages.
func frenchStage(next string) bool {
	switch next {
	case "-", "–", "—", ":", "en", "de", "d", "d'", "in", "di", "développeur", "développeuse", "ingénieur", "ingénieure",
		"analyste", "assistant", "assistante", "chargé", "chargée", "chef", "sviluppatore", "sviluppatrice", "ingegnere",
		"data":
		return true
	}
	return false
}

// leaderEndsPart says whether a "leader" of the title ends a part of it:
// a comma, dash, bar or bracket after it ("Technical Leader, Data", "Team
// Leader (m/w/d)"), not a word ("Team Leader Liaison Analyst").
func leaderEndsPart(title string) bool {
	l := strings.ToLower(title)
	for i := strings.Index(l, "leader"); i >= 0; {
		rest := strings.TrimLeft(l[i+len("leader"):], " ")
		if rest == "" || strings.IndexByte(",-|/(:", rest[0]) >= 0 || strings.HasPrefix(rest, "–") {
			return !strings.HasPrefix(rest, "(") || !strings.Contains(l[:i], "(")
		}
		j := strings.Index(l[i+1:], "leader")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func seniority(title string) []string {
	// "/" stays a word of its own: "Senior/Staff" is two levels, not
	// Senior Staff.
	w := titleWords(strings.ReplaceAll(title, "/", " \u2215 "))
	for i := range w {
		if w[i] == "\u2215" {
			w[i] = "/"
		}
	}
	found := map[string]bool{}
	isSenior := func(s string) bool { return s == "senior" || s == "sr" }
	for i, x := range w {
		prevSenior := i > 0 && isSenior(w[i-1])
		switch x {
		case "intern", "internship", "interns", "werkstudent", "werkstudentin", "praktikant", "praktikantin",
			"praktikum", "stagiaire", "stagista", "tirocinante", "becario", "becaria",
			// Italian and Portuguese internships ("Tirocinio Data Analyst",
			// "Estágio em Desenvolvimento", "Estagiário")
			"tirocinio", "estágio", "estagio", "estagiário", "estagiária", "estagiario", "estagiaria":
			found["Intern"] = true
		case "stage":
			// French and Italian "internship" opening the title ("Stage -
			// Développeur web", "Stage Sviluppatore"); not an English stage
			// ("Stage Manager", "Early Stage Startup")
			if i == 0 && frenchStage(wordAt(w, 1)) {
				found["Intern"] = true
			}
		case "ssr":
			// Latin American "SSR" (semi senior), as "Semi Senior", in a
			// Spanish title ("Desarrollador Java SSR"); not server-side
			// rendering
			for _, y := range w {
				switch y {
				case "desarrollador", "desarrolladora", "analista", "ingeniero", "ingeniera", "programador",
					"programadora", "diseñador", "diseñadora", "líder", "consultor", "consultora":
					found["Mid"] = true
				}
			}
		case "working":
			if wordAt(w, i+1) == "student" {
				found["Intern"] = true // "Working Student Data Science", as Werkstudent
			}
		case "co":
			if wordAt(w, i+1) == "op" {
				// "Electrical Engineering Spring Co-op", "Co-Op Student": a
				// student's work term, as an internship ("Coop", a
				// Swedish retailer, is one word)
				found["Intern"] = true
			}
		case "teamleiter", "teamleiterin", "teamleitung", "teamleider", "gruppenleiter", "gruppenleiterin":
			found["Lead"] = true // German, Dutch: the team's lead, as Nordic "teamleder"
		case "júnior", "junior-":
			found["Junior"] = true
		case "sénior", "sênior", "snr":
			found["Senior"] = true
		case "medior", "pleno":
			found["Mid"] = true // Dutch, Portuguese: mid-level
		case "principale":
			found["Principal"] = true
		case "junior", "jr", "jnr":
			// "Jnr Developer": the British abbreviation, as "Snr" (session 35)
			if x != "junior" && allDigits(wordAt(w, i+1)) {
				continue // "[JR-1234]", "JR123456": a requisition's number (session 30)
			}
			found["Junior"] = true
		case "semisenior", "semi-senior":
			found["Mid"] = true // Latin American "semi senior": mid-level
		case "entry-level":
			found["Junior"] = true // "Entry-level Analyst"
		case "entry":
			if wordAt(w, i+1) == "level" {
				found["Junior"] = true
			}
		case "semi":
			if i+1 < len(w) && isSenior(w[i+1]) {
				found["Mid"] = true
			}
		case "senior", "sr":
			if i > 0 && w[i-1] == "semi" {
				continue // "Semi Senior": mid-level
			}
			next := ""
			if i+1 < len(w) {
				next = w[i+1]
			}
			if next != "staff" && next != "director" && (next != "manager" || !isPeopleManager(w, i+1)) && !seniorManagerAhead(w, i) {
				found["Senior"] = true
			}
		case "staff":
			if prevSenior {
				found["Senior Staff"] = true
			} else {
				found["Staff"] = true
			}
		case "principal":
			found["Principal"] = true
		case "middle":
			// "Middle PHP Developer", "Middle/Senior", as Ukrainian and
			// Eastern European boards write mid-level; not "Middle East",
			// "Middle School", "Middle Office", "middle management".
			switch wordAt(w, i+1) {
			case "east", "eastern", "school", "office", "market", "management", "manager", "managers", "ages", "age",
				"earth", "years", "grade", "grades", "class":
			default:
				found["Mid"] = true
			}
		case "mid", "intermediate":
			// "Mid-Senior", "Mid-level", not "Mid-Market"
			if next := wordAt(w, i+1); next != "market" && next != "size" && next != "sized" && next != "year" {
				found["Mid"] = true
			}
		case "head":
			if wordAt(w, i+1) == "of" || i == len(w)-1 {
				found["Head"] = true
			}
		case "líder", "lider":
			found["Lead"] = true
		case "distinguished":
			found["Distinguished"] = true
		case "lead":
			found["Lead"] = true
		case "leader":
			// "Team Leader", "Lab Leader" (session 34, round s34): the
			// lead of a team, as the title's own noun only: its last
			// word, one before "of"/"for", or one that ends a part of
			// the title ("Technical Leader, Data"); not a project's (a
			// manager role), a sector's or a thought leader, a modifier
			// ("Team Leader Liaison Analyst") or another person
			// ("reporting to the Lab Leader") (review s34 F4)
			next := wordAt(w, i+1)
			own := next == "" || next == "of" || next == "for" || leaderEndsPart(title)
			switch wordAt(w, i-1) {
			case "team", "tech", "technical", "lab", "group", "squad", "shift", "unit", "engineering",
				"development", "chapter", "tribe", "section":
				if own && wordAt(w, i-2) != "the" && wordAt(w, i-2) != "to" {
					found["Lead"] = true
				}
			}
		case "manager":
			if isPeopleManager(w, i) {
				if anySenior(w, i) {
					found["Senior Manager"] = true
				} else {
					found["Manager"] = true
				}
			}
		case "director", "directeur", "directrice":
			// the French "Directeur technique", "Directrice / Directeur
			// technique" name a director as the English word does
			if anySenior(w, i) {
				found["Senior Director"] = true
			} else {
				found["Director"] = true
			}
		case "vp", "svp", "evp":
			found["VP"] = true
		case "vice":
			if i+1 < len(w) && w[i+1] == "president" {
				found["VP"] = true
			}
		}
	}
	for i, x := range w {
		if l := nordicLevel(x, wordAt(w, i-1), wordAt(w, i+1)); l != "" {
			found[l] = true
		}
	}
	for _, x := range w {
		// compounds: "Seniorutvikler", "Juniorentwickler"
		for _, c := range []struct{ prefix, level string }{{"senior", "Senior"}, {"junior", "Junior"}} {
			if rest, ok := strings.CutPrefix(x, c.prefix); ok && len(rest) >= 5 && hasRoleNoun(rest) {
				found[c.level] = true
			}
		}
	}
	if strings.IndexFunc(title, isCJK) >= 0 {
		for _, c := range cjkLevels {
			if strings.Contains(title, c.word) {
				found[c.level] = true
			}
		}
		if found["Lead"] && strings.Contains(title, "负责人") && !techLead(title) {
			// "开发者关系和生态负责人", "海外市场推广负责人": the person in
			// charge of a function heads it; "技术负责人" (the technical
			// lead) and "项目负责人" stay Lead
			delete(found, "Lead")
			found["Head"] = true
		}
		if found["Intern"] && (strings.Contains(title, "社招") || strings.Contains(title, "校招")) {
			// "（社招/校招/实习生均可）": interns are welcome among others;
			// the title names no level
			delete(found, "Intern")
		}
	}
	// Roman numerals after the job's words ("Engineer II", "Analyst
	// II/III"), as written.
	var orig []string
	if strings.Contains(title, " I") || strings.Contains(title, "(I") {
		orig = strings.FieldsFunc(title, func(r rune) bool {
			return r == ' ' || r == '/' || r == ',' || r == '(' || r == ')' || r == '-' || r == '–' || r == '|'
		})
	}
	// read once, not at each "I" (a title of many: review of session 31)
	spacedI := -1 // where the one " I " of the title is, when it has one
	barI := false // two or more: "I" written as a bar between parts
	capsTitle := false
	if len(orig) > 0 {
		if n := strings.Count(title, " I "); n >= 2 {
			barI = true
		} else if n == 1 {
			spacedI = strings.Index(title, " I ")
			capsTitle = shouted(title)
		}
	}
	for i, x := range orig {
		switch x {
		case "I", "II", "III", "IV":
			if x == "I" && barI {
				continue // "... Invaris I ID-126 I QUINCEY": "I" written as a bar between parts
			}
			if x == "I" && i+1 < len(orig) && capsTitle && strings.HasPrefix(title[spacedI+len(" I "):], orig[i+1]) {
				// "SJUKSKÖTERSKOR TILL UPPSALA I SOMMAR": a title in
				// capitals, whose "I" before a word is the Nordic "in"
				// (session 30)
				continue
			}
			if i > 0 && (x != "I" || i == len(orig)-1 || orig[i-1] != "and") {
				found[x] = true
			}
		}
	}
	out := []string{}
	for _, s := range seniorityOrder {
		if found[s] {
			out = append(out, s)
		}
	}
	return out
}

// anySenior says whether "senior" qualifies the word at i ("Senior
// Engineering Manager", "Senior Manager").
func anySenior(w []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if w[j] == "senior" || w[j] == "sr" {
			return true
		}
	}
	return false
}

// seniorManagerAhead says whether the "senior" at i qualifies a manager or
// director within the next three words.
func seniorManagerAhead(w []string, i int) bool {
	for j := i + 1; j < len(w) && j <= i+3; j++ {
		if w[j] == "director" || (w[j] == "manager" && isPeopleManager(w, j)) {
			return true
		}
	}
	return false
}

func isInternTitle(title string) bool {
	for _, w := range titleWords(title) {
		if w == "intern" || w == "internship" {
			return true
		}
	}
	return false
}

func wordAt(w []string, i int) string {
	if i < 0 || i >= len(w) {
		return ""
	}
	return w[i]
}

// nordicJobLeaders are Danish, Norwegian and Swedish compounds of a
// manager word that name a role's job, not a level (PROTOCOL.md: as
// "Project Manager" gives none).
var nordicJobLeaders = map[string]bool{"prosjektleder": true, "projektleder": true, "projektledare": true,
	"produktleder": true, "produktchef": true, "produktansvarlig": true, "prosjektleiar": true,
	// the leader of software development: the Engineering Manager role
	"utviklingsleder": true, "utviklingsleiar": true, "udviklingsleder": true, "utvecklingsledare": true}

// nordicLevel returns the level a word of a Danish, Norwegian or Swedish
// title names (PROTOCOL.md): a team's or a trade's leader ("fagleder",
// "teamleder", "formann", "bryggeformann", "förman") is Lead; a manager
// word alone or ending a compound ("leder", "sjef", "chef",
// "avdelingsleder", "driftsleder", "kvalitetssjef", "butikschef") is
// Manager. prev and next are the words around it (French "chef de
// projet", English "head chef" are not Nordic managers).
func nordicLevel(x, prev, next string) string {
	if nordicJobLeaders[x] || strings.HasSuffix(x, "veileder") || strings.HasSuffix(x, "vejleder") ||
		strings.HasSuffix(x, "rettleder") || strings.HasSuffix(x, "rettleiar") || strings.HasSuffix(x, "vegleiar") {
		return "" // "veileder", "vejleder": a counsellor, not a leader
	}
	switch {
	case x == "fagleder" || x == "teamleder" || x == "teamledare" || x == "fagleiar" || x == "formann" ||
		x == "förman" || x == "formand" && prev != "" || strings.HasSuffix(x, "formann") || strings.HasSuffix(x, "förman"):
		return "Lead"
	case x == "leder" || x == "sjef" || x == "leiar":
		return "Manager"
	case x == "chef":
		if prev == "head" || prev == "sous" || prev == "executive" || prev == "pastry" || next == "de" || next == "d" {
			return ""
		}
		return "Manager"
	}
	for _, suf := range []string{"leder", "sjef", "chef", "leiar"} {
		if head, ok := strings.CutSuffix(x, suf); ok && len(head) >= 3 {
			if strings.HasSuffix(head, "fag") || strings.HasSuffix(head, "team") {
				return "Lead" // "bygningsfagleder"
			}
			if strings.HasSuffix(x, "prosjektleder") || strings.HasSuffix(x, "projektleder") {
				return ""
			}
			return "Manager"
		}
	}
	return ""
}

// allDigits says whether w is a number of ASCII digits ("1234").
func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
