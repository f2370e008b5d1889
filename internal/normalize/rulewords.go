package normalize

// ruleWords are the words the word rules markBlock asks of every token
// (colonMarker, prefWord, prefMore, reqWord, applyingAt, reqCue, cueMore)
// react to: the cases of their switches on the token's own word. Any
// other word, unless it opens with a byte outside ASCII (CJK words and
// the words those rules lower first), makes each of them say no, so
// markBlock does not ask them. TestRuleWordsFollowRules reads the rules'
// source and fails when a word of theirs is missing here, or when a rule
// reacts to its word in a way other than such a switch.
var ruleWords = []string{
	"aanbeveling", "abgerundet", "ability", "able", "abrunden", "achtergrond", "addition", "adept",
	"advanced", "advantage", "advantageous", "afgerond", "afgeronde", "aise", "amazing", "apart",
	"applicant", "applicants", "application", "appreciated", "apprendre", "apprezzata", "apprezzato",
	"appréciable", "appréciables", "apprécié", "appréciée", "appréciées", "appréciés", "aprender",
	"architected", "as", "asset", "atout", "avantage", "avez", "awesome", "background", "beherrschen",
	"beherrschst", "beherrscht", "beherrschung", "beherske", "behersker", "behärska", "behärskar",
	"bekend", "bekvem", "bekvemt", "bekväm", "bekvämt", "beneficial", "berufserfahrung",
	"bestenfalls", "better", "bevorzugt", "bienvenida", "bienvenido", "bienvenu", "bienvenue",
	"bienvenues", "bienvenus", "bildungsabschluss", "bonus", "bra", "built", "can", "candidate",
	"candidates", "comfort", "comfortable", "command", "competent", "compétence", "compétences",
	"conhecimento", "conhecimentos", "connais", "connaissance", "connaissances", "connaissez",
	"conocimiento", "conocimientos", "conoscenza", "conoscenze", "considered", "contributed",
	"conversant", "created", "cuentas", "cv", "degree", "delivered", "demonstrated", "denkniveau",
	"deployed", "deseable", "deseables", "desejáveis", "desejável", "designed", "desirable",
	"desired", "det", "developed", "diferencial", "differentiator", "differentiators", "différence",
	"dominas", "dominio", "doświadczenie", "du", "duktig", "edge", "efter", "eksamen", "equivalent",
	"er", "erfahren", "erfahrung", "erfahrungen", "erfarenhet", "erfarenheter", "erfaring",
	"erforderlich", "ervaring", "ervaringen", "esperienza", "esperienze", "essential", "etter",
	"examen", "excellent", "exigé", "exigée", "exigées", "experience", "experienced", "experiencia",
	"experiência", "expert", "expertise", "exposure", "expérience", "expériences", "extensive",
	"familiar", "familiarity", "familiarità", "familiarité", "familier", "familière", "fantastic",
	"favor", "favorably", "favour", "favourably", "ferdigheter", "fijn", "fint", "fluency", "fluent",
	"fordel", "fordelagtig", "fordelagtigt", "fordelaktig", "fordelaktigt", "foretrekkes",
	"foretrukket", "foretrækkes", "forståelse", "fortrinnsvis", "fortrinsvis", "fortrolig",
	"forudsætning", "forutsetning", "färdigheter", "færdigheder", "fördel", "föredras",
	"företrädesvis", "förståelse", "förutsättning", "gerne", "gesehen", "gewünscht", "gjerne", "god",
	"godt", "good", "gradita", "gradite", "graditi", "gradito", "grasp", "great", "gärna", "hands",
	"handy", "has", "hast", "have", "haves", "heb", "hebt", "help", "helpful", "helps", "helst",
	"ideal", "idealerweise", "idealfall", "idealfälle", "idealiter", "ideally", "idealmente", "idéal",
	"idéale", "idéalement", "idéales", "idéaux", "implemented", "imprescindible", "indispensable",
	"indsigt", "interested", "interview", "interviews", "journey", "kendskab", "kendskaber", "kennis",
	"kenntnis", "kenntnisse", "kjennskap", "klasse", "knowledge", "knowledgeable", "kompetanse",
	"kompetencer", "kompetens", "kompetenser", "kreves", "krävs", "kræves", "kundskaber", "kunnskap",
	"kunnskaper", "kunskap", "kunskaper", "kännedom", "launched", "learn", "led", "leren", "lernen",
	"leuk", "looking", "love", "lära", "lære", "maintained", "managed", "mandatory", "manejas",
	"manejo", "mastery", "may", "maîtrise", "maîtrises", "maîtrisez", "meegenomen", "merit",
	"meriterande", "meriterar", "meriterende", "meritterende", "might", "mindestens", "minimum",
	"mooi", "muss", "must", "necessary", "nice", "nous", "obligatoire", "obligatorisk", "operated",
	"optimalerweise", "optional", "out", "owned", "padronanza", "perfect", "plus", "pluses",
	"pluspunkt", "pluspunkte", "pluspunt", "pluss", "points", "posees", "positivt", "possible",
	"possèdes", "possédez", "pre", "preferable", "preferably", "preference", "preferencia",
	"preferencialmente", "preferentemente", "preferenza", "preferenziale", "preferibile",
	"preferibilmente", "preferible", "preferiblemente", "preferred", "prerequisite", "prima",
	"process", "proficiency", "proficient", "proven", "pré", "préférence", "puntos", "påkrevd",
	"påkrævet", "qualifications", "qualified", "ran", "rart", "regarded", "require", "required",
	"requirement", "requirements", "requires", "requis", "requise", "requises", "resume", "runden",
	"rundet", "résumé", "scaled", "schön", "seeking", "shipped", "skilled", "solid", "souhaitable",
	"souhaitables", "souhaité", "souhaitée", "souhaitées", "souhaités", "stark", "start", "sterk",
	"strong", "styrka", "styrke", "stärke", "suchen", "sucht", "super", "söker", "søger", "søker",
	"tienes", "tillgång", "toll", "track", "uddannelse", "uddannelsesniveau", "umgang",
	"understanding", "used", "useful", "utbildning", "utbildningsnivå", "utdannelse", "utdanning",
	"utdanningsnivå", "valora", "valorable", "valorada", "valoradas", "valorado", "valorados",
	"valoran", "valorará", "valorarán", "valorisé", "valorisée", "valorisées", "valorisés",
	"valuable", "value", "valued", "van", "vana", "vant", "velkommen", "vereiste", "verfügen",
	"verfügst", "versed", "versiert", "verständnis", "vertraut", "vi", "viden", "voordeel",
	"voorkeur", "vorausgesetzt", "voraussetzung", "vorteil", "vorteilhaft", "vorzugsweise",
	"välkommen", "värdefull", "värdefullt", "we", "welcome", "wens", "wenselijk", "werkniveau",
	"willkommen", "wir", "wonderful", "worked", "written", "wrote", "wünschenswert", "year", "years",
	"you", "yrs", "znajomość", "är", "étude", "études", "önskad", "önskade", "önskas", "önskemål",
	"önskvärd", "önskvärt", "ønskelig", "ønskeligt", "ønskes", "ønsket", "ønskværdig", "ønskværdige",
	"ønskværdigt",
}

// ruleBits is a filter of ruleWords by keyHash (65,536 bits: about 1% of
// other words get through).
var ruleBits = func() *[1 << 16 / 8]uint8 {
	b := new([1 << 16 / 8]uint8)
	for _, w := range ruleWords {
		h := keyHash(w)
		b[h>>3] |= 1 << (h & 7)
	}
	return b
}()

// ruleWord says whether the word at token i (a word of the block) may be
// one a word rule reacts to; false means that every one of them says no.
// It is keyHash written out for a word (never empty), so that it inlines.
func (c *classifier) ruleWord(i int) bool {
	t := &c.toks[i]
	w := c.lower[t.start:t.end]
	h := (uint32(len(w)) | uint32(w[0])<<8 | uint32(w[len(w)/2])<<16 | uint32(w[len(w)-1])<<24) * 0x9e3779b1
	return w[0] >= 0x80 || ruleBits[h>>19]&(1<<(h>>16&7)) != 0
}
