package normalize

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 34, from a throw-away sweep of 287 names of the practices that
// the labels use most, in ten languages (each in a requirements list of
// its language; 192 read right): 66 of the misses are aliases now
// (translations, the taxonomy's rule for aliases; the corpus's figures
// did not move: dev the same, test one more false positive). Left out as
// too ambiguous in postings: "Datenschutz", "personvern", "protection
// des données" (a privacy notice for applicants), "tillgänglighet",
// "accessibilité" alone (availability, a workplace's access), "nettverk"
// (people), "contenedores" (freight), "信息安全" (dev labels leave it),
// "Identitäts- und Zugriffsmanagement" (a split compound).
func TestPracticeTranslationsS34(t *testing.T) {
	n := normalizer(t)
	frame := map[string]string{
		"sv": "Vi söker dig som har:\n- Erfarenhet av %s\n",
		"nb": "Vi ser etter deg som har:\n- Erfaring med %s\n",
		"da": "Vi forventer, at du har:\n- Erfaring med %s\n",
		"de": "Dein Profil:\n- Erfahrung mit %s\n",
		"fr": "Profil recherché :\n- Expérience en %s\n",
		"es": "Requisitos:\n- Experiencia en %s\n",
		"it": "Requisiti:\n- Esperienza con %s\n",
		"nl": "Wat wij vragen:\n- Ervaring met %s\n",
		"pt": "Requisitos:\n- Experiência com %s\n",
		"zh": "任职要求：\n1. 熟悉%s\n",
	}
	for _, c := range []struct{ want, lang, text string }{
		{"Software Testing", "sv", "programvarutestning"},
		{"Software Testing", "de", "Softwaretesten"},
		{"Software Testing", "fr", "tests logiciels"},
		{"Software Testing", "it", "test del software"},
		{"Software Testing", "nl", "softwaretesten"},
		{"Software Testing", "sv", "testdriven utveckling"},
		{"Software Testing", "de", "testgetriebene Entwicklung"},
		{"Software Testing", "es", "automatización de pruebas"},
		{"Computer Networking", "it", "reti informatiche"},
		{"Computer Networking", "nl", "netwerktechniek"},
		{"Infrastructure as Code", "de", "Infrastruktur als Code"},
		{"Infrastructure as Code", "es", "infraestructura como código"},
		{"System Design", "fr", "conception de systèmes"},
		{"Incident Response", "fr", "réponse aux incidents"},
		{"Incident Response", "es", "respuesta a incidentes"},
		{"Incident Response", "zh", "应急响应"},
		{"Vulnerability Management", "de", "Schwachstellenmanagement"},
		{"Vulnerability Management", "fr", "gestion des vulnérabilités"},
		{"Vulnerability Management", "es", "gestión de vulnerabilidades"},
		{"Vulnerability Management", "zh", "漏洞管理"},
		{"UX Design", "zh", "用户体验设计"},
		{"UI Design", "zh", "UI设计"},
		{"Machine Learning", "de", "maschinellen Lernens"},
		{"Machine Learning", "pt", "aprendizagem automática"},
		{"NLP", "de", "Verarbeitung natürlicher Sprache"},
		{"Computer Vision", "es", "visión por computadora"},
		{"Cryptography", "nb", "kryptografi"},
		{"Cryptography", "de", "Kryptografie"},
		{"Cryptography", "nl", "cryptografie"},
		{"Identity and Access Management", "fr", "gestion des identités et des accès"},
		{"Identity and Access Management", "es", "gestión de identidades y accesos"},
		{"Threat Modeling", "fr", "modélisation des menaces"},
		{"Data Structures & Algorithms", "es", "estructuras de datos y algoritmos"},
		{"Version Control", "it", "controllo di versione"},
		{"System Administration", "sv", "systemadministration"},
		{"System Administration", "nb", "systemadministrasjon"},
		{"System Administration", "de", "Systemadministration"},
		{"System Administration", "fr", "administration système"},
		{"System Administration", "fr", "administration systèmes"},
		{"System Administration", "es", "administración de sistemas"},
		{"Accessibility", "de", "barrierefreie Webentwicklung"},
		{"Accessibility", "fr", "accessibilité numérique"},
		{"Accessibility", "fr", "accessibilité web"},
		{"Digital Forensics", "de", "IT-Forensik"},
		{"Digital Forensics", "fr", "criminalistique numérique"},
		{"Responsive Design", "fr", "design responsive"},
		{"Firewalls", "zh", "防火墙"},
		{"Virtualization", "zh", "虚拟化"},
		{"Object-Oriented Programming", "it", "programmazione orientata agli oggetti"},
		{"Object-Oriented Programming", "nl", "objectgeoriënteerd programmeren"},
		{"Statistics", "nl", "statistiek"},
		{"Statistics", "pt", "estatística"},
		{"Data Analysis", "nl", "data-analyse"},
		{"Performance Optimization", "de", "Performance-Optimierung"},
		{"Performance Optimization", "fr", "optimisation des performances"},
		{"Agile", "da", "agil udvikling"},
		{"Agile", "nl", "agile werken"},
		{"Agile", "pt", "metodologias ágeis"},
		{"NoSQL", "zh", "非关系型数据库"},
		{"Open Source", "sv", "öppen källkod"},
		{"Open Source", "nb", "åpen kildekode"},
		{"Open Source", "es", "código abierto"},
		{"Open Source", "pt", "código aberto"},
		{"Open Source", "fr", "logiciel libre"},
		{"Compilers", "de", "Compilerbau"},
		{"Functional Programming", "zh", "函数式编程"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: fmt.Sprintf(frame[c.lang], c.text)})
		if !slices.Contains(p.Skills.Required, c.want) {
			t.Errorf("%s %q: required %v, want %s", c.lang, c.text, p.Skills.Required, c.want)
		}
	}
}

// Session 34, from a throw-away sweep of 217 requirement headings and 110
// preference headings in eleven languages, each over its items in three
// forms (a list, short lines without bullets as pasted text has them, and
// one line of names): 46 of 651 requirement cases and 18 of 330 preference
// cases were misread. A heading of five to ten words ("The ideal candidate
// will have", "Vi söker dig som har") headed a list but not the same items
// pasted as short lines; a heading of one weaker word ("Kenntnisse",
// "Conocimientos") likewise; and a few headings were not known ("Damit
// überzeugst du uns", "¿Quién eres?", "Você tem", "Your track record",
// "Standout candidates will have", "Puntos extra"). A numbered line or a
// line of Chinese before a short line stays an item ("2、熟悉 C/C++，...
// 优先；": the dev corpus's feishu posting). A longer line heads short
// lines only when it leads on (leadsOn: its words are a heading's, it
// opens with a question word or stops on a word that wants its object):
// "Experience with Kafka would be great" names its own skill. A weak line
// ("Kenntnisse", "Background") inside the nice-to-haves keeps them.
// Measured (corpus, rules 262): dev unchanged posting by posting; the test
// aggregate, printed by the same command, moved 1506 -> 1503 -> 1502 ->
// 1506 true positives over the iterations (seen, not used per posting).
func TestHeadingsOverShortLinesS34(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct{ head, bucket string }{
		{"The ideal candidate will have", "required"},
		{"To succeed in this role, you’ll need", "required"},
		{"We are looking for someone with", "required"},
		{"You may be a good fit if you have", "required"},
		{"What we expect from you", "required"},
		{"Vi söker dig som har", "required"},
		{"Vi ser etter deg som har", "required"},
		{"Vi forventer at du har", "required"},
		{"Was wir von dir erwarten", "required"},
		{"Damit überzeugst du uns", "required"},
		{"Womit du uns überzeugst", "required"},
		{"Kenntnisse", "required"},
		{"Conocimientos", "required"},
		{"¿Quién eres?", "required"},
		{"Você tem", "required"},
		{"Your track record", "required"},
		{"Wat wij van je verwachten", "required"},
		{"Standout candidates will have", "preferred"},
		{"Puntos extra", "preferred"},
	} {
		for _, items := range []string{"Python\nSQL", "Python, SQL", "- Python\n- SQL"} {
			text := "We build software.\n\nWhat you'll do\n- Kubernetes\n\n" + c.head + "\n" + items + "\n\nBenefits\n- Pension\n"
			p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
			got := p.Skills.Required
			if c.bucket == "preferred" {
				got = p.Skills.Preferred
			}
			if !slices.Contains(got, "Python") || !slices.Contains(got, "SQL") || !slices.Contains(p.Skills.Mentioned, "Kubernetes") {
				t.Errorf("%q over %q: %+v, want Python and SQL %s", c.head, items, p.Skills, c.bucket)
			}
		}
	}
	// a line of the candidate's side inside the nice-to-haves is a part of
	// them, not a new part of requirements
	for _, text := range []string{
		"Anforderungen\n- Python\n\nWünschenswert\nKenntnisse\nKafka\nDocker\n",
		"Requirements\n- Python\n\nNice to have\nBackground\nKafka\nDocker\n",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, []string{"Python"}) || !reflect.DeepEqual(p.Skills.Preferred, []string{"Docker", "Kafka"}) {
			t.Errorf("%q: %+v", text, p.Skills)
		}
	}
	// a sentence with its own marker before short lines heads nothing
	for _, text := range []string{
		"Requirements\nPython\nExperience with Kafka would be great\nDocker\nAWS\n",
		"Requirements\nPython\nDesired but not required: Kafka\nDocker\nAWS\n",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, []string{"AWS", "Docker", "Python"}) || !reflect.DeepEqual(p.Skills.Preferred, []string{"Kafka"}) {
			t.Errorf("%q: %+v", text, p.Skills)
		}
	}
	p := n.Normalize("s", "c", model.Raw{Title: "Rust 开发工程师", DescriptionText: "**职位要求**\n\n1、计算机相关专业，深入理解数据结构、算法；\n2、熟悉 C/C++，一年以上 Rust 开发经验，有实际 Rust 项目经验或 Rust 相关开源项目贡献经验优先；\n3、对代码规范、性能和效率追求极致；\n"})
	if !slices.Contains(p.Skills.Required, "Rust") || !slices.Contains(p.Skills.Required, "C++") || !slices.Contains(p.Skills.Preferred, "Open Source") {
		t.Errorf("a numbered Chinese item before a short one: %+v", p.Skills)
	}
}

// Session 34, round s34's fresh dev documents (Ontario Digital Service):
// "Location: Toronto Region" was left unsplit, so the posting had no
// country and its "$1,364.05 - $1,743.34 per week" was read as USD. A
// city's region is the city, as its area is.
func TestCityRegionS34(t *testing.T) {
	n := normalizer(t)
	for label, want := range map[string]string{
		"Toronto Region":             "Toronto|Ontario|CA",
		"Ottawa region":              "Ottawa|Ontario|CA",
		"Munich Metropolitan Region": "Munich|Bavaria|DE",
		"Hamburg Region":             "Hamburg|Hamburg|DE",
		"Capital Region of Denmark":  "|Capital Region of Denmark|DK",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", Locations: []string{label}, DescriptionText: "Salary: $1,364.05 - $1,743.34 per week"})
		if len(p.Locations) != 1 || p.Locations[0].City+"|"+p.Locations[0].Region+"|"+p.Locations[0].Country != want {
			t.Errorf("%q: %+v, want %s", label, p.Locations, want)
		}
		if want[len(want)-2:] == "CA" && (len(p.Salary) != 1 || p.Salary[0].Currency != "CAD") {
			t.Errorf("%q: salary %+v, want CAD", label, p.Salary)
		}
	}
}

// Session 34, round s34's fresh dev documents (NYC Digital Service): "We're
// looking for folks who can serve ... in various Java and Python
// frameworks, as well as front end development in React or Angular" asks
// for them as "looking for someone who" does; "seeking" and "we want
// someone with" likewise, never the job's work or the company's wish.
func TestSoughtPersonS34(t *testing.T) {
	n := normalizer(t)
	for text, required := range map[string]bool{
		"We’re looking for folks who can cover backend needs in Java and Python.":  true,
		"We are looking for developers who can build in Java and Python.":          true,
		"We are seeking someone with Java and Python experience.":                  true,
		"We're seeking engineers who know Java and Python.":                        true,
		"We want someone with Java and Python experience.":                         true,
		"We are looking for developers to join our team building Java and Python.": false,
		"We are seeking a Senior Engineer to build our Java and Python platform.":  false,
		"We want to build our platform in Java and Python.":                        false,
		"We want you to grow with Java and Python.":                                false,
		"We are looking for folks who will build our Java and Python services.":    false,
		"We want developers who enjoy Java and Python.":                            false,
		"We are seeking an engineer; our stack is Java and Python.":                false,
		// review s34 F7: a negation, another party
		"We are looking for folks who can't stand Java and Python.":                                 false,
		"Our customers are seeking someone with Java and Python experience to fix their pipelines.": false,
		"Acme is seeking an engineer with Java and Python experience.":                              true,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if got := reflect.DeepEqual(p.Skills.Required, []string{"Java", "Python"}); got != required {
			t.Errorf("%q: %+v, want required %v", text, p.Skills, required)
		}
	}
}

// Session 34, round s34's fresh dev documents (NYC civil-service
// requirements): "two years of training in an approved technical school
// and seven years full-time paid experience" asked for seven years, not
// two; years of college, study or school are schooling. Years of training
// outside a school ("3 years of training ML models") stay experience.
func TestSchoolingYearsS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string]int{
		"Requirements:\n- High school graduation and two years of training in an approved technical school and seven years full-time paid experience as a commercial artist.": 7,
		"Requirements:\n- Two years of study at a university and 5 years of experience.":                                                                                      5,
		"Requirements:\n- 2 years of college and 4 years of experience in IT.":                                                                                                4,
		"Requirements:\n- 4 years of high school and 3 years of experience.":                                                                                                  3,
		"Requirements:\n- 3 years of training and deploying ML models.":                                                                                                       3,
		"Requirements:\n- 4 years of college teaching experience.":                                                                                                            4,
		"Requirements:\n- 2 years of university research experience.":                                                                                                         2,
		"Requirements:\n- Two years of training in a technical school.":                                                                                                       -1,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		got := -1
		if p.MinYearsExperience != nil {
			got = *p.MinYearsExperience
		}
		if got != want {
			t.Errorf("%q: years %d, want %d", text, got, want)
		}
	}
}

// Session 34, round s34's fresh dev documents: "Lab Leader" is the lead of
// a lab (the protocol's Lead, as "teamleder" is); a sector's, a project's
// or a thought leader is no level.
func TestLeaderLevelS34(t *testing.T) {
	for title, want := range map[string][]string{
		"Lab Leader":             {"Lead"},
		"Senior Team Leader":     {"Senior", "Lead"},
		"Technical Leader, Data": {"Lead"},
		"Technology and Communications Sector Leader": nil,
		"Team Leader (m/w/d)":                         {"Lead"},
		// review s34 F4: a modifier or another person
		"Team Leader Liaison Analyst":          nil,
		"Analyst, reporting to the Lab Leader": nil,
		"Data Engineer (Team Leader program)":  nil,
		"Tech Leader Support Specialist":       nil,
		"Project Leader":                       nil,
		"Thought Leader, AI":                   nil,
	} {
		if got := Levels(title); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("Levels(%q) = %v, want %v", title, got, want)
		}
	}
}

// Session 34, from the dev corpus's Sezzle posting ("Familiarity with
// modern Frontend Development, Javascript or Typescript, with React Native
// or React (web) experience strongly preferred"): a clause that opens with
// "with" after a comma is no item of the list before it, so its "or" does
// not carry the wish back over the comma; and words in parentheses before
// "experience preferred" close no clause. Glued items keep their
// parentheses as ends ("(e.g. Sass) GraphQL Bonus skills: Docker").
func TestClauseWithWishS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string][2][]string{
		"Requirements:\n- Familiarity with Javascript, with React Native or React experience strongly preferred\n": {{"JavaScript"}, {"React", "React Native"}},
		"Requirements:\n- Familiarity with Javascript, with React (web) experience strongly preferred\n":           {{"JavaScript"}, {"React"}},
		"Requirements:\n- Experience with Java. Kotlin (JVM) experience preferred.\n":                              {{"Java"}, {"Kotlin"}},
		"Requirements:\n- Experience with Java; Kotlin (JVM) experience is a plus\n":                               {{"Java"}, {"Kotlin"}},
		"Requirements:\n- Spark, Kafka or Flink preferred\n":                                                       {nil, {"Flink", "Kafka", "Spark"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if !slices.Equal(p.Skills.Required, want[0]) || !slices.Equal(p.Skills.Preferred, want[1]) {
			t.Errorf("%q: required %v preferred %v, want %v %v", text, p.Skills.Required, p.Skills.Preferred, want[0], want[1])
		}
	}
	glued := "Requirements:\n- Have deep knowledge in CSS, preprocessors (e.g. Sass) GraphQL Bonus skills: Docker\n"
	p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: glued})
	if !slices.Contains(p.Skills.Required, "Sass") || !slices.Contains(p.Skills.Preferred, "Docker") {
		t.Errorf("%q: %+v, want Sass required and Docker preferred", glued, p.Skills)
	}
}

// Session 34, round s34b's fresh dev documents: the City of Austin's
// "Graduation from an accredited four-year college or university" names a
// bachelor's degree; California's "requires the possession of a
// bachelor's degree preferably but not required in an IT-related field"
// asks for the degree and wishes for the field (the "not required" and the
// wish are the field's).
func TestDegreeFieldWishS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string][2][]string{
		"Minimum Qualifications:\n- Graduation from an accredited four-year college or university with major course work in a related field.\n":                            {{"Bachelor's"}, nil},
		"## Education\nThis classification requires the possession of a bachelor’s degree preferably but not required in an IT-related field, or another related field.\n": {{"Bachelor's"}, nil},
		"Requirements:\n- Bachelor's degree preferably in an IT-related field\n":                                                                                           {{"Bachelor's"}, nil},
		"Requirements:\n- Bachelor's degree preferred but not required\n":                                                                                                  {nil, {"Bachelor's"}},
		// review s34 F5, F6: two degrees keep the wish for the sentence; a
		// degree "preferably but not required" with no obligation before it
		// is the wish; time at a college is no degree
		"Requirements:\n- PhD preferably in physics, Master's degree at minimum.\n":                                      {nil, {"Master's", "PhD"}},
		"Requirements:\n- Master's degree preferably but not required in statistics; a bachelor's degree is required.\n": {{"Bachelor's"}, {"Master's"}},
		"Requirements:\n- Two years at a four-year college, or equivalent experience.\n":                                 {nil, nil},
		"## Education\nA degree is not required in this role.\n":                                                         {nil, nil},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if !slices.Equal(p.Education.Required, want[0]) || !slices.Equal(p.Education.Preferred, want[1]) {
			t.Errorf("%q: education %+v, want %v %v", text, p.Education, want[0], want[1])
		}
	}
}

// Session 34, round s34b's fresh dev documents (City of Austin):
// "accessibility" in lower case is the design practice among other skills
// ("Knowledge of web standards and best practices related to
// accessibility, usability, and writing for the web"), as a "~" alias;
// alone it stays an ordinary word. "~lean" was tried and left out: it
// matched "a small, lean team" (PostHog, dev corpus).
func TestLowerCaseAmongSkillsS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string][]string{
		"Requirements:\n- Knowledge of web standards and best practices related to accessibility, usability, and writing for the web.\n": {"Accessibility", "Usability"},
		"We are committed to accessibility for all applicants.\n":                                                                        nil,
		"We are a small, lean team of designers.\n":                                                                                      nil,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Designer", DescriptionText: text})
		if !slices.Equal(p.Skills.Required, want) {
			t.Errorf("%q: required %v, want %v", text, p.Skills.Required, want)
		}
	}
}

// Session 34, round s34b's fresh dev documents (California DGS): "a
// minimum of five (5) years of applying Enterprise Architecture
// principles. At least three (3) years of that experience must be in a
// lead capacity" asks for five years, three of them leading; the titles
// "Usability Tester" and "Data Warehouse Architect" name a UX researcher
// and a data engineer.
func TestNestedYearsAndTitlesS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string]int{
		"Requirements:\n- A minimum of five (5) years of applying Enterprise Architecture principles. At least three (3) years of that experience must be in a lead capacity.\n": 5,
		"Requirements:\n- 6 years of experience in software. 2 years of this experience in a lead role.\n":                                                                       6,
		"Requirements:\n- 3 years of that experience in Go.\n":                                                                                                                   3,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Architect", DescriptionText: text})
		if p.MinYearsExperience == nil || *p.MinYearsExperience != want {
			t.Errorf("%q: years %v, want %d", text, p.MinYearsExperience, want)
		}
	}
	for title, want := range map[string]string{
		"Usability Tester":         RoleUXResearcher,
		"Usability Specialist":     RoleUXResearcher,
		"Data Warehouse Architect": RoleDataEngineer,
		"Data Warehouse Developer": RoleDataEngineer,
		"QA Tester":                RoleSoftwareEngineer,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %s, want %s", title, got, want)
		}
	}
}

// Session 34, round s34b's fresh dev documents (City of Austin): a list
// of design artifacts whose names are ordinary words ("wireframes,
// prototypes, user journeys, sitemaps, personas") holds no skill that
// counts alone, so none of its "~" names counted; three of them within
// reach of each other are such a list too. Alone they stay words.
func TestListOnlyNamesSupportEachOtherS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string][]string{
		"Requirements:\n- Experience creating artifacts, including wireframes, prototypes, user journeys, sitemaps, personas, and functional specifications.\n": {"Personas", "Prototyping", "Wireframing"},
		"Requirements:\n- Build prototypes of new features\n":                        nil,
		"Requirements:\n- Move the cursor, open the opal box and pick the panther\n": nil,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Designer", DescriptionText: text})
		if !slices.Equal(p.Skills.Required, want) {
			t.Errorf("%q: required %v, want %v", text, p.Skills.Required, want)
		}
	}
}

// Session 34, round s34's fresh dev documents (NYC Digital Service): a
// posting with no place but "New York City residency is generally required
// within 90 days of appointment" is in New York; a residency that names no
// town ("Permanent residency is required", "US residency") places nothing.
func TestResidencyTownS34(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string]string{
		"Requirements:\n- NYC residency*\n\n<I>*New York City residency is generally required within 90 days of appointment.\n": "New York|New York|US",
		"Chicago residency is required.\n":   "Chicago|Illinois|US",
		"Permanent residency is required.\n": "",
		"US residency is required.\n":        "",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Designer", DescriptionText: text})
		got := ""
		if len(p.Locations) == 1 {
			got = p.Locations[0].City + "|" + p.Locations[0].Region + "|" + p.Locations[0].Country
		}
		if got != want || len(p.Locations) > 1 {
			t.Errorf("%q: %+v, want %q", text, p.Locations, want)
		}
	}
}
