package normalize

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Degrees, in their output order.
var degreeNames = []string{"Bachelor's", "Master's", "PhD"}

// degreeAliases are matched with the skill aliases (same trie, same rules).
var degreeAliases = [][]string{
	{"bachelor's", "bachelors", "bachelor", "bachelor of science", "bachelor of arts", "bachelor of engineering",
		"=BS", "=B.S.", "=B.S", "=BA", "=B.A.", "=BSc", "=B.Sc.", "=B.Sc", "=BEng", "=B.Eng.", "=B.Tech", "=BTech",
		"undergraduate degree", "four-year degree", "4-year degree", "college degree", "university degree",
		// "Graduation from an accredited four-year college or university"
		// (session 34, round s34b's City of Austin postings)
		"four-year college", "4-year college", "four-year university", "4-year university",
		"本科", "学士", "学士学位", "学部卒", "학사", "undergraduate", "Studium", "Hochschulstudium", "Hochschulabschluss",
		"Universitätsabschluss", "Fachhochschulabschluss", "Bachelorabschluss", "Bachelor-Abschluss", "Licenciatura",
		"licenciado", "licenciada", "título universitario", "titulación universitaria", "laurea", "laurea triennale",
		"graduação", "bacharelado", "bac+3", "bac + 3", "bac +3", "bac+ 3", "bac+4", "bac + 4", "bac +4", "bac+ 4",
		"=BFA", "=B.F.A.", "=B.E.", "=B.Tech.", "bs degree", "b.s. degree", "ba degree",
		"bsc degree", "bachelor degree", "bachelorgrad", "bachelorgrad eller tilsvarende", "høyere utdanning",
		"høgere utdanning", "høgre utdanning", "utdanning på universitets", "utdanning fra universitet",
		"universitetsutdanning", "høyskoleutdanning", "høgskoleutdanning", "högskoleutbildning",
		"universitetsutbildning", "kandidatexamen", "videregående uddannelse", "grado universitario", "grado en",
		"ensino superior", "wykształcenie wyższe", "大卒", "統招本科", "统招本科",
		"högskoleingenjörsexamen", "högskoleingenjör", "Bachelorstudium", "ingeniero técnico", "grau en",
		"høyere utdannelse", "høgere utdannelse", "bachelornivå", "bachelorniveau", "bacheloruddannelse",
		"professionsbachelor", "bachelorutdanning", "bachelorutbildning", "bachelorexamen",
		// Nordic degrees named by the school: "högskoleexamen", "akademisk
		// utbildning", "Universitet/Högskolestudier", "universitetsuddannelse"
		"högskoleexamen", "universitetsexamen", "akademisk examen", "akademisk utbildning", "akademisk utdanning",
		"akademisk uddannelse", "högskolestudier", "universitetsstudier", "universitetsuddannelse",
		"universitetsutdannelse", "mellemlang videregående uddannelse", "lärarexamen", "ämneslärarexamen",
		"grundlärarexamen", "förskollärarexamen", "yrkesexamen på grundnivå", "kandidatexamen på grundnivå",
		"本科学历", "本科及以上", "大学本科", "学士及以上",
		// the level of a Nordic university or university college named
		// as such ("Relevant IKT-utdanning (universitet-/høgskolenivå)",
		// "utbildning på högskolenivå"): the smaller degree of the two
		// schools, as "universitetsutdanning" and "høgskoleutdanning"
		"høgskolenivå", "høyskolenivå", "universitetsnivå", "universitets-/høgskolenivå",
		"universitet-/høgskolenivå", "universitets-/høyskolenivå", "universitet-/høyskolenivå",
		"høgskole-/universitetsnivå", "høyskole-/universitetsnivå", "universitets- og høgskolenivå",
		"universitets- eller høgskolenivå", "universitets- og høyskolenivå", "universitets- eller høyskolenivå",
		"högskolenivå", "universitets-/högskolenivå", "universitets- eller högskolenivå",
		"högskole-/universitetsnivå",
		// the school named with its alternative, as the NAV field
		// "Utdanningsnivå: Høyskole / Universitet" and Swedish ads write it
		// (PROTOCOL.md, Nordic university levels)
		"høyskole / universitet", "høyskole/universitet", "høgskole / universitet", "høgskole/universitet",
		"universitet / høyskole", "universitet/høyskole", "universitet / høgskole", "universitet/høgskole",
		"høyskole eller universitet", "høgskole eller universitet", "universitet eller høyskole",
		"universitet eller høgskole", "högskola/universitet", "högskola / universitet", "universitet/högskola",
		"universitet / högskola", "universitet eller högskola", "högskola eller universitet",
		// Dutch: hbo (a university of applied sciences) gives a bachelor's;
		// "hbo/wo", "hbo of wo" name the smaller (PROTOCOL.md, Dutch
		// education levels); "werk- en denkniveau" keeps the degree (an alias
		// matches "werk" of it: "werk-" before a space does not match "werk-")
		"hbo", "hbo-niveau", "hbo-opleiding", "hbo-diploma", "hbo-bachelor", "hbo/wo",
		"hbo / wo", "hbo of wo", "hbo- of wo", "hbo/wo-niveau", "hbo of wo-niveau", "hbo- of wo-niveau",
		"hbo/universitair", "wo-bachelor", "bacheloropleiding",
		"bachelordiploma", "bachelorniveau",
		// German compounds of a field or school with "Studium"
		// ("Abgeschlossenes Informatikstudium", "Fachhochschulstudium"), a
		// Spanish title written without its accent, the French licence
		"Informatikstudium", "Fachhochschulstudium", "Universitätsstudium", "Ingenieurstudium",
		"Wirtschaftsinformatikstudium", "Mathematikstudium", "Physikstudium", "Elektrotechnikstudium",
		"Maschinenbaustudium", "Wirtschaftsstudium", "Informatik-Studium", "FH-Studium", "Uni-Studium",
		"Hochschul-/Universitätsstudium", "Universitäts-/Hochschulstudium", "titulo universitario",
		"titulacion universitaria", "licence en", "licence professionnelle", "licence informatique",
		// a graduate of a (university) major: "计算机或相关专业毕业" (not
		// beside 大专, a college diploma: vocationalAlternatives); the
		// Japanese university graduate; the Portuguese and Australian
		// higher education; India's bachelor of computer applications
		"专业毕业", "大学卒業", "formação superior", "curso superior", "tertiary qualification",
		"tertiary qualifications", "tertiary degree", "=BCA", "=B.C.A."},
	{"master's", "masters", "master of science", "master of engineering", "master of arts", "master's degree",
		"=MS", "=M.S.", "=M.S", "=MSc", "=M.Sc.", "=M.Sc", "=MEng", "=M.Eng.", "=MBA", "=M.A.",
		"graduate degree", "硕士", "研究生", "修士", "석사", "=Diplom", "Diplomstudium", "Masterabschluss",
		"Master-Abschluss", "laurea magistrale", "máster", "mestrado", "bac+5", "bac + 5", "bac +5", "bac+ 5", "diplôme d'ingénieur",
		"Master in", "Master im", "Master en", "Master degree",
		// "ein abgeschlossenes Hochschulstudium (Master oder Äquivalent)"
		// (scs-text-de-sre, session 35); not "Scrum Master oder ..."
		"Master oder Äquivalent", "Master oder vergleichbar", "Master oder vergleichbarer", "Master oder gleichwertig",
		"Master or equivalent", "masters degree", "advanced degree", "advanced degrees",
		"postgraduate degree", "post-graduate degree", "master candidate", "master student", "master's student",
		"master's candidate", "ms degree", "m.s. degree", "msc degree", "=M.F.A.", "mfa degree", "master of fine arts", "=M.Tech", "=MTech",
		"mastergrad", "masterexamen", "kandidatuddannelse", "Master 2", "=M2", "civilingenjörsexamen", "civilingenjör",
		"sivilingeniør", "sivilingeniørgrad", "Masterstudium", "magisterexamen", "magister", "ingeniero superior",
		"école d'ingénieur", "école d'ingénieurs", "masternivå", "masterniveau", "masteruddannelse",
		// session 36: the level names the cycle of the schooling before
		// it ("Relevant høyere utdanning på masternivå": one degree, the
		// master's, not a bachelor's beside it)
		"høyere utdanning på masternivå", "høgere utdanning på masternivå", "høyere utdannelse på masternivå",
		"høyere utdanning på mastergradsnivå", "høgre utdanning på masternivå", "utdanning på masternivå",
		"masterutdanning", "masterutbildning", "cand.scient", "cand.polyt", "cand.merc", "cand.oecon", "cand.it",
		"cand.mag", "cand.psych", "cand.jur",
		// session 36: the other Danish and Norwegian candidate degrees
		// (PROTOCOL.md: "cand.*" is the master's)
		"cand.polit", "cand.act", "cand.comm", "cand.soc", "cand.techn", "cand.theol", "cand.pharm", "cand.real",
		"cand.philol", "cand.econ", "cand.ling.merc", "cand.arch", "cand.agro", "cand.san", "cand.negot", "cand.public",
		"cand.oceon", "cand.geom", "cand.lact", "cand.hort", "cand.med", "cand.odont", "cand.stat", "cand.inf",
		// review s36b F14: the other Danish and Norwegian "cand.*" degrees
		"cand.pæd", "cand.paed", "cand.vet", "cand.cur", "cand.tech", "cand.mus", "cand.ling", "cand.scient.pol",
		"kandidatgrad", "lang videregående uddannelse", "masterexamen",
		"magisterexamen", "硕士及以上", "硕士学历", "研究生学历", "研究生及以上",
		// Dutch: wo (a research university, "universitair", "academisch")
		// ends with a master's; "wo" alone only in capitals (German "wo",
		// "where"), else with a Dutch word beside it
		"=WO", "wo-niveau", "wo-opleiding", "wo-diploma", "wo-master", "hbo-master", "wo-achtergrond", "wo werk",
		"wetenschappelijk onderwijs", "academisch niveau", "academisch werk", "academisch denkniveau", "academische opleiding",
		"universitair niveau", "universitair werk", "universitaire opleiding", "masteropleiding",
		"masterdiploma",
		// the French mastère, Nordic "master i/innen" and the Swedish
		// civil engineering programme
		"mastère", "mastère spécialisé", "master i", "master innen", "master inom", "civilingenjörsutbildning",
		"civilingenjörsprogram", "civilingenjörsprogrammet",
		// India's master of computer applications; the Japanese graduate
		// school
		"=MCA", "=M.C.A.", "大学院卒", "大学院修了"},
	{"phd", "ph.d.", "ph.d", "phds", "doctorate", "doctoral degree", "doctoral", "博士", "박사", "doctorado",
		"dottorato", "doutorado", "Promotion im", "promovierte", "phd degree", "ph.d. degree", "doktorgrad",
		"doktorsexamen", "ph.d.-grad", "doctorat", "Promotion in", "eine Promotion",
		"abgeschlossene Promotion", "Doktortitel", "promoviert"},
	// a degree that names no level: Bachelor's where a degree alone means
	// one (outside North America), else nothing
	{"degree", "degrees", "a degree", "university education", "Abschluss"},
}

// msProducts are words after "MS" that make it Microsoft's, not a
// master's degree ("MS Suite Professional", "MS Windows Server", "MS
// Dynamics"); the products the taxonomy names ("MS Office", "MS SQL") are
// found as skills before any degree.
var msProducts = map[string]bool{"suite": true, "windows": true, "azure": true, "dynamics": true, "exchange": true,
	"sharepoint": true, "server": true, "365": true, "fabric": true, "intune": true, "entra": true, "defender": true,
	"sentinel": true, "onenote": true, "forms": true, "dos": true, "office365": true, "o365": true, "navision": true,
	"nav": true, "crm": true, "erp": true, "tools": true, "products": true, "anwendungen": true,
	"programmer": true, "produkte": true, "umgebung": true, "technologies": true,
	"technologien": true, "stack": true}

// microsoftMS says whether a degree hit is "MS" followed by a Microsoft
// product word ("MS Suite Professional"): no degree.
func microsoftMS(lower string, toks []token, h hit) bool {
	if h.end != h.tok+1 || lower[toks[h.tok].start:toks[h.tok].end] != "ms" {
		return false
	}
	k := h.end
	if k < len(toks) && toks[k].punct == '-' {
		k++ // "MS-Suite"
	}
	return k < len(toks) && toks[k].punct == 0 && msProducts[lower[toks[k].start:toks[k].end]]
}

// notDegrees are schooling that is not a degree, though it holds a degree
// word: the school-leaving certificate ("Abitur oder vergleichbarer
// Abschluss"), vocational training, two-year diplomas.
var notDegrees = []string{"Abitur", "Fachabitur", "Hochschulreife", "Fachhochschulreife", "vergleichbarer Abschluss",
	"vergleichbaren Abschluss", "Schulabschluss", "abgeschlossene Ausbildung", "abgeschlossene Berufsausbildung",
	"Berufsausbildung", "associate's degree", "associate degree", "associates degree", "high school diploma",
	"high school degree", "two-year degree", "2-year degree", "two year degree", "2 year degree", "bac+2", "bac + 2", "bac +2", "bac+ 2", "大专", "专科", "fagbrev",
	// Nordic vocational schooling and trade certificates
	"svennebrev", "svendebrev", "fagskole", "fagskoleutdanning", "teknisk fagskole", "yrkesutbildning",
	"yrkeshögskola", "yrkeshögskoleutbildning", "erhvervsuddannelse", "videregående skole", "videregående opplæring",
	"eftergymnasial utbildning", "gymnasieutbildning", "kort videregående uddannelse", "erhvervsakademiuddannelse",
	// Dutch vocational schooling (middelbaar beroepsonderwijs)
	"mbo", "mbo-niveau", "mbo-opleiding", "mbo-diploma", "mbo werk",
	// "degree" as an extent, not a diploma: "a high degree of personal
	// responsibility", "some degree of autonomy", "to a degree"
	"a degree of", "high degree", "higher degree of", "great degree", "large degree", "some degree",
	"certain degree", "any degree of", "degree of freedom", "degrees of freedom", "to a degree",
	"to some degree", "to a large degree", "degree of autonomy", "degree of independence", "degree of ownership"}

// vocationalWords name schooling that is not a degree; a degree offered
// as an alternative to one is not asked for ("Relevant bachelor,
// Fag-/Svennebrev eller lignende": a trade certificate will do).
// (German "Studium oder Ausbildung" labels keep the degree: Nordic
// schooling only.)
var vocationalWords = []string{"fagbrev", "svennebrev", "svendebrev", "fagskole", "yrkesutbildning", "yrkeshögskol",
	"erhvervsuddannelse"}

// vocationalAlternatives drops the degrees of a sentence that offers them
// as alternatives to vocational schooling: no degree is required then.
func vocationalAlternatives(lower string, toks []token, hits []hit, nSkills int, edu []class) {
	for _, h := range hits {
		if int(h.id) < nSkills || edu[h.tok] != clsRequired && edu[h.tok] != clsPreferred {
			continue
		}
		// its sentence, at most sentenceReach tokens each way (a text
		// with no sentence's end is not read whole at each degree)
		a, b := h.tok, h.tok
		for a > 0 && toks[a].flags&(fSent|fBlock) == 0 && int(h.tok)-a < sentenceReach {
			a--
		}
		for b+1 < len(toks) && toks[b+1].flags&(fSent|fBlock) == 0 && b-int(h.tok) < sentenceReach {
			b++
		}
		sent := lower[toks[a].start:toks[b].end]
		voc := false
		for _, w := range vocationalWords {
			voc = voc || strings.Contains(sent, w)
		}
		if voc && (strings.Contains(sent, " eller ") || strings.Contains(sent, " or ") || strings.Contains(sent, " oder ") ||
			strings.Contains(sent, " ou ") || strings.Contains(sent, "/")) {
			edu[h.tok] = clsUnknown
		}
		// the NAV level field lists each accepted level as an item of its
		// own: "Fagskole / Fagbrev (2 år)" beside "Høyskole / Universitet"
		// is a vocational route beside the degree (PROTOCOL.md)
		if schoolPair(sent) {
			for _, w := range vocationalWords {
				if strings.Contains(lower, w) {
					edu[h.tok] = clsUnknown
				}
			}
		}
		// "大专及以上学历，相关专业毕业": the graduate of a major beside a
		// college diploma (大专) asks for no degree
		if strings.Contains(lower[toks[h.tok].start:toks[h.end-1].end], "毕业") &&
			(strings.Contains(sent, "大专") || strings.Contains(sent, "专科")) {
			edu[h.tok] = clsUnknown
		}
		if paySentence(sent) || categoryField(lower, int(toks[h.tok].start)) || studentsTaught(lower, toks, h, a) ||
			microsoftMS(lower, toks, h) || studiedFor(lower, toks, h, a) || timeAtSchool(lower, int(toks[h.tok].start)) {
			edu[h.tok] = clsUnknown
		}
		// "Academic degrees are great, but not required", "You don't need
		// a degree to apply": a degree the sentence says is no requirement
		// is not asked for (PROTOCOL.md: "degrees are great, but not
		// required" is no degree); named as preferred in so many words it
		// stays preferred ("Bachelor's degree preferred but not required")
		if cl := waiverClause(sent, int(toks[h.tok].start-toks[a].start)); notRequired(cl) &&
			(edu[h.tok] == clsRequired || !namedPreferred(cl)) {
			edu[h.tok] = clsUnknown
		}
		// "Master's degree optional, Bachelor's degree in CS required": a
		// degree its own clause calls required is required, whatever
		// marker another clause of the sentence carries
		if edu[h.tok] == clsPreferred {
			if own := degreeClause(sent, int(toks[h.tok].start-toks[a].start), false); strings.Contains(own, "required") &&
				!notRequired(own) && !namedPreferred(own) {
				edu[h.tok] = clsRequired
			}
		}
		// a word one letter off a degree's name ("Mastery of Go" is not
		// "Masters"): the edit-distance guess is for misspelled tools
		if h.end == h.tok+1 && fuzzyDegree(lower[toks[h.tok].start:toks[h.tok].end]) {
			edu[h.tok] = clsUnknown
		}
		// a degree word inside a link's address ("(/kalkulator?year=2013&degree=master)")
		if st := toks[h.tok].start; st > 0 && strings.IndexByte("=?&", lower[st-1]) >= 0 {
			edu[h.tok] = clsUnknown
		}
	}
	trailingPreference(lower, toks, hits, nSkills, edu)
}

// genericDegrees are degree words that name no programme of their own: a
// level named in brackets right after them says which ("Abgeschlossenes
// Hochschulstudium (Diplom, Master)", "University degree (MSc or PhD)").
var genericDegrees = map[string]bool{"studium": true, "hochschulstudium": true, "universitätsstudium": true,
	"fachhochschulstudium": true, "hochschulabschluss": true, "universitätsabschluss": true, "abschluss": true,
	"university degree": true, "college degree": true, "degree": true, "a degree": true, "degrees": true,
	"university education": true, "título universitario": true, "titulación universitaria": true}

// bracketDegrees drops a generic degree word followed by brackets that
// name the degree ("Hochschulstudium (Diplom, Master)" asks for a
// Master's, not a Bachelor's and a Master's); the degrees in the brackets
// stand, as alternatives.
func bracketDegrees(lower string, toks []token, hits []hit, nSkills int, edu []class) {
	for _, h := range hits {
		if d := int(h.id) - nSkills; d != 0 && d != bareDegree || edu[h.tok] == clsUnknown ||
			!genericDegrees[lower[toks[h.tok].start:toks[h.end-1].end]] {
			continue
		}
		after := lower[toks[h.end-1].end:]
		open := len(after) - len(strings.TrimLeft(after, " "))
		if open >= len(after) || after[open] != '(' {
			continue
		}
		end := strings.IndexByte(after[open:], ')')
		if end < 0 || end > 60 {
			continue
		}
		lo := int(toks[h.end-1].end) + open
		hi := lo + end
		for _, g := range hits {
			if d := int(g.id) - nSkills; d >= 0 && d < len(degreeNames) && g.tok != h.tok &&
				int(toks[g.tok].start) > lo && int(toks[g.tok].start) < hi {
				edu[h.tok] = clsUnknown
				break
			}
		}
	}
}

// schoolPair says whether a sentence names the university and the
// university college together ("Høyskole / Universitet", "universitet
// eller högskola"), as a level field does.
func schoolPair(sent string) bool {
	return strings.Contains(sent, "universitet") && (strings.Contains(sent, "høyskole") ||
		strings.Contains(sent, "høgskole") || strings.Contains(sent, "högskola"))
}

// studyingWords say that a degree named after them is being studied
// for, which is no degree (PROTOCOL.md): "currently pursuing a degree",
// "enrolled in a degree program", "working towards a Bachelor's".
var studyingWords = []string{"pursuing", "enrolled in", "working towards", "working toward", "studying for",
	"studying towards", "studying toward",
	// "You are currently studying or have a Máster de Prevención ...":
	// studying is enough (session 32, dev amazon-text-whs-intern-...)
	"currently studying", "studying or"}

// studiedFor says whether the words of the degree's sentence just before
// it (up to eight tokens: "pursuing a Bachelor's degree" counts the
// apostrophe and its "s", "enrolled in or recently graduated from a
// Master's program" seven words) say it is being studied for.
func studiedFor(lower string, toks []token, h hit, a int) bool {
	from := max(a, h.tok-8)
	before := lower[toks[from].start:toks[h.tok].start]
	for _, w := range studyingWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// notRequiredPhrases say that what a sentence names is no requirement.
var notRequiredPhrases = []string{"not required", "not a requirement", "not necessary", "not mandatory",
	"not needed", "no degree required", "not a must", "nicht erforderlich", "nicht notwendig", "keine voraussetzung",
	"keine pflicht", "ikke et krav", "inget krav", "ikke krav", "pas obligatoire", "pas nécessaire", "no es necesario",
	"no es imprescindible", "geen vereiste", "niet vereist", "niet verplicht",
	"don't need a degree", "do not need a degree", "don’t need a degree", "don't need to have a degree",
	"do not need to have a degree", "no degree needed", "no degree necessary",
	"degree is optional", "degree optional", "degree isn't required"}

// waiverClauseBreaks end the clause a waiver of a degree is read in.
var waiverClauseBreaks = []string{", ", "; ", " (", ")", " - ", " – "}

// timeAtSchool says whether the school at byte p follows time spent
// there ("Two years at a four-year college, or equivalent experience":
// study, no degree; review s34 F6).
func timeAtSchool(lower string, p int) bool {
	before := strings.TrimRight(lower[max(0, p-24):p], " ")
	for _, a := range []string{" a", " an"} {
		if b, ok := strings.CutSuffix(before, a); ok {
			b = strings.TrimRight(b, " ")
			for _, w := range []string{"years at", "year at", "semesters at", "semester at", "years in", "year in"} {
				if strings.HasSuffix(b, w) {
					return true
				}
			}
		}
	}
	return false
}

// waiverClause returns the clause of the sentence sent that holds the
// degree at byte p, with the clause after it when that one names no
// degree ("Academic degrees are great, but not required"): a waiver in
// another clause is of another degree or of the field ("You don't need a
// degree in CS, but a Bachelor's degree in a related field is required",
// "Bachelor's degree (a Master's degree isn't required)": review s29 F1).
func waiverClause(sent string, p int) string { return degreeClause(sent, p, true) }

// degreeClause is the clause of sent that holds the degree at byte p;
// withNext adds the clause after it when that one names no degree.
func degreeClause(sent string, p int, withNext bool) string {
	// within clauseBytes of p each way: a clause is shorter, and a text
	// with no break (a hostile "degree degree ...") is not searched whole
	// at each degree it names
	lo, hi := max(0, p-clauseBytes), min(len(sent), p+clauseBytes)
	start, end := lo, hi
	for _, br := range waiverClauseBreaks {
		if i := strings.LastIndex(sent[lo:p], br); i >= 0 && lo+i+len(br) > start {
			start = lo + i + len(br)
		}
		if i := strings.Index(sent[p:hi], br); i >= 0 && p+i < end {
			end = p + i
		}
	}
	if withNext && end < len(sent) {
		next := min(len(sent), end+1+clauseBytes)
		for _, br := range waiverClauseBreaks {
			if i := strings.Index(sent[end+1:next], br); i >= 0 && end+1+i < next {
				next = end + 1 + i
			}
		}
		if !namesDegree(sent[end:next]) {
			end = next
		}
	}
	return sent[start:end]
}

// clauseBytes bounds degreeClause's search for its clause's breaks.
const clauseBytes = 400

// sentenceReach bounds, in tokens each way, the sentence a degree's rules
// read around it.
const sentenceReach = 80

// namesDegree says whether a piece of a lowered sentence names a degree.
func namesDegree(s string) bool {
	for _, w := range []string{"degree", "bachelor", "master", "phd", "diplom", "studium", "abschluss", "licenciatura", "examen", "utdanning"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// namedPreferred says whether a sentence calls what it names preferred
// in so many words.
func namedPreferred(sent string) bool {
	for _, w := range []string{"prefer", "a plus", "nice to have", "bonus", "advantage", "desirable", "desired"} {
		if strings.Contains(sent, w) {
			return true
		}
	}
	return false
}

func notRequired(sent string) bool {
	for _, p := range notRequiredPhrases {
		for i := 0; ; {
			j := strings.Index(sent[i:], p)
			if j < 0 {
				break
			}
			i += j + len(p)
			// "your education is not required to be in IT or technology":
			// the field of the degree is free, the degree is still asked
			if !fieldFree(sent[i:]) {
				return true
			}
		}
	}
	return false
}

// fieldFree says whether the words after a "not required" say that what
// is free is the degree's field, not the degree ("... is not required to
// be in IT", "not necessarily related to computer science").
func fieldFree(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, p := range []string{"to be in ", "to be related", "to be specifically", "to be a technical", "to be technical"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	if f, ok := strings.CutPrefix(rest, "in "); ok {
		// "a bachelor's degree preferably but not required in an
		// IT-related field" (session 34): the field is free, not the
		// degree; "not required in this role" waives the degree
		f = f[:min(len(f), 60)]
		return strings.Contains(f, "field") || strings.Contains(f, "related") || strings.Contains(f, "science") ||
			strings.Contains(f, "engineering") || strings.Contains(f, "computer")
	}
	return false
}

// degreeAliasWords are the one-word degree aliases, lowered.
var degreeAliasWords = func() map[string]bool {
	m := map[string]bool{}
	for _, as := range degreeAliases {
		for _, a := range as {
			if a = strings.ToLower(strings.TrimPrefix(a, "=")); !strings.ContainsAny(a, " -/") {
				m[a] = true
			}
		}
	}
	return m
}()

// fuzzyDegree says whether w, one word of a degree hit, is no degree
// alias as written but a word the misspelling match took for one.
func fuzzyDegree(w string) bool {
	if len(w) < fuzzyMinLen || degreeAliasWords[w] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// degreePayWords and ifWords: a sentence that sets the pay by a degree, as a
// condition ("hvis du eksempelvis har en mastergrad fra 2013, vil din
// startlønn være 954 593"), explains a pay scale: it asks for no degree.
var (
	degreePayWords = []string{"lønn", "løn", "lön", "salary", "gehalt", "salaire", "startlønn", "lønnstrinn", "pay scale"}
	ifWords        = []string{"hvis ", "dersom ", "om du ", "if you ", "wenn ", "falls ", "si vous "}
)

func paySentence(sent string) bool {
	pay, cond := false, false
	for _, w := range degreePayWords {
		pay = pay || strings.Contains(sent, w)
	}
	for _, w := range ifWords {
		cond = cond || strings.Contains(sent, w)
	}
	return pay && cond
}

// studentWords name students; teachWords the candidate's work with them.
var (
	studentWords = []string{"students", "student", "studenter", "studerende", "studierende", "studenten", "étudiants"}
	teachWords   = []string{"teach", "supervis", "guidance", "guiding", "guide ", "mentor", "undervis", "veiled",
		"handled", "betreu", "lehre", "encadre", "begeleid"}
)

// studentsTaught says whether the degree hit h names students the
// candidate teaches or supervises, not a degree asked of the candidate:
// "giving guidance to PhD, master and bachelor students", "supervise
// master students", "undervisning av masterstudenter". The degree words
// of the list run to the student word; a teaching word stands before them
// in the sentence (from token a).
func studentsTaught(lower string, toks []token, h hit, a int) bool {
	found := false
	for e := h.end; !found && e < len(toks) && e < h.end+8 && toks[e].flags&(fSent|fBlock) == 0; e++ {
		w := lower[toks[e].start:toks[e].end]
		if slices.Contains(studentWords, w) {
			found = true
			break
		}
		switch w {
		case "and", "or", "og", "och", "und", "et", "en", "phd", "ph", "d", "master", "masters", "bachelor",
			"bachelors", "msc", "bsc", "level", "degree", "s":
			continue
		}
		if toks[e].punct == 0 {
			return false
		}
	}
	if !found {
		return false
	}
	before := lower[toks[a].start:toks[h.tok].start]
	for _, w := range teachWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// categoryFields are the keys of a job board's field that names the
// occupation the posting is filed under, not what it asks of the
// candidate: "Typ av jobb Lantbruk, Civilingenjör / Arkitekt" (a
// studentjob.se footer) files a communicator's job under engineering and
// asks for no degree (PROTOCOL.md, Nordic university levels).
var categoryFields = []string{"typ av jobb", "yrkesområde", "yrkesgrupp", "yrkesroll", "job category", "job function",
	"jobkategori", "stillingskategori", "stillingsgruppe", "occupation:", "yrke:"}

// categoryFieldKeys end a category field's value: the next field of the
// same block ("... Civilingenjör / Arkitekt Körkort önskas Nej").
var categoryFieldKeys = []string{"körkort", "önskad", "tillgång", "personligt brev", "språk", "ort ", "status",
	"typ av kontrakt"}

// categoryField says whether the degree word at offset at stands in the
// value of an occupation category field, within 60 bytes of its key.
func categoryField(lower string, at int) bool {
	from := max(0, at-60)
	for from > 0 && !utf8.RuneStart(lower[from]) {
		from--
	}
	before := lower[from:at]
	for _, k := range categoryFields {
		i := strings.LastIndex(before, k)
		if i < 0 {
			continue
		}
		value := before[i+len(k):]
		ended := strings.ContainsAny(value, ".;\n")
		for _, e := range categoryFieldKeys {
			ended = ended || strings.Contains(value, e)
		}
		if !ended {
			return true
		}
	}
	return false
}

// clauseBreak says whether s holds a comma or semicolon outside
// parentheses: the marker after it closes another clause ("BS in Computer
// Science, Statistics or a related field, MS preferred").
func clauseBreak(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',', ';', '，', '；':
			if depth <= 0 {
				return true
			}
		}
	}
	return false
}

// trailingPreference makes a degree preferred when its sentence or clause
// ends with a preference marker and asks for nothing ("Bachelor's degree
// required; advanced degree or professional certification (PgMP, MSP, PMP)
// preferred": the advanced degree is preferred, though the marker is read
// as qualifying the parentheses only).
func trailingPreference(lower string, toks []token, hits []hit, nSkills int, edu []class) {
	for _, h := range hits {
		if int(h.id) < nSkills || edu[h.tok] != clsRequired {
			continue
		}
		a, b := h.tok, h.tok
		for a > 0 && toks[a].flags&(fSent|fBlock) == 0 {
			a--
		}
		for b+1 < len(toks) && toks[b+1].flags&(fSent|fBlock) == 0 {
			b++
		}
		c := classifier{lower: lower, toks: toks, start: a, end: b + 1}
		last := b
		for last > h.end && toks[last].punct != 0 {
			last--
		}
		if last < h.end || !c.prefWord(last) || clauseBreak(lower[toks[h.end-1].end:toks[last].start]) {
			continue
		}
		req := false
		for k := a; k <= b && !req; k++ {
			req = c.reqWord(k)
		}
		if !req {
			edu[h.tok] = clsPreferred
		}
	}
}

// bareDegree is the index of the level-less degree in degreeAliases.
const bareDegree = 3

// prefWord says whether token i marks its sentence as preferred ("is a plus").
func (sc *classifier) prefWord(i int) bool {
	w := sc.word(i)
	if cjkWord(w) {
		return sc.cjkAt(i, "优先", "加分", "更佳", "更好", "歓迎", "尚可", "우대")
	}
	if w != "" && w[0] >= utf8.RuneSelf {
		w = strings.ToLower(w) // "Önskad": the text is lowered for ASCII only
	}
	switch w {
	case "beneficial":
		return sc.predicative(i)
	case "preferred", "preferably", "bonus", "ideally", "helpful", "desirable", "desired",
		"advantageous", "pluses", "optional", "wünschenswert", "idealerweise", "vorzugsweise", "souhaitable",
		"idéalement", "deseable", "valorable", "preferiblemente", "idealmente", "preferencialmente", "desejável",
		"gewünscht",
		// Danish, German, Norwegian, Swedish: preferably, desired
		"helst", "fortrinsvis", "fortrinnsvis", "företrädesvis", "bevorzugt", "önskad", "önskade",
		// session 33: Dutch "ideally", plural Spanish and Portuguese
		// "desirable", French "appreciable", English "looked upon
		// favourably"
		"idealiter", "deseables", "desejáveis", "appréciable", "appréciables", "favourably", "favorably":
		return true
	case "plus":
		p := sc.word(i - 1)
		if p == "a" || p == "big" || p == "huge" || p == "strong" || p == "definite" || p == "major" ||
			p == "added" || p == "un" || p == "extra" || p == "real" || p == "nice" || p == "great" ||
			(i+1 < sc.end && sc.toks[i+1].flags&fColon != 0) {
			return true
		}
		if i+1 == sc.end {
			return !sc.namePlus(i)
		}
		return sc.toks[i+1].flags&(fSent|fHard) != 0 && (p == "is" || p == "are" || p == "be")
	case "advantage", "asset":
		p := sc.word(i - 1)
		return p == "an" || p == "added" || p == "big" || p == "great" || p == "real" || p == "additional" ||
			p == "definite" || p == "strong" || p == "distinct" || p == "huge"
	case "nice", "good", "great":
		if sc.word(sc.nextWord(i)) == "to" && sc.word(sc.nextWord(sc.nextWord(i))) == "have" {
			return true // "nice to have", "good to have"
		}
		if w == "great" || w == "nice" {
			p := sc.word(i - 1)
			return p == "be" && (sc.word(i-2) == "would" || sc.word(i-2) == "also")
		}
	case "love":
		// "we'd love", "would love", "we would love to see"
		p := sc.word(i - 1)
		return p == "would" || p == "d" || p == "also"
	case "welcome", "appreciated", "valued", "considered":
		// "Go experience is welcome", "... is appreciated", "will be considered a plus"
		p := sc.word(i - 1)
		if w != "considered" && sc.toks[i].flags&fColon != 0 {
			return true // "R or SQL experience: appreciated" (session 35)
		}
		if w == "welcome" && sc.word(i+1) == "to" {
			return false // "required but welcome to learn Terraform" (review s36 F7)
		}
		// "not required, but appreciated", "optional but welcome" (session
		// 36)
		if p == "but" {
			// only after a negated or optional ask: "not required, but
			// appreciated", "optional but welcome"; not "hard but
			// appreciated by our clients" (review s36 F7)
			neg := false
			for t := i - 2; t >= i-5 && t >= 0; t-- {
				switch sc.word(t) {
				case "not", "optional", "no", "nor", "necessarily":
					neg = true
				}
			}
			if !neg {
				return false
			}
		}
		return (p == "is" || p == "are" || p == "be" || p == "also" || p == "very" || p == "highly" || p == "but") &&
			(w != "considered" || sc.word(i+1) == "an" || sc.word(i+1) == "a")
	case "différence":
		// "Kubernetes fera la différence" (review s36b F9)
		v := sc.word(i - 2)
		return sc.word(i-1) == "la" && (v == "fera" || v == "ferait" || v == "feront")
	case "handy":
		// "Kafka would be handy" (session 36)
		return sc.word(i-1) == "be" && (sc.word(i-2) == "would" || sc.word(i-2) == "also")
	case "regarded":
		// "Kafka experience is highly regarded", "... well regarded"
		// (session 36); predicative only, not "a highly regarded
		// university" (review s36 F3)
		p, v := sc.word(i-1), sc.word(i-2)
		return (p == "highly" || p == "well") && (v == "is" || v == "are" || v == "be")
	case "favour", "favor":
		// "Kafka knowledge counts in your favour" (session 36), not "will
		// not count in your favour" (review s36 F8)
		if sc.word(i-1) != "your" || sc.word(i-2) != "in" {
			return false
		}
		for t := i - 3; t >= i-6 && t >= 0; t-- {
			if w := sc.word(t); w == "not" || w == "t" || w == "never" {
				return false
			}
		}
		return true
	case "possible":
		// "Kafka, if possible" (session 36): only the two words as a
		// clause of their own at the end of a sentence
		return sc.word(i-1) == "if" && sc.toks[i-1].flags&fHard != 0 && (i+1 >= sc.end || sc.toks[i+1].flags&(fSent|fHard) != 0)
	case "differentiator", "differentiators":
		// "Kubernetes would be a differentiator", "... are strong
		// differentiators"
		p := sc.word(i - 1)
		return p == "a" || p == "big" || p == "key" || p == "strong" || p == "real" || p == "great" || p == "huge"
	case "better":
		// "If you know Kubernetes, even better"
		return sc.word(i-1) == "even"
	case "vorteil":
		return sc.word(i-1) == "von"
	case "atout", "pré", "wens", "pluspunt":
		return true
	case "required", "vereiste", "necessary", "requirement", "mandatory", "essential", "must":
		// "nice but not required", "geen vereiste"; "Kafka is not
		// mandatory", "... is not a must" (session 32: read as required)
		p := sc.word(i - 1)
		return p == "not" || p == "geen" || p == "no" || p == "a" && sc.word(i-2) == "not"
	}
	return false
}

// namePlus says whether "Plus" at token i ends a product's name ("Element
// Plus", "MyBatis-Plus", "Cyber Essentials Plus"): written with its
// capital, right after a word written with one or glued to a name by a
// hyphen. Only "Plus" that ends a block is asked (a preference marker
// there: "Kubernetes, plus").
func (sc *classifier) namePlus(i int) bool {
	if sc.text == "" || i < 1 {
		return false
	}
	t := sc.toks[i]
	if sc.text[t.start] != 'P' {
		return false
	}
	prev := sc.toks[i-1]
	if prev.punct == '-' && t.flags&fGlued != 0 && i >= 2 {
		prev = sc.toks[i-2]
		if gap := sc.text[prev.end:t.start]; gap != "-" {
			return false
		}
	} else if gap := sc.text[prev.end:t.start]; gap != " " {
		return false // "Kubernetes - Plus", "Kubernetes, Plus"
	}
	if prev.punct != 0 {
		return false
	}
	c := sc.text[prev.start]
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// reqWord says whether token i marks its sentence as required.
func (sc *classifier) reqWord(i int) bool {
	switch sc.word(i) {
	case "required", "require", "requires", "must", "minimum", "equivalent", "mandatory":
		return true
	}
	return false
}

// negatedAt says whether the word at i is denied by the words before it
// ("no requirements", "not required", "not a requirement", "not strictly
// necessary", "kein Muss"): the sentence asks nothing by it.
func (sc *classifier) negatedAt(i int) bool {
	neg := func(w string) bool {
		switch w {
		case "no", "not", "non", "nor", "without", "never", "kein", "keine", "nicht", "ikke", "inte", "pas", "niet", "geen":
			return true
		}
		return false
	}
	p1 := sc.word(i - 1)
	if neg(p1) {
		return true
	}
	switch p1 {
	case "a", "an", "strictly", "necessarily", "formally", "absolutely", "ein", "eine", "et", "en", "een":
		return neg(sc.word(i - 2))
	}
	return false
}

// reqCue says whether token i makes its sentence ask something of the
// candidate, in a part no heading classifies: "You must have", "you have
// 5+ years", "experience with X is required", "we expect", "proficiency in",
// "knowledge of", "Erfahrung mit", "expérience en". Responsibilities ("You
// will build X") are no cue.
func (sc *classifier) reqCue(i int) bool {
	w := sc.word(i)
	if cjkWord(w) {
		return sc.cjkAt(i, "熟悉", "精通", "掌握", "熟练", "经验", "具备", "具有", "要求", "必须", "了解", "扎实",
			"経験", "必須", "知識", "경험", "능숙")
	}
	switch w {
	case "must", "required", "requires", "require", "requirement", "requirements", "mandatory", "essential",
		"proficiency", "proficient", "expertise", "fluency", "fluent", "familiarity", "mastery", "skilled",
		"qualifications", "qualified", "degree", "prerequisite",
		"erfahrung", "berufserfahrung", "kenntnisse", "erfahrungen", "mindestens", "expérience", "maîtrise",
		"maîtrisez", "connaissances", "connaissance", "compétence", "compétences", "familiarité", "kennis", "experiencia", "conocimientos", "conocimiento", "dominio",
		"esperienza", "conoscenza", "ervaring", "doświadczenie", "znajomość", "experiência",
		// the level of schooling asked ("Önskad utbildningsnivå
		// Universitet/Högskolestudier")
		"utbildningsnivå", "utdanningsnivå", "uddannelsesniveau", "bildungsabschluss",
		// the French field of the schooling asked ("Niveau d'études : Bac
		// +5 / Master", "Niveau d'étude requis : Bac+3")
		"études", "étude":
		if w == "études" || w == "étude" {
			return sc.word(i-1) == "niveau" || sc.word(i-2) == "niveau" || sc.word(i-3) == "niveau"
		}
		return !sc.negatedAt(i)
	case
		// Dutch: a level of work and thought asked ("HBO werk- en
		// denkniveau"), a completed schooling ("een afgeronde Bachelor")
		"denkniveau", "werkniveau", "afgeronde", "afgerond":
		return true
	case "achtergrond":
		// "een HBO of WO-achtergrond in informatica", as "background in"
		n := sc.word(sc.nextWord(i))
		return n == "in" || n == "als"
	case "hebt", "heb":
		// "je hebt", "jij hebt", "heb je": "you have"
		p, n := sc.word(i-1), sc.word(sc.nextWord(i))
		return p == "je" || p == "jij" || n == "je" || n == "jij"
	case "utdanning", "utdannelse", "utbildning", "uddannelse", "examen", "eksamen":
		// "relevant utdanning på masternivå", "utbildning inom data": a
		// schooling asked for
		switch sc.word(sc.nextWord(i)) {
		case "på", "innen", "inom", "inden", "fra", "från", "som", "med":
			return true
		}
	case "knowledge", "understanding", "grasp", "command":
		n := sc.word(sc.nextWord(i))
		return n == "of" || n == "in"
	case "hands":
		// "You are hands-on with Python", as "hands-on experience with"
		// (read at "hands": "on", a common word, is no rule word)
		on := sc.nextWord(i)
		if sc.word(on) != "on" {
			return false
		}
		n := sc.word(sc.nextWord(on))
		return n == "with" || n == "in"
	case "experience", "experienced", "background", "familiar", "comfortable", "comfort", "versed", "track":
		n := sc.word(sc.nextWord(i))
		switch n {
		case "with", "in", "using", "building", "working", "of", "on", "developing", "designing", "deploying",
			"writing", "running", "operating", "leading", "shipping", "creating", "implementing", "managing",
			"applying", "maintaining", "record":
			return true
		}
		switch sc.word(i - 1) {
		case "years", "yrs", "year", "on", "proven", "strong", "solid", "prior", "previous", "demonstrated",
			"professional", "practical", "extensive", "deep", "relevant", "have", "has", "industry", "production",
			"technical", "significant", "substantial", "considerable", "hands", "some", "working":
			return true
		}
	case "hast", "avez", "as":
		// "du hast", "hast du", "vous avez", "tu as": "you have", of the
		// candidate (session 30)
		p := sc.word(i - 1)
		return w == "hast" && (p == "du" || sc.word(sc.nextWord(i)) == "du") || w == "avez" && p == "vous" || w == "as" && p == "tu"
	case "är", "er":
		// "Du är civilingenjör", "Du er utdannet sivilingeniør": the
		// candidate's schooling, in Swedish, Norwegian and Danish
		if sc.word(i-1) != "du" {
			return false
		}
		switch sc.word(sc.nextWord(i)) {
		case "utbildad", "utdannet", "utdanna", "uddannet", "civilingenjör", "sivilingeniør", "högskoleingenjör",
			"ingenjör", "ingeniør", "cand":
			return true
		}
	case "tienes", "posees":
		// Spanish "you have", "you possess"
		return true
	case "cuentas":
		return sc.word(sc.nextWord(i)) == "con" // "cuentas con": "you have"
	case "you":
		n := sc.word(sc.nextWord(i))
		switch n {
		case "have", "bring", "know", "possess", "should", "must", "need", "are", "understand", "hold":
			return n != "are" || sc.youAre(sc.nextWord(sc.nextWord(i)))
		}
		if i+2 < sc.end && sc.toks[i+1].punct == '\'' {
			switch sc.word(i + 2) {
			case "ve":
				return true
			case "re":
				return sc.youAre(i + 3)
			case "ll", "d":
				n := sc.word(i + 3)
				return n == "need" || n == "have" || n == "bring"
			}
		}
	case "we":
		return sc.weAsk(i)
	case "candidate", "candidates", "applicant", "applicants":
		switch sc.word(sc.nextWord(i)) {
		case "should", "must", "will", "has", "have", "brings", "bring", "needs", "possesses", "is", "are":
			return true
		}
	case "looking", "seeking":
		// "we are looking for someone with ..." (not "looking for a Data
		// Engineer to build ..."); "we're seeking an engineer with ..."
		j := sc.nextWord(i)
		if sc.word(j) == "for" {
			j = sc.nextWord(j)
		} else if sc.word(i) == "looking" {
			return false
		}
		if sc.word(i) == "seeking" && !sc.weSeek(i) {
			return false // "Our customers are seeking someone with Kafka" (review s34 F7)
		}
		if soughtPerson[sc.word(j)] && sc.whoWithBefore(j+1, j+10) {
			return true
		}
	}
	return false
}

// weSeek says whether "seeking" at i is the employer's: no customer,
// client or other party is its subject ("Our customers are seeking
// someone with Kafka" is theirs).
func (sc *classifier) weSeek(i int) bool {
	for t, n := i-1, 0; n < 5 && t >= sc.start; t, n = t-1, n+1 {
		switch sc.word(t) {
		case "customers", "clients", "users", "they", "partners", "companies", "customer", "client":
			return false
		}
		if sc.toks[t].flags&fSent != 0 {
			break
		}
	}
	return true
}

// soughtPerson are the words that open the person a posting looks for
// ("looking for folks who can ...", session 34: "folks", "developers",
// "individuals" and the like besides "someone" and "a").
var soughtPerson = wordSet("someone somebody people candidates a an engineers you folks developers individuals " +
	"professionals designers analysts scientists teammates colleagues applicants experts specialists " +
	"researchers builders")

// youAre says whether the word at i, after "you are" or "you're", describes
// a candidate's skill ("you're fluent in", "you are proficient").
func (sc *classifier) youAre(i int) bool {
	switch sc.word(i) {
	case "proficient", "experienced", "fluent", "skilled", "comfortable", "familiar", "an", "a", "well", "highly",
		"deeply", "strong", "expert", "able", "confident", "knowledgeable", "versed":
		return true
	}
	return false
}

// colonMarker returns the index of the first token after a marker such as
// "Nice to have:", "Bonus:", "Preferred:", "Plus:" that starts at i, or -1.
func (sc *classifier) colonMarker(i int) int {
	j := i
	switch sc.word(i) {
	case "nice":
		j = sc.nextWord(sc.nextWord(i))
		if sc.word(j) != "have" {
			return -1
		}
	case "bonus":
		if sc.word(i+1) == "points" {
			j = i + 1
		}
	case "preferred", "plus", "pluses", "optional", "ideally",
		// "Advantage: Knowledge of cryptographic principles", "Desirable:
		// Kafka", "Asset: French" (session 24)
		"advantage", "advantageous", "desirable", "asset", "beneficial":
	default:
		return -1
	}
	if j+1 < sc.end && sc.toks[j+1].flags&fColon != 0 {
		return j + 1
	}
	return -1
}

// cjkWord says whether a token is written in a script without spaces.
func cjkWord(w string) bool {
	if w == "" || w[0] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return isCJK(r)
}

// cjkAt says whether one of words starts at token i (a character of a
// script without spaces; words span several tokens).
func (sc *classifier) cjkAt(i int, words ...string) bool {
	rest := sc.lower[sc.toks[i].start:sc.toks[sc.end-1].end]
	for _, x := range words {
		if strings.HasPrefix(rest, x) {
			return true
		}
	}
	return false
}

// fieldPreferenceWords follow a preference marker that qualifies the
// field or the school of a degree, not the degree: "Educational degree,
// preferably in IT", "Studium, idealerweise im Bereich Informatik".
var fieldPreferenceWords = map[string]bool{"in": true, "within": true, "from": true, "im": true, "en": true,
	"i": true, "inom": true, "innen": true, "of": true}

// fieldPreference gives back its part's class to a degree of a required
// part that a marker after it made preferred, when the marker qualifies
// the degree's field ("Educational degree, preferably in IT, Cyber
// Security or any other related fields": the degree is asked for, the
// field is the wish) and nothing before the degree marks the sentence.
func fieldPreference(lower string, toks []token, hits []hit, nSkills int, edu, bcls []class) {
	for _, h := range hits {
		if int(h.id) < nSkills || edu[h.tok] != clsPreferred {
			continue
		}
		if b := int(toks[h.tok].block); b >= len(bcls) || bcls[b] != clsRequired {
			continue
		}
		a, e := h.tok, h.end
		for a > 0 && toks[a].flags&(fSent|fBlock) == 0 {
			a--
		}
		for e < len(toks) && toks[e].flags&(fSent|fBlock) == 0 {
			e++
		}
		c := classifier{lower: lower, toks: toks, start: a, end: e}
		before := false
		for k := a; k < h.tok && !before; k++ {
			before = c.prefWord(k)
		}
		if before {
			continue
		}
		// the first marker after the degree, within a few words
		for k := h.end; k < e && k < h.end+4; k++ {
			if toks[k].punct != 0 || !c.prefWord(k) {
				continue
			}
			if n := c.word(k + 1); fieldPreferenceWords[n] && toks[k].flags&fHard != 0 {
				edu[h.tok] = clsRequired
			}
			break
		}
	}
}
