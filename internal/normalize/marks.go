package normalize

import (
	"strings"
	"unicode/utf8"
)

// classifier reads the words of one block to find what its sentences say
// about themselves ("Scala is a plus", "Nice to have: Flink", "PhD required").
type classifier struct {
	text       string // the text as written ("" when not at hand, or in German)
	lower      string // the text with ASCII letters lowered
	toks       []token
	start, end int // the block's tokens
	// ruled: a rule of the block's own (how to apply, a hedged question, a
	// statement of the team's) said that what a sentence names is only
	// mentioned (markBlock)
	ruled bool
}

// word returns the folded word at token i of the block, or "".
func (c *classifier) word(i int) string {
	if i < c.start || i >= c.end || c.toks[i].punct != 0 {
		return ""
	}
	t := c.toks[i]
	return c.lower[t.start:t.end]
}

// nextWord returns the index of the token after i, skipping hyphens.
func (c *classifier) nextWord(i int) int {
	i++
	for i < c.end && c.toks[i].punct == '-' {
		i++
	}
	return i
}

// markBlock sets, for each token of the block, the class its skills count
// in (skill) and the class its degrees count in (edu; clsUnknown: not at
// all), from the class of the block's section and its own sentences.
func (c *classifier) markBlock(bc class, skill, edu []class) {
	c.ruled = false
	if c.applyBlock() {
		// "To apply, please email your CV ... You should include a link
		// to your code ... references (co-workers, open source
		// projects)": how to apply asks nothing of the candidate's skills
		fill(c.start, c.end, clsMentioned, false, false, skill, edu)
		c.ruled = true
		return
	}
	if bc == clsMentioned && c.opensAsked() {
		// "Mehrjährige Berufserfahrung mit Schwerpunkt Palo Alto
		// Networks", "3+ years of experience with Terraform" under a
		// heading of tasks or of the job: a line that opens with what the
		// candidate has is a requirement whose heading was lost or never
		// written; its sentences decide, as in a part no heading
		// classifies.
		bc = clsOpen
	}
	prevSc := clsUnknown // the class of the block's previous sentence
	for i := c.start; i < c.end; {
		j := i + 1
		for j < c.end && c.toks[j].flags&fSent == 0 {
			j++
		}
		prefAt, req, cue, applying := -1, false, false, false
		cm, cmStart := -1, -1
		for k := i; k < j; k++ {
			if c.toks[k].punct != 0 {
				continue
			}
			// ruleWord: a word none of the word rules below reacts to
			// skips them (rulewords.go)
			rule := c.ruleWord(k)
			if rule {
				if e := c.colonMarker(k); e >= 0 {
					cm, cmStart = e, k
					break
				}
			}
			if k > i && c.toks[k].flags&fColon != 0 && c.prefLeadIn(i, k) {
				// "... Kubernetes and Linux. Ways to stand out from the
				// crowd: Experience with Golang": a preference lead-in
				// inside the block; what follows the colon is preferred
				cm, cmStart = k, k
				break
			}
			if !rule {
				continue
			}
			if prefAt < 0 && (c.prefWord(k) || c.prefMore(k)) {
				prefAt = k
			}
			if c.reqWord(k) {
				req = true
			}
			if !applying && c.applyingAt(k) {
				applying = true
			}
			if bc == clsOpen && !cue && (c.reqCue(k) || c.cueMore(k)) && !c.gained(k) {
				cue = true
			}
		}
		if bc == clsMentioned && prefAt >= 0 {
			// in a mentioned part the cue matters only beside a marker
			for k := i; k < j && !cue; k++ {
				cue = c.toks[k].punct == 0 && c.ruleWord(k) && (c.reqCue(k) || c.cueMore(k))
			}
		}
		sc := bc // the sentence's class
		if bc == clsOpen {
			// A part no heading classifies: the sentence says whether it
			// asks for something ("You must have", "experience with X is
			// required"); else what it names is only mentioned. A clause
			// after a semicolon goes on with the sentence before it
			// ("databases such as PostgreSQL; MySQL; SQLite").
			sc = clsMentioned
			if cue || req || i > c.start && prevSc == clsRequired && c.afterSemicolon(i) {
				sc = clsRequired
			}
		}
		if applying && !cue {
			// in any part, a sentence that asks for something is no
			// sentence about applying ("Experience with GitHub Actions
			// to build your application")
			for k := i; k < j && applying; k++ {
				applying = c.toks[k].punct != 0 || !c.ruleWord(k) || !c.reqCue(k) && !c.cueMore(k)
			}
		}
		if applying && prefAt < 0 && !req && !cue && cm < 0 {
			// "If using AI for your resume or application, include the
			// phrase ...", "If you plan to use AI in any capacity during
			// your candidate journey, please review ...", "Please add your
			// Github account link to your application", "We'll never ask
			// for payments ... during the hiring process": a sentence about
			// applying and the hiring process asks nothing of the
			// candidate's skills, whatever part it stands in (session 25)
			fill(i, j, clsMentioned, false, false, skill, edu)
			c.ruled = true
			prevSc = clsMentioned
			i = j
			continue
		}
		if (bc == clsRequired || bc == clsOpen) && prefAt < 0 && c.hedgedQuestion(i, j) {
			// "Kanske är du en kämpe för React, Vue, Angular?", "Maybe
			// you've worked with Go?": examples of what may fit, not what
			// is asked; in a part no heading classifies too ("Eller
			// kanskje du har jobbet mer .NET, Java eller Kotlin?": the
			// "du har" in it asks nothing).
			fill(i, j, clsMentioned, false, false, skill, edu)
			c.ruled = true
			prevSc = clsMentioned
			i = j
			continue
		}
		if prefAt < 0 && bc == clsOpen && c.askedOfReader(i, j) {
			// "Are Jenkins and Travis your friends?", "Kennst du dich
			// mit Kafka aus?": a question to the reader about a tool
			// hopes for it.
			prefAt = i
			cue = true
		}
		if prefAt < 0 && c.questionThenPref(j) {
			// "Heb je ervaring met React, Angular of Vue? Dan is dat een
			// pré": the answer marks the question.
			prefAt = i
			if bc == clsOpen {
				cue = true
			}
		}
		if bc == clsRequired && prefAt < 0 && !req && !cue && cm < 0 && c.teamStatement(i, j) {
			// "Vi dokumenterar i Procapita", "We use Kafka and Go", "Hos
			// oss arbetar vi i Kotlin" among the requirements: the team's
			// tools, not the candidate's
			fill(i, j, clsMentioned, false, false, skill, edu)
			c.ruled = true
			prevSc = clsMentioned
			i = j
			continue
		}
		pref := prefAt >= 0
		if pref && bc == clsMentioned && cue && c.strongPref(prefAt) {
			// "最好能明白 Rust 相关的编译流程", "experience with Go is a
			// plus" among the responsibilities: the marker names a
			// preference of the candidate's, whatever the section.
			sc = clsRequired
		}
		prevSc = sc
		if cm >= 0 && cm == cmStart {
			if e := c.parenLeadInEnd(i, cmStart); e > 0 {
				// a lead-in of an item's own ("Certifications
				// (preferred not required): OSCP, OSCE") in a block of
				// items run into one: preferred up to the next item,
				// which is read as a sentence of its own
				fill(i, cmStart, sc, pref, req, skill, edu)
				for k := cmStart; k < e; k++ {
					skill[k], edu[k] = clsPreferred, clsPreferred
				}
				i = e
				continue
			}
		}
		if cm >= 0 {
			// Before the marker: as its sentence says; from the marker to
			// the end of the block: preferred.
			fill(i, cmStart, sc, pref, req, skill, edu)
			sk := sc
			if sc == clsRequired || bc == clsOpen {
				sk = clsPreferred
			}
			for k := cmStart; k < c.end; k++ {
				skill[k], edu[k] = sk, clsPreferred
			}
			return
		}
		if pref && bc == clsOpen && sc == clsMentioned {
			// "Experience with Kafka is a plus" with no heading above it.
			sc = clsRequired
		}
		if pref && c.afterSemicolon(i) && c.opensWithListWord(i, j) {
			// "Docker and/or Terraform; an understanding of AWS APIs;
			// and being comfortable with Linux is a plus": the marker of
			// the list's last item names every item the semicolons split
			// since the sentence began.
			s := i
			for s > c.start && c.afterSemicolon(s) {
				p := s - 1
				for p > c.start && c.toks[p].flags&fSent == 0 {
					p--
				}
				s = p
			}
			fill(s, j, sc, true, req, skill, edu)
			i = j
			continue
		}
		if pref {
			// A marker may qualify only part of its sentence: "BS in CS,
			// MS preferred", "Kubernetes and a public cloud (AWS
			// preferred)", "Java, preferably Kotlin".
			if a, b := c.prefScope(scopeWindow(i, j, prefAt)); a > i || b < j {
				rest := sc
				if bc == clsOpen && !cue && !req || bc == clsMentioned {
					rest = clsMentioned
				}
				fill(i, j, rest, false, req, skill, edu)
				fill(a, b, sc, true, req, skill, edu)
				// a later marker of the sentence qualifies its own part
				// ("Jenkins | Material UI (pré) | Sketch (pré)")
				for k := b; k < j && a > i; k++ {
					if k > prefAt && c.toks[k].punct == 0 && c.ruleWord(k) && (c.prefWord(k) || c.prefMore(k)) {
						if a2, b2 := c.prefScope(scopeWindow(i, j, k)); a2 > i && b2 > k {
							fill(a2, b2, sc, true, req, skill, edu)
							k = b2 - 1
						}
					}
				}
				i = j
				continue
			}
		}
		fill(i, j, sc, pref, req, skill, edu)
		i = j
	}
}

// applyBlock says whether the block opens with how to apply ("To apply,
// send ...", "How to apply: ...", "When applying, please ..."). "To apply
// for this role you must have ..." states requirements: only "how to
// apply", or "to apply"/"when applying" followed by punctuation or an
// instruction, open an application paragraph.
func (c *classifier) applyBlock() bool {
	i := c.start
	if c.word(i) == "how" {
		return c.word(i+1) == "to" && c.word(i+2) == "apply"
	}
	switch {
	case c.word(i) == "to" && c.word(i+1) == "apply",
		c.word(i) == "when" && c.word(i+1) == "applying":
		return i+2 < c.end && c.toks[i+2].punct != 0 || applyInstructions[c.word(i+2)]
	}
	return false
}

// applyingAt says whether the word at token k ends a name of the
// application or the hiring process: "your resume", "your CV", "your
// application", "the hiring process", "your candidate journey",
// "for interviews".
func (c *classifier) applyingAt(k int) bool {
	w := c.word(k)
	switch w {
	case "resume", "résumé", "cv", "application", "journey", "process", "interview", "interviews":
	default:
		return false
	}
	p := k - 1
	for p > c.start && c.toks[p].punct == '-' {
		p--
	}
	switch c.word(p) {
	case "your":
		return w != "journey" && w != "process" && w != "interview" && w != "interviews"
	case "hiring", "recruiting", "recruitment", "application", "interview", "selection":
		return w == "process"
	case "candidate":
		return w == "journey"
	case "for", "during", "in":
		return w == "interviews"
	}
	return false
}

// applyInstructions are the words that, right after "To apply" or "When
// applying", tell how to apply ("To apply send us ...", "When applying
// please include ...").
var applyInstructions = map[string]bool{
	"please": true, "send": true, "email": true, "e-mail": true, "submit": true, "visit": true,
	"click": true, "use": true, "fill": true, "upload": true, "include": true, "contact": true, "write": true,
}

// listWords join the items of a list in a clause, in the languages of
// Language ("jQuery, Netbeans och responsiv design är det meriterande").
var listWords = map[string]bool{
	"or": true, "and": true, "och": true, "eller": true, "og": true, "samt": true, "und": true, "oder": true,
	"sowie": true, "et": true, "ou": true, "y": true, "o": true, "e": true, "en": false, "of": false,
}

// degreeWords name degrees in a clause ("MS or PhD preferred").
var degreeWords = map[string]bool{
	"ms": true, "msc": true, "phd": true, "ph": true, "master": true, "masters": true, "bs": true, "bsc": true,
	"ba": true, "bachelor": true, "bachelors": true, "mba": true, "doctorate": true, "degree": true, "degrees": true,
}

// prefWindow bounds the tokens a marker's scope may reach on either side
// of it: a real sentence is far shorter; a hostile one without a
// sentence's end ("x: appreciated x: appreciated ...", review s35 F1)
// would make every marker read back to its start, in time quadratic in
// its length.
const prefWindow = 400

// scopeWindow is the sentence [i, j) around the marker at k cut to
// prefWindow tokens on either side of it, with k.
func scopeWindow(i, j, k int) (int, int, int) {
	return max(i, k-prefWindow), min(j, k+prefWindow), k
}

// prefScope returns the tokens [a, b) of the sentence [i, j) that the
// preference marker at k qualifies: the parentheses around it; the clause
// after the last separator before it when the marker opens that clause
// ("preferably") or when the clause names one thing or a degree ("MS
// preferred"); else the whole sentence. A clause listing several things
// ("Spark, Kafka or Flink preferred") leaves the whole sentence preferred.
func (c *classifier) prefScope(i, j, k int) (int, int) {
	if cjkWord(c.word(k)) {
		ts, ks := int(c.toks[i].start), int(c.toks[k].start)
		if open := strings.LastIndex(c.lower[ts:ks], "（"); open >= 0 && !strings.Contains(c.lower[ts+open:ks], "）") {
			// "本科及以上学历（985优先）": only what the parentheses hold
			a := i
			for a < j && int(c.toks[a].start) < ts+open {
				a++
			}
			b := k + 1
			for b < j && !strings.HasPrefix(c.lower[c.toks[b].start:], "）") && c.toks[b].flags&fHard == 0 {
				b++
			}
			return a, b
		}
		// "熟悉 C/C++，…，有 Rust 开源项目贡献经验优先": the marker closes
		// its clause (after the last clause comma); "、" lists stay whole.
		for t := k; t > i; t-- {
			if c.toks[t].flags&fClause != 0 {
				if cjkMarkerOnly(c.lower[c.toks[t].start:c.toks[j-1].end]) {
					// "有发布过crate，加分": the marker stands alone and
					// qualifies the clause before it
					a := i
					for u := t - 1; u > i; u-- {
						if c.toks[u].flags&fClause != 0 {
							a = u
							break
						}
					}
					return a, t
				}
				return t, j
			}
		}
		return i, j
	}
	i = c.runOnItemStart(i, k)
	ts, te := int(c.toks[i].start), int(c.toks[j-1].end)
	ks, ke := int(c.toks[k].start), int(c.toks[k].end)
	if open := strings.LastIndexByte(c.lower[ts:ks], '('); open >= 0 && !strings.Contains(c.lower[ts+open:ks], ")") {
		open += ts
		if fillerOnly(c.lower[open+1 : ks]) {
			// "React, Angular or Vue (preferred)", "Docker (a big plus)",
			// "Go (ideally)": the marker alone in
			// parentheses qualifies what comes before it; in a list
			// whose items are split by "|" ("Jenkins | Sketch (pré) |
			// Animaties"), only the item it follows.
			if cp := strings.LastIndexByte(c.lower[ts:open], ')'); cp >= 0 {
				// "Python (required), Scala (nice to have)", "Java (8+),
				// Kotlin (a plus)": an earlier item's own parentheses end
				// the list the marker qualifies
				a := i
				for a < j && int(c.toks[a].start) <= ts+cp {
					a++
				}
				return a, k + 1
			}
			if bar := strings.LastIndexByte(c.lower[ts:open], '|'); bar >= 0 {
				a := i
				for a < j && int(c.toks[a].start) < ts+bar {
					a++
				}
				return a, k + 1
			}
			if a := c.longClauseBefore(i, open); a > i {
				// "..., SAST, SOAR, and other information security
				// systems with strong preference to at least one year of
				// experience with Crowdstrike or Obsidian (preferably
				// both)": a long clause, not a list's item, ends at the
				// parentheses; the marker qualifies that clause only
				return a, k + 1
			}
			// what follows the parentheses is no more the wish's ("Docker
			// (a big plus) and solid Linux skills": review s27 F6)
			b := j
			if cl := strings.IndexByte(c.lower[ke:te], ')'); cl >= 0 {
				for b = k + 1; b < j && int(c.toks[b].start) < ke+cl; b++ {
				}
				if rest := strings.TrimLeft(c.lower[ke+cl+1:te], " "); rest != "" && (rest[0] == ',' || rest[0] == ';' ||
					strings.HasPrefix(rest, "and ") || strings.HasPrefix(rest, "or ")) {
					// "Java, Kubernetes (nice to have), Terraform" or
					// "... (nice to have) and Terraform": the list goes
					// on after the parentheses, so they
					// annotate their item alone, not the items before it
					if sep := strings.LastIndexAny(c.lower[ts:open], ",;"); sep >= 0 {
						a := i
						for a < j && int(c.toks[a].start) <= ts+sep {
							a++
						}
						return a, b
					}
				}
			}
			return c.dashItemStart(i, k), b
		}
		a, b := i, j
		for a < j && int(c.toks[a].start) < open {
			a++
		}
		if cl := strings.IndexByte(c.lower[ke:te], ')'); cl >= 0 {
			cl += ke
			b = a
			for b < j && int(c.toks[b].start) < cl {
				b++
			}
		}
		return a, b
	}
	if learnWords[c.word(k)] {
		// "Du kennst Rust oder bist bereit, es zu lernen": the wish to
		// learn qualifies what its "or" offers (also before the comma
		// after "oder"): the clause that ends at the "or", not the
		// sentence's earlier clauses ("Erfaring med Java, og Linux
		// eller lyst til å lære det": Java is still asked for), up to
		// the next separator after the wish.
		return c.learnScope(i, j, k)
	}
	cl := i
	for t := k; t > i; t-- {
		if c.toks[t].flags&fHard != 0 {
			cl = t
			break
		}
	}
	if forwardMarkers[c.word(k)] && k-1 > i && k+1 < j && c.toks[k].flags&fSent == 0 && c.toks[k].flags&fClause != 0 &&
		c.toks[k+1].flags&fClause != 0 && listJoins[c.word(k-1)] {
		// "Python and, ideally, Kubernetes": the adverb set off by
		// commas after the "and" wishes for what follows it
		b := k + 2
		for b < j && c.toks[b].flags&fHard == 0 {
			b++
		}
		return k - 1, b
	}
	if forwardMarkers[c.word(k)] && k-1 > i && c.toks[k].flags&(fHard|fSent) == 0 && listJoins[c.word(k-1)] {
		// "Know-how in ServiceNow-ITSM und idealerweise Service
		// Portfolio Management", "Rust and ideally Go": after "and"
		// the adverb wishes for what follows it, up to the clause's
		// end; what came before it is asked for
		b := k + 1
		for b < j && c.toks[b].flags&fHard == 0 {
			b++
		}
		return k - 1, b
	}
	if forwardMarkers[c.word(k)] && degreeWords[c.word(k-1)] && c.oneDegree(i, j) {
		// "a bachelor's degree preferably in an IT-related field", "...
		// degree preferably but not required in ..." (session 34): the
		// wish is for the field, not for the degree before it
		f := k + 1
		if c.word(f) == "but" && c.word(f+1) == "not" && (c.word(f+2) == "required" || c.word(f+2) == "mandatory") {
			// only where the sentence asks for the degree before it
			// ("requires the possession of a bachelor's degree
			// preferably but not required in ..."); else the degree is
			// the wish ("Master's degree preferably but not required in
			// statistics": review s34 F5)
			if !c.asksBefore(i, k) {
				return i, j
			}
			f += 3
		}
		if c.word(f) == "in" || c.word(f) == "within" {
			return k, j
		}
	}
	if cl == i {
		if e := c.askingClauseAfter(k, j); e > 0 {
			// "Python ist gern gesehen, Go ist erforderlich", "Python is
			// a plus, Go is required": the clause after the comma asks
			// for its own (review s35 F4)
			return i, e
		}
		return i, j
	}
	if c.fillerClause(cl, j, k) {
		// "Experience with Python, a plus", "..., un atout", "...,
		// preferred": the clause holds the marker only, so it qualifies
		// the clause before it. Parentheses that end that clause belong
		// to it with what they follow: "past contributions to Open
		// Source (especially Open Source Design) is a big plus",
		// "Kubernetes (EKS, GKE) is a plus" (session 24).
		end := cl
		if p := strings.TrimRight(c.lower[ts:int(c.toks[cl].start)], " "); strings.HasSuffix(p, ")") {
			if open := strings.LastIndexByte(p, '('); open >= 0 {
				for end > i && int(c.toks[end-1].start) > ts+open {
					end--
				}
			}
		}
		prev := i
		for t := end - 1; t > i; t-- {
			if c.toks[t].flags&fHard != 0 {
				prev = t
				break
			}
		}
		if prev > i && c.opensWithListWord(prev, end) {
			// "Experience with geospatial data, including
			// photogrammetry, LiDAR, or satellite imagery, is a plus":
			// the clause is a list's last item; the marker qualifies the
			// list, with the sentence it ends (session 24)
			return i, cl
		}
		if prev > i && c.shortListBefore(i, prev, end) {
			// "R, SQL or JavaScript: a bonus", "R, SQL ou JavaScript :
			// un bonus": the clause is the last item of a list of names
			// ("SQL or JavaScript" after "R,"); the marker qualifies the
			// whole list (session 35)
			return i, cl
		}
		if prev > i && conditionWords[c.word(i)] {
			// "If you also know Scala, SQL or JavaScript, even better",
			// "Wenn du Go, Rust oder C kennst, ein Plus": the marker
			// after the condition qualifies all the condition names, not
			// only its last item (session 36)
			return i, cl
		}
		return prev, cl
	}
	if cl == k {
		// "..., preferably Kotlin": the wish runs to the next
		// separator when the sentence goes on with more of an outer
		// list ("cloud platforms, preferably AWS, distributed computing,
		// and version control using GitHub"), to the sentence's end when
		// what follows offers alternatives ("..., preferably Python,
		// Go, or Rust")
		// "idealerweise mit Erfahrung in Open-Source-Lösungen (z. B.
		// Keycloak, Gluu, WSO2 IS)": what the parentheses hold goes with
		// the wish (the depth is counted as the scan goes: one pass)
		b, depth, pos := k+1, 0, ke
		for ; b < j; b++ {
			if st := int(c.toks[b].start); st > pos && st <= len(c.lower) {
				depth += strings.Count(c.lower[pos:st], "(") - strings.Count(c.lower[pos:st], ")")
				pos = st
			}
			if c.toks[b].flags&fHard != 0 && depth <= 0 {
				break
			}
		}
		if b < j && !c.offersOr(b, j) {
			return k, c.runOnItemEnd(k, b)
		}
		return k, c.runOnItemEnd(k, j)
	}
	if p := strings.TrimRight(c.lower[ts:int(c.toks[cl].start)], " "); strings.HasSuffix(p, ")") && c.nounOfSkillOnly(cl, k) {
		// "Kotlin (JVM) experience preferred", "React (web) experience
		// strongly preferred" (session 34): the parentheses close no
		// clause; the one they stand in runs back to the separator
		// before them. Not when a name follows them ("(e.g. Sass)
		// GraphQL Bonus skills: Docker": glued items)
		if open := strings.LastIndexByte(p, '('); open >= 0 {
			back := i
			for t := cl - 1; t > i; t-- {
				if int(c.toks[t].start) < ts+open && c.toks[t].flags&fHard != 0 {
					back = t
					break
				}
			}
			cl = back
		}
	}
	if listJoins[c.word(cl)] && askedNouns[c.word(cl+1)] && c.clauseOfItsOwn(i, cl) && !c.pluralMarker(k) {
		// "If hired, you will use Python, SQL and Kafka, and experience
		// with Go is a plus": a clause that opens with "and" and a noun
		// of what the candidate has is an item of its own, not the end
		// of the list before it (session 36)
		return cl, j
	}
	list, degree := false, false
	for t := cl; t < k; t++ {
		w := c.word(t)
		// Dutch "en"/"of" before a Dutch marker joins a list ("ACF,
		// Gravity forms en Woocommerce is een enorme pre"): listWords
		// leaves them out as other languages' "in"/"of"
		list = list || listWords[w] || (w == "en" || w == "of") && dutchMarker(c.word(k))
		degree = degree || degreeWords[w]
	}
	if list && !degree && c.word(cl) != "with" && c.word(cl) != "mit" && c.word(cl) != "med" {
		return i, j
	}
	return cl, j
}

// shortListBefore says whether [prev, end) closes a list of short items
// that starts at i: it joins its own words with "and"/"or" ("SQL or
// JavaScript"), and every item before it, between separators from i, is
// of one to three words ("R", "Apache Spark").
func (c *classifier) shortListBefore(i, prev, end int) bool {
	joined := false
	for t := prev; t < end; t++ {
		if listJoins[c.word(t)] {
			joined = true
			break
		}
	}
	if !joined || c.asksBefore(i, prev) {
		return false
	}
	n := 0
	for t := i; t < prev; t++ {
		if t > i && c.toks[t].flags&fColon != 0 {
			// "Requirements: Go, Rust, SQL or Python: a bonus": the
			// list before the first colon is asked for (review s35 F3)
			return false
		}
		if t > i && c.toks[t].flags&fHard != 0 {
			if n == 0 || n > 3 {
				return false
			}
			n = 0
		}
		if c.toks[t].punct == 0 {
			n++
		}
	}
	return n >= 1 && n <= 3
}

// modalBefore says whether a conditional's modal ("could", "would",
// "might") stands within four words before token i in its sentence.
func (c *classifier) modalBefore(i int) bool {
	for t := i - 1; t >= c.start && t >= i-4; t-- {
		switch c.word(t) {
		case "could", "would", "might", "d":
			return true
		}
		if c.toks[t].flags&fSent != 0 {
			return false
		}
	}
	return false
}

// clauseOfItsOwn says whether the tokens [i, cl) hold a clause with a
// subject and verb of its own ("you will use Python, SQL and Kafka", "You
// must know Java"), not a list of nouns that goes on after the comma
// ("Knowledge of Java, SQL and Kafka, and experience with Scala are a
// plus": review s36 F1).
func (c *classifier) clauseOfItsOwn(i, cl int) bool {
	for t := i; t < cl; t++ {
		switch c.word(t) {
		case "you", "we", "must", "should", "will", "need", "needs", "require", "requires":
			return true
		}
	}
	return false
}

// pluralMarker says whether the verb before the marker at k is plural
// ("are a plus", "would all be a plus"): its subject is the whole list.
func (c *classifier) pluralMarker(k int) bool {
	for t := k - 1; t >= c.start && t >= k-4; t-- {
		switch c.word(t) {
		case "are", "all", "both":
			return true
		}
	}
	return false
}

// askingClauseAfter returns the start of the first clause after the
// marker at k, up to the sentence's end j, that has a word of obligation of
// its own, or 0.
func (c *classifier) askingClauseAfter(k, j int) int {
	e := 0
	for t := k + 1; t < j; t++ {
		if c.toks[t].flags&fHard != 0 && c.toks[t].punct == 0 {
			e = t
		}
		if e > 0 && obligationWords[c.word(t)] {
			return e
		}
	}
	return 0
}

// obligationWords say that a clause asks for what it names, in the
// corpus's languages ("Go is required", "Go ist erforderlich").
var obligationWords = wordSet("required requires require must mandatory essential erforderlich pflicht " +
	"vorausgesetzt notwendig requis requise obligatoire exigé exigée imprescindible obligatorio obligatoria " +
	"requerido requerida vereist verplicht kreves krävs kræves obbligatorio richiesto richiesta")

// asksBefore says whether a word of obligation stands in [i, k).
func (c *classifier) asksBefore(i, k int) bool {
	for t := i; t < k; t++ {
		switch c.word(t) {
		case "requires", "require", "required", "must":
			return true
		}
	}
	return false
}

// oneDegree says whether the sentence [i, j) names one degree only (its
// words may repeat: "bachelor's degree"); with two ("PhD preferably in
// physics, Master's degree at minimum") the wish keeps the whole sentence
// (review s34 F5).
func (c *classifier) oneDegree(i, j int) bool {
	kinds := 0
	for t := i; t < j; t++ {
		switch c.word(t) {
		case "bachelor", "bachelors", "bs", "bsc", "ba":
			kinds |= 1
		case "master", "masters", "ms", "msc", "mba":
			kinds |= 2
		case "phd", "ph", "doctorate":
			kinds |= 4
		}
	}
	return kinds&(kinds-1) == 0
}

// nounOfSkillOnly says whether the tokens [a, b) are only the words of
// having a skill and the copula of the marker after them ("experience
// is", "knowledge"), no name of their own.
func (c *classifier) nounOfSkillOnly(a, b int) bool {
	for t := a; t < b; t++ {
		if !skillNounWords[c.word(t)] {
			return false
		}
	}
	return true
}

var skillNounWords = wordSet("experience experiences knowledge skills skill expertise familiarity exposure " +
	"is are would be a an strongly highly very also")

// forwardMarkers are the adverbs of a wish that qualify what follows
// them ("and ideally Go", "und idealerweise Kotlin", "og gjerne Kotlin").
var forwardMarkers = map[string]bool{
	"ideally": true, "preferably": true, "idealerweise": true, "vorzugsweise": true, "optimalerweise": true,
	"bestenfalls": true, "idéalement": true, "idealmente": true, "preferiblemente": true, "preferibilmente": true,
	"helst": true, "gjerne": true, "gärna": true, "gerne": true, "fortrinnsvis": true, "företrädesvis": true,
	"idealiter": true,
}

// listJoins are the words "and" and "or" in the languages of the corpus.
var listJoins = map[string]bool{
	"and": true, "or": true, "und": true, "oder": true, "og": true, "och": true, "eller": true, "et": true,
	"ou": true, "y": true, "o": true, "e": true, "en": true, "of": true,
}

// learnScope is prefScope for a wish to learn at k: from the start of the
// clause that the "or" before the wish closes ("Glad i å jobbe på Linux,
// eller lyst til å lære det": the clause before the comma) to the next
// separator after the wish; the whole sentence [i, j) when no "or" is
// found.
func (c *classifier) learnScope(i, j, k int) (int, int) {
	o := -1
	for t := k - 1; t >= i && t >= k-8; t-- {
		switch c.word(t) {
		case "or", "eller", "oder", "of", "ou", "o":
			o = t
		}
		if o >= 0 {
			break
		}
	}
	if o < 0 {
		return i, j
	}
	// a separator right before the "or" ("Linux, eller") ends the
	// clause the wish qualifies: look before it
	a := i
	for t := o - 1; t > i; t-- {
		if c.toks[t].flags&fHard != 0 {
			a = t
			break
		}
	}
	b := j
	for t := k + 1; t < j; t++ {
		if c.toks[t].flags&fHard != 0 {
			b = t
			break
		}
	}
	return a, b
}

func fill(a, b int, bc class, pref, req bool, skill, edu []class) {
	sk, ed := bc, bc
	switch bc {
	case clsRequired:
		if pref {
			sk, ed = clsPreferred, clsPreferred
		}
	case clsMentioned:
		ed = clsUnknown
		if pref {
			ed = clsPreferred
		} else if req {
			ed = clsRequired
		}
	}
	for k := a; k < b; k++ {
		skill[k], edu[k] = sk, ed
	}
}

// dutchMarker says whether w is a Dutch preference marker's word.
func dutchMarker(w string) bool {
	switch w {
	case "pre", "pré", "pluspunt", "aanbeveling", "meegenomen", "voorkeur", "wenselijk":
		return true
	}
	return false
}

// opensWithListWord says whether the sentence [i, j) begins with "and",
// "or" or "and/or" (the last item of a list split by semicolons).
func (c *classifier) opensWithListWord(i, j int) bool {
	for k := i; k < j; k++ {
		if c.toks[k].punct == 0 {
			w := c.word(k)
			return w == "and" || w == "or"
		}
	}
	return false
}

// afterSemicolon says whether the sentence that starts at token i follows
// a semicolon rather than a full stop.
func (c *classifier) afterSemicolon(i int) bool {
	if i <= c.start {
		return false
	}
	between := c.lower[c.toks[i-1].end:c.toks[i].start]
	return strings.Contains(between, ";") || strings.Contains(between, "；")
}

// learnWords are "learn" in the languages prefMore reads a wish to
// learn in.
var learnWords = map[string]bool{"learn": true, "lære": true, "lära": true, "lernen": true, "leren": true,
	"apprendre": true, "aprender": true}

// prefMore says whether token i marks its sentence as preferred, in the
// words prefWord does not know: other languages' inline markers ("wäre ein
// Pluspunkt", "Fordel med", "gjerne", "meriterande", "se valorará",
// "最好") and English ones ("preferable", "would be ideal").
func (c *classifier) prefMore(i int) bool {
	w := c.word(i)
	if cjkWord(w) {
		return c.cjkAt(i, "最好", "为佳", "者优先", "尤佳", "者佳")
	}
	if w != "" && w[0] >= utf8.RuneSelf {
		w = strings.ToLower(w) // "Ønsket", "Önskvärt"
	}
	switch w {
	case "preferable", "pluspunkt", "pluspunkte", "vorteilhaft", "meriterande", "meriterende", "meritterende",
		"fordel", "fördel", "ønskelig", "ønsket", "önskvärt", "önskvärd", "gjerne", "gärna",
		"bienvenu", "bienvenue", "bienvenus", "bienvenues", "preferible", "gradita", "gradito", "graditi", "gradite",
		"apprezzata", "apprezzato", "aanbeveling", "meegenomen",
		"apprécié", "appréciée", "appréciés", "appréciées", "souhaité", "souhaitée", "souhaités", "valorará",
		"valorarán", "valoran", "preferentemente", "preferibile", "preferibilmente", "preferenziale",
		"wenselijk", "voorkeur", "diferencial",
		// Danish and German "gerne", the Nordic "preferably"/"is wished"
		// ("gerne med erfaring i SAP", "fortrinnsvis Python", "Erfaring
		// med Revit ønskes", "önskas"), German "ideally"/"at best"
		"fortrinnsvis", "företrädesvis", "foretrukket", "foretrækkes", "foretrekkes", "föredras",
		"ønskværdigt", "ønskværdig", "optimalerweise", "bestenfalls", "idealfall",
		"idealfälle", "souhaitable", "souhaitables", "souhaitées",
		// Danish and Norwegian "desirable", "advantageous"
		"ønskeligt", "ønskværdige", "fordelagtigt", "fordelagtig", "fordelaktig", "fordelaktigt",
		// French "valued" ("Une expérience avec Kafka serait
		// valorisée", session 36)
		"valorisé", "valorisée", "valorisés", "valorisées":
		return true
	case "idéal", "idéale", "idéaux", "idéales":
		// "Une expérience avec Kafka serait idéale": the conditional's
		// wish; not "le profil idéal", "le candidat idéal"
		p := c.word(i - 1)
		return p == "serait" || p == "seraient" || p == "idéalement"
	case "ønskes", "önskas", "önskemål":
		// a form's field answered no ("Körkort önskas Nej") wishes nothing
		switch c.word(c.nextWord(i)) {
		case "nej", "nei", "no", "nein":
			return false
		}
		return true
	case "gerne":
		// Danish and German "preferably": "gerne med erfaring i SAP",
		// "gerne auch Erfahrung mit Kafka"; not German "like to" ("Du
		// vermittelst gerne dein Wissen")
		switch c.word(c.nextWord(i)) {
		case "auch", "mit", "med", "også", "erfaring", "erfahrung", "erfahrungen", "kendskab", "kenntnisse", "i", "in",
			"inden", "indenfor", "inom", "som", "en", "et", "ein", "eine", "einen", "fra", "aus", "ha", "have",
			// "Gerne hast du Erfahrung mit SAP", "Gerne bringst du ... mit"
			"hast", "bringst", "kennst", "verfügst", "hättest", "haben", "bringen", "kennen", "verfügen",
			// Danish "Vi ser gerne, at du har erfaring med ..."
			"at":
			return true
		}
		return false
	case "runden", "rundet", "abrunden", "abgerundet":
		// "Kenntnisse in Kubernetes runden dein Profil ab", "Abgerundet
		// wird dein Profil durch ...": what completes the profile is a
		// plus, not a requirement
		for k, n := c.nextWord(i), 0; k >= 0 && k < c.end && n < 4; k, n = c.nextWord(k), n+1 {
			if w := c.word(k); w == "profil" || w == "profile" {
				return true
			}
		}
		return false
	case "schön", "toll", "klasse", "prima", "super":
		// "Erfahrung mit SAP wäre schön", "schön wäre": a wish; "Terraform
		// wäre klasse" (session 35)
		return c.word(i-1) == "wäre" || c.word(i-1) == "wären" || c.word(c.nextWord(i)) == "wäre" ||
			c.word(c.nextWord(i)) == "wären"
	case "helst":
		// "Du må helst ha erfaring med", "helst med Java": not "aller helst"
		// alone at the end
		return c.word(c.nextWord(i)) != ""
	case "willkommen", "velkommen", "välkommen", "bienvenida", "bienvenido":
		// "Erfahrung mit Go ist willkommen", "kendskab til SAP er
		// velkommen"; not "Herzlich willkommen" as a greeting
		p := c.word(i - 1)
		return p == "ist" || p == "sind" || p == "auch" || p == "er" || p == "är" || p == "gerne" || p == "es" ||
			p == "også" || p == "också"
	case "plus", "pluss":
		// "ist ein Plus", "er et plus", "is een plus", "è un plus",
		// Norwegian "er et pluss"
		switch c.word(i - 1) {
		case "ein", "en", "et", "ett", "een", "uno", "um", "grande", "gros":
			return true
		}
		// "(Plus) Sabes HTML y CSS": the marker alone in parentheses
		t := c.toks[i]
		before := strings.TrimRight(c.lower[:t.start], " ")
		after := strings.TrimLeft(c.lower[t.end:], " ")
		return strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")
	case "learn", "lære", "lära", "lernen", "leren", "apprendre", "aprender":
		if w == "learn" {
			// "Know how to work with Adobe Illustrator or want to learn",
			// "..., or are willing to learn": the candidate may still
			// learn it, so it is not demanded
			if c.word(i-1) != "to" {
				return false
			}
			switch c.word(i - 2) {
			case "want", "willing", "eager", "keen", "happy", "wanting":
				return c.word(i-3) == "or" || c.word(i-4) == "or"
			}
			return false
		}
		// the same in other languages: "Glad i å jobbe på Linux, eller
		// lyst til å lære det?", "eller vill lära dig", "oder bereit,
		// es zu lernen", "ou envie d'apprendre": an "or" and a wish
		// before the verb, in its sentence
		or := false
		for k := i - 1; k >= c.start && k >= i-7 && c.toks[k+1].flags&fSent == 0; k-- {
			switch c.word(k) {
			case "lyst", "vill", "villig", "villiga", "bereit", "lust", "motiviert", "wil", "bereid", "envie", "prêt",
				"prête", "ganas", "dispuesto", "dispuesta", "interessert", "intresserad", "interesseret", "gerne", "gärna":
				if or {
					return false // the wish before the "or" is another clause
				}
				for m := k - 1; m >= c.start && m >= k-4 && c.toks[m+1].flags&fSent == 0; m-- {
					switch c.word(m) {
					case "eller", "oder", "of", "ou", "o":
						return true
					}
				}
			case "eller", "oder", "of", "ou", "o":
				or = true
			}
		}
		return false
	case "det":
		// a Nordic condition by inversion, then its main clause: "men
		// har du erfaring fra ETL er det også en super match", "Har du
		// dessutom erfarenhet av jQuery ... är det meriterande": what
		// the condition names is welcome, not asked; not "... er det
		// deg vi ser etter" (it is you we look for)
		switch c.word(i - 1) {
		case "er", "är", "vore", "blir", "bliver":
		default:
			return false
		}
		switch c.word(c.nextWord(i)) {
		case "du", "deg", "dig", "dej", "dere", "akkurat", "nettopp", "netop", "precis", "just", "ikke", "inte", "":
			return false
		}
		for k := i - 2; k > c.start && k >= i-30 && c.toks[k+1].flags&fSent == 0; k-- {
			switch c.word(k + 1) {
			case "du", "man", "ni", "dere", "i":
			default:
				continue
			}
			switch c.word(k) {
			case "har", "kan", "kjenner", "känner", "kender", "behersker", "behärskar", "mestrer":
			default:
				continue
			}
			if c.toks[k].flags&(fSent|fHard|fBlock) != 0 || k == c.start {
				return true
			}
			switch c.word(k - 1) {
			case "men", "og", "och", "samt", "eller", "dessuden", "dessutom", "også":
				return true
			}
		}
		return false
	case "pre":
		// Dutch "is een enorme pre", "een pre" (written without the
		// accent of "pré"), and "(pre)" after an item; not the English
		// prefix ("pre-sales")
		switch c.word(i - 1) {
		case "een", "enorme", "grote", "flinke", "dikke", "echte", "extra":
			e := int(c.toks[i].end)
			return e >= len(c.lower) || c.lower[e] != '-'
		}
		t := c.toks[i]
		before := strings.TrimRight(c.lower[:t.start], " ")
		after := strings.TrimLeft(c.lower[t.end:], " ")
		return strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")
	case "great", "nice", "good", "ideal", "perfect", "fint", "bra", "fijn", "godt", "rart", "fantastic", "awesome", "amazing",
		"wonderful":
		// "Great if you know Go", "Det er fint om du har", "Det är bra om
		// du", "would be ideal"; not "the ideal candidate"; the Nordic
		// "good to have" ("är bra att ha", "er godt å ha", "er rart at
		// have")
		nx := c.nextWord(i)
		n := c.word(nx)
		p := c.word(i - 1)
		if n == "att" || n == "å" || n == "at" {
			h := c.word(c.nextWord(nx))
			return w != "great" && w != "nice" && w != "good" && (h == "ha" || h == "have" || h == "kunna" || h == "kunne")
		}
		if p == "be" && (c.word(i-2) == "would" || c.word(i-2) == "also") {
			// "Kubernetes experience would be awesome" (session 23; "would
			// be great" is prefWord's)
			return true
		}
		return n == "if" || n == "om" || n == "als" || w == "ideal" && (p == "be" || p == "is" || p == "are" || p == "wäre" || p == "wären" || n == "wäre")
	case "vorteil", "avantage", "voordeel", "tillgång":
		// "Kenntnisse in SAP sind ein Vorteil", "Docker est un
		// avantage", "ervaring met Go is een voordeel", "kunskap i SAP
		// är en tillgång" (an advantage, an asset); not "tillgång till"
		// (access to)
		switch c.word(i - 1) {
		case "ein", "großer", "klarer", "un", "gros", "grand", "véritable", "réel", "een", "groot", "grote",
			"en", "stor", "klar":
			return w != "tillgång" || c.word(c.nextWord(i)) != "till"
		}
		return false
	case "valuable", "värdefull", "värdefullt", "valorado", "valorada", "valorados", "valoradas":
		// "Go experience would be valuable", "SAP är värdefullt",
		// "conocimientos de Docker serán valorados"; not "valuable
		// products"
		switch c.word(i - 1) {
		case "be", "is", "are", "very", "highly", "especially", "also", "är", "vara", "mycket", "será", "serán",
			"es", "son", "muy", "altamente":
			return true
		}
		return false
	case "styrke", "styrka", "stärke", "merit":
		// "Kunskap i SAP är en styrka", "er en styrke", "ist eine
		// Stärke", Swedish "är en merit"; not "din styrke" (your strength)
		switch c.word(i - 1) {
		case "en", "ein", "eine", "stor", "stark", "klar", "ekstra", "extra":
			return true
		case "a":
			// "will be considered a merit"; not "based on merit"
			return w == "merit"
		}
		return false
	case "helps":
		// "it helps if you're also familiar with React", "it helps to have";
		// "Experience with Kubernetes helps", "... also helps a lot"
		// (session 23): the sentence ends on it
		nx := c.nextWord(i)
		n := c.word(nx)
		if n == "" && (nx >= c.end || c.toks[nx].flags&fSent != 0 || c.toks[nx].punct == '.') {
			return true
		}
		if n == "a" && c.word(c.nextWord(nx)) == "lot" {
			return true
		}
		return c.word(i-1) == "it" && (n == "if" || n == "to")
	case "better":
		// "Even better if you have worked with Kubernetes", "even better:"
		return c.word(i-1) == "even"
	case "addition":
		// "Kubernetes would be a nice addition", "a welcome addition"
		switch c.word(i - 1) {
		case "nice", "great", "welcome", "valuable", "good", "plus":
			return true
		}
		return false
	case "apart":
		// "Kubernetes experience would set you apart"
		p := c.word(i - 2)
		return c.word(i-1) == "you" && (p == "set" || p == "sets")
	case "out":
		// "Kubernetes experience will make you stand out"
		return c.word(i-1) == "stand" && c.word(i-2) != "to"
	case "meriterar":
		// Swedish "counts as a merit": "Erfarenhet av Kubernetes meriterar"
		return true
	case "useful":
		p := c.word(i - 1)
		return p == "be" || p == "is" || p == "are"
	case "points":
		// "bonus points for", "extra points", "brownie points"
		p := c.word(i - 1)
		return p == "extra" || p == "brownie" || p == "bonus"
	case "might", "may":
		// "You might have familiarity with SQL", "you may also have"
		n := c.word(c.nextWord(i))
		return n == "have" || n == "also" && c.word(c.nextWord(c.nextWord(i))) == "have"
	case "positivt":
		// "... Lean och/eller verksamhetsutveckling är det positivt",
		// "det er positivt om du har", "erfaring med SAP ses som
		// positivt"; not an attitude ("positivt inställd")
		switch c.word(c.nextWord(i)) {
		case "inställd", "innstilt", "indstillet", "anlagt", "anlagd", "innstilling", "inställning":
			return false
		case "om", "hvis", "dersom", "ifall", "med":
			return true
		}
		switch c.word(i - 1) {
		case "det", "er", "är", "være", "vara", "som", "også", "också", "tæller",
			"teller", "räknas", "regnes", "ses", "anses":
			return true
		}
		return false
	case "valora":
		return c.word(i-1) == "se"
	case "préférence", "preferencia", "preferenza":
		// "de préférence avec AWS", "de preferencia", "di preferenza"
		p := c.word(i - 1)
		return p == "de" || p == "di" || p == "con"
	case "haves":
		p := c.word(i - 2)
		return c.word(i-1) == "to" && (p == "nice" || p == "good")
	case "edge":
		// "gives you an edge"
		return c.word(i-1) == "an"
	case "muss":
		// German "sind kein Muss, aber schön" (session 35)
		return c.word(i-1) == "kein"
	case "mooi", "leuk":
		// Dutch "Terraform zou mooi zijn", "ervaring met Go is mooi
		// meegenomen" (session 35)
		p, n := c.word(i-1), c.word(c.nextWord(i))
		return p == "zou" || n == "zijn" && c.word(i-2) == "zou" || n == "meegenomen"
	case "gesehen":
		// German "Kenntnisse in R sind gern gesehen" (welcome; session 35)
		p := c.word(i - 1)
		return p == "gern" || p == "gerne"
	case "puntos":
		// Spanish "Suma puntos si conoces R" (it scores points; session 35)
		switch c.word(i - 1) {
		case "suma", "sumará", "suman", "sumarán", "extra":
			return true
		}
		return false
	case "value":
		// "You could provide even more value to our team by having
		// experience with ..." (umich-lsa-text-research-software-programmer-2021):
		// a wish said in the conditional; not "add value", not a duty
		// ("to deliver extra value to our clients": review s35 F9)
		return c.word(i-1) == "more" && c.word(i-2) == "even" && c.modalBefore(i-2)
	case "help":
		// "It would help if you had experience with R", "Experience with
		// R would help."; not "would help us", "would help the team"
		// (session 35)
		if c.word(i-1) != "would" {
			return false
		}
		nx := c.nextWord(i)
		n := c.word(nx)
		// "it would help if ..."; not "the team would help if you get
		// stuck" (review s35 F9)
		return n == "if" && c.word(i-2) == "it" || n == "" && (nx >= c.end || c.toks[nx].flags&fSent != 0 || c.toks[nx].punct == '.')
	case "start":
		// "Knowledge of R would give you a head start" (session 35); not
		// "to give our customers a head start" (review s35 F9)
		return c.word(i-1) == "head" && c.word(i-2) == "a" && c.word(i-3) == "you" && c.modalBefore(i-3)
	case "interested":
		// "We would be especially interested if you have ..." (session
		// 35): the employer's interest; not "you are also interested in
		// Rust" (review s35 F9)
		switch c.word(i - 1) {
		case "especially", "particularly":
			if c.word(c.nextWord(i)) != "if" && c.word(c.nextWord(i)) != "in" {
				return false
			}
			for t := i - 2; t >= c.start && t >= i-5; t-- {
				if w := c.word(t); w == "we" || w == "d" && c.word(t-1) == "we" {
					return true
				}
			}
		}
		return false
	case "preference":
		// "Candidates with R will be given preference", "Preference will
		// be given to candidates with R" (session 35); not "your
		// preference"
		if c.word(i-1) == "given" {
			return true
		}
		nx := c.nextWord(i)
		switch c.word(nx) {
		case "will", "may", "shall", "is":
			nn := c.word(c.nextWord(nx))
			return nn == "be" || nn == "given"
		}
		return false
	}
	return false
}

// strongPref says whether the preference marker at token i speaks of the
// candidate on its own ("is a plus", "ideally", "nice to have", "最好"),
// unlike "preferred" or "bonus", which may name other things ("our
// preferred vendor", "an annual bonus").
func (c *classifier) strongPref(i int) bool {
	switch c.word(i) {
	case "preferred", "bonus", "optional", "desired", "considered", "valued", "welcome", "helpful":
		return false
	}
	return true
}

// cueMore says whether token i makes its sentence ask something of the
// candidate, in the words reqCue does not know: "you will need", the
// Nordic and Portuguese words for experience and knowledge.
func (c *classifier) cueMore(i int) bool {
	w := c.word(i)
	if cjkWord(w) {
		return c.cjkAt(i, "明白", "理解", "懂得", "会使用", "能够使用", "使用过")
	}
	switch w {
	case "erfaring", "erfarenhet", "erfarenheter", "kunnskap", "kunnskaper", "kunskap", "kunskaper",
		"kjennskap", "kännedom", "kendskab", "behersker", "behärskar", "conhecimento", "conhecimentos",
		"vertraut", "versiert", "conoscenze", "esperienze", "ervaringen", "expériences", "beherrschst", "beherrschen",
		"beherrschung", "maîtrises", "familier", "familière", "manejo", "padronanza", "familiarità", "bekend",
		"kompetanse", "kompetens", "erfahren", "fortrolig", "ferdigheter",
		// Danish, Norwegian and Swedish "skills", "competences", "insight",
		// "required", "a prerequisite"; German "knowledge", "have at your
		// command"; Spanish "you master"
		"færdigheder", "färdigheter", "kompetencer", "kompetenser", "kundskaber", "kendskaber", "indsigt",
		"kreves", "kræves", "krävs", "påkrævet", "påkrevd", "obligatorisk", "forutsetning", "förutsättning",
		"forudsætning", "kenntnis", "verfügst", "verfügen", "erforderlich", "vorausgesetzt", "voraussetzung",
		"dominas", "manejas", "imprescindible", "requis", "requise", "requises", "exigé", "exigée", "exigées",
		"indispensable", "obligatoire",
		// the infinitives and the "comfortable with" of the Nordic and
		// German texts ("Du må beherske Excel", "Du är bekväm med
		// Excel", "sicher beherrscht")
		"beherske", "behärska", "beherrscht", "bekväm", "bekvem", "bekvemt", "bekvämt",
		// French "you know", "you have" of the candidate's side ("Vous
		// connaissez Linux et Ansible", session 23)
		"connaissez", "connais", "possédez", "possèdes":
		return true
	case "søker", "söker", "søger", "sucht", "suchen":
		// "Vi söker dig som är expert på ...", "Vi søger dig, der har",
		// "Wir suchen dich mit": the part that follows describes the
		// candidate
		switch c.word(c.nextWord(i)) {
		case "dig", "deg", "dich", "sie":
			return true
		}
	case "etter", "efter":
		// "Vi ser etter deg som", "Vi letar efter dig som"
		p := c.word(i - 1)
		n := c.word(c.nextWord(i))
		return (p == "ser" || p == "leter" || p == "letar" || p == "söker") && (n == "deg" || n == "dig" || n == "en" || n == "ei" || n == "ett" || n == "någon" || n == "noen")
	case "du":
		// "Du har erfaring med", "du behärskar HTML", "Du kender til",
		// "du er vant til", "Du hast Erfahrung", "du verfügst über"; not
		// "du har ansvar for" (a task) or "du har mulighet til" (an offer)
		n := c.nextWord(i)
		switch c.word(i - 1) {
		case "om", "hvis", "dersom", "ifall", "wenn", "falls", "når", "när":
			return false // "Om du har några frågor": a condition, not a requirement
		}
		switch c.word(n) {
		case "har", "hast":
			switch c.word(c.nextWord(n)) {
			case "ansvar", "ansvaret", "ansvarat", "mulighet", "muligheten", "möjlighet", "möjligheten", "mulighed",
				"muligheden", "tilgang", "tillgång", "adgang", "die", "eine", "hos", "i", "med", "sammen", "tillsammans",
				"några", "noen", "nogen", "frågor", "spørsmål", "spørgsmål", "fragen":
				return false
			}
			return true
		case "behärskar", "behersker", "mestrer", "mestrar", "kender", "kjenner", "känner", "kennst", "beherrschst",
			"verfügst", "bringst", "besitzt", "kan", "kannst":
			if w := c.word(n); w == "kan" || w == "kannst" {
				// "du kan Python", "Du kannst mit Git umgehen"; not "du
				// kan arbeide" (you get to work)
				switch c.word(c.nextWord(n)) {
				case "jobbe", "jobba", "arbeide", "arbeta", "arbejde", "arbeiten", "se", "forvente", "förvänta",
					"vente", "vänta", "bli", "bidra", "søke", "söka", "lese", "läsa", "lære", "lära", "få",
					"være", "vara", "sein", "dich", "deg", "dig", "også", "också",
					// Danish, Norwegian and Swedish offers: "du kan
					// bidrage", "du kan glæde dig til", "du kan regne
					// med", "du kan kontakte", "du kan blive"
					"bidrage", "søge", "ansøge", "læse", "blive", "glæde", "glede", "glädja", "regne", "räkna",
					"kontakte", "kontakta", "henvende", "vända", "komme", "komma", "finde", "finne", "hitta",
					"forvänta", "udvikle", "utvikle", "utveckla", "vokse", "växa":
					return false
				}
			}
			return true
		case "ska", "skall", "måste", "skal", "bör":
			// "Du ska ha jobbat med Docker", "Du måste ha körkort": what the
			// candidate shall have; not "du ska ha ansvar för" (a task) or
			// "du skal ha det gøy" (an offer)
			if h := c.nextWord(n); c.word(h) == "ha" {
				switch c.word(c.nextWord(h)) {
				case "ansvar", "ansvaret", "ansvarat", "hovedansvar", "huvudansvar", "personalansvar", "budgetansvar",
					"hand", "kontakt", "möjlighet", "möjligheten", "mulighet", "muligheten", "det", "fokus", "en", "ett", "ei", "et":
					return false
				}
				return true
			}
		case "er", "är", "bist":
			switch c.word(c.nextWord(n)) {
			case "vant", "van", "vertraut", "erfaren", "erfarne", "utdannet", "uddannet", "utbildad", "sikker", "säker",
				"fortrolig", "kyndig", "stærk", "sterk", "stark", "dyktig", "duktig", "dygtig", "flink", "god", "bra",
				"ekspert", "expert", "erfahren", "versiert", "sicher", "fit":
				return true
			}
		}
	case "vi", "wir", "nous":
		// "Vi forventer at du", "Vi förväntar oss att du", "Vi lægger
		// vægt på", "Wir erwarten", "nous attendons"
		switch c.word(c.nextWord(i)) {
		case "forventer", "förväntar", "erwarten", "attendons", "kræver", "krever", "kräver", "lægger", "legger",
			"lägger", "ønsker", "önskar", "ser":
			if w := c.word(c.nextWord(i)); w == "lægger" || w == "legger" || w == "lägger" {
				return c.word(c.nextWord(c.nextWord(i))) == "vægt" || c.word(c.nextWord(c.nextWord(i))) == "vekt" ||
					c.word(c.nextWord(c.nextWord(i))) == "vikt"
			}
			if w := c.word(c.nextWord(i)); w == "ser" {
				// "Vi ser gjerne at du": a wish, marked by prefMore
				return false
			}
			return true
		}
	case "forståelse", "förståelse", "verständnis":
		// "god forståelse for", "förståelse för", "Verständnis für",
		// "Fundiertes Verständnis von Next-Generation Firewalls"
		n := c.word(c.nextWord(i))
		return n == "for" || n == "för" || n == "für" || n == "af" || n == "av" || n == "von"
	case "vant", "van", "vana":
		// "vant til å jobbe i Excel", "van vid", "vana av"
		n := c.word(c.nextWord(i))
		return n == "til" || n == "vid" || n == "av" || n == "med"
	case "viden":
		n := c.word(c.nextWord(i))
		return n == "om" || n == "inden" || n == "indenfor" || n == "til"
	case "umgang":
		return c.word(c.nextWord(i)) == "mit" // "sicherer Umgang mit Git"
	case "aise":
		return c.word(c.nextWord(i)) == "avec" // "à l'aise avec Python"
	case "sterk", "god", "stark", "duktig", "bra":
		// "Er sterk på CI/CD pipelines", "du är duktig på React"
		n := c.word(c.nextWord(i))
		return n == "på" || n == "i"
	case "you":
		// "you will need", "you will bring"
		if n := c.nextWord(i); c.word(n) == "will" {
			w := c.word(c.nextWord(n))
			return w == "need" || w == "bring"
		}
	case "exposure":
		return c.word(c.nextWord(i)) == "to"
	case "experience", "experienced":
		// the verbs reqCue does not list after "experience": "Experience
		// utilizing modern ORM systems (e.g. Doctrine, Eloquent)",
		// "experience configuring Kafka", "experienced troubleshooting Linux"
		// Any gerund does ("Experience scripting/coding in ...",
		// "experience hardening Linux hosts", session 24), written right
		// after it ("customer experience, including onboarding" is no
		// phrase).
		k := c.nextWord(i)
		switch n := c.word(k); {
		case n == "integration", n == "administration":
			return true
		case len(n) >= 6 && strings.HasSuffix(n, "ing") && !notGerunds[n] && c.toks[k].flags&fHard == 0:
			return true
		}
	case "adept", "competent", "conversant", "knowledgeable":
		// "Adept in writing Unit and Integration tests", "competent with
		// Terraform", "conversant in SQL", "knowledgeable about Kafka"
		switch c.word(c.nextWord(i)) {
		case "in", "at", "with", "about", "of", "on", "using":
			return true
		}
	case "years", "yrs", "year":
		// "at least 2 years working with MongoDB", "3+ years in Python"
		switch c.word(c.nextWord(i)) {
		case "working", "using", "building", "developing", "writing", "programming", "in", "with", "hands":
			return true
		case "of":
			// "3+ years of Go", "five years of Kubernetes" (session 23):
			// a count of years, not "years of growth" after no number
			return c.yearCount(i - 1)
		}
	case "ability", "able":
		// "ability to work with Tableau", "able to write Go"
		if n := c.nextWord(i); c.word(n) == "to" {
			switch c.word(c.nextWord(n)) {
			case "work", "use", "write", "build", "code", "program", "develop", "design", "read", "query", "deploy":
				return true
			}
		}
	}
	if c.sentenceStart(i) {
		// A sentence or list item that opens with a candidate's quality or
		// past experience: "Strong Python skills", "Expert-level SQL",
		// "Have shipped production code in Rust", "Built pipelines on
		// Spark", "Can write clean Ruby".
		switch w {
		case "strong", "excellent", "solid", "expert", "advanced", "proven", "extensive", "demonstrated",
			"have", "has", "can", "built", "shipped", "designed", "developed", "led", "worked", "used", "implemented",
			"deployed", "maintained", "created", "wrote", "written", "owned", "scaled", "architected", "delivered",
			"launched", "contributed", "operated", "ran", "managed", "hands":
			if w == "hands" {
				// "Hands-on security incident response experience",
				// "Hands-on Kubernetes skills" (session 24)
				return c.word(c.nextWord(i)) == "on"
			}
			// not a passive ("Led by a Chief Information Security Officer"),
			// nor a participle that opens a sentence about a product
			// ("Built on ethical hacker knowledge, Detectify offers a web
			// application security scanner", "Written in Go, our CLI ...":
			// session 23)
			n := c.word(c.nextWord(i))
			if participles[w] && participleLinks[n] {
				return false
			}
			return n != "by"
		}
	}
	return false
}

// notGerunds are the words ending in "-ing" that are no gerund after
// "experience" ("experience during", "experience string").
var notGerunds = wordSet("during string strings spring sterling morning evening nothing something everything " +
	"anything ceiling pudding")

// askedNouns are the nouns of what a candidate has that may open a line
// asking for it ("Experience with", "Kenntnisse in", "Fundiertes
// Verständnis von", "Knowledge of"): reqCue or cueMore must still take
// them as a cue with the words that follow.
var askedNouns = wordSet("experience experienced knowledge understanding proficiency proficient familiarity " +
	"expertise background fluency mastery erfahrung erfahrungen berufserfahrung kenntnisse kenntnis verständnis " +
	"erfaring erfarenhet kunnskap kunnskaper kunskap kunskaper kendskab kennis ervaring expérience connaissance " +
	"connaissances maîtrise experiencia conocimiento conocimientos forståelse förståelse")

// askedLeads are the words that may stand before such a noun at the
// start of a line: a count of years and the adjectives of its degree
// ("5+ years of", "Mehrjährige, nachweisbare", "Strong hands-on").
var askedLeads = wordSet("years year yrs of at least minimum min strong solid proven deep good great excellent " +
	"extensive hands on practical professional relevant demonstrated prior previous working sound thorough " +
	"advanced basic in depth significant substantial broad mehrjährige mehrjährig langjährige fundierte " +
	"fundiertes fundiert sehr gute gutes guter erste praktische nachweisbare nachweisliche umfassende " +
	"tiefgehende solide sichere einschlägige bonne bonnes solides excelente buena buenas sólida sólidos " +
	"god goda gode gedegen relevante erfaren omfattende")

// opensAsked says whether the block opens with what a candidate has
// ("Experience with Go", "5+ years of experience in", "Fundiertes
// Verständnis von"): a count of years and adjectives, then a noun of
// askedNouns that reqCue or cueMore takes as a cue.
func (c *classifier) opensAsked() bool {
	for i, n := c.start, 0; i < c.end && n < 6; i++ {
		if c.toks[i].punct != 0 {
			continue
		}
		w := c.word(i)
		n++
		switch {
		case askedNouns[w]:
			return c.reqCue(i) || c.cueMore(i)
		case askedLeads[w], w[0] >= '0' && w[0] <= '9':
		default:
			return false
		}
	}
	return false
}

// sentenceStart says whether token i opens its sentence or block.
func (c *classifier) sentenceStart(i int) bool {
	return i == c.start || c.toks[i].flags&(fSent|fBlock) != 0
}

// conditionWords open a condition that a preference marker may close ("If
// you know Go, a plus"; German, Nordic, French).
var conditionWords = wordSet("if wenn falls om hvis si")

// markerWords may stand beside a preference marker in a clause that names
// nothing else ("is a big plus", "would be an advantage", "un atout",
// "wäre ein Pluspunkt").
var markerWords = map[string]bool{
	"a": true, "an": true, "is": true, "are": true, "be": true, "would": true, "will": true, "also": true,
	"definitely": true, "big": true, "huge": true, "strong": true, "nice": true, "great": true, "real": true,
	"added": true, "definite": true, "major": true, "extra": true, "very": true, "highly": true, "considered": true,
	"even": true,
	"to":   true, "have": true, "good": true, "but": true, "not": true, "required": true, "un": true, "une": true,
	"est": true, "serait": true, "sera": true, "ist": true, "wäre": true, "ein": true, "en": true, "et": true,
	"er": true, "är": true, "es": true, "sería": true, "è": true, "sarebbe": true, "costituisce": true, "een": true,
	"it": true, "that": true, "this": true, "of": true, "as": true, "dat": true, "det": true, "das": true,
	"dan": true, "then": true, "så": true, "da": true, "alors": true, "c'est": true, "ce": true,
	// the "s" of "that's", "it's" (the apostrophe is a token of its own):
	// "If you know Kafka, that's a plus" (session 32)
	"s": true,
	// "Kafka, if possible", "Kafka (if possible)" (session 36)
	"if": true,
	// "... er ikke et krav, men en fordel", "..., mais un plus", "...,
	// aber ein Plus": the "but" that joins the marker to a negated
	// requirement, and the Swedish article of "men ett plus" (session
	// 36; English "but" above)
	"men": true, "mais": true, "aber": true, "maar": true, "pero": true, "ett": true,
}

// fillerOnly says whether s holds only words that stand beside a
// preference marker ("a", "a big", "would be"): "(a plus)" is the marker
// alone in its parentheses.
func fillerOnly(s string) bool {
	for _, w := range strings.Fields(s) {
		if !markerWords[w] {
			return false
		}
	}
	return true
}

// fillerClause says whether the clause [a, b), which holds the preference
// marker at k, names nothing but the marker ("a plus", "preferred").
func (c *classifier) fillerClause(a, b, k int) bool {
	for t := a; t < b; t++ {
		if t == k || c.toks[t].punct != 0 {
			continue
		}
		w := c.word(t)
		if !markerWords[w] && !(c.prefWord(t) || c.prefMore(t)) {
			return false
		}
	}
	return true
}

// questionThenPref says whether the sentence that ends before token j is a
// question and the next one a short answer that marks it as a preference
// ("Do you know Go? That's a plus.").
func (c *classifier) questionThenPref(j int) bool {
	if j >= c.end || j == 0 || !strings.Contains(c.lower[c.toks[j-1].end:c.toks[j].start], "?") {
		return false
	}
	e := j + 1
	for e < c.end && c.toks[e].flags&fSent == 0 {
		e++
	}
	if e-j > 12 {
		return false
	}
	for k := j; k < e; k++ {
		if c.toks[k].punct == 0 && (c.prefWord(k) || c.prefMore(k)) {
			return true
		}
	}
	return false
}

// askedOfReader says whether the sentence [i, j) is a question to the
// reader: it ends with '?', opens with a verb and speaks to "you".
func (c *classifier) askedOfReader(i, j int) bool {
	if j <= i || j > c.end {
		return false
	}
	end := len(c.lower)
	if j < len(c.toks) {
		end = int(c.toks[j].start)
	}
	if !strings.Contains(c.lower[c.toks[j-1].end:end], "?") {
		return false
	}
	switch c.word(i) {
	case "are", "do", "have", "know", "can", "is", "heb", "ben", "kennst", "hast", "bist", "connaissez", "connais",
		"as", "êtes", "avez", "har", "kan", "kjenner", "känner", "conoces", "tienes", "hai", "conosci":
	default:
		return false
	}
	for k := i + 1; k < j; k++ {
		switch c.word(k) {
		case "you", "your", "du", "dich", "dir", "je", "jij", "vous", "tu", "te", "deg", "dig", "ti":
			return true
		}
	}
	return false
}

// cjkMarkerOnly says whether a clause is a preference marker alone
// ("加分", "优先", "更佳").
func cjkMarkerOnly(s string) bool {
	switch strings.TrimSpace(s) {
	case "加分", "优先", "更佳", "为佳", "尤佳", "可加分", "加分项", "优先考虑":
		return true
	}
	return false
}

// hedgedQuestion says whether the sentence [i, j) is a question that
// opens with "maybe" ("Kanske har du ...?", "Or perhaps you've ...?").
func (c *classifier) hedgedQuestion(i, j int) bool {
	if j <= i || j > c.end {
		return false
	}
	end := len(c.lower)
	if j < len(c.toks) {
		end = int(c.toks[j].start)
	}
	if !strings.Contains(c.lower[c.toks[j-1].end:end], "?") {
		return false
	}
	for k := i; k < j && k < i+4; k++ {
		switch c.word(k) {
		case "maybe", "perhaps", "kanske", "kanskje", "måske", "vielleicht", "peut", "quizás", "forse", "misschien":
			return true
		}
	}
	return false
}

// prefLeadIn says whether the words just before the colon at token k (at
// most eight, within the sentence that starts at i) say that what follows
// is a plus: "Ways to stand out from the crowd:", "It's a plus if you:",
// "Nice to haves:". Words that may name other things ("our preferred
// stack:", "bonus:") are left to colonMarker.
func (c *classifier) prefLeadIn(i, k int) bool {
	a, n := k, 0
	for a > i && n < 8 {
		a--
		if c.toks[a].punct == 0 {
			n++
		}
	}
	return colonPrefSet.in(foldHeading(c.lower[c.toks[a].start:c.toks[k-1].end]))
}

var colonPrefSet = func() *phraseSet {
	var l []string
	for _, p := range append(append([]string{}, preferredPhrases...), leadInPreferred...) {
		switch p {
		case "preferred", "desired", "optional", "bonus", "plus", "pluses", "prefer", "helpful", "desirable":
			continue
		}
		l = append(l, p)
	}
	return compilePhrases(l)
}()

// teamWe are "we" and "at our place" in the languages the cues read;
// teamVerbs the verbs of a team's own practice that follow them ("We use",
// "Vi bruker", "Wir arbeiten mit", "Vi dokumenterar i").
var (
	teamWe    = map[string]bool{"we": true, "vi": true, "wir": true, "nous": true, "wij": true, "we're": true}
	teamAdv   = map[string]bool{"currently": true, "mainly": true, "mostly": true, "primarily": true, "also": true, "today": true, "også": true, "också": true, "auch": true, "hovedsakelig": true, "huvudsakligen": true, "främst": true, "primært": true, "derzeit": true, "aktuell": true, "idag": true, "i": true}
	teamVerbs = map[string]bool{
		"use": true, "work": true, "build": true, "run": true, "document": true, "develop": true, "deploy": true, "host": true, "rely": true,
		"bruker": true, "benytter": true, "jobber": true, "arbeider": true, "utvikler": true, "dokumenterer": true, "kjører": true,
		"använder": true, "jobbar": true, "arbetar": true, "utvecklar": true, "dokumenterar": true, "kör": true, "nyttjar": true,
		"bruger": true, "arbejder": true, "udvikler": true,
		"nutzen": true, "verwenden": true, "arbeiten": true, "entwickeln": true, "dokumentieren": true, "setzen": true,
		"utilisons": true, "travaillons": true, "développons": true, "gebruiken": true, "werken": true, "ontwikkelen": true,
	}
)

// teamStatement says whether the sentence [i, j) states what the team or
// workplace does: it opens with "we" and a verb of its own practice (one
// adverb between: "We currently use", "Vi bruker i dag"), or with "hos
// oss"/"bei uns"/"chez nous" (at our place).
func (c *classifier) teamStatement(i, j int) bool {
	k := i
	for k < j && c.toks[k].punct != 0 {
		k++
	}
	if k >= j {
		return false
	}
	w0 := c.word(k)
	n := c.nextWord(k)
	if n >= j {
		return false
	}
	w1 := c.word(n)
	switch {
	case (w0 == "hos" || w0 == "chez") && (w1 == "oss" || w1 == "os" || w1 == "nous"), w0 == "bei" && w1 == "uns":
		return true
	case !teamWe[w0]:
		return false
	}
	if teamAdv[w1] {
		if n = c.nextWord(n); n >= j {
			return false
		}
		w1 = c.word(n)
	}
	return teamVerbs[w1]
}

// predicative says whether the adjective at token i is said of what its
// sentence names ("X is beneficial", "would be highly beneficial",
// "beneficial but not required"), not of a noun after it ("build
// beneficial AI systems") or of someone it serves ("safe and beneficial
// for our users"): only then does it mark a preference.
func (sc *classifier) predicative(i int) bool {
	p := i - 1
	for p >= sc.start && sc.toks[p].punct == 0 && adverbs[sc.word(p)] {
		p--
	}
	switch sc.word(p) {
	case "is", "are", "be", "been", "considered", "deemed":
	default:
		return false
	}
	if sc.word(i+1) == "for" {
		// "beneficial for this role", not "for our users"
		switch sc.word(i + 2) {
		case "this", "the":
			n := sc.word(i + 3)
			return n == "role" || n == "position" || n == "job"
		}
		return false
	}
	return true
}

// adverbs are the degree words between a copula and its adjective.
var adverbs = wordSet("very highly also especially extremely particularly really definitely certainly greatly hugely most")

// weAsk says whether "we" at token i opens a sentence that asks something
// of the candidate: "we expect", "we require", "we need" followed by what
// is needed ("we need strong Go skills", "we need you to"). "We need a
// Senior Backend Engineer to join our team" and "we need to expand our
// team" hire; they ask for skills only as "looking for" does, with "with"
// or "who" ("we need someone with Go", not "who will run our CI").
func (sc *classifier) weAsk(i int) bool {
	j := sc.nextWord(i)
	switch sc.word(j) {
	case "expect", "require":
		return true
	case "need":
	case "want":
		// "we want someone who can code in Go" (session 34); not "we
		// want you to grow", "we want developers who enjoy Go"
		k := sc.nextWord(j)
		return soughtPerson[sc.word(k)] && sc.word(k) != "you" && sc.whoWithBefore(k+1, k+10)
	default:
		return false
	}
	k := sc.nextWord(j)
	switch sc.word(k) {
	case "to":
		return false
	case "a", "an", "the", "someone", "somebody", "people", "more", "new", "another":
		return sc.whoWithBefore(k+1, k+12)
	}
	return true
}

// whoWithBefore reports whether a token from from up to (not including)
// limit, before the sentence ends, is whoWith's "with"/"who has" after the
// person.
func (sc *classifier) whoWithBefore(from, limit int) bool {
	for m := from; m < sc.end && m < limit; m++ {
		if sc.toks[m].flags&fSent != 0 {
			return false
		}
		if sc.whoWith(m) {
			return true
		}
	}
	return false
}

// whoWith says whether token k, in a sentence that looks for someone,
// opens what that someone has: "with" ("an engineer with Go experience"),
// or "who" not followed by what they will do or like ("a DevOps who will
// implement ... (Docker, Vault)", "an engineer who loves tackling 3D
// problems": the job's work and the person's taste, not a skill asked).
func (sc *classifier) whoWith(k int) bool {
	switch sc.word(k) {
	case "with":
		return true
	case "who":
	default:
		return false
	}
	if k+2 < sc.end && sc.toks[k+1].punct == '\'' {
		return sc.word(k+2) != "ll" && sc.word(k+2) != "d" // "who'll", "who'd"
	}
	v := sc.nextWord(k)
	if v+2 < sc.end && sc.toks[v+1].punct == '\'' && sc.word(v+2) == "t" || sc.word(sc.nextWord(v)) == "not" {
		return false // "who can't stand Java", "who do not know Go" (review s34 F7)
	}
	return !whoDuties[sc.word(v)]
}

// whoDuties are the verbs after "who" that say what the person will do or
// likes, not what they have.
var whoDuties = wordSet("will would shall wants want wishes enjoys enjoy loves love likes like thrives thrive " +
	"cares care shares share joins join helps help leads lead drives drive plays play takes take owns own")

// yearCount says whether token k counts the years after it: a number
// ("3", "3+", "3-5") or a number word ("five", "several").
func (c *classifier) yearCount(k int) bool {
	for k >= c.start && c.toks[k].punct == '+' {
		k--
	}
	w := c.word(k)
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	return yearNumbers[w]
}

// yearNumbers are the number words that count years of experience.
var yearNumbers = wordSet("one two three four five six seven eight nine ten several many multiple few")

// participles are the past participles of the sentence openings of
// experience that also open a sentence about a product ("Built on",
// "Designed for", "Written in").
var participles = wordSet("built designed developed created written launched delivered operated managed maintained " +
	"scaled architected owned deployed implemented used")

// participleLinks are the prepositions after such a participle that make
// it describe a product, not the candidate's experience.
var participleLinks = wordSet("on for in at from around upon to with by")

// teamAsides marks, in skill, the names inside a parenthesis that says what
// the team uses, as mentioned: "a very strong background in Django,
// architecture and databases (we use Clickhouse and Postgres)" asks for
// databases, and names the team's (session 23; PROTOCOL.md: the team's
// stack is mentioned). The aside opens with "we" or "our" right after
// "(" and a verb of using or having ("we use", "we're on", "our stack
// is"), and ends at ")" or with its block.
func teamAsides(lower string, toks []token, skill []class) {
	for i := 1; i+1 < len(toks); i++ {
		t := toks[i]
		if t.punct != 0 || t.flags&fHard == 0 || lower[t.start] != 'w' && lower[t.start] != 'o' {
			continue
		}
		w := lower[t.start:t.end]
		if w != "we" && w != "our" {
			continue
		}
		if strings.IndexByte(lower[toks[i-1].end:t.start], '(') < 0 {
			continue
		}
		k := i + 1
		for k < len(toks) && toks[k].punct == '\'' {
			k++ // "we're", "we've"
		}
		if k >= len(toks) || toks[k].punct != 0 || !teamAsideVerbs[lower[toks[k].start:toks[k].end]] {
			continue
		}
		for j := k + 1; j < len(toks) && toks[j].flags&(fBlock|fSent) == 0; j++ {
			if strings.IndexByte(lower[toks[j-1].end:toks[j].start], ')') >= 0 {
				break
			}
			skill[j] = clsMentioned
		}
	}
}

// teamAsideVerbs follow "we" or "our" in an aside about the team's tools.
var teamAsideVerbs = wordSet("use used using run rely build built work are re ve have stack tech tools " +
	"currently mostly mainly primarily")

// openItem is a list item of a part no heading classifies: its tokens
// [start, end), and whether a rule of its own made what it names only
// mentioned (classifier.ruled).
type openItem struct {
	start, end int
	ruled      bool
}

// listAsks makes the items of a list that asks for things required: in a
// part no heading classifies, a list of three or more items of which
// more than half ask for something by their own words ("Experiência em
// PostgreSQL", "Conhecimento em docker", "You have used Kafka") is a list
// of requirements whose heading was never written, and its other items
// ("Aplicar os principais Design Patterns", "Angular 18+") are
// requirements too. Items that mark a preference, or that a rule of their
// own made only mentioned (a question, the team's tools, how to apply),
// keep their class. A list of duties asks for nothing in its items' words
// and stays mentioned.
func (c *classifier) listAsks(items []openItem, skill, edu []class) {
	if len(items) < 3 {
		return
	}
	asks := 0
	for _, it := range items {
		if c.opensWithDuty(it.start, it.end) {
			// "Use your experience with Python to build our pipelines",
			// "You will gain experience with Kubernetes": a duty or an
			// offer whose words ask in passing, not a list's ask (review
			// s27 F4)
			continue
		}
		for k := it.start; k < it.end; k++ {
			if skill[k] == clsRequired {
				asks++
				break
			}
		}
	}
	if asks*2 <= len(items) {
		return
	}
	for _, it := range items {
		if it.ruled || c.opensWithDuty(it.start, it.end) {
			continue // a duty among asks stays a duty
		}
		plain := true
		for k := it.start; k < it.end && plain; k++ {
			plain = skill[k] == clsMentioned
		}
		if plain {
			fill(it.start, it.end, clsRequired, false, false, skill, edu)
		}
	}
}

// dutyOpeners open a list item that says what the job does or offers in
// the imperative ("Deploy and monitor the pipelines", "Use your
// experience with ...", "Gain exposure to ..."), not what it asks.
var dutyOpeners = wordSet("use apply leverage build deploy design develop own lead work collaborate partner drive " +
	"create maintain implement write help support manage run monitor gain get learn join contribute deliver ship " +
	"define improve ensure mentor participate translate analyze analyse automate operate grow")

// opensWithDuty says whether the item [a, b) opens with a duty verb, or
// with "you will" ("You will gain experience with Kubernetes").
func (c *classifier) opensWithDuty(a, b int) bool {
	k := a
	for k < b && c.toks[k].punct != 0 {
		k++
	}
	if k >= b {
		return false
	}
	w := c.word(k)
	if dutyOpeners[w] {
		return true
	}
	if w != "you" {
		return false
	}
	n := k + 1
	for n < b && c.toks[n].punct == '\'' {
		n++ // "you'll"
	}
	if n >= b {
		return false
	}
	switch c.word(n) {
	case "will", "ll":
		return true
	}
	return false
}

// gainVerbs, before "experience", "exposure" or "knowledge", offer it
// ("You will gain experience with Kubernetes", "get exposure to
// Terraform"): a thing the job gives, not one it asks for.
var gainVerbs = wordSet("gain gaining gains get getting gets acquire acquiring broaden broadening expand expanding " +
	"deepen deepening grow growing")

// gained says whether a gain verb stands in the three words before the cue
// at i, in its sentence, and no "have" makes it the candidate's past ("You
// have gained experience with Kafka" asks).
func (c *classifier) gained(i int) bool {
	for k, n := i-1, 0; k >= c.start && n < 3; k-- {
		if c.toks[k+1].flags&fSent != 0 {
			return false
		}
		if c.toks[k].punct != 0 {
			continue
		}
		n++
		if gainVerbs[c.word(k)] {
			for p, m := k-1, 0; p >= c.start && m < 2; p-- {
				if c.toks[p].punct != 0 {
					continue
				}
				m++
				switch c.word(p) {
				case "have", "has", "having", "had":
					return false
				}
			}
			return true
		}
	}
	return false
}

// offersOr says whether the tokens [a, b) hold an "or" (alternatives).
func (c *classifier) offersOr(a, b int) bool {
	for t := a; t < b; t++ {
		switch c.word(t) {
		case "or", "oder", "eller", "ou", "o", "of":
			return true
		}
	}
	return false
}

// longClauseBefore returns the first token of the clause that ends at the
// byte offset end when that clause (from the last hard separator of the
// sentence starting at token i) holds more than 12 words; else i.
func (c *classifier) longClauseBefore(i, end int) int {
	a := i
	words := 0
	for t := i; t < c.end && int(c.toks[t].start) < end; t++ {
		if c.toks[t].flags&fHard != 0 && t > i {
			a, words = t, 0
		}
		if c.toks[t].punct == 0 {
			words++
		}
	}
	if a > i && words > 12 {
		return a
	}
	return i
}

// opensWithWe says whether the block opens with "we" (teamWe): the
// company or the team speaking of itself.
func (c *classifier) opensWithWe() bool {
	for k := c.start; k < c.end; k++ {
		if c.toks[k].punct == 0 {
			return teamWe[c.word(k)]
		}
	}
	return false
}

// runOnItemStart returns where the list item that holds the marker at k
// starts in a long sentence [i, ...) that runs several items into one,
// as a description whose line breaks were lost does ("... in the
// security industry Certifications (...) Experience working with SIEM
// ... Proficiency in programming or scripting languages (preference to
// Python, Go, JavaScript, or Bash) is a plus"): the last word before the
// marker that opens with a capital after a word in small letters that is
// no word of grammar, and before a word in small letters ("forensics
// Proficiency in"); i when there is none or the sentence is short (25
// tokens before the marker): a marker at an item's end qualifies that
// item, not the items before it.
func (c *classifier) runOnItemStart(i, k int) int {
	if t := c.dashItemStart(i, k); t > i {
		return t
	}
	if c.text == "" || k-i < 25 {
		return i
	}
	for t := k - 1; t > i+1; t-- {
		if c.runOnAt(t, false) {
			return t
		}
	}
	return i
}

// runOnAt says whether a list item run into the text before it starts
// at token t (runOnItemStart): a word that opens with a capital after a
// word in small letters that is no word of grammar, before a word in
// small letters, with nothing but spaces between them; loose lets the
// word before be any word that is no word of grammar ("OSWP Experience
// working").
func (c *classifier) runOnAt(t int, loose bool) bool {
	if t < 1 || t+1 >= len(c.toks) {
		return false
	}
	tk, prev, next := c.toks[t], c.toks[t-1], c.toks[t+1]
	if tk.punct != 0 || prev.punct != 0 || next.punct != 0 || tk.flags&(fHard|fSent|fBlock|fGlued) != 0 ||
		next.flags&(fHard|fSent|fBlock|fGlued) != 0 {
		return false
	}
	w := c.text[tk.start:tk.end]
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'a' || w[1] > 'z' {
		return false
	}
	if n := c.text[next.start]; n < 'a' || n > 'z' {
		return false
	}
	p := c.text[prev.start:prev.end]
	if loose {
		return !vocabGrammar[strings.ToLower(p)]
	}
	return len(p) >= 3 && !vocabGrammar[p] && lowerASCIIWord(p)
}

// dashItemStart returns the word after the last spaced dash before the
// marker at k when the sentence [i, k) runs items into one with at least
// two of them ("Requirements - Experience with Java - Knowledge of Spring
// Boot - Docker (nice to have) - Kubernetes": review s27b F5); else i.
func (c *classifier) dashItemStart(i, k int) int {
	last, n := i, 0
	for t := i + 1; t < k; t++ {
		if c.toks[t].flags&fHard == 0 {
			continue
		}
		switch c.lower[c.toks[t-1].end:c.toks[t].start] {
		case " - ", " – ", " — ":
			if c.dashOpensItem(t) {
				last, n = t, n+1
			}
		}
	}
	if n >= 2 {
		return last
	}
	return i
}

// dashOpensItem says whether the word at t, after a spaced dash, opens a
// list item run into the sentence: any word but a word of grammar. A dash
// before "or", "and" or "is" sets off words inside one item ("Familiarity
// with React - or Vue - or Angular - is a plus": review s28 F2); items
// may open in small letters or with a number ("- 3+ years with Java":
// review s29 F3).
func (c *classifier) dashOpensItem(t int) bool {
	return !vocabGrammar[c.lower[c.toks[t].start:c.toks[t].end]]
}

// parenLeadInEnd returns where the item ends whose own preference in
// parentheses leads into its list ("Certifications (preferred not
// required): OSCP, OSCE, OSWP Experience working with SIEM ..."): the
// next list item run into it (runOnAt) in a long rest of the block; -1
// when the lead-in is no such item, or none is found. The marker then
// qualifies that item, not the items after it.
func (c *classifier) parenLeadInEnd(i, k int) int {
	if c.text == "" || c.end-k < 25 || k < 1 {
		return -1
	}
	before := strings.TrimRight(c.text[c.toks[i].start:c.toks[k].start], " :")
	if !strings.HasSuffix(before, ")") || !strings.Contains(before, "(") {
		return -1
	}
	for t := k + 2; t < c.end-1; t++ {
		if c.toks[t].flags&(fSent|fBlock) != 0 {
			return -1
		}
		if c.runOnAt(t, true) {
			return t
		}
	}
	return -1
}

// lowerASCIIWord says whether w is all small ASCII letters.
func lowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// runOnItemEnd returns where the list item that holds the forward wish
// at k ends in a block of items run into one ("WSGI frameworks,
// preferably Pyramid SQL Good understanding of the HTTP protocol"): at
// the next item run into it (runOnAt, loosely), when the scope [k, b)
// is long (ten tokens); else b.
func (c *classifier) runOnItemEnd(k, b int) int {
	if c.text == "" || b-k < 10 {
		return b
	}
	for t := k + 2; t < b-1; t++ {
		if c.runOnAt(t, true) {
			return t
		}
	}
	return b
}
