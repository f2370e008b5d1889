package normalize

import "strings"

// agileWords are the forms of the adjective "agile" in the languages of the
// corpus ("agilen Teams", "équipe agile", "ambientes ágiles", "smidig").
var agileWords = map[string]bool{
	"agile": true, "agil": true, "agilen": true, "agilem": true, "agiler": true, "agiles": true,
	"agili": true, "ágil": true, "ágiles": true, "agila": true, "agilt": true, "smidig": true,
	"smidige": true, "smidigt": true,
}

// isAgileWord is agileWords[w], looked up only for words that can be one:
// most words of a text start with another letter.
func isAgileWord(w string) bool {
	if len(w) < 4 || len(w) > 8 || w[0] != 'a' && w[0] != 's' && w[0] != 0xc3 {
		return false
	}
	return agileWords[w]
}

// workNounEnds end the nouns of a way of working that "agile" may qualify
// as a method: a team, a project, an environment, a practice, a method
// ("agile teams", "agilen Software-Entwicklungsprojekten", "agilem
// Testmanagement", "agile Entwicklungspraxis", "utviklingsmetodikk").
var workNounEnds = []string{
	"team", "teams", "projekt", "projekte", "projekten", "projektarbeit", "project", "projects",
	"entwicklung", "praxis", "management", "methoden", "methods", "methodik", "metodikk", "metoder",
	"kontext", "context", "umfeld", "environment", "environments", "development", "practice",
	"practices", "principles", "prinsipper", "processes", "process", "delivery", "methodology",
	"methodologies", "framework", "frameworks", "setting", "settings", "ways", "way", "arbetssätt",
}

// workNounsBefore are the nouns an adjective follows in the Romance
// languages ("équipe agile", "ambiente agile", "ambientes de trabajo
// ágiles", "metodologie ... agile").
var workNounsBefore = map[string]bool{
	"équipe": true, "équipes": true, "environnement": true, "environnements": true, "ambiente": true,
	"ambientes": true, "entorno": true, "entornos": true, "metodologie": true, "metodologia": true,
	"metodologías": true, "méthodes": true, "méthodologies": true, "projets": true,
	"proyectos": true, "progetti": true, "approche": true,
}

// methodNames are other named methods: "agile" next to one of them is the
// method too ("waterfall e agile", "smidig, Lean", "agilen Kontext
// (SCRUM, Kanban)"). Lean counts only as written, capitalised: "a lean
// team and agile thinking" are traits.
var methodNames = map[string]bool{
	"scrum": true, "kanban": true, "waterfall": true, "xp": true,
	"devops": true, "gantt": true,
}

// methodWords applies PROTOCOL.md's "Methods of working" to the adjective
// agile: it names the method (Agile) when it qualifies a way of working or
// stands next to another method ("Experience working in agile teams",
// "Erfahrung mit Testing in agilen Software-Entwicklungsprojekten",
// "Capacité à travailler dans un environnement agile", "waterfall e
// agile"), and a personal or company trait otherwise ("Agile,
// customer-focused, and result-oriented", "an agile, dynamic mindset",
// "agile solutions"). Whether it is required, preferred or only mentioned
// is then the place's, as for any skill ("Mitarbeit in agilen Teams" under
// the tasks is mentioned). A capitalised "Agile" that the taxonomy matched
// and that leads a list of traits is dropped; a lowercase one in a method's
// place is added.
func (n *Normalizer) methodWords(hits []hit, text, lower string, toks []token) []hit {
	if n.agile < 0 {
		return hits
	}
	covered := make([]bool, len(toks))
	out := hits[:0]
	for _, h := range hits {
		for k := h.tok; k < h.end; k++ {
			covered[k] = true
		}
		if h.id == n.agile && h.end == h.tok+1 && agileWords[lower[toks[h.tok].start:toks[h.tok].end]] &&
			traitList(text, toks, h.tok) && !methodPlace(text, lower, toks, h.tok) {
			continue // "Agile, customer-focused, and result-oriented"
		}
		out = append(out, h)
	}
	hits = out
	added := map[int]bool{}
	for i, t := range toks {
		if t.punct != 0 || covered[i] || !isAgileWord(lower[t.start:t.end]) {
			continue
		}
		if methodPlace(text, lower, toks, i) {
			hits = append(hits, hit{id: n.agile, tok: i, end: i + 1})
			added[i+1] = true
		}
	}
	if len(added) == 0 {
		return hits
	}
	// "in agilen Teams": the noun the method qualifies is no product
	// (Microsoft Teams)
	out = hits[:0]
	for _, h := range hits {
		if added[h.tok] && h.end == h.tok+1 && workNoun(lower[toks[h.tok].start:toks[h.tok].end]) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// workNoun says whether w ends like a noun of a way of working.
func workNoun(w string) bool {
	for _, e := range workNounEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// traitList says whether the word at i is followed by a comma and a
// lower-case word: the first of a list of adjectives ("Agile,
// customer-focused").
func traitList(text string, toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	if n.flags&(fHard|fClause) == 0 || n.flags&(fSent|fBlock) != 0 || n.punct != 0 {
		return false
	}
	c := text[n.start]
	return c >= 'a' && c <= 'z'
}

// methodPlace says whether the adjective at i qualifies a way of working
// or stands next to another method, within its sentence.
func methodPlace(text, lower string, toks []token, i int) bool {
	stop := func(k int) bool { return toks[k].flags&(fSent|fBlock) != 0 }
	word := func(k int) string {
		t := toks[k]
		if t.punct != 0 {
			return ""
		}
		return lower[t.start:t.end]
	}
	// forward: the noun it qualifies, up to four words on, not across a
	// comma right after it ("agile, innovative team" is a trait)
	seen := 0
	for k := i + 1; k < len(toks) && seen < 4 && !stop(k); k++ {
		if toks[k].punct != 0 {
			continue
		}
		if seen == 0 && toks[k].flags&(fHard|fClause) != 0 && !methodNames[word(k)] {
			break
		}
		seen++
		if workNoun(word(k)) {
			return true
		}
	}
	// backward: the Romance noun it follows, up to three words back
	seen = 0
	for k := i - 1; k >= 0 && seen < 3 && !stop(k+1); k-- {
		if toks[k].punct != 0 {
			continue
		}
		seen++
		if workNounsBefore[word(k)] {
			return true
		}
	}
	// another method within three words either way
	seen = 0
	for k := i - 1; k >= 0 && seen < 3 && !stop(k+1); k-- {
		if toks[k].punct == 0 {
			seen++
			if methodNames[word(k)] || text[toks[k].start:toks[k].end] == "Lean" {
				return true
			}
		}
	}
	seen = 0
	for k := i + 1; k < len(toks) && seen < 3 && !stop(k); k++ {
		if toks[k].punct == 0 {
			seen++
			if methodNames[word(k)] || text[toks[k].start:toks[k].end] == "Lean" {
				return true
			}
		}
	}
	return false
}

// contributeWords ask for taking part in open source: contributing,
// participating ("长期贡献者优先", "有研究和贡献经验优先", "有参加过与开源相关的活动").
var contributeWords = []string{"贡献", "参与", "参加", "contribut", "committer", "maintainer"}

// openSourcePlaces sets the place of Open Source (and of GitHub as a
// community) where the words around it say more than the section does.
//
// A product's or the company's own open-source community is theirs, not a
// skill asked of the candidate ("熟悉 Kubernetes 技术及其开源社区", "our
// open source community"): mentioned.
//
// In an item whose requirement names something open source and whose last
// clause prefers contributing to it, taking part in open source is what is
// preferred ("熟悉Github开源社区，长期贡献者优先", "熟悉Hyperledger
// Fabric、Ethereum、IPFS等相关开源项目中的一种或多种，有研究和贡献经验优先",
// "了解开源文化，有参加过与开源相关的活动、工作优先考虑"); the named
// products stay required.
func (n *Normalizer) openSourcePlaces(hits []hit, text, lower string, toks []token, skill []class) {
	if n.open < 0 {
		return
	}
	for _, h := range hits {
		if (h.id == n.sites[0] || h.id == n.sites[1]) && h.id >= 0 && h.end < len(toks) && siteCommunity(lower, toks, h) {
			// "熟悉Github开源社区", "the GitHub community": the site's
			// community, not the hosting service as a tool
			for k := h.tok; k < h.end; k++ {
				skill[k] = clsMentioned
			}
			continue
		}
		if h.id != n.open || h.end > len(toks) {
			continue
		}
		if ownCommunity(text, lower, toks, h) {
			for k := h.tok; k < h.end; k++ {
				skill[k] = clsMentioned
			}
			continue
		}
		if skill[h.tok] != clsRequired {
			continue
		}
		b := toks[h.tok].block
		for k := h.end; k < len(toks) && toks[k].block == b; k++ {
			if skill[k] != clsPreferred {
				continue
			}
			end := k
			for end < len(toks) && toks[end].block == b {
				end++
			}
			part := lower[toks[k].start:toks[end-1].end]
			for _, w := range contributeWords {
				if strings.Contains(part, w) {
					for j := h.tok; j < h.end; j++ {
						skill[j] = clsPreferred
					}
					break
				}
			}
			break
		}
	}
}

// ownCommunity says whether the Open Source hit h qualifies a community
// that a possessive gives to someone else: "其开源社区" (its), "our open
// source community", "我们的开源社区".
func ownCommunity(text, lower string, toks []token, h hit) bool {
	after := lower[toks[h.end-1].end:]
	after = strings.TrimLeft(after, " ")
	if !strings.HasPrefix(after, "社区") && !strings.HasPrefix(after, "community") && !strings.HasPrefix(after, "communities") {
		return false
	}
	before := strings.TrimRight(lower[:toks[h.tok].start], " ")
	for _, p := range []string{"其", "我们的", "我们", " our", " its", " their"} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// siteCommunity says whether the hit h (GitHub, GitLab) names a site whose
// community follows: "Github开源社区", "GitHub community".
func siteCommunity(lower string, toks []token, h hit) bool {
	w := lower[toks[h.tok].start:toks[h.end-1].end]
	if w != "github" && w != "gitlab" {
		return false
	}
	after := strings.TrimLeft(lower[toks[h.end-1].end:], " ")
	after = strings.TrimPrefix(after, "开源")
	after = strings.TrimPrefix(after, "open source ")
	after = strings.TrimPrefix(after, "open-source ")
	return strings.HasPrefix(after, "社区") || strings.HasPrefix(after, "community") || strings.HasPrefix(after, "communities")
}

// attitudeLeads open an attitude, not a requirement: what follows in the
// sentence is what the candidate likes, not what they must know ("A
// passion for safe and ethical AI development", "Are you passionate about
// Artificial Intelligence", "individuals interested in AI-related roles").
// "Interest in" alone is left out: the labels read "Interest in Git and
// GitHub" as a (weak) requirement.
var attitudeLeads = [][]string{
	{"passionate", "about"}, {"passion", "for"}, {"curious", "about"}, {"curiosity", "about"},
	{"curiosity", "for"}, {"interested", "in"}, {"enthusiasm", "for"}, {"excited", "about"},
}

// attitudeLeadMin is the length of the shortest first word of a lead.
var attitudeLeadMin = func() int {
	m := len(attitudeLeads[0][0])
	for _, l := range attitudeLeads {
		m = min(m, len(l[0]))
	}
	return m
}()

// attitudeLeadLen has the lengths of the leads' first words (up to 63).
var attitudeLeadLen = func() (m [64]bool) {
	for _, l := range attitudeLeads {
		if len(l[0]) < len(m) {
			m[len(l[0])] = true
		}
	}
	return m
}()

// attitudeEnds end an attitude's object: the sentence goes on to ask
// for something ("Passion for Python and experience with Django", "You're
// passionate about software design and have good testing skills").
var attitudeEnds = map[string]bool{
	"experience": true, "knowledge": true, "ability": true, "skills": true, "proficiency": true,
	"familiarity": true, "expertise": true, "understanding": true, "have": true, "has": true,
	"can": true, "bring": true,
}

// attitudes marks, in skill, the names inside an attitude as mentioned:
// after an English lead to the end of its sentence or to a word that asks
// for something again, and in Chinese between 对 and 感兴趣/有兴趣 in one
// clause ("对自动驾驶领域感兴趣，对AI感兴趣"), unless the interest is
// itself marked preferred ("对开源有兴趣的优先").
func attitudes(lower string, toks []token, skill []class) {
	word := func(k int) string {
		if toks[k].punct != 0 {
			return ""
		}
		return lower[toks[k].start:toks[k].end]
	}
	for i := 0; i+1 < len(toks); i++ {
		w := word(i)
		for _, l := range attitudeLeads {
			if len(w) < attitudeLeadMin || len(w) < len(attitudeLeadLen) && !attitudeLeadLen[len(w)] {
				break // no lead's first word is as long
			}
			if w != l[0] || word(i+1) != l[1] || toks[i+1].flags&(fSent|fBlock|fHard) != 0 {
				continue
			}
			for k := i + 2; k < len(toks) && toks[k].flags&(fSent|fBlock) == 0 && !attitudeEnds[word(k)]; k++ {
				skill[k] = clsMentioned
			}
		}
		// 感兴趣 / 有兴趣: back to 对 in the same clause
		if (w == "感" || w == "有") && word(i+1) == "兴" && i+2 < len(toks) && word(i+2) == "趣" &&
			!strings.HasPrefix(strings.TrimPrefix(lower[toks[i+2].end:], "的"), "优先") {
			// "对开源有兴趣的优先": an interest the posting prefers is a
			// preference
			for k := i - 1; k >= 0; k-- {
				if word(k) == "对" {
					for j := k; j < i; j++ {
						skill[j] = clsMentioned
					}
					break
				}
				if toks[k].flags&(fSent|fBlock|fHard|fClause) != 0 {
					break
				}
			}
		}
	}
}

// aiToolWords follow "AI" when it names the tools one works with, not the
// field one works in: "AI-assisted coding tools", "AI capabilities and
// AI fluency", "our AI tools", "the AI era".
var aiToolWords = map[string]bool{"assisted": true, "powered": true, "driven": true, "enabled": true,
	"augmented": true, "generated": true, "tools": true, "tool": true, "assistants": true, "assistant": true,
	"capabilities": true, "fluency": true, "literacy": true, "era": true, "coding": true, "copilot": true,
	"copilots": true, "adoption": true, "workflows": true,
	// what one does with AI, not the field ("thinking critically about AI
	// outputs", "responsible AI use", "our company-wide AI inventory",
	// "AI-native", "AI-first execution", "AI-accelerated patterns")
	"outputs": true, "output": true, "use": true, "usage": true, "inventory": true, "native": true,
	"first": true, "accelerated": true, "proficiency": true}

// aiUseVerbs right before "AI" make it a tool one uses ("leveraging AI to
// enhance productivity", "experiments with AI and AI agents every day",
// "use AI tools to increase output quality").
var aiUseVerbs = map[string]bool{"leverage": true, "leveraging": true, "leverages": true, "use": true,
	"using": true, "uses": true}

// aiAsTool marks as mentioned the "AI" that modifies the tools one uses
// ("Proficient working with AI-assisted development (Cursor)",
// "Demonstrates strong automation and AI capabilities and AI fluency"):
// the use of tools, not Artificial Intelligence as a field asked for.
func (n *Normalizer) aiAsTool(hits []hit, lower string, toks []token, skill []class) {
	if n.ai < 0 {
		return
	}
	for _, h := range hits {
		if h.id != n.ai || h.end != h.tok+1 || h.end >= len(toks) || lower[toks[h.tok].start:toks[h.tok].end] != "ai" {
			continue
		}
		k := h.end
		if toks[k].punct == '-' && k+1 < len(toks) {
			k++
		}
		usedBy := h.tok > 0 && toks[h.tok-1].punct == 0 && toks[h.tok-1].block == toks[h.tok].block &&
			aiUseVerbs[lower[toks[h.tok-1].start:toks[h.tok-1].end]]
		if !usedBy && (toks[k].punct != 0 || toks[k].block != toks[h.tok].block || !aiToolWords[lower[toks[k].start:toks[k].end]]) {
			continue
		}
		if builtAI(lower, toks, h.tok) {
			continue
		}
		skill[h.tok] = clsMentioned
	}
}

// aiBuildVerbs before "AI" make it what one builds ("building AI
// capabilities into our platform", "designing AI workflows for our
// customers"): the field, whatever tool word follows.
var aiBuildVerbs = map[string]bool{"build": true, "building": true, "develop": true,
	"developing": true, "design": true, "designing": true, "ship": true, "shipping": true,
	"implement": true, "implementing": true, "create": true, "creating": true, "architect": true,
	"architecting": true, "deliver": true, "delivering": true, "integrate": true, "integrating": true}

// builtAI tells whether a build verb stands in the few words before the
// token at, in its block and clause.
func builtAI(lower string, toks []token, at int) bool {
	for k := at - 1; k >= 0 && k >= at-6 && toks[k].block == toks[at].block; k-- {
		switch toks[k].punct {
		case 0:
			if aiBuildVerbs[lower[toks[k].start:toks[k].end]] {
				return true
			}
		case '.', ';', ':', '!', '?', '(', ')':
			return false
		}
	}
	return false
}
