// Package normalize turns a raw posting, as a platform adapter read it, into
// the role/skill model: role family and levels from the title, locations,
// pay, workplace, and the skills and degrees of the description, split into
// required, preferred and mentioned by the posting's own headings.
//
// Skills come from an embedded taxonomy (taxonomy.yaml) that the config can
// extend. Matching is one pass over the tokens of a text through a trie of
// aliases (whole words, leftmost-longest, case-folded with case-sensitive
// exceptions). Everything is deterministic: the same raw posting always gives
// the same model.Posting.
package normalize

import (
	"html"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// rulesVersion is bumped whenever the extraction rules change what they
// produce, so that stored postings get re-normalized.
const rulesVersion = 298

// Normalizer maps raw postings into the model. It is immutable once built
// and safe for concurrent use.
type Normalizer struct {
	tax    *Taxonomy
	m      matcher
	names  []string // skill names by id; degree ids follow
	agile  int32    // the id of Agile, -1 when the taxonomy has none
	open   int32    // the id of Open Source, -1 when the taxonomy has none
	ai     int32    // the id of Artificial Intelligence, -1 when the taxonomy has none
	sites  [2]int32 // the ids of GitHub and GitLab, -1 when the taxonomy has none
	design [2]int32 // the ids of UX Design and UI Design, -1 when the taxonomy has none
	unix   [2]int32 // the ids of Unix and Nix, -1 when the taxonomy has none
	// lowerNames maps a language's one-word case-sensitive name, lowered
	// ("go", "rust"), to its skill: the name written in lower case inside
	// a list of names (listedLowerNames)
	lowerNames map[string]int32
	version    string
}

// New compiles the taxonomy's aliases. A nil taxonomy means the embedded one.
func New(t *Taxonomy) *Normalizer {
	if t == nil {
		var err error
		if t, err = LoadTaxonomy(nil); err != nil {
			panic(err) // the embedded taxonomy is tested
		}
	}
	n := &Normalizer{tax: t, agile: -1, open: -1, ai: -1, sites: [2]int32{-1, -1}, design: [2]int32{-1, -1}, unix: [2]int32{-1, -1}}
	taken := map[string]bool{}
	for _, s := range t.skills {
		for _, a := range aliasesOf(s) {
			taken[aliasKey(a)] = true
		}
	}
	for i, s := range t.skills {
		n.names = append(n.names, s.Name)
		switch s.Name {
		case "Agile":
			n.agile = int32(i)
		case "Open Source":
			n.open = int32(i)
		case "Artificial Intelligence":
			n.ai = int32(i)
		case "GitHub":
			n.sites[0] = int32(i)
		case "GitLab":
			n.sites[1] = int32(i)
		case "UX Design":
			n.design[0] = int32(i)
		case "UI Design":
			n.design[1] = int32(i)
		case "Unix":
			n.unix[0] = int32(i)
		case "Nix":
			n.unix[1] = int32(i)
		}
		for _, a := range aliasesOf(s) {
			n.m.add(a, int32(i))
			if !caseSensitive(a) {
				if v := britishSpelling(strings.ToLower(a)); v != "" && !taken[aliasKey(v)] {
					n.m.add(v, int32(i))
				}
				for _, v := range germanForms(a) {
					if !taken[aliasKey(v)] {
						n.m.add(v, int32(i))
					}
				}
			}
			if s.Category == "language" && strings.HasPrefix(a, "=") && len(a) > 2 && isLowerWord(strings.ToLower(a[1:])) {
				if n.lowerNames == nil {
					n.lowerNames = map[string]int32{}
				}
				n.lowerNames[strings.ToLower(a[1:])] = int32(i)
			}
		}
	}
	for d, aliases := range degreeAliases {
		for _, a := range aliases {
			n.m.add(a, int32(len(t.skills)+d))
		}
	}
	for _, p := range t.ignore {
		n.m.add(p, idBlocker)
	}
	for _, p := range notDegrees {
		n.m.add(p, idBlocker)
	}
	n.version = VersionOf(t)
	return n
}

// Version is a short fingerprint (hex) of the taxonomy, the extraction
// rules and the snapshot format (model.SnapshotFormat): postings stored
// under another Version must be re-normalized.
func (n *Normalizer) Version() string { return n.version }

// Taxonomy returns the taxonomy the normalizer was built from.
func (n *Normalizer) Taxonomy() *Taxonomy { return n.tax }

// Normalize maps a raw posting into the model. Same input, same output:
// slices are sorted (locations, skills, degrees) or in order of appearance
// (salary), without repeats, and never nil. Text is read in Unicode NFC
// (model.NFCRaw): the same posting in NFD is the same model.
func (n *Normalizer) Normalize(source, company string, r model.Raw) model.Posting {
	r, company = model.NFCRaw(r), norm.NFC.String(company) // NFD text is the same posting
	title := collapse(r.Title)
	readTitle := prefix(title, maxTitleRead) // what the readers read of it
	p := model.Posting{
		ID:            strings.TrimSpace(r.ID),
		Source:        source,
		Company:       company,
		Title:         title,
		URL:           CleanURL(r.URL),
		RequisitionID: strings.TrimSpace(r.RequisitionID),
		Role:          Role(readTitle),
		Levels:        Levels(readTitle),
		Team:          collapse(r.Team),
		Posted:        strings.TrimSpace(r.Posted),
	}

	var desc []block
	if d := r.DescriptionHTML; strings.TrimSpace(d) != "" && linesNotMarkup(d) {
		// plain text with its line breaks in an HTML field (a JSON-LD
		// description, a board's "content"): its lines are its
		// structure, which HTML would collapse into one paragraph
		head, tail := splitParsed(d)
		desc = plainLines(textBlocks(html.UnescapeString(head)), html.UnescapeString(tail))
		for i := range desc {
			desc[i].text = nfcString(desc[i].text)
		}
	} else if strings.TrimSpace(r.DescriptionHTML) != "" {
		head, tail := splitParsed(r.DescriptionHTML)
		desc = plainLines(htmlBlocks(head), html.UnescapeString(stripTags(tail)))
		for i := range desc {
			// character references are decoded after NFCRaw: Zu&#776;rich
			desc[i].text, desc[i].label = nfcString(desc[i].text), nfcString(desc[i].label)
		}
	}
	var plain string // a plain-text description, as its blocks are made
	if strings.TrimSpace(r.DescriptionHTML) == "" {
		plain = markdownEntities.Replace(dropFrontMatterComments(r.DescriptionText))
		desc = textDescBlocks(plain, title)
	} else {
		desc = titleNotHeading(splitInlineLabels(desc), title)
	}
	secs := sectionBlocks(r.Sections)
	p.Description = joinBlocks(desc)
	if p.Description == "" {
		p.Description = joinBlocks(secs)
	}
	read, decoded := desc, false
	if strings.IndexByte(plain, '&') >= 0 {
		// character references in plain text ("&#163;30-40k", "126
		// Milliarden &euro;", "&#10;" for a line break, from a Markdown
		// or template source) are read as the characters they stand
		// for, its lines and lists too; the description is stored as the
		// source wrote it (session 35; review s35 F12)
		if d := nfcString(html.UnescapeString(plain)); d != plain {
			read, decoded = textDescBlocks(d, title), true
		}
	}
	blocks := read // read only from here on
	if len(secs) > 0 {
		blocks = append(append(make([]block, 0, len(read)+len(secs)), read...), secs...)
	}
	bcls := sectionize(read, make([]class, 0, len(blocks)))
	bcls = sectionize(secs, bcls)
	// A real posting is a few KB; a hostile one may be megabytes. Only the
	// first maxAnalyzed bytes are read for the model (the description is
	// stored whole), so that memory stays within a few times its size.
	blocks, bcls = boundBlocks(blocks, bcls, maxAnalyzed)
	text := p.Description
	if len(secs) > 0 || len(text) > maxAnalyzed || decoded {
		// the description alone, within the bound, is the text as joined
		// already; else join what is read
		text = joinBlocks(blocks)
	}
	if p.Role == RoleOther {
		p.Role = RoleIn(readTitle, text) // a title that names no job: the description may
	}

	// The language is read from the title and the first bytes of the text
	// only (Language reads no further), without copying the whole text.
	lang := titledLanguage(readTitle, text)

	labels, copied := r.Locations, false
	for i, l := range r.Locations {
		if len(l) > maxTitleRead {
			if !copied {
				labels, copied = append([]string(nil), r.Locations...), true
			}
			labels[i] = prefix(l, maxTitleRead)
		}
	}
	p.Locations = textLocations(locations(labels), labels, readTitle, text, lang)
	a := n.analyze(text, blocks, bcls, lang, company)
	p.Skills = a.skills
	p.Education = a.education

	// Years asked for in the requirements; else in parts no heading
	// classifies; else anywhere but the nice-to-haves.
	p.MinYearsExperience = MinYears(a.requiredText)
	if p.MinYearsExperience == nil {
		p.MinYearsExperience = MinYears(a.openText)
	}
	if p.MinYearsExperience == nil {
		p.MinYearsExperience = MinYears(a.otherText)
	}
	if p.MinYearsExperience == nil {
		p.MinYearsExperience = FieldYears(text) // "Arbeidserfaring: 2-5 år" under any heading
	}
	// The platform's structured experience requirement is one more
	// stated minimum: the smallest one stands.
	if h := HintYears(r.Hints.Experience); h != nil && (p.MinYearsExperience == nil || *h < *p.MinYearsExperience) {
		p.MinYearsExperience = h
	}
	if h := SummaryYears(text); h != nil && (p.MinYearsExperience == nil || *h < *p.MinYearsExperience) {
		p.MinYearsExperience = h // "北京 | 1-5年": a listing's summary field, as a hint
	}
	// The platform's qualifications field, when the text states no years.
	if p.MinYearsExperience == nil && len(r.Hints.Qualifications) > 0 {
		p.MinYearsExperience = MinYears(strings.Join(r.Hints.Qualifications, "\n"))
	}
	// The platform's structured education requirement, else its
	// qualifications, when the text names no degree.
	for _, h := range [][]string{r.Hints.Education, r.Hints.Qualifications} {
		if len(p.Education.Required) == 0 && len(p.Education.Preferred) == 0 && len(h) > 0 {
			p.Education = n.hintEducation(h, lang, company)
		}
	}

	// Amounts without a currency take the currency of the role's country
	// when all its places are in one.
	def := ""
	for _, l := range p.Locations {
		c := countryCurrency[l.Country]
		if c == "" || def != "" && def != c {
			def = ""
			break
		}
		def = c
	}
	if def == "" && len(p.Locations) == 0 {
		// no place at all: a posting in Chinese pays in yuan, one in
		// Norwegian or Danish in kroner ("Lønn: 650 000 kr" is no krona),
		// one in Swedish in kronor
		def = countryCurrency[languageCountry[lang]]
	}
	p.Salary = salaries(text, def)
	if len(r.Salary) > 0 {
		// The platform's structured pay first, then the ranges the text
		// states besides it (per location, per degree: "Rising Master's
		// graduate = $45/hour" beside Lever's salaryRange 40-56).
		p.Salary = withStructured(cleanSalaries(r.Salary), p.Salary)
	}

	p.Workplace = Workplace(r.Workplace, p.Locations, text)
	if p.Workplace == "remote" && partRemoteField(text) {
		p.Workplace = "hybrid" // "Einsatzort: 90 % Remote, 10 % Onsite Nürnberg"
	}
	if len(p.Locations) == 0 && p.Workplace == "remote" && (workplaceHint(r.Workplace) == "remote" || !remoteFirstOnly(text) ||
		workCountry(text) != "" || len(workCountryList(text)) >= 2) {
		// a remote job that names no place: remote in the country the
		// text names for where one may work, else the language's (not
		// the job of a remote-first company that names no country for
		// it: no place)
		c := workCountry(text)
		if c == "" {
			c = languageCountry[lang]
		}
		p.Locations = []model.Location{{Remote: true, Country: c}}
	}
	p.Locations = remoteCountries(p.Locations, workplaceHint(r.Workplace) == "remote" && !partRemoteField(text), text)
	p.EmploymentType = EmploymentType(r.EmploymentType)
	if p.EmploymentType == "" && isInternTitle(readTitle) {
		p.EmploymentType = "internship"
	}
	p.Language = lang
	p.Canonical()
	return p
}

// nfcString is norm.NFC.String(s), with text in ASCII (most blocks)
// returned as it is without asking the normalizer: ASCII is NFC.
func nfcString(s string) string {
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

// analysis is what the description's words say.
type analysis struct {
	skills       model.Skills
	education    model.Education
	requiredText string // the text of the required sections
	openText     string // the text of the parts no heading classifies
	otherText    string // the text of the remaining parts but the preferred ones
}

// analyzeBuffers are the working slices of one analyze call, kept in
// analyzePool for the next: none of them outlives the call (the analysis
// holds skill names and the blocks' text, never the lowered text, the
// tokens or the hits).
type analyzeBuffers struct {
	lower []byte
	toks  []token
	skill []class
	edu   []class
	hits  []hit
	best  []uint8
}

var analyzePool = sync.Pool{New: func() any { return new(analyzeBuffers) }}

// classes returns buf resized to n, every class clsMentioned (the zero
// value, as make gives).
func classes(buf []class, n int) []class {
	if cap(buf) < n {
		return make([]class, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

func (n *Normalizer) analyze(text string, blocks []block, bcls []class, lang, company string) analysis {
	ab := analyzePool.Get().(*analyzeBuffers)
	defer func() {
		if cap(ab.lower) <= 1<<20 { // a hostile posting's buffers are let go
			analyzePool.Put(ab)
		}
	}()
	ab.lower = asciiLower(text, ab.lower)
	var lower string
	if len(ab.lower) > 0 {
		lower = unsafe.String(&ab.lower[0], len(ab.lower))
	}
	if cap(ab.toks) < len(text)/5+8 {
		ab.toks = make([]token, 0, len(text)/5+8)
	}
	toks := tokenize(text, ab.toks[:0])
	ab.toks = toks
	skill := classes(ab.skill, len(toks))
	edu := classes(ab.edu, len(toks))
	ab.skill, ab.edu = skill, edu
	c := classifier{lower: lower, toks: toks}
	if lang != "de" {
		// the text as written, for the capitals that open list items
		// run into one line (runOnAt); German writes its nouns with one
		c.text = text
	}
	var itemBuf [16]openItem
	items := itemBuf[:0] // the run of open list items read so far (listAsks)
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].block == toks[i].block {
			j++
		}
		c.start, c.end = i, j
		bc := clsMentioned
		b := int(toks[i].block)
		if b < len(bcls) {
			bc = bcls[b]
		}
		c.markBlock(bc, skill, edu)
		if bc == clsOpen && b < len(blocks) && blocks[b].kind == kindItem {
			if len(items) > 0 && int(toks[items[len(items)-1].start].block) != b-1 {
				c.listAsks(items, skill, edu)
				items = items[:0]
			}
			// an item the team says of itself ("We only write free and
			// open source software") asks nothing, whatever its list
			items = append(items, openItem{i, j, c.ruled || c.opensWithWe()})
		} else {
			c.listAsks(items, skill, edu)
			items = items[:0]
		}
		i = j
	}
	c.listAsks(items, skill, edu)
	hits := n.m.findIn(text, lower, toks, ab.hits[:0], lang)
	attitudes(lower, toks, skill)
	teamAsides(lower, toks, skill)
	hits = n.methodWords(hits, text, lower, toks)
	ownName(hits, text, toks, company, skill)
	n.jobTitles(hits, lower, toks, skill)
	n.uxAsQuality(hits, text, lower, toks, skill)
	hits = n.uiBesideUX(hits, text, lower, toks)
	hits = n.listedLowerNames(hits, text, toks)
	hits = n.starNix(hits, text, toks)
	n.openSourcePlaces(hits, text, lower, toks, skill)
	n.aiAsTool(hits, lower, toks, skill)

	nSkills := len(n.names)
	ab.hits = hits
	if cap(ab.best) < nSkills+len(degreeAliases) {
		ab.best = make([]uint8, nSkills+len(degreeAliases))
	}
	best := ab.best[:nSkills+len(degreeAliases)] // rank of the strongest class seen
	clear(best)
	rank := func(c class) uint8 {
		switch c {
		case clsRequired:
			return 3
		case clsPreferred:
			return 2
		case clsMentioned:
			return 1
		}
		return 0
	}
	bracketDegrees(lower, toks, hits, nSkills, edu)
	alternatives(text, toks, hits, nSkills, edu)
	fieldPreference(lower, toks, hits, nSkills, edu, bcls)
	vocationalAlternatives(lower, toks, hits, nSkills, edu)
	for _, h := range hits {
		c := skill[h.tok]
		if int(h.id) >= nSkills {
			c = edu[h.tok]
		}
		if r := rank(c); r > best[h.id] {
			best[h.id] = r
		}
	}
	// "A degree in Computer Science" is a Bachelor's in any country
	// (PROTOCOL.md, session 24), when the same part names no other
	// degree.
	if bare := best[nSkills+bareDegree]; bare >= 2 {
		named := false
		for d := range degreeNames {
			named = named || best[nSkills+d] == bare
		}
		if !named && best[nSkills] < bare {
			best[nSkills] = bare
		}
	}
	var a analysis
	a.skills = model.Skills{Required: []string{}, Preferred: []string{}, Mentioned: []string{}}
	for id := 0; id < nSkills; id++ {
		switch best[id] {
		case 3:
			a.skills.Required = append(a.skills.Required, n.names[id])
		case 2:
			a.skills.Preferred = append(a.skills.Preferred, n.names[id])
		case 1:
			a.skills.Mentioned = append(a.skills.Mentioned, n.names[id])
		}
	}
	a.education = model.Education{Required: []string{}, Preferred: []string{}}
	for d, name := range degreeNames {
		switch best[nSkills+d] {
		case 3:
			a.education.Required = append(a.education.Required, name)
		case 2:
			a.education.Preferred = append(a.education.Preferred, name)
		}
	}
	// the texts of the required parts, the parts no heading classifies and
	// the others but the preferred ones, each grown once to its length
	const (
		reqText = iota
		openText
		otherText
	)
	part := func(i int) int {
		if i < len(bcls) {
			switch bcls[i] {
			case clsRequired:
				return reqText
			case clsOpen:
				return openText
			case clsPreferred:
				return -1
			}
		}
		return otherText
	}
	var size [3]int
	for i, b := range blocks {
		if p := part(i); p >= 0 {
			size[p] += len(b.text) + 1
		}
	}
	var texts [3]strings.Builder
	for p := range texts {
		texts[p].Grow(size[p])
	}
	for i, b := range blocks {
		if p := part(i); p >= 0 {
			texts[p].WriteString(b.text)
			texts[p].WriteByte('\n')
		}
	}
	a.requiredText, a.openText, a.otherText = texts[reqText].String(), texts[openText].String(), texts[otherText].String()
	return a
}

// HintYears is the smallest minimum of years a platform's structured
// experience requirements state ("Systemutvecklare - 5 års erfarenhet
// eller mer", "36 months of experience"), or nil.
func HintYears(hints []string) *int {
	var best *int
	for _, h := range hints {
		var y *int
		if f := strings.Fields(h); len(f) >= 2 && f[1] == "months" {
			// schema.org monthsOfExperience: under a year is no minimum
			if m, err := strconv.Atoi(f[0]); err == nil && m >= 12 && m <= 240 {
				y = new(m / 12)
			}
		} else {
			y = MinYears(h)
		}
		if y != nil && (best == nil || *y < *best) {
			best = y
		}
	}
	return best
}

// hintEducation reads the degrees of a platform's structured education
// requirements, as asked for.
func (n *Normalizer) hintEducation(hints []string, lang, company string) model.Education {
	text := strings.Join(hints, "\n")
	blocks := textBlocks(text)
	cls := make([]class, len(blocks))
	for i := range cls {
		cls[i] = clsRequired
	}
	return n.analyze(joinBlocks(blocks), blocks, cls, lang, company).education
}

// locations parses, sorts and de-duplicates location labels.
func locations(labels []string) []model.Location {
	out := []model.Location{}
	seen := map[model.Location]bool{}
	for _, l := range labels {
		for _, loc := range sameLabelRemote(labelLocations(l)) {
			if loc == (model.Location{}) || seen[loc] {
				continue
			}
			seen[loc] = true
			out = append(out, loc)
		}
	}
	sort.Slice(out, func(i, j int) bool { return locationKey(out[i]) < locationKey(out[j]) })
	return out
}

func locationKey(l model.Location) string {
	r := "0"
	if l.Remote {
		r = "1"
	}
	return l.Country + "\x00" + l.Region + "\x00" + l.City + "\x00" + l.Name + "\x00" + r
}

// withStructured is the platform's structured ranges, then each range read
// from the text that none of them already is.
func withStructured(structured, read []model.Salary) []model.Salary {
	out := structured
	for _, s := range read {
		if !slices.ContainsFunc(out, func(o model.Salary) bool {
			return o.Min == s.Min && o.Max == s.Max && o.Currency == s.Currency && o.Period == s.Period
		}) {
			out = append(out, s)
		}
	}
	return out
}

// cleanSalaries tidies structured pay ranges: currency upper case, period
// lower case, min <= max, repeats dropped, order kept.
func cleanSalaries(in []model.Salary) []model.Salary {
	out := []model.Salary{}
	for _, s := range in {
		s.Currency = strings.ToUpper(strings.TrimSpace(s.Currency))
		s.Period = normalizePeriod(s.Period)
		if s.Max == 0 {
			s.Max = s.Min
		}
		if s.Min == 0 {
			s.Min = s.Max
		}
		if s.Min > s.Max {
			s.Min, s.Max = s.Max, s.Min
		}
		if s.Min <= 0 {
			continue
		}
		if s.Period == "" {
			s.Period = defaultPeriod(s.Max)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// remoteCountries completes remote locations: when the platform says the
// job is remote, every place is remote; a "Remote" label without a country
// takes the country the other country-only labels share ("Remote",
// "Germany"), else the one the text names
// for where one may work ("authorized to work in the United States",
// "remote within Canada").
func remoteCountries(locs []model.Location, remote bool, text string) []model.Location {
	explicit := false
	for _, l := range locs {
		explicit = explicit || l.Remote
	}
	if remote && !explicit {
		// Unless a label already says which places are remote.
		for i := range locs {
			locs[i].Remote = true
			if isArea(locs[i].Name) {
				locs[i] = model.Location{Remote: true} // "Europe, European Union": remote, no country
			}
		}
	}
	locs = dropCoveredCountries(locs)
	bare := -1
	country := ""
	for i, l := range locs {
		switch {
		case l.Remote && l.Country == "" && l.Name == "" && l.City == "" && l.Region == "":
			bare = i
		case l.City != "" || l.Region != "":
			// a city says where an office is, not where remote work may be
		case l.Country != "" && (country == "" || country == l.Country):
			country = l.Country
		case l.Country != "":
			country = "-" // several countries
		}
	}
	if bare < 0 {
		return locs
	}
	if country == "" {
		country = workCountry(text)
	}
	if country == "" {
		// "Candidates must be located in Germany, Austria or
		// Switzerland": one remote entry a country (PROTOCOL.md)
		if cs := workCountryList(text); len(cs) >= 2 {
			out := append(locs[:bare:bare], locs[bare+1:]...)
			for _, c := range cs {
				if l := (model.Location{Country: c, Remote: true}); !slices.Contains(out, l) {
					out = append(out, l)
				}
			}
			sort.Slice(out, func(i, j int) bool { return locationKey(out[i]) < locationKey(out[j]) })
			return out
		}
	}
	if country == "" && len(locs) == 1 {
		// "Einsatzort: Remote, Einarbeitung vor Ort (Nürnberg oder
		// München)": the towns of the remote field say the country
		country = remoteFieldCountry(text)
	}

	if country == "" || country == "-" {
		return locs
	}
	locs[bare].Country = country
	out := locs[:0]
	seen := map[model.Location]bool{}
	for _, l := range locs {
		if l == (model.Location{Country: country}) {
			continue // the country label that "Remote" takes
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return locationKey(out[i]) < locationKey(out[j]) })
	return out
}

// workCountry returns the one country the text names in a sentence about
// where the candidate may work or live, or "".
func workCountry(text string) string {
	found := ""
	for line := range strings.SplitSeq(text, "\n") {
		for _, sent := range strings.Split(line, ". ") {
			l := strings.ToLower(sent)
			if strings.Contains(l, "worldwide") || strings.Contains(l, "anywhere in the world") {
				return "" // "open to applicants worldwide"
			}
			if !workPlaceSentence(l) && !strings.Contains(l, "right to work") {
				continue
			}
			for _, w := range []string{" in the ", " within the ", " across the ", " in ", " within ", " across "} {
				for i := strings.Index(l, w); i >= 0; {
					rest := l[i+len(w):]
					for _, n := range []int{4, 3, 2, 1} {
						f := strings.Fields(rest)
						if len(f) < n {
							continue
						}
						cand := strings.Trim(strings.Join(f[:n], " "), ".,;:()")
						if cc := countryNames[foldPlace(cand)]; cc != "" && cand != "america" {
							if found != "" && found != cc || countryListAfter(f[n-1:]) {
								return "" // "based in Mexico, India, Brazil": several
							}
							found = cc
							break
						}
					}
					j := strings.Index(l[i+1:], w)
					if j < 0 {
						break
					}
					i += 1 + j
				}
			}
		}
	}
	return found
}

// alternatives drops, in a required sentence that names degrees as
// alternatives ("Bachelor's or Master's", "BS/MS", "Studium oder
// Ausbildung"), every degree but the lowest: the lowest is what is asked.
func alternatives(text string, toks []token, hits []hit, nSkills int, edu []class) {
	prev := -1  // index in hits of the last required degree of the sentence
	first := -1 // the first degree of a comma list ending with "or" ("BS, MS, or PhD")
	for i, h := range hits {
		if int(h.id) < nSkills || int(h.id)-nSkills == bareDegree || edu[h.tok] != clsRequired {
			continue
		}
		if prev >= 0 && sameSentence(toks, hits[prev].tok, h.tok) && commaBetween(text, toks, hits[prev].tok, h.tok) {
			if first < 0 {
				first = prev
			}
			prev = i
			continue
		}
		if prev >= 0 && sameSentence(toks, hits[prev].tok, h.tok) && orBetween(text, toks, hits[prev].tok, h.tok) {
			if first >= 0 {
				// every degree of the list is an alternative: the lowest
				// is asked
				low := hits[i].id
				for k := first; k < i; k++ {
					if int(hits[k].id) >= nSkills && int(hits[k].id)-nSkills != bareDegree && edu[hits[k].tok] == clsRequired && hits[k].id < low {
						low = hits[k].id
					}
				}
				for k := first; k <= i; k++ {
					if int(hits[k].id) >= nSkills && int(hits[k].id)-nSkills != bareDegree && edu[hits[k].tok] == clsRequired && hits[k].id != low {
						edu[hits[k].tok] = clsUnknown
					}
				}
				first, prev = -1, i
				continue
			}
			lo, hi := prev, i
			if hits[hi].id < hits[lo].id {
				lo, hi = hi, lo
			}
			if hits[hi].id != hits[lo].id {
				// the higher one is only an alternative: not required
				edu[hits[hi].tok] = clsUnknown
				if hi == i {
					continue
				}
			}
		}
		first = -1
		prev = i
	}
}

// commaBetween says whether only a comma stands between tokens a and b
// ("BS, MS, or PhD").
func commaBetween(text string, toks []token, a, b int) bool {
	return strings.TrimSpace(text[toks[a].end:toks[b].start]) == ","
}

func sameSentence(toks []token, a, b int) bool {
	for k := a + 1; k <= b; k++ {
		if toks[k].flags&(fSent|fBlock) != 0 {
			return false
		}
	}
	return true
}

// orBetween says whether the words between tokens a and b offer a choice.
func orBetween(text string, toks []token, a, b int) bool {
	between := strings.ToLower(text[toks[a].end:toks[b].start])
	for _, w := range []string{" or ", "/", " oder ", " ou ", " o ", " of ", "或", " eller "} {
		if strings.Contains(between, w) {
			return true
		}
	}
	return false
}

// maxParsed is how much of a description is read for its structure
// (blocks, headings, lists, glued text); the rest of a longer one (a
// broken or hostile board: megabytes of text) is kept as plain lines,
// so that the stored description is whole and reading it stays fast.
const maxParsed = 1 << 20

// maxTitleRead is how much of a title and of a location label the role,
// level and place readers read: far above any real one.
const maxTitleRead = 1 << 10

// splitParsed cuts a description of more than maxParsed bytes in two: the
// part read for its structure and the rest, at the last line break, else
// the last tag's start, else the last space, in the 4 KB before
// maxParsed (else at a rune boundary), so that no word is cut in two.
func splitParsed(s string) (head, tail string) {
	if len(s) <= maxParsed {
		return s, ""
	}
	w := s[maxParsed-4096 : maxParsed]
	cut := maxParsed
	switch {
	case strings.LastIndexByte(w, '\n') >= 0:
		cut = maxParsed - 4096 + strings.LastIndexByte(w, '\n') + 1
	case strings.LastIndexByte(w, '<') >= 0:
		cut = maxParsed - 4096 + strings.LastIndexByte(w, '<')
	case strings.LastIndexByte(w, ' ') >= 0:
		cut = maxParsed - 4096 + strings.LastIndexByte(w, ' ') + 1
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], s[cut:]
}

// plainLines appends the lines of s to out as paragraphs, collapsed, the
// empty ones left out: the rest of a description past maxParsed.
func plainLines(out []block, s string) []block {
	for line := range strings.SplitSeq(s, "\n") {
		if t := collapse(line); t != "" {
			out = append(out, block{text: t, kind: kindPara})
		}
	}
	return out
}

// stripTags drops the tags of an HTML fragment in one pass, a block's tag
// ("<p>", "</li>", "<br>") turned into a line break and another into a
// space: the rest of a description past maxParsed, read as plain lines.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // where the tag being read starts
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<' && start < 0:
			start = i
		case c == '>' && start >= 0:
			name := strings.TrimLeft(s[start+1:i], "/")
			if e := strings.IndexAny(name, " \t\n/"); e >= 0 {
				name = name[:e]
			}
			if blockTags[strings.ToLower(name)] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			start = -1
		case start < 0:
			b.WriteByte(c)
		}
	}
	if start >= 0 {
		b.WriteString(s[start:]) // a "<" that opens no tag: text
	}
	return b.String()
}

// blockTags are the tags stripTags turns into line breaks.
var blockTags = map[string]bool{"p": true, "br": true, "li": true, "div": true, "ul": true, "ol": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "section": true, "table": true, "td": true}

// maxAnalyzed bounds the text the extractors read (skills, sections,
// years, pay, education): far above any real posting.
const maxAnalyzed = 256 << 10

// maxWordCut is how far boundBlocks goes back from the bound to the space
// before a cut word: longer than any word, short enough that a text of
// Chinese, which has few spaces, is not cut far before the bound.
const maxWordCut = 64

// boundBlocks keeps the blocks (and their classes) that fit in max bytes of
// text, the last one cut at a rune boundary.
func boundBlocks(bs []block, cls []class, max int) ([]block, []class) {
	total := 0
	for i, b := range bs {
		if total+len(b.text) <= max {
			total += len(b.text) + 1
			continue
		}
		cut := max - total
		for cut > 0 && !utf8.RuneStart(b.text[cut]) {
			cut--
		}
		// at the last space before the bound, so that no word is cut into
		// a shorter one ("Requirements" into "R": review s36 F11); a text
		// without spaces near the bound (Chinese) keeps the rune's cut
		if sp := strings.LastIndexByte(b.text[:cut], ' '); sp > 0 && cut-sp <= maxWordCut {
			cut = sp
		}
		if cut <= 0 {
			return bs[:i], cls[:min(i, len(cls))]
		}
		out := append(bs[:i:i], b)
		out[i].text = b.text[:cut]
		return out, cls[:min(i+1, len(cls))]
	}
	return bs, cls
}

// linesNotMarkup says whether a description given as HTML is plain text
// with line breaks: it holds no tag ("<" before a letter, "/" or "!") and
// no escaped markup ("&lt;p&gt;", which htmlBlocks decodes), and holds a
// line break between two lines of text.
func linesNotMarkup(d string) bool {
	nl := strings.IndexByte(strings.TrimSpace(d), '\n')
	if nl < 0 {
		return false
	}
	for i := strings.IndexByte(d, '<'); i >= 0; {
		if i+1 < len(d) {
			if c := d[i+1]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' {
				return false
			}
		}
		j := strings.IndexByte(d[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return !strings.Contains(d, "&lt;")
}

// textDescBlocks makes the blocks of a plain-text description.
func textDescBlocks(text, title string) []block {
	head, tail := splitParsed(text)
	return titleNotHeading(splitInlineLabels(plainLines(textBlocks(head), tail)), title)
}

// titleNotHeading reads the title repeated as the description's first
// heading ("The Tor Project is looking for a pluggable transport
// developer!") as a paragraph: it names the posting, not a part of it, and
// its words ("looking for") classify nothing.
func titleNotHeading(desc []block, title string) []block {
	for i := 0; i < min(2, len(desc)); i++ {
		if desc[i].kind == kindHeading && title != "" && strings.EqualFold(collapse(desc[i].text), title) {
			desc[i].kind = kindPara
		}
	}
	return desc
}
