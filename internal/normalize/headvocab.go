package normalize

import "strings"

// The heading vocabulary: a fallback for a heading that no phrase of the
// lists names. Each word of the folded heading is scored: a requirement
// word ("Kvalifikasjonar", "Anforderungen"), a weaker one that names what a
// candidate has ("kunskaper", "Erfahrung", "ervaring"), a preference word
// ("meriterande", "pluss", "pré"), or a word of the heading's grammar
// (pronouns, articles, prepositions, conjunctions, question words and the
// common verbs of "what you need", in the languages Language tells apart).
// A heading made of such words only is classified by them: any preference
// word makes it preferred; a requirement word, two weaker ones, or one
// weaker one beside a second-person possessive ("Dina kunskaper", "Jouw
// ervaring") make it required. Any other word (a skill, a company, a
// noun of the job) leaves it unknown: the fallback classifies headings,
// not sentences ("Erfarenhet av Java" is an item).

// vocabStems are word beginnings, each with the longest tail a word may
// add to it ("kvalifik" + "asjonar"). A stem matches a word that starts
// with it and is at most tail letters longer.
type vocabStem struct {
	stem string
	tail int
}

var (
	vocabRequired = []vocabStem{
		{"kvalifik", 8}, {"qualifik", 8}, {"qualific", 8}, {"qualif", 10}, {"krav", 3}, {"requir", 6},
		{"requis", 6}, {"requer", 8}, {"requisit", 3}, {"anforderung", 3}, {"voraussetzung", 3},
		{"förutsättning", 4}, {"forutsetning", 4}, {"forudsætning", 4}, {"behörighet", 3},
		{"vereist", 3}, {"eisen", 0}, {"functie-eisen", 0}, {"prérequis", 0}, {"exigence", 1}, {"exigences", 0},
		{"profil", 2}, {"profiel", 0}, {"perfil", 0}, {"kompeten", 6}, {"kompetan", 6},
		{"must-have", 1}, {"must", 0},
	}
	vocabWeak = []vocabStem{
		{"kunskap", 4}, {"kunnskap", 4}, {"kundskab", 4}, {"kennis", 0}, {"kenntnis", 3}, {"erfarenhet", 3},
		{"erfaring", 3}, {"ervaring", 2}, {"erfahrung", 2}, {"experienc", 2}, {"expérience", 1},
		{"experiencia", 1}, {"esperienz", 1}, {"conocimiento", 1}, {"connaissance", 1}, {"skill", 1},
		{"färdighet", 2}, {"ferdighet", 2}, {"færdighed", 2}, {"vaardighed", 2}, {"egenskap", 2},
		{"egenskab", 2}, {"eigenschaft", 2}, {"background", 0}, {"bakgrund", 0}, {"bakgrunn", 0},
		{"baggrund", 0}, {"utbildning", 0}, {"utdanning", 0}, {"uddannelse", 0}, {"ausbildung", 0},
		{"opleiding", 0}, {"formation", 0}, {"formación", 0}, {"know-how", 0}, {"expertise", 0},
		{"knowledge", 0}, {"fähigkeit", 2}, {"competenc", 3}, {"compétence", 1}, {"competencia", 1},
		{"kwalificatie", 1}, {"ausbildung", 0}, {"studium", 0}, {"education", 0}, {"abilit", 3},
	}
	vocabPreferred = []vocabStem{
		{"meriter", 5}, {"meritter", 5}, {"önskvärd", 2}, {"önskad", 1}, {"ønskelig", 2}, {"ønsket", 0},
		{"ønskede", 0}, {"ønskværdig", 1}, {"fordel", 0}, {"fördel", 0}, {"fordelaktig", 1},
		{"fordelagtig", 1}, {"fördelaktig", 2}, {"vorteil", 0}, {"vorteilhaft", 0}, {"wünschenswert", 2},
		{"plus", 0}, {"pluss", 0}, {"pluspunkt", 2}, {"pluspunten", 0}, {"pré", 0}, {"bonus", 0},
		{"bonuspunkt", 2}, {"bonuspunten", 0}, {"prefer", 4}, {"desir", 5}, {"souhait", 3},
		{"appréci", 3}, {"atout", 1}, {"deseable", 1}, {"valorable", 1}, {"wenselijk", 0}, {"optional", 0},
		{"optionnel", 1}, {"idealerweise", 0}, {"ideally", 0}, {"idéalement", 0}, {"idealmente", 0},
		{"nice-to-have", 1}, {"gerne", 0}, {"gjerne", 0}, {"gärna", 0}, {"gerne", 0},
	}
	// vocabSecond are the second-person possessives that make one weaker
	// word a requirement heading ("Din erfarenhet", "Ihre Erfahrung").
	vocabSecond = wordSet("your din dina ditt dine di dein deine deiner ihre jouw uw votre vos ton tes tus " +
		// and the adjectives that say which ones ("Fachliche Kenntnisse",
		// "Tekniska kunskaper", "Relevant erfaring")
		"fachliche erforderliche notwendige technische faglige tekniske tekniska formella formelle " +
		"relevant relevante required technical")
	// vocabSeek are the verbs of "what we look for" and "what you need";
	// vocabPerson the pronouns and vocabCopula the verbs of "who you
	// are". With the grammar words, they make a heading that asks for the
	// candidate ("Det här söker vi", "Hva trenger du", "Wat we van je
	// vragen", "Är det du?").
	vocabSeek = wordSet("söker behöver etter trenger søker søger vragen verwachten nodig zoeken zoekt " +
		"auszeichnet mitbringen mitbringst erwarten brauchst brauchen need looking seek seeking expect " +
		"buscamos necesitas recherchons attendons cherchons " +
		// "Damit überzeugst du uns", "Womit du uns überzeugst" (session 34)
		"überzeugst überzeugen")
	vocabPerson = wordSet("du dig deg you je jij jou sie dich vous tu " +
		// the copulas of the second person stand for their pronoun
		// ("¿Quién eres?", session 34)
		"eres bist")
	vocabCopula = wordSet("är er is are ist bist ben es eres êtes")
	// vocabGrammar are the words of a heading's grammar.
	vocabGrammar = wordSet(
		// en
		"the a an and or of to for with in on you we our us what who is are do does have has need needs bring " +
			"would will be it this that if from about as at by also some other key core main relevant " +
			"technical personal professional general additional " +
			// sv
			"och eller av för med i på om till som du dig vi oss vår våra vårt vad vem vilka vilken är har " +
			"behöver söker ska skall bör den det detta denna här en ett de kan att så också även extra " +
			"tekniska personliga formella övriga önskar ha " +
			// nb nn da
			"og av for med til deg vår våre vores hva hvad hvem kven kva er trenger trengs søker søger " +
			"skal må dette her ei vil være hvis dersom ekstra faglige personlige tekniske formelle andre øvrige " +
			"ønsker forventer os ute ser leter letar " +
			// de
			"und oder von für mit im an auf zu über dich dir sie ihr wir uns unser unsere was wer wen ist " +
			"sind hast haben hat bringst mitbringst mitbringen solltest sollten brauchst der die das den dem " +
			"ein eine einen fachliche persönliche technische erforderliche notwendige weitere allgemeine " +
			"zusätzliche idealerweise wäre wären damit womit " +
			// nl
			"en van voor met op te jij jou u wij ons onze wat wie ben bent zijn heb hebt heeft hebben nodig " +
			"het een dat die dit verwachten vragen vraag zoeken zoek breng neem mee " +
			// fr
			"et ou des du la le les l d pour avec à au aux vous nous notre nos que qui quel quelles êtes es " +
			"est avez as ce un une techniques requises requis " +
			// es
			"y o del el los las para con tu su usted nosotros nuestro qué quién eres tienes una lo técnicos")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func stemIn(w string, stems []vocabStem) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s.stem) && len(w)-len(s.stem) <= s.tail {
			return true
		}
	}
	return false
}

// vocabRequiredEnds and vocabWeakEnds are the ends of compounds
// ("Skallkrav", "Kompetanskrav", "Berufserfahrung", "Grundkenntnisse",
// "Arbeidserfaring").
var (
	vocabRequiredEnds = []string{"krav", "kraven", "kravene", "anforderungen", "kvalifikationer", "kvalifikasjoner",
		"voraussetzungen"}
	vocabWeakEnds = []string{"kenntnisse", "erfahrung", "erfahrungen", "erfarenhet", "erfarenheter", "erfaring",
		"erfaringer", "kunskaper", "kunnskaper", "kundskaber", "kompetens", "kompetanse", "kompetence", "ervaring"}
)

func endIn(w string, ends []string) bool {
	for _, e := range ends {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// vocabHeading classifies a folded heading (" word word ") by its words
// when every word is known; weak allows one weaker word alone
// ("Erfahrung" as a bold heading). It returns clsUnknown otherwise.
func vocabHeading(f string, weak bool) class {
	ws := strings.Fields(f)
	if len(ws) == 0 || len(ws) > 8 {
		return clsUnknown
	}
	req, wk, pref, second := 0, 0, 0, false
	seek, person, copula := false, false, false
	for _, w := range ws {
		w = strings.Trim(w, "'-")
		seek = seek || vocabSeek[w]
		person = person || vocabPerson[w]
		copula = copula || vocabCopula[w]
		switch {
		case w == "", vocabSeek[w]:
		case stemIn(w, vocabPreferred):
			pref++
		case stemIn(w, vocabRequired), endIn(w, vocabRequiredEnds):
			req++
		case stemIn(w, vocabWeak), endIn(w, vocabWeakEnds):
			wk++
		case vocabSecond[w]:
			second = true
		case vocabGrammar[w], vocabPerson[w], vocabCopula[w]:
		default:
			return clsUnknown
		}
	}
	switch {
	case pref > 0:
		return clsPreferred
	case req > 0, wk >= 2, wk == 1 && (second || weak):
		return clsRequired
	case wk == 0 && len(ws) >= 2 && (seek || person && copula && len(ws) <= 4):
		return clsRequired
	}
	return clsUnknown
}
