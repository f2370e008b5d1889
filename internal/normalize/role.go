package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Role families, the vocabulary of the "role" field.
const (
	RoleResearchScientist  = "Research Scientist"
	RoleResearchEngineer   = "Research Engineer"
	RoleMLEngineer         = "Machine Learning Engineer"
	RoleSoftwareEngineer   = "Software Engineer"
	RoleDataEngineer       = "Data Engineer"
	RoleDataScientist      = "Data Scientist"
	RoleAnalyticsEngineer  = "Analytics Engineer"
	RoleDataAnalyst        = "Data Analyst"
	RoleEngineeringManager = "Engineering Manager"
	RoleDataScienceManager = "Data Science Manager"
	RoleProductManager     = "Product Manager"
	RoleProgramManager     = "Program Manager"
	RoleDesigner           = "Designer"
	RoleUXResearcher       = "UX Researcher"
	RoleSRE                = "Site Reliability Engineer"
	RoleSecurityEngineer   = "Security Engineer"
	RoleOther              = "Other"
)

// roleRule maps phrases (whole words, in the title's main part) to a role.
type roleRule struct {
	role    string
	phrases []string
}

// icRules are tried in order on the part of the title that names the job.
// Titles in other languages name the same jobs with their own nouns
// ("Produkteier", "chef de projet", "ingénieur logiciel", "Datenanalyst");
// compound nouns ("Javautvikler", "Frontend-Entwickler") are read by
// compoundRole.
var icRules = []roleRule{
	{RoleProductManager, []string{"product manager", "product management", "product lead", "product owner",
		"produkteier", "produktleder", "produktansvarlig", "produktägare", "produktchef", "produktsjef", "produktmanager",
		"produktmanagerin", "produktverantwortlicher", "chef de produit", "cheffe de produit", "gestionnaire de produit",
		"gestionnaire de produits", "responsable produit", "responsable de produit", "gerente de producto",
		"product manager/owner", "product owner/manager", "produktejer", "produktansvarig", "produktverantwortliche",
		"produktverantwortlicher", "produktägare", "produktleiar", "produkteigar",
		"jefe de producto", "jefa de producto", "gestor de producto", "gestora de producto",
		// the English noun written as one word or with a hyphen, as Dutch
		// and German titles do ("Productmanager", "Product-Manager")
		"productmanager", "product-manager", "productowner", "product-owner"}},
	{RoleProgramManager, []string{"program manager", "programme manager", "tpm", "project manager", "program management",
		"project management", "projektleiter", "projektleiterin", "projektleder", "prosjektleder", "projektledare",
		"projektmanager", "projektmanagerin", "chef de projet", "cheffe de projet", "gestionnaire de projet",
		"gestionnaire de projets", "jefe de proyecto", "jefa de proyecto", "gerente de proyecto", "delivery manager",
		// managers of an IT transition or integration project ("IT
		// Transition und Integration Manager (m/w/d)")
		"transition manager", "integration manager",
		"prosjektleiar", "projektchef", "prosjektsjef", "programleder", "programledare", "programmleiter",
		"programmleiterin", "cheffe de projets", "chef de projets", "responsable de projet", "项目管理",
		// German titles name the function ("Projektleitung (m/w/d)"), Dutch
		// writes one word, and the leader forms of English and Chinese
		"projektleitung", "projektmanagement", "programmmanagement", "programmmanager", "programmmanagerin", "projectleider", "projectmanager", "project lead", "project leader",
		"programme lead", "program lead", "项目经理", "gerente de projeto", "gerente de projetos",
		"responsabile di progetto", "kierownik projektu",
		// Spanish and Portuguese managers of projects ("Gestor de proyectos")
		"gestor de proyectos", "gestora de proyectos", "gestor de proyecto", "gestora de proyecto",
		"gerente de proyectos", "jefe de proyectos", "jefa de proyectos", "gestor de projetos", "gestora de projetos"}},
	{RoleResearchScientist, []string{"research scientist", "applied scientist", "applied research scientist",
		"machine learning scientist", "ml scientist", "ai scientist", "research science", "research scientists",
		"quantitative researcher", "quant researcher"}},
	{RoleDataScientist, []string{"data scientist", "data science", "data scientists", "dataforsker", "datavetare", "datenwissenschaftler",
		"scientifique des données", "científico de datos", "científica de datos", "データサイエンティスト",
		"cientista de dados", "data-scientist"}},
	{RoleUXResearcher, []string{"ux researcher", "user researcher", "user experience researcher", "design researcher", "ux research", "user research",
		"ux-researcher", "ux-forsker", "brukerforsker", "chercheur ux", "chercheuse ux", "chercheur en expérience utilisateur",
		"chercheuse en expérience utilisateur", "recherche utilisateur", "recherche ux", "investigador ux", "investigadora ux",
		"ux-forscher", "ux forscher", "用户研究", "ux-forskare", "ux-forscherin",
		// the tester, analyst or specialist of usability (session 34,
		// round s34b's "Usability Tester")
		"usability tester", "usability analyst", "usability specialist", "usability researcher", "usability engineer"}},
	{RoleResearchEngineer, []string{"research engineer", "research engineering", "forskningsingeniør", "forskningsingenjör",
		"forschungsingenieur", "forschungsingenieurin", "ingénieur de recherche", "ingénieure de recherche",
		"ingeniero de investigación", "ingeniera de investigación"}},
	{RoleAnalyticsEngineer, []string{"analytics engineer", "analytics engineering", "data visualization engineer",
		"visualization engineer", "bi engineer", "business intelligence engineer", "bi developer", "bi-entwickler",
		"bi-entwicklerin", "bi-utvecklare", "bi-utvikler", "bi-udvikler", "développeur bi", "développeuse bi",
		"desarrollador bi", "desarrolladora bi", "business intelligence developer"}},
	{RoleDataEngineer, []string{"data engineer", "data engineering", "dataops engineer", "dataops", "big data engineer", "etl engineer", "data platform engineer", "data infrastructure engineer",
		"data developer", "database developer", "etl developer", "développeur de données", "développeuse de données",
		// the architect, engineer or developer of a data warehouse
		// (session 34, round s34b's "Data Warehouse Architect")
		"data warehouse architect", "data warehouse engineer", "data warehouse developer", "data warehousing engineer",
		"dateningenieur", "data-engineer", "dataingeniør", "dataingenjör", "ingénieur de données", "ingénieure de données",
		"ingénieur données", "ingénieur data", "ingénieure data", "ingeniero de datos", "ingeniera de datos", "data architect",
		"engenheiro de dados", "engenheira de dados", "inżynier danych",
		// the data architect, as "data architect"
		"dataarkitekt", "datenarchitekt", "datenarchitektin", "architecte de données", "architecte data",
		"arquitecto de datos", "arquitecta de datos",
		"データエンジニア"}},
	{RoleMLEngineer, []string{"machine learning engineer", "ml engineer", "mle", "machine learning software engineer",
		"ml software engineer", "machine learning infrastructure engineer", "ml infrastructure engineer",
		"ai engineer", "ai/ml engineer", "ml/ai engineer", "deep learning engineer", "machine learning engineering",
		// AI as German, French and Nordic titles write it ("KI-Entwickler")
		"ki-entwickler", "ki-entwicklerin", "ki-engineer", "ki-ingenieur", "ki-ingenieurin", "ai developer",
		"ai-entwickler", "ingénieur ia", "ingénieure ia", "ingénieur en ia", "ai-utvikler", "ai-utvecklare",
		"ml engineering", "machine learning platform engineer", "ml platform engineer", "ai/ml software engineer",
		"ai software engineer", "applied ml engineer", "applied machine learning engineer", "ml ops engineer", "mlops engineer",
		"computer vision engineer", "nlp engineer", "llm engineer",
		// generative AI and the operation of language models
		"genai engineer", "gen ai engineer", "generative ai engineer", "llmops engineer", "llm ops engineer",
		// the engineer of machine learning in the title's own language
		// ("Machine Learning Ingenieur", "Ingénieur en apprentissage automatique")
		"machine learning ingenieur", "machine learning ingenieurin", "machine-learning-ingenieur",
		"ingénieur machine learning", "ingénieure machine learning", "ingénieur en machine learning",
		"ingénieure en machine learning", "ingénieur en apprentissage automatique",
		"ingénieure en apprentissage automatique", "ingeniero de machine learning", "ingeniera de machine learning",
		"ingeniero de aprendizaje automático", "ingeniera de aprendizaje automático", "maskininlärningsingenjör",
		"ml-ingenieur", "ml-ingenjör", "ml-ingeniør", "ingegnere machine learning"}},
	// specific software titles that hold an SRE, security or science phrase
	{RoleSoftwareEngineer, []string{"research software engineer", "software scientist", "research software developer", "distributed systems engineer", "embedded systems engineer", "infrastructure software engineer",
		"backend developer", "back-end developer", "back end developer"}},
	{RoleSecurityEngineer, []string{"security engineer", "security engineering", "application security", "security researcher",
		"security operations engineer", "detection engineer", "threat hunter", "threat intelligence", "incident response engineer",
		"product security", "offensive security", "penetration tester", "pentester", "cybersecurity engineer",
		"cyber security engineer", "security architect", "infosec engineer",
		"sikkerhetsingeniør", "sikkerhetsarkitekt", "ingénieur sécurité", "ingénieure sécurité",
		"ingénieur en sécurité", "ingeniero de seguridad", "安全工程师",
		"security champion", "security administrator", "security admin",
		// testers of defences and analysts of a security operations centre
		"penetrationstester", "penetrationstesterin", "penetration testing", "soc engineer",
		// (advisers, specialists, experts and officers of security,
		// "informasjonssikkerhetsrådgiver", "IT-Sicherheitsbeauftragter",
		// are no engineers: securityNonEngineer)
		// cybersecurity engineers and SOC analysts of Romance-language titles
		"ingeniero de ciberseguridad", "ingeniera de ciberseguridad", "ingeniero en ciberseguridad",
		"ingeniera en ciberseguridad", "ingénieur cybersécurité",
		"ingénieure cybersécurité", "ingénieur en cybersécurité", "ingénieure en cybersécurité",
		"ingegnere della sicurezza"}},
	{RoleSRE, []string{"site reliability", "sre", "reliability engineer", "infrastructure engineer", "production engineer",
		"infrastructure / production engineer", "infrastructure and production engineer", "devops engineer", "devops",
		"dev ops engineer", "devsecops engineer", "cloud engineer", "cloud infrastructure engineer", "systems engineer",
		"system engineer", "systems administrator", "system administrator", "sysadmin", "systemadministrator",
		"administrateur système", "administrateur systèmes", "administratrice système", "operations engineer",
		"platform reliability", "observability engineer", "infrastructure developer", "driftsingeniør", "运维",
		"développeur d infrastructure", "développeuse d infrastructure", "développeur d'infrastructure",
		"développeuse d'infrastructure", "ingénieur infrastructure", "ingénieure infrastructure",
		"ingénieur d infrastructure", "ingénieure d infrastructure", "driftstekniker", "drifttekniker",
		// administrators of systems and cloud engineers in other languages
		// ("Systemadministratör", "Administrador de sistemas", "Ingénieur cloud")
		"systemadministratör", "systemadministratorin", "systemadministratoren", "administrador de sistemas",
		"administradora de sistemas", "amministratore di sistema", "amministratore di sistemi", "systeembeheerder",
		"ingénieur cloud", "ingénieure cloud", "ingeniero cloud", "ingeniera cloud", "ingeniero de cloud",
		"ingeniera de cloud",
		// administrators of infrastructure, networks, servers and clouds,
		// as a systems administrator ("Infrastructure Administrator",
		// "Netzwerkadministrator"); not of a database or an application
		"infrastructure administrator", "infrastructure admin", "network administrator", "network admin",
		"server administrator", "cloud administrator", "it administrator", "it-administrator",
		"infrastrukturadministrator", "it-infrastrukturadministrator", "netzwerkadministrator",
		"serveradministrator", "it-systemadministrator"}},
	{RoleDesigner, []string{"designer", "designers", "design", "ux", "ui/ux", "ux/ui", "designerin", "diseñador", "diseñadora",
		"concepteur", "conceptrice", "gestalter", "gestalterin", "デザイナー", "设计师"}},
	{RoleDataAnalyst, []string{"data analyst", "analytics analyst", "business analyst", "insights analyst",
		"product analyst", "bi analyst", "business intelligence analyst", "reporting analyst", "marketing analyst", "analytics",
		"dataanalytiker", "datenanalyst", "datenanalystin", "analyste de données", "analista de datos", "data analytics",
		// French titles that borrow the English noun ("Data analyste",
		// "Analyste data")
		"data analyste", "analyste data", "analyste données",
		"analista de dados", "data-analist", "data analist", "analityk danych",
		// Italian ("Analista dati", "Analista di dati")
		"analista dati", "analista di dati", "analista dei dati",
		"bi-analyst", "bi-analytiker", "bi-analystin", "analyste bi", "analista bi",
		// business analysts, as "business analyst"
		"affärsanalytiker", "forretningsanalytiker", "forretningsanalytikar", "analyste métier", "analyste d'affaires",
		"analista de negocio", "analista de negocios",
		"数据分析"}},
	{RoleSoftwareEngineer, []string{"software engineer", "software developer", "software engineering", "developer",
		"swe", "programmer", "backend engineer", "frontend engineer", "front end engineer", "back end engineer",
		"full stack", "fullstack", "full-stack", "platform engineer", "infrastructure engineer",
		"mobile engineer", "ios engineer", "android engineer", "web engineer",
		"tools engineer", "build engineer", "test engineer", "qa engineer",
		// testers of software ("Tester (m/w/d) mit SCTM und Aqua KnowHow",
		// "Testautomatisierer (m/w/d) Fokus Selenium")
		"tester", "testerin", "software tester", "qa tester", "qa analyst", "test analyst", "testautomatisierer",
		"testautomatisiererin", "test automation", "testautomatisierung", "softwaretester", "softwaretesterin",
		"testare", "testautomatiserer", "testingenieur", "testingenieurin",
		"automation engineer", "ui engineer", "encoding engineer", "streaming engineer", "developer productivity",
		"softwareentwickler", "softwareentwicklerin", "entwickler", "entwicklerin", "développeur", "développeuse",
		"desarrollador", "desarrolladora", "sviluppatore", "sviluppatrice", "ontwikkelaar", "utvikler", "plattformutvikler",
		// Catalan ("Còdec busca desenvolupadora")
		"desenvolupador", "desenvolupadora",
		"systemutvikler", "programador", "programadora", "programista", "utvecklare", "udvikler", "developers",
		"software architect", "softwarearchitekt", "lead developer",
		// the software architect in French, Spanish and Nordic titles
		"architecte logiciel", "architecte de logiciel", "arquitecto de software", "arquitecta de software",
		"softwarearkitekt", "mjukvaruarkitekt", "programvarearkitekt", "member of technical staff",
		"programmør", "programmerare", "programmeringsingeniør", "programvareingeniør", "mjukvaruingenjör",
		"sdet", "sde", "coder", "hacker", "programmierer", "programmiererin", "programmeur", "programmeuse", "informatiker",
		"ingénieur logiciel", "ingénieure logiciel", "ingénieur développement", "ingénieure développement",
		"ingénieur d'études", "ingénieure d'études", "ingénieur développeur", "ingeniero de software", "ingeniera de software",
		"ingegnere software", "ingegnere del software", "softwareingenieur", "software ingenieur", "softwareingeniør",
		"web developer", "frontend", "front-end", "backend", "back-end", "firmware engineer", "embedded software engineer",
		"game developer", "gameplay programmer", "エンジニア", "desenvolvedor", "desenvolvedora",
		"engenheiro de software", "engenheira de software", "inżynier oprogramowania", "softwareontwikkelaar",
		// fields that name the job of an intern or a working student
		// ("Werkstudent Softwareentwicklung", "Stage développement logiciel")
		"softwareentwicklung", "anwendungsentwicklung", "webentwicklung", "systemutvikling", "programvareutvikling",
		"systemutveckling", "mjukvaruutveckling", "softwareudvikling", "systemudvikling", "webudvikling",
		"programvareudvikling", "développement logiciel", "développement web", "desarrollo de software",
		"sviluppo software", "software development", "web development", "softwareontwikkeling", "プログラマー", "プログラマ"}},
	{RoleResearchScientist, []string{"scientist", "researcher", "forsker", "forskare", "wissenschaftler", "wissenschaftlerin",
		"professor", "assistant professor", "associate professor", "professorin", "professeur", "professeure",
		"chercheur", "chercheuse", "investigador", "investigadora", "ricercatore", "ricercatrice", "onderzoeker",
		"postdoc", "postdoctoral", "research fellow", "phd", "ph d", "phd student", "phd position", "phd candidate",
		"doktorand", "doktorandin", "doktorander", "stipendiat", "ph d stipendiat", "phd stipendiat",
		"doktorgradsstipendiat", "postdoktor", "postdoktorstipendiat", "ph d studerende", "phd studerende",
		"doctorant", "doctorante", "doctorat", "førsteamanuensis", "universitetslektor", "postdoktorand", "wissenschaftliche mitarbeiterin", "wissenschaftlicher mitarbeiter"}},
}

// compoundSuffixes end compound job nouns of Germanic languages
// ("Javautvikler", "Frontendentwickler", "Systemutvecklare",
// "Dataingeniør"); a "data"/"daten" head makes the compound a data role.
var compoundSuffixes = []struct {
	suffix, role, data string
}{
	{"utvikler", RoleSoftwareEngineer, RoleDataEngineer}, {"utvecklare", RoleSoftwareEngineer, RoleDataEngineer},
	{"udvikler", RoleSoftwareEngineer, RoleDataEngineer}, {"entwickler", RoleSoftwareEngineer, RoleDataEngineer},
	{"entwicklerin", RoleSoftwareEngineer, RoleDataEngineer}, {"ontwikkelaar", RoleSoftwareEngineer, RoleDataEngineer},
	{"ingeniør", RoleSoftwareEngineer, RoleDataEngineer}, {"ingenjör", RoleSoftwareEngineer, RoleDataEngineer},
	{"ingenieur", RoleSoftwareEngineer, RoleDataEngineer}, {"programmierer", RoleSoftwareEngineer, RoleSoftwareEngineer},
	{"analytiker", "", RoleDataAnalyst}, {"analyst", "", RoleDataAnalyst}, {"analist", "", RoleDataAnalyst},
	{"designer", RoleDesigner, RoleDesigner},
	// the field of a designer ("Fagleder Tjenestedesign", "Interaktionsdesign")
	{"design", RoleDesigner, RoleDesigner},
}

// securityHeads and securityNouns make a compound noun of Danish, German,
// Norwegian or Swedish a security job: "Säkerhetsguru",
// "IT-sikkerhetsarkitekt", "Sikkerhetsingeniør" (not a guard:
// "Sikkerhetsvakt"). An adviser, specialist, expert or analyst of security
// ("Informasjonssikkerhetsrådgiver", "IT-säkerhetsspecialist",
// "Informationssicherheitsberater") is no engineer: Other, as in English
// (PROTOCOL.md, security titles).
var (
	securityHeads = []string{"säkerhets", "sikkerhets", "sikkerheds", "sicherheits", "cybersäkerhets",
		"cybersikkerhets", "cybersikkerheds", "informationssäkerhets", "informasjonssikkerhets",
		"informationssikkerheds", "informationssicherheits", "it-säkerhets", "it-sikkerhets", "it-sikkerheds",
		"it-sicherheits", "datasikkerhets", "cyber-security-", "cybersecurity"}
	securityNouns = []string{"guru", "arkitekt", "architekt", "architektin",
		"ingeniør", "ingenjör", "ingenieur", "ingenieurin", "engineer", "tekniker"}
)

func securityCompound(m string) bool {
	for _, w := range strings.Fields(m) {
		for _, h := range securityHeads {
			rest, ok := strings.CutPrefix(w, h)
			if !ok {
				if i := strings.Index(w, h); i > 0 && strings.HasSuffix(w[:i], "-") {
					rest, ok = w[i+len(h):], true // "IT-Sicherheits-..." written with more hyphens
				}
			}
			if !ok {
				continue
			}
			rest = strings.Trim(rest, "-")
			for _, n := range securityNouns {
				if rest == n {
					return true
				}
			}
		}
	}
	return false
}

// compoundRole returns the role a compound job noun in part m names, or "".
func compoundRole(m string) string {
	for _, w := range strings.Fields(m) {
		w = strings.Trim(w, "-/")
		for _, c := range compoundSuffixes {
			head, ok := strings.CutSuffix(w, c.suffix)
			if !ok || head == "" {
				continue
			}
			hyphen := strings.HasSuffix(head, "-")
			head = strings.Trim(head, "-")
			switch {
			case hyphen && engineerSuffix[c.suffix] && utf8.RuneCountInString(head) <= 3 && !softwareAcronyms[head]:
				// "MT-ingenjör", "VVS-ingeniør", "EL-Ingenieur": a short
				// head before a hyphen is an acronym of the engineer's
				// field, and an engineer of another field than software
				// ("IT-ingeniør", "ML-ingenjör" are software's)
				return RoleOther
			case head == "data" || head == "daten" || strings.HasPrefix(head, "datenbank") || head == "database" ||
				strings.HasPrefix(head, "dataplattform") || strings.HasPrefix(head, "datavarehus"):
				if c.data != "" {
					return c.data
				}
			case nonSoftwareHead[head]:
				return RoleOther
			case c.role != "":
				return c.role
			}
		}
	}
	return ""
}

// engineerSuffix are the compound suffixes that name an engineer, and
// softwareAcronyms the acronyms of software fields that head one
// ("IT-ingeniør", "IKT-ingeniør", "ML-ingenjör", "QA-Ingenieur").
var (
	engineerSuffix   = map[string]bool{"ingeniør": true, "ingenjör": true, "ingenieur": true}
	softwareAcronyms = map[string]bool{"it": true, "ikt": true, "ict": true, "edb": true, "ml": true, "ai": true,
		"ki": true, "bi": true, "qa": true, "ux": true, "ui": true, "sw": true, "sre": true, "api": true, "iot": true,
		"db": true, "web": true, "app": true, "ios": true, "net": true, "php": true, "go": true}
)

// nonSoftwareHead are heads of compound engineer nouns that are not
// software jobs ("Maschinenbauingenieur", "Elektroingeniør").
var nonSoftwareHead = map[string]bool{
	"maschinenbau": true, "elektro": true, "bau": true, "vertriebs": true, "service": true, "hardware": true,
	"prozess": true, "qualitäts": true, "salgs": true, "bygg": true, "maskin": true, "el": true, "kemi": true,
	"forretnings": true, "affärs": true, "organisasjons": true, "organisations": true, "business": true,
	"personal": true, "geschäfts": true, "virksomheds": true, "forretningsutvikler": true,
	// engineers of building, plants, production and quality; developers
	// of property, places, people and business
	"prosjekt": true, "projekt": true, "kvalitets": true, "kvalitet": true, "automasjons": true, "automations": true,
	"automatiserings": true, "automatisierungs": true, "produksjons": true, "produktions": true, "konstruksjons": true,
	"konstruktions": true, "prosess": true, "process": true, "miljø": true, "miljö": true, "vvs": true, "energi": true,
	"elkraft": true, "kraft": true, "bygge": true, "anlegg": true, "anlægs": true, "vei": true, "veg": true,
	"geo": true, "rør": true, "hms": true, "brann": true, "akustikk": true, "akustik": true, "material": true,
	"marin": true, "skips": true, "offshore": true, "elektronikk": true, "elektronik": true, "vedlikeholds": true,
	"underhålls": true, "planleggings": true, "beregnings": true, "installasjons": true, "installations": true,
	"instrument": true, "mekatronik": true, "fordons": true, "jernbane": true, "nett": true, "nettverks": true, "netværks": true,
	"nätverks": true, "netzwerk": true, "logistikk": true, "logistik": true, "innkjøps": true, "inköps": true,
	"eiendoms": true, "fastighets": true, "ejendoms": true, "by": true, "steds": true, "kompetanse": true,
	"kompetens": true, "kompetence": true, "markeds": true, "hr": true, "konsept": true, "koncept": true,
	"verksamhets": true, "virksomhets": true, "samfunns": true, "nærings": true, "reiselivs": true, "leder": true,
}

// nonSoftwareDeveloper are titles with "developer" that are not software
// jobs.
var nonSoftwareDeveloper = []string{"community developer", "business developer", "developer advocate",
	"developer relations", "developer evangelist", "content developer", "curriculum developer", "course developer",
	"learning developer", "instructional developer", "talent developer", "property developer", "real estate developer",
	"sales developer", "organizational developer", "organisational developer", "market developer", "business development"}

// engineeringWords make a people manager an engineering manager.
var engineeringWords = []string{"engineering", "engineer", "engineers", "software", "platform", "platforms", "technical",
	"android", "ios", "mobile", "backend", "frontend",
	"infrastructure", "machine learning", "ml", "systems", "data engineering", "ai", "devops", "sre",
	"reliability", "architecture", "technology", "tools", "developer", "softwareentwicklung", "entwicklung",
	"anwendungsentwicklung", "utvikling", "systemutvikling", "utveckling", "développement", "desarrollo", "sviluppo",
	"informatique", "technik", "it", "tech", "ingénierie", "ingeniería", "développement logiciel", "logiciel",
	"udvikling", "softwareudvikling", "systemudvikling", "softwareutveckling", "systemutveckling", "programvareutvikling",
	"it-udvikling", "it-utvikling", "technique", "technologie", "technologies", "teknologi",
	// technical security teams ("Director Application Security")
	"application security", "product security", "security engineering", "cloud security", "offensive security",
	"infrastructure security"}

var dataScienceWords = []string{"data science", "data scientists", "analytics", "insights", "data and insights",
	"research", "experimentation", "statistics", "science"}

// softwareWords keep a title with a non-software word a software job
// ("Hardware Software Engineer", "Embedded Software Engineer").
var softwareWords = []string{"software", "developer", "programmer", "full stack", "backend", "frontend", "web"}

var nonSoftwareEngineer = []string{"audio", "sound", "hardware", "mechanical", "electrical", "facilities",
	"nvh", "vibration", "acoustic", "acoustics", "mechatronics", "automotive", "powertrain",
	"sales", "support engineer", "solutions engineer", "solution engineer", "field", "broadcast", "recording", "mixing", "mastering", "rf",
	"account engineer", "policy engineer", "civil", "chemical", "process engineer", "manufacturing",
	"customer engineer", "customer success engineer", "implementation engineer", "presales", "pre-sales",
	"technical support engineer", "network engineer", "soc", "asic", "fpga", "rtl", "vlsi", "silicon", "analog",
	"pcb", "chip", "optical", "photonics", "thermal", "verification engineer", "validation engineer", "design verification",
	// engineers of projects, plants, buildings and production
	"project engineer", "quality engineer", "construction", "structural", "building", "hvac", "maintenance",
	"commissioning", "service engineer", "piping", "plant", "packaging", "materials", "environmental",
	"geotechnical", "marine", "wind", "turbine", "energy", "power systems", "power electronics", "substation", "instrumentation",
	"qualification engineer", "calibration", "welding", "utility", "utilities",
	// medical technology ("Medicinteknisk ingenjör", "Biomedical Engineer")
	"biomedical", "medical device", "medical devices", "medical technology", "clinical engineer", "medicinteknisk",
	"medicintekniska", "medisinteknisk", "medisinsk-teknisk", "biomedicinsk", "biomedisinsk", "medizintechnik",
	// the field of a Nordic or German engineer named as a word of its own
	// ("Ingeniør bygg", "Ingeniør – elektro", "Ingenieur Versorgungstechnik")
	"bygg", "byg", "elektro", "elkraft", "maskin", "kjemi", "kemi", "automasjon", "automatisering", "vvs",
	"anlegg", "anlæg", "konstruksjon", "konstruktion", "prosess", "produksjon", "produktion", "bau",
	"elektrotechnik", "maschinenbau", "verfahrenstechnik", "versorgungstechnik", "hochbau", "tiefbau"}

// abbreviatedRole is the role a later part of the title names by its
// abbreviation alone beside a platform or infrastructure engineer ("Staff
// Platform Engineer | SRE", "Platform Engineer (SRE)"): the abbreviation
// says which of the two the job is.
func abbreviatedRole(parts []string) string {
	if len(parts) < 2 {
		return ""
	}
	m := " " + parts[0] + " "
	if !hasWord(m, "platform engineer") && !hasWord(m, "infrastructure engineer") {
		return ""
	}
	for _, p := range parts[1:] {
		switch strings.TrimSpace(p) {
		case "sre", "site reliability", "site reliability engineer", "site reliability engineering":
			return RoleSRE
		}
	}
	return ""
}

// Role returns the role family of a title: Research Scientist, Research
// Engineer, Machine Learning Engineer, Software Engineer, Data Engineer, Data
// Scientist, Analytics Engineer, Data Analyst, Engineering Manager, Data
// Science Manager, Product Manager, Program Manager, Designer, UX Researcher,
// Site Reliability Engineer, Security Engineer, or Other.
func Role(title string) string {
	if r := cjkRole(title); r != "" {
		if r == RoleSoftwareEngineer {
			// "SRE 工程师": the Latin words may name the job more closely
			// than the generic Chinese engineer noun
			if l := latinRole(title); l != "" && l != RoleOther {
				return l
			}
		}
		return r
	}
	parts := titleParts(title)
	if len(parts) == 0 {
		return RoleOther
	}
	all := " " + strings.Join(parts, " ") + " "
	if hasWord(all, "engineering manager") || hasWord(all, "engineering managers") {
		return RoleEngineeringManager
	}
	if r := abbreviatedRole(parts); r != "" {
		return r
	}
	main := parts[0]
	for _, p := range parts {
		if hasRoleNoun(p) {
			main = p
			break
		}
	}
	m := " " + main + " "
	if academic(m) {
		return RoleResearchScientist // "Associate Professor in Data Science"
	}
	if r := fieldAfterEngineer(main, parts); r != "" {
		return r
	}
	if hasWord(m, "chief") && hasWord(m, "officer") || solutionDesigner(m) {
		// "Chief Technology Officer", "Chief Design Officer": an
		// executive of the company, not the manager of one function;
		// "Solution Designer Abrechnung": a designer of business
		// systems, as a solution architect
		return RoleOther
	}
	if engineeringChief(m) {
		return RoleEngineeringManager
	}
	if hasWord(m, "chief") && (hasWord(m, "officer") || hasWord(m, "officers")) {
		// "Chief Technology Officer", "Chief Design Officer": an
		// executive, as "CTO" is, not the manager of a team
		return RoleOther
	}
	if peopleManager(m) {
		switch {
		case hasAny(m, []string{"product manager", "program manager", "project manager", "product management", "tpm"}),
			hasAny(m, icRules[0].phrases), hasAny(m, icRules[1].phrases):
		case hasAny(all, []string{"project management", "program management", "programme management", "projects", "programs"}):
			return RoleProgramManager
		case hasAny(all, []string{"product management", "product"}) && !hasAny(all, []string{"product marketing", "product design", "product security"}):
			return RoleProductManager
		case hasAny(all, dataScienceWords) && !hasAny(all, []string{"data engineering", "engineering"}):
			return RoleDataScienceManager
		case securityManager(all):
			return RoleOther
		case hasAny(all, engineeringWords):
			return RoleEngineeringManager
		default:
			return RoleOther
		}
	}
	if r := icRole(m, all); r != "" {
		return r
	}
	// The main part says nothing more ("Tech Lead, Data Engineering"): the
	// whole title may.
	if !hasRoleNoun(main) || hasAny(m, []string{"lead", "intern", "internship", "head"}) {
		if r := icRole(all, all); r != "" {
			return r
		}
	}
	// Another part that names a job ("Salesforce Consultant: Enterprise
	// Project Manager").
	for _, p := range parts {
		if p != main && hasRoleNoun(p) && !peopleManager(" "+p+" ") {
			if r := icRole(" "+p+" ", all); r != "" {
				return r
			}
		}
	}
	// A specialist or expert of a programming language, framework or
	// graphics library is a software engineer ("Full/part-time Web
	// GL/Three.JS specialist", "React Specialist", "Java Experte"); one
	// of security is a security specialist ("Java Security Specialist"),
	// no protocol role.
	if hasAny(all, []string{"specialist", "spezialist", "spezialistin", "expert", "experte", "expertin"}) &&
		hasAny(all, programmingWords) && !hasAny(all, []string{"security", "sicherheit", "sécurité", "seguridad"}) {
		return RoleSoftwareEngineer
	}
	// "Dev" as a word is the developer when nothing else names the job
	// ("FirstSpirit Senior Dev/Tech Architekt", "Lead Dev"), not in
	// "Business Dev Representative".
	for _, p := range parts {
		if q := " " + p + " "; (hasWord(q, "dev") || hasWord(q, "devs")) && !hasWord(q, "business") {
			return RoleSoftwareEngineer
		}
	}
	// "Tech Lead" names the software job when nothing else does.
	if hasAny(all, []string{"tech lead", "technical lead", "tech-lead", "techlead"}) {
		return RoleSoftwareEngineer
	}
	return RoleOther
}

// securityManager says whether a manager's title names security as its
// field and no engineering team ("IT Security & Compliance Manager",
// "Director of Information Security"): a manager of security is Other
// unless the title names an engineering team ("Director Application
// Security", "Product Security Engineering Manager"; PROTOCOL.md, security
// titles). The generic words of IT and technology beside security name
// the field, not a team of engineers.
func securityManager(all string) bool {
	if !hasAny(all, []string{"security", "cybersecurity", "cyber", "infosec", "sicherheit", "informationssicherheit",
		"it-sicherheit", "sécurité", "seguridad", "sikkerhet", "säkerhet", "sikkerhed"}) {
		return false
	}
	for _, w := range engineeringWords {
		switch w {
		case "it", "tech", "technology", "technologies", "technique", "technologie", "teknologi", "technik",
			"informatique", "systems":
			continue
		}
		if hasWord(all, w) {
			return false
		}
	}
	return true
}

// programmingWords name programming languages, frameworks and graphics
// libraries in titles ("three js": titleParts writes "Three.JS" so).
var programmingWords = []string{"react", "python", "java", "javascript", "typescript", "golang", "rust", "php",
	"ruby", "node js", "nodejs", "c++", "c#", ".net", "webgl", "web gl", "three js", "threejs", "angular",
	"vue", "flutter", "kotlin", "scala", "elixir", "django", "rails", "laravel", "spring boot"}

// academicNouns name university research posts: whatever their field,
// the job is research ("Tenure Track Assistant Professor in Software
// Engineering", "Postdoc in Machine Learning").
var academicNouns = []string{"professor", "assistant professor", "associate professor", "full professor",
	"professorin", "professeur", "professeure", "postdoc", "postdoctoral", "postdoktor", "postdoktorand",
	"phd student", "phd position", "phd candidate", "phd fellowship", "ph d student", "ph d fellowship", "doktorand",
	"doktorandin", "doctorant", "doctorante", "ph d stipendiat", "phd stipendiat", "ph d studerende", "phd studerende",
	"førsteamanuensis", "universitetslektor"}

func academic(m string) bool {
	return hasAny(m, academicNouns)
}

// fieldAfterEngineer reads titles that put the field after a bare
// engineer noun ("Engineer II, Data", "Senior Engineer - Machine
// Learning", "Staff Engineer, Security"): the field's engineer, when the
// role rules know one more specific than a software engineer.
func fieldAfterEngineer(main string, parts []string) string {
	var ws []string
	for _, w := range strings.Fields(main) {
		switch w {
		case "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", "senior", "sr", "staff", "principal", "lead",
			"junior", "jr", "mid", "associate", "distinguished":
			continue
		}
		ws = append(ws, w)
	}
	if len(ws) != 1 {
		return ""
	}
	switch ws[0] {
	case "engineer", "ingeniør", "ingenjör", "ingenieur", "ingenieurin", "ingénieur", "ingénieure", "ingeniero",
		"ingeniera":
	default:
		return ""
	}
	for _, p := range parts {
		if p == main || len(strings.Fields(p)) > 3 {
			continue
		}
		r := icRole(" "+p+" engineer ", " "+p+" engineer ")
		if r != "" && r != RoleSoftwareEngineer && r != RoleOther && r != RoleDesigner {
			return r
		}
		if r == RoleOther && hasAny(" "+p+" ", nonSoftwareEngineer) {
			return RoleOther // "Engineer, Power Electronics": an engineer of hardware
		}
	}
	return ""
}

// compoundEngineer reads compound engineer nouns of Danish, German,
// Norwegian and Swedish whose head is an English field or its
// translation ("Cloud-ingeniør", "DevOps-Ingenieur",
// "Maskinlæringsingeniør"): the English field's engineer.
func compoundEngineer(m string) string {
	for _, w := range strings.Fields(m) {
		for _, suf := range []string{"ingeniør", "ingenjör", "ingenieur", "ingenieurin"} {
			head, ok := strings.CutSuffix(w, suf)
			if !ok || head == "" {
				continue
			}
			head = strings.Trim(head, "-")
			if t, ok := engineerHeads[head]; ok {
				head = t
			}
			r := icRole(" "+head+" engineer ", " "+head+" engineer ")
			if r != "" && r != RoleSoftwareEngineer && r != RoleOther && r != RoleDesigner {
				return r
			}
		}
	}
	return ""
}

// engineerHeads translate the heads of compound engineer nouns.
var engineerHeads = map[string]string{
	"maskinlærings": "machine learning", "maskinlæring": "machine learning", "maskininlärnings": "machine learning",
	"maskinlærings-": "machine learning", "ki": "ai", "ai": "ai", "ml": "ml", "drifts": "operations",
	"sky": "cloud", "moln": "cloud", "plattforms": "platform", "pålitelighets": "reliability",
}

// icRole classifies an individual-contributor title part m (all is the
// whole title), or returns "".
func icRole(m, all string) string {
	if hasAny(m, nonSoftwareDeveloper) {
		return RoleOther
	}
	if hasWord(m, "physical") && hasWord(m, "security") {
		return RoleOther // "Lead Physical Security Engineer": guards and buildings
	}
	if securityLedEngineer(m) {
		return RoleSecurityEngineer
	}
	if adminOf(m, all) {
		return securityTopic(RoleSRE, all)
	}
	for _, r := range icRules {
		if hasAny(m, r.phrases) {
			if r.role == RoleDesigner && hasWord(m, "engineer") {
				continue // "Design Engineer", "UX Engineer": software
			}
			if r.role == RoleDesigner && developerFirst(m) {
				continue // "Drupal Web Developer / Designer": the first job noun
			}
			if r.role == RoleSRE {
				return securityTopic(r.role, all)
			}
			if r.role == RoleSoftwareEngineer && hasAny(m, nonSoftwareEngineer) && !hasAny(m, softwareWords) {
				return RoleOther // "NVH Test Engineer", "Hardware Test Engineer"
			}
			return r.role
		}
	}
	if securityCompound(m) {
		return RoleSecurityEngineer
	}
	if r := compoundEngineer(m); r != "" {
		return r
	}
	if r := compoundRole(m); r != "" {
		return r
	}
	if hasWord(m, "engineer") || hasWord(m, "engineers") || hasAny(m, []string{"ingénieur", "ingénieure", "ingeniero",
		"ingeniera", "ingegnere", "ingenieur", "ingenieurin", "ingeniør", "ingenjör", "engenheiro", "engenheira",
		"inżynier", "工程师"}) {
		if hasAny(m, nonSoftwareEngineer) {
			return RoleOther
		}
		return RoleSoftwareEngineer
	}
	if hasWord(m, "intern") || hasWord(m, "internship") {
		switch {
		case hasAny(all, []string{"machine learning", "ml", "ai"}):
			return RoleMLEngineer
		case hasAny(all, []string{"software", "engineering"}):
			return RoleSoftwareEngineer
		}
	}
	return ""
}

// securityWords name the field of a security job when they lead the
// engineer noun of a title part.
var securityWords = map[string]bool{"security": true, "cybersecurity": true, "cyber": true, "vulnerability": true,
	"appsec": true, "infosec": true, "secops": true, "sicherheit": true, "it-sicherheit": true, "cybersécurité": true,
	"sécurité": true, "ciberseguridad": true, "seguridad": true}

// engineerNouns are the engineer nouns a security word may lead.
var engineerNouns = map[string]bool{"engineer": true, "engineers": true, "ingenieur": true, "ingenieurin": true,
	"ingénieur": true, "ingénieure": true, "ingeniero": true, "ingeniera": true, "ingeniør": true, "ingenjör": true}

// securityLedEngineer says whether a title part names an engineer whose
// field words open with security, whatever follows it ("Security
// Automation Engineer", "Security & Compliance Engineer", "Security
// Infrastructure Engineer", "Vulnerability Management Engineer"): the
// field is security, the rest is its specialty; so is a technical lead
// ("Security Tech Lead"). A software engineer of
// security ("Security Software Engineer") and the engineers of other
// trades stay with the other rules.
func securityLedEngineer(m string) bool {
	w := strings.Fields(m)
	for i, x := range w {
		if !securityWords[x] {
			continue
		}
		for j := i + 1; j < len(w) && j <= i+4; j++ {
			// "Security Tech Lead": the technical lead is an engineer
			if engineerNouns[w[j]] || w[j] == "lead" && (w[j-1] == "tech" || w[j-1] == "technical") {
				if j == i+2 && w[i+1] == "software" && !hasAny(m, nonSoftwareEngineer) {
					// "Security Software Engineer II, Detection and
					// Response": an engineer whose field is security
					// (PROTOCOL.md, security titles); "Software
					// Engineer, Message Security" is a software engineer
					// of a security product (session 35)
					return true
				}
				return !hasAny(m, softwareWords) && !hasAny(m, nonSoftwareEngineer)
			}
		}
		return false
	}
	return false
}

// adminOf says whether a title part names the administrator of IT
// systems ("2 Senior Admin (Openshift/Kubernetes/GitHub/Argo/...)", "Linux
// Administrator"): an operations job.
func adminOf(m, all string) bool {
	if !hasWord(m, "admin") && !hasWord(m, "administrator") && !hasWord(m, "administratorin") {
		return false
	}
	return hasAny(all, []string{"linux", "unix", "kubernetes", "openshift", "k8s", "devops", "vmware",
		"windows server", "docker", "terraform", "ansible"})
}

// developerFirst says whether a software job noun comes before the
// designer noun in a title part ("Web Developer / Designer").
func developerFirst(m string) bool {
	d := strings.Index(m, "design")
	for _, n := range []string{"developer", "entwickler", "engineer", "programmer", "utvikler", "utvecklare"} {
		if i := strings.Index(m, n); i >= 0 && i < d {
			return true
		}
	}
	return false
}

// securityTopic makes an operations job whose title names a security
// topic a security job ("IT System Engineer - SIEM und Vulnerability
// Management").
func securityTopic(role, all string) string {
	if hasAny(all, []string{"siem", "vulnerability management", "vulnerability", "security operations", "soc analyst",
		"it security", "it-security", "cyber security", "cybersecurity", "it-sicherheit", "informationssicherheit",
		"incident response", "threat detection"}) {
		return RoleSecurityEngineer
	}
	return role
}

// titleParts lowers a title and splits it at the separators between its
// parts (",", " - ", "(", ")", "|", ":"), keeping "/" inside a part.
func titleParts(title string) []string {
	t := dropGenderEndings(dropInclusiveEndings(strings.ToLower(title)))
	t = titleReplacer.Replace(t)
	var parts []string
	for _, p := range strings.FieldsFunc(t, func(r rune) bool {
		return r == ',' || r == '(' || r == ')' || r == '|' || r == ':' || r == '[' || r == ']' || r == ';'
	}) {
		for _, q := range strings.Split(p, " - ") {
			q = dropPostposedLevels(normalizeWords(dropGluedDigits(q)))
			if q != "" {
				parts = append(parts, q)
			}
		}
	}
	return parts
}

// dropGluedDigits removes digits glued to the end of a word of four or
// more letters ("Projektledare2", "Utvecklare2": an ad's numbering), not
// those of codes and levels ("L5", "SDE2", "H2O").
func dropGluedDigits(t string) string {
	if strings.IndexFunc(t, unicode.IsDigit) < 0 {
		return t
	}
	rs := []rune(t)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if unicode.IsDigit(rs[i]) && i >= 4 {
			letters := 0
			for k := i - 1; k >= 0 && unicode.IsLetter(rs[k]); k-- {
				letters++
			}
			j := i
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
			if letters >= 4 && (j == len(rs) || !unicode.IsLetter(rs[j])) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// dropInclusiveEndings removes the endings of French inclusive writing
// ("développeur·euse principal·e" -> "développeur principal"): a middle dot
// and up to five letters before a space, a punctuation mark or the end.
func dropInclusiveEndings(t string) string {
	if !strings.ContainsAny(t, "·⋅") {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r == '·' || r == '⋅' {
			j, n := i+size, 0
			for j < len(t) && n <= 5 {
				c, sz := utf8.DecodeRuneInString(t[j:])
				if !unicode.IsLetter(c) {
					break
				}
				j += sz
				n++
			}
			if n > 0 && n <= 5 {
				i = j
				continue
			}
		}
		b.WriteString(t[i : i+size])
		i += size
	}
	return b.String()
}

// postposedLevels are level words that French (and Spanish, Italian) titles
// put after the noun: "développeur principal de données", "ingeniero senior
// de datos". They are dropped after the first word, so that the noun and
// its complement meet; Levels still reads them from the title.
var postposedLevels = map[string]bool{
	"principal": true, "principale": true, "senior": true, "sénior": true, "junior": true,
	"confirmé": true, "confirmée": true,
}

func dropPostposedLevels(q string) string {
	f := strings.Fields(q)
	if len(f) < 3 {
		return q
	}
	out := f[:1]
	for _, w := range f[1:] {
		if !postposedLevels[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

var titleReplacer = strings.NewReplacer("–", " - ", "—", " - ", "&", " and ", "’", "'", "·", " ", "⋅", " ", "•", " ")

// normalizeWords keeps letters, digits, "/" and "+" and single spaces.
func normalizeWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '/' || r == '+' || r > 127 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if r == '-' && b.Len() > 0 && !space {
			b.WriteByte('-')
			continue
		}
		space = true
	}
	return strings.Trim(b.String(), "-")
}

var roleNouns = []string{"engineer", "engineers", "scientist", "analyst", "manager", "director", "designer",
	"researcher", "architect", "developer", "lead", "head", "vp", "vice president", "intern", "programmer",
	"specialist", "spezialist", "spezialistin", "spesialist", "specialister", "designers", "partner", "recruiter", "coordinator", "president", "officer", "chief", "owner", "administrator",
	"associate", "consultant", "strategist", "producer", "writer", "counsel", "attorney", "mle", "swe", "sre", "tpm",
	"entwickler", "entwicklerin", "softwareentwickler", "développeur", "développeuse", "desarrollador", "utvikler",
	"plattformutvikler", "ontwikkelaar", "hunter", "produkteier", "produktleder", "prosjektleder", "projektleiter",
	"ingénieur", "ingénieure", "ingeniero", "ingeniera", "ingegnere", "ingenieur", "ingenieurin", "ingeniør", "ingenjör",
	"développeuse", "desarrolladora", "sviluppatore", "utvecklare", "udvikler", "programmierer", "programmeur",
	"desenvolupador", "desenvolupadora",
	"informatiker", "forsker", "forskare", "wissenschaftler", "chercheur", "chercheuse", "investigador", "ricercatore",
	"rådgiver", "konsulent", "arkitekt", "architekt", "architecte", "analytiker", "analyste", "analista", "gestionnaire",
	"leiter", "leiterin", "leder", "chef", "cheffe", "responsable", "jefe", "gerente", "designerin", "diseñador",
	"concepteur", "expert", "experte", "sdet", "sde", "hacker", "coder", "postdoc", "scrum master", "werkstudent",
	"praktikant", "stagiaire", "trainee", "apprentice", "fellow",
	// Danish and Swedish student assistants ("Studentermedhjælper til
	// softwareudvikling"), as "Werkstudent"
	"studentermedhjælper", "studentmedhjælper", "studentermedarbejder", "studentmedarbejder", "studentmedarbetare",
	"studentassistent", "phd", "doktorand", "doktorandin", "stipendiat",
	"postdoktor", "doctorant", "doctorante", "programmør", "programmerare", "datavetare", "produktejer", "projektchef",
	"prosjektleiar", "prosjektsjef", "produktansvarig", "projektledare", "projektleder",
	"administrador", "administradora", "amministratore", "beheerder", "gestor", "gestora"}

func hasRoleNoun(p string) bool {
	return hasAny(" "+p+" ", roleNouns) || compoundRole(p) != ""
}

// solutionDesigner says whether the main part of a title names a designer
// of business or IT solutions ("Solution Designer", "Solutions Designer
// Billing"), the work of a solution architect rather than of design.
func solutionDesigner(m string) bool {
	return hasWord(m, "solution designer") || hasWord(m, "solutions designer")
}

// engineeringChief says whether a compound noun names the manager of
// software development: "Utviklingssjef", "Udviklingschef",
// "IT-chef", "Entwicklungsleiter", "Utvecklingschef".
func engineeringChief(m string) bool {
	for _, w := range strings.Fields(m) {
		for _, s := range []string{"sjef", "chef", "leder", "ledare", "leiter", "leiterin", "manager"} {
			head, ok := strings.CutSuffix(w, s)
			if !ok || head == "" {
				continue
			}
			switch strings.TrimRight(head, "-") {
			case "utviklings", "udviklings", "utvecklings", "entwicklungs", "softwareentwicklungs", "it", "it-utviklings",
				"it-udviklings", "it-utvecklings", "systemutviklings", "systemutvecklings", "software", "programvare",
				"plattform", "teknologi", "tech":
				return true
			}
		}
	}
	return false
}

// peopleManager says whether the main part of a title names a people
// manager (manager, director, head of, VP) rather than an individual role.
func peopleManager(m string) bool {
	w := strings.Fields(m)
	for i, x := range w {
		switch x {
		case "director", "vp", "svp", "evp", "chief", "directeur", "directrice", "leiter", "leiterin", "teamleiter",
			"teamleiterin", "abteilungsleiter", "abteilungsleiterin", "teamleder", "avdelingsleder", "utviklingsleder",
			"gestionnaire",
			// leaders of a group, unit or department in German and Nordic
			// titles ("Gruppchef systemutveckling", "Gruppenleiter
			// Softwareentwicklung", "Afdelingsleder IT")
			"gruppchef", "enhetschef", "avdelningschef", "sektionschef", "teamchef", "teamledare", "afdelingsleder",
			"gruppeleder", "seksjonsleder", "enhetsleder", "teamleiar", "avdelingsleiar", "bereichsleiter",
			"bereichsleiterin", "gruppenleiter", "gruppenleiterin":
			return true
		case "head":
			return i+1 < len(w) && w[i+1] == "of" || i == len(w)-1
		case "chef", "leder", "sjef", "ledare", "leiar":
			// the Nordic head of a function ("Chef for
			// softwareudvikling", "Leder av systemutvikling")
			if i+1 < len(w) {
				switch w[i+1] {
				case "for", "af", "av", "för", "till":
					return true
				}
			}
		case "vice":
			if i+1 < len(w) && w[i+1] == "president" {
				return true
			}
		case "manager", "managers":
			// the job noun of a manager role manages people too, though
			// it gives no Manager level
			return isPeopleManager(w, i) || roleManagerNoun(w, i)
		}
	}
	return false
}

// hasWord says whether phrase occurs in s as whole words (s is lowered and
// space-separated, phrase too).
func hasWord(s, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(phrase) == len(s) || !isWordByte(s[j+len(phrase)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// hasAny reports whether any of phrases is a word or words of s
// (hasWord). A phrase of two bytes or more is in s only if its first two
// bytes and its last two are byte pairs of s: a set of the pairs of s,
// made once, rules out most phrases of a long list without a search (a
// title is read against a few thousand phrases).
func hasAny(s string, phrases []string) bool {
	if len(phrases) < 4 || len(s) > 256 {
		for _, p := range phrases {
			if hasWord(s, p) {
				return true
			}
		}
		return false
	}
	var pairs bytePairs
	pairs.add(s)
	for _, p := range phrases {
		if len(p) >= 2 && !(pairs.has(p[0], p[1]) && pairs.has(p[len(p)-2], p[len(p)-1])) {
			continue
		}
		if hasWord(s, p) {
			return true
		}
	}
	return false
}

// bytePairs is a set of byte pairs, hashed into 1,024 bits: has may
// answer true for a pair never added, never false for one added.
type bytePairs [16]uint64

func pairBit(a, b byte) uint { return (uint(a)*41 + uint(b)) & 1023 }

// add adds the pairs of adjacent bytes of s.
func (ps *bytePairs) add(s string) {
	for i := 1; i < len(s); i++ {
		h := pairBit(s[i-1], s[i])
		ps[h>>6] |= 1 << (h & 63)
	}
}

func (ps *bytePairs) has(a, b byte) bool {
	h := pairBit(a, b)
	return ps[h>>6]&(1<<(h&63)) != 0
}

// cjkRoles are job nouns of Chinese titles, tried in order on the title.
var cjkRoles = []struct{ phrase, role string }{
	{"机器学习研究员", RoleResearchScientist}, {"深度学习研究员", RoleResearchScientist}, {"产品经理", RoleProductManager}, {"产品负责人", RoleProductManager}, {"项目经理", RoleProgramManager},
	{"项目管理", RoleProgramManager}, {"数据科学家", RoleDataScientist}, {"数据挖掘", RoleDataScientist},
	{"大数据开发", RoleDataEngineer}, {"大数据工程师", RoleDataEngineer}, {"数据仓库", RoleDataEngineer},
	{"数仓", RoleDataEngineer}, {"机器学习", RoleMLEngineer}, {"深度学习", RoleMLEngineer},
	{"渗透测试", RoleSecurityEngineer}, {"安全专家", RoleSecurityEngineer}, {"安全分析", RoleSecurityEngineer},
	{"交互设计", RoleDesigner}, {"视觉设计", RoleDesigner}, {"用户体验设计", RoleDesigner},
	{"数据分析", RoleDataAnalyst}, {"BI工程师", RoleAnalyticsEngineer}, {"BI开发", RoleAnalyticsEngineer}, {"商业智能", RoleAnalyticsEngineer}, {"数据工程师", RoleDataEngineer}, {"数据开发", RoleDataEngineer},
	{"算法工程师", RoleMLEngineer}, {"机器学习工程师", RoleMLEngineer}, {"安全研究", RoleSecurityEngineer},
	{"用户研究", RoleUXResearcher}, {"研发经理", RoleEngineeringManager}, {"技术经理", RoleEngineeringManager},
	{"开发经理", RoleEngineeringManager}, {"研发总监", RoleEngineeringManager}, {"技术总监", RoleEngineeringManager},
	{"工程经理", RoleEngineeringManager}, {"研究员", RoleResearchScientist},
	{"科学家", RoleResearchScientist}, {"设计师", RoleDesigner}, {"安全工程师", RoleSecurityEngineer},
	{"运维", RoleSRE}, {"工程师", RoleSoftwareEngineer}, {"开发", RoleSoftwareEngineer},
	{"研发", RoleSoftwareEngineer}, {"程序员", RoleSoftwareEngineer}, {"架构师", RoleSoftwareEngineer},
	{"后端", RoleSoftwareEngineer}, {"前端", RoleSoftwareEngineer}, {"全栈", RoleSoftwareEngineer},
	{"技术专家", RoleSoftwareEngineer}, {"技术负责人", RoleSoftwareEngineer}, {"エンジニア", RoleSoftwareEngineer}, {"開発", RoleSoftwareEngineer},
	{"プログラマ", RoleSoftwareEngineer}, {"デザイナー", RoleDesigner},
}

// cjkOther are words of Chinese titles for jobs outside the roles:
// technical support, technical writing (documentation), sales, customer
// service.
var cjkOther = []string{"技术支持", "文档", "销售", "客服", "售前", "售后", "开发者关系", "市场", "助理", "人力资源"}

// cjkHardware are words of Chinese titles for hardware jobs, which are
// not software ones ("芯片验证工程师").
var cjkHardware = []string{"芯片", "硬件", "IC设计", "模拟电路", "数字电路", "射频", "结构工程师", "机械"}

// cjkRole returns the role of a title that names its job in Chinese or
// Japanese ("Rust研发工程师", "服务端开发实习"), or "".
func cjkRole(title string) string {
	for _, w := range cjkOther {
		if strings.Contains(title, w) {
			return RoleOther
		}
	}
	for _, w := range cjkHardware {
		if strings.Contains(title, w) {
			return ""
		}
	}
	has := false
	for _, r := range title {
		if isCJK(r) {
			has = true
			break
		}
	}
	if !has {
		return ""
	}
	for _, c := range cjkRoles {
		if strings.Contains(title, c.phrase) {
			return c.role
		}
	}
	return ""
}

// RoleIn is Role, and for a title that names no job ("【上海】某集团招聘",
// "Rust 远程工作"), the job the description names: in a title in Chinese
// or Japanese, the first job noun of the description's opening; in any
// title, the job after "we are looking for a" and the like.
func RoleIn(title, text string) string {
	r := Role(title)
	if r != RoleOther || titleNamesJob(title) {
		return r
	}
	head := prefix(text, 1500)
	if strings.IndexFunc(title, isCJK) >= 0 {
		best, at := "", len(head)+1
		for _, c := range cjkRoles {
			if i := strings.Index(head, c.phrase); i >= 0 && i < at {
				best, at = c.role, i
			}
		}
		if best == "" {
			best = firstJobPhrase(head) // "...-full-stack-developer" in a link
		}
		if best != "" {
			return best
		}
	}
	lower := strings.ToLower(head)
	for _, cue := range lookingFor {
		i := strings.Index(lower, cue)
		if i < 0 {
			continue
		}
		rest := lower[i+len(cue):]
		if j := strings.IndexAny(rest, ".,;:!?\n("); j >= 0 {
			rest = rest[:j]
		}
		if f := strings.Fields(rest); len(f) > 6 {
			rest = strings.Join(f[:6], " ")
		}
		if r := Role(rest); r != RoleOther {
			return r
		}
	}
	return RoleOther
}

// lookingFor are the phrases after which a description names its job.
var lookingFor = []string{"we are looking for a ", "we are looking for an ", "we're looking for a ",
	"we're looking for an ", "we are hiring a ", "we are hiring an ", "we're hiring a ", "we're hiring an ",
	"join us as a ", "join us as an ", "looking for an experienced ", "looking for a talented ",
	"looking for a skilled ", "looking for a senior ", "招聘", "诚聘"}

// titleNamesJob says whether a title names a job of its own, even one
// outside the roles ("Account Executive"): then the description is not asked.
func titleNamesJob(title string) bool {
	if cjkRole(title) != "" {
		return true
	}
	for _, w := range cjkHardware {
		if strings.Contains(title, w) {
			return true
		}
	}
	for _, p := range titleParts(title) {
		if hasRoleNoun(p) || hasAny(" "+p+" ", otherJobNouns) {
			return true
		}
	}
	return false
}

// otherJobNouns name jobs outside the roles.
var otherJobNouns = []string{"executive", "representative", "rep", "guide", "admin", "assistant", "agent",
	"accountant", "controller", "editor", "translator", "linguist", "trainer", "teacher", "nurse", "driver",
	"technician", "operator", "advisor", "adviser", "expert", "talent pool", "sales", "marketing", "support"}

// jobWords are the nouns a role phrase must hold to be read from a
// description rather than a title.
var jobWords = []string{"engineer", "developer", "scientist", "designer", "analyst", "programmer", "researcher"}

// firstJobPhrase returns the role of the first phrase of the role rules
// that names a job noun in s, or "".
func firstJobPhrase(s string) string {
	w := " " + normalizeWords(strings.ToLower(s)) + " "
	best, at := "", len(w)
	for _, r := range icRules {
		for _, p := range r.phrases {
			if !hasAny(p, jobWords) {
				continue
			}
			if i := strings.Index(w, p); i >= 0 && i < at && hasWord(w, p) {
				best, at = r.role, i
			}
		}
	}
	return best
}

// genderEndings follow a noun after "/" or in parentheses to name the
// other gender: "Ingeniero/a", "Entwickler/in", "Desenvolvedor(a)",
// "Sviluppatore/trice".
var genderEndings = []string{"/a", "/in", "/innen", "/e", "/ne", "/trice", "/rice", "/euse", "/ra", "(a)", "(in)", "(e)", "/as", "/es"}

// dropGenderEndings removes the endings of genderEndings after a letter.
func dropGenderEndings(t string) string {
	if !strings.ContainsAny(t, "/(") {
		return t
	}
	for _, e := range genderEndings {
		for i := 0; ; {
			j := strings.Index(t[i:], e)
			if j < 0 {
				break
			}
			j += i
			end := j + len(e)
			if j > 0 && isWordByte(t[j-1]) && (end == len(t) || !isWordByte(t[end])) {
				t = t[:j] + t[end:]
				i = j
				continue
			}
			i = j + 1
		}
	}
	return t
}

// latinRole is the role the Latin-script words of a mixed title name
// alone, or "".
func latinRole(title string) string {
	var b strings.Builder
	for _, r := range title {
		if isCJK(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	parts := titleParts(b.String())
	if len(parts) == 0 {
		return ""
	}
	all := " " + strings.Join(parts, " ") + " "
	for _, r := range icRules {
		if hasAny(all, r.phrases) {
			return r.role
		}
	}
	return ""
}
