package normalize

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 35, from a throw-away sweep of the taxonomy's own aliases in
// other spellings: 26 British spellings of American ones ("modeling",
// "-ization", "centered") that no entry lists, 2 of them matched. The
// taxonomy had listed British spellings one by one ("data modelling",
// "threat modelling"); now an alias written the American way also matches
// its British spelling (spelling.go), unless that spelling is another
// entry's alias. Case-sensitive aliases, a product's own spelling, do not.
func TestBritishSpellingsS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct{ text, want string }{
		{"containerisation", "Containerization"},
		{"attribution modelling", "Marketing Science"},
		{"uplift modelling", "Causal Inference"},
		{"convex optimisation", "Mathematical Optimization"},
		{"model quantisation", "Quantization"},
		{"matrix factorisation", "Recommender Systems"},
		{"a query optimiser", "Query Optimization"},
		{"containerised services", "Containerization"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: fmt.Sprintf("Requirements:\n- Experience with %s\n- Strong communication skills\n", c.text)})
		if !slices.Contains(p.Skills.Required, c.want) {
			t.Errorf("%q: required %v, want %s", c.text, p.Skills.Required, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"data modeling", "data modelling"},
		{"human-centered design", "human-centred design"},
		{"labeled data", "labelled data"},
		{"analyze", "analyse"},
		{"behavioral science", "behavioural science"},
		{"size", ""}, {"resize", ""}, {"prize", ""}, {"seize", ""}, {"feeling", ""}, {"wheeling", ""},
		{"python", ""},
	} {
		if got := britishSpelling(c.in); got != c.want {
			t.Errorf("britishSpelling(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Session 35: names of developer tools from the devicon icon set
// (NOTICE.skills, list 5). Those that are ordinary words ("Poetry",
// "Harbor", "Sanity", "Realm", "GCC" of the Gulf states) count only among
// other skills.
func TestDeviconNamesS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Tooling: Poetry, pytest and Docker", []string{"Docker", "Poetry", "pytest"}},
		{"We test with Jasmine, Karma and Cypress", []string{"Cypress", "Jasmine", "Karma"}},
		{"Registries (Harbor, Artifactory) and K3s", []string{"Artifactory", "Harbor", "K3s"}},
		{"Headless CMS such as Contentful", []string{"Contentful", "Headless CMS"}},
		{"Mobile data with Realm, SQLite and Firebase", []string{"Firebase", "Realm", "SQLite"}},
		{"Toolchains: GCC, LLVM and CMake", []string{"CMake", "LLVM"}},
		{"Experience with DBeaver, DataGrip or RocksDB", []string{"DBeaver", "DataGrip", "RocksDB"}},
		{"Alpine.js, Chart.js and Lodash", []string{"Alpine.js", "Chart.js", "Lodash"}},
		{"Git or Mercurial", []string{"Git", "Mercurial"}},
		{"A poetry reading, a sanity check and a harbor view.", []string{}},
		{"Sales experience in the GCC and the wider Middle East", []string{}},
		// review s35 F6, F7, F11: ordinary senses of the new names
		{"We are committed to fair principles of pay and promotion.", []string{}},
		{"Experience with AP, AR, GL, Excel and SAP is required.", []string{"Excel", "SAP"}},
		{"Selling into KSA, UAE, GCC and Europe with Salesforce", []string{"Salesforce"}},
		{"Experience with Excel, Sanity checks and SQL.", []string{"Excel", "SQL"}},
		{"Please include your LinkedIn profile and GitHub.", []string{"GitHub"}},
		{"Follow us on LinkedIn and watch our YouTube channel.", []string{}},
		{"Run our LinkedIn, Mastodon and YouTube channels", []string{"LinkedIn", "Mastodon", "YouTube"}},
		{"Knowledge of the FAIR principles and Python", []string{"FAIR Principles", "Python"}},
		// review s35 F13
		{"Skills: GIS, R, Fauna Surveys, Bat Detection", []string{"GIS", "R"}},
		{"Putty and sealant application on site; Excel required.", []string{"Excel"}},
		// review s35 F14, F15
		{"Join the Johns Hopkins APL team; Python and C++ required.", []string{"C++", "Python"}},
		{"You will harden the Kubernetes cluster API server and etcd.", []string{"Kubernetes", "etcd"}},
		{"Tools: Compass, Protractor, AutoCAD.", []string{"AutoCAD"}},
		{"Plotting with Matplotlib, Bokeh or Plotly", []string{"Bokeh", "Matplotlib", "Plotly"}},
		{"Cluster API and Kubernetes operators", []string{"Cluster API", "Kubernetes Operators"}},
		{"In the realm of data, insomnia is no friend; karma matters.", []string{}},
		{"A meteor shower, a protractor, a stylus and a gazebo.", []string{}},
	} {
		if got := n.Skills(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Skills(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// Session 35, from the dev labels that name a practice no alias of which
// is in their text (126 dev, 141 test in the aggregate): the generic
// phrasings of four practices, as the protocol's umbrella rule reads
// them ("BI tools" is Business Intelligence, "virtual machines"
// Virtualization: cjr-hellofresh-senior-cloud-security-engineer,
// ontario-ds-text-*, mui-text-operations-engineer).
func TestPracticePhrasingsS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct{ text, want string }{
		{"deployment patterns: CI/CD, virtual machines, containers", "Virtualization"},
		{"hypervisors such as KVM", "Virtualization"},
		{"container solutions (e.g. docker, Kubernetes)", "Containerization"},
		{"container-based virtualization technology like Docker", "Containerization"},
		{"written automated test scripts for unit and integration testing", "Software Testing"},
		{"delivering actionable BI dashboards", "Business Intelligence"},
		{"BI tools such as Looker", "Business Intelligence"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: fmt.Sprintf("Requirements:\n- Experience with %s\n- Strong communication skills\n", c.text)})
		if !slices.Contains(p.Skills.Required, c.want) {
			t.Errorf("%q: required %v, want %s", c.text, p.Skills.Required, c.want)
		}
	}
}

// Session 35, from round s35's dev documents (carpentries-text-it-developer:
// "Google Workspace tools (Calendar, Drive, Docs, Sheets, Slides, Forms)"):
// a family's name before a list names the family's products in it
// (family.go), in any family the taxonomy has products of; an item that
// is no product of the family, or a list after a sentence's end, adds
// nothing.
func TestFamilyItemsS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Experience working with Google Workspace tools (Calendar, Drive, Docs, Sheets, Slides, Forms)",
			[]string{"Google Calendar", "Google Docs", "Google Drive", "Google Forms", "Google Sheets", "Google Slides", "Google Workspace"}},
		{"Google Docs/Sheets/Slides", []string{"Google Docs", "Google Sheets", "Google Slides"}},
		{"Google Docs, Sheets and Slides", []string{"Google Docs", "Google Sheets", "Google Slides"}},
		{"Azure (Functions, Data Factory, Event Hubs)", []string{"Azure", "Azure Data Factory", "Azure Event Hubs", "Azure Functions"}},
		{"Microsoft Teams, Planner and Whiteboard", []string{"Microsoft Planner", "Microsoft Teams", "Microsoft Whiteboard"}},
		{"Google Workspace (Docs, Drive, etc.).", []string{"Google Docs", "Google Drive", "Google Workspace"}},
		// not products of the family, or not in its list
		{"Apache Kafka, Python and Docker", []string{"Docker", "Kafka", "Python"}},
		{"Google Workspace. Sheets of paper, Slides and Forms are provided.", []string{"Google Workspace"}},
		{"Azure DevOps, and functions written in Go", []string{"Azure DevOps", "Go"}},
		// review s35 F2: an item that goes on with a capitalised word, and
		// a family's word alone in a list of peers
		{"Proficiency in Microsoft Office and Project Management tools.", []string{"Microsoft Office"}},
		{"Experience with Oracle, Java and Cloud.", []string{"Java", "Oracle Database"}},
		{"Experience with Azure, Active Directory, Security and Monitor dashboards.", []string{"Active Directory", "Azure", "Data Visualization"}},
		{"AWS services such as Glue, Lambda and Step Functions", []string{"AWS", "AWS Glue", "AWS Lambda", "AWS Step Functions"}},
	} {
		if got := n.Skills(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Skills(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// Session 35, from round s35's dev document scs-text-de-product-engineer
// ("Es wäre klasse und toll - jedoch nicht zwingend erforderlich -, wenn
// Du" over the nice-to-haves): a lead-in with an insertion between dashes
// is as long as the line around it (withoutInsertion), and "wäre klasse",
// "nicht zwingend", "kein Muss" and the Dutch "zou mooi zijn", "pluspunt"
// name nice-to-haves.
func TestInsertedLeadInsS35(t *testing.T) {
	n := normalizer(t)
	items := "\n\n* bereits Erfahrungen mit OpenStack und Monitoring Tools hast,\n* mit Git und GitHub vertraut bist.\n"
	for _, h := range []string{
		"Es wäre klasse und toll - jedoch nicht zwingend erforderlich -, wenn Du",
		"It would be great - but not required - if you",
		"It would be great – though by no means required – if you",
		"Es wäre prima, wenn Du",
		"Het zou mooi zijn als je",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "**Wir erwarten, dass Du**\n\n* Erfahrung mit Python hast\n\n" + h + items})
		if !slices.Equal(p.Skills.Required, []string{"Python"}) || !slices.Equal(p.Skills.Preferred, []string{"Git", "GitHub", "OpenStack"}) {
			t.Errorf("%q: required %v, preferred %v", h, p.Skills.Required, p.Skills.Preferred)
		}
	}
	// review s35 F10: a line that names its own item before the phrase is
	// an item, not a heading of the nice-to-haves
	for _, d := range []string{
		"Dein Profil:\nAbgeschlossenes Studium (nicht zwingend)\nPython\nGo\nKubernetes\n",
		"Dein Profil:\nPython\nTerraform – kein Muss\nGo\nKubernetes\n",
		"Jouw profiel:\nPython\nRijbewijs is een pluspunt\nGo\nKubernetes\n",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: d})
		if !slices.Contains(p.Skills.Required, "Go") || !slices.Contains(p.Skills.Required, "Kubernetes") {
			t.Errorf("%q: required %v, preferred %v", d, p.Skills.Required, p.Skills.Preferred)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"It would be great - but not required - if you", "It would be great  if you"},
		{"Remote - US", "Remote - US"},
		{"A degree (or equivalent) in", "A degree   in"},
		{"unclosed (paren", "unclosed (paren"},
	} {
		if got := withoutInsertion(c.in); got != c.want {
			t.Errorf("withoutInsertion(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Session 35: "Security Software Engineer" is an engineer whose field is
// security, as its dev labels and the protocol read it; security after the
// job noun names the team or product of a software engineer.
func TestSecuritySoftwareEngineerS35(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Security Software Engineer II, Detection and Response", RoleSecurityEngineer},
		{"Security Software Engineer, Open Source Frameworks", RoleSecurityEngineer},
		{"Cybersecurity Software Engineer", RoleSecurityEngineer},
		{"Senior Software Engineer, Security", RoleSoftwareEngineer},
		{"Software Engineer II - Message Security Products", RoleSoftwareEngineer},
		{"Physical Security Software Engineer", RoleOther},
	} {
		if got := Role(c.title); got != c.want {
			t.Errorf("Role(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// Session 35: character references in a plain-text description (a
// Markdown or template source: "&#163;30,000", "126 Milliarden &euro;")
// are read as the characters they stand for (decodedBlocks); the stored
// description keeps them as written. Before, "&#163;30,000 - &#163;40,000"
// gave two single amounts, and "&euro;" pay was read in the place's pound.
func TestPlainTextEntitiesS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text string
		want []model.Salary
	}{
		{"Salary: &#163;30,000 - &#163;40,000 per annum", []model.Salary{{Min: 30000, Max: 40000, Currency: "GBP", Period: "year"}}},
		{"Gehalt: 60.000 &euro; - 70.000 &euro; pro Jahr", []model.Salary{{Min: 60000, Max: 70000, Currency: "EUR", Period: "year"}}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: c.text, Locations: []string{"London, UK"}})
		if !reflect.DeepEqual(p.Salary, c.want) {
			t.Errorf("%q: salary %v, want %v", c.text, p.Salary, c.want)
		}
		if p.Description != c.text {
			t.Errorf("%q: description stored as %q", c.text, p.Description)
		}
	}
	// review s35 F12: a line break written as a reference is a line
	// break, so the lines are read as lines and lists
	d := "Requirements:&#10;- Python&#10;- Go&#10;Nice to have:&#10;- Rust"
	p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: d})
	if !slices.Equal(p.Skills.Required, []string{"Go", "Python"}) || !slices.Equal(p.Skills.Preferred, []string{"Rust"}) || p.Description != d {
		t.Errorf("%q: skills %+v, description %q", d, p.Skills, p.Description)
	}
}

// Session 35, from a throw-away sweep of 23 inline preference wordings
// after a requirement (9 were read as requirements), and round s35b's dev
// document umich-lsa-text-research-software-programmer-2021 ("You could
// provide even more value to our team by having experience with ..."):
// "even more value", "would help", "a head start", "especially
// interested if", "given preference" mark a wish (prefMore). "If you
// also know R, SQL or JavaScript, even better" still reads R as asked.
func TestInlinePreferenceWordingsS35(t *testing.T) {
	n := normalizer(t)
	for _, s := range []string{
		"You could provide even more value to our team by having experience with R, SQL or JavaScript.",
		"You would add even more value with experience in R, SQL or JavaScript.",
		"It would help if you had experience with R, SQL or JavaScript.",
		"Experience with R, SQL or JavaScript would help.",
		"Knowledge of R, SQL or JavaScript would give you a head start.",
		"We would be especially interested if you have experience with R, SQL or JavaScript.",
		"Candidates with experience in R, SQL or JavaScript will be given preference.",
		"Preference will be given to candidates with R, SQL or JavaScript.",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "## About You\n\nYou will need to be comfortable programming in Python.\n\n" + s + "\n"})
		if !slices.Equal(p.Skills.Required, []string{"Python"}) || !slices.Equal(p.Skills.Preferred, []string{"JavaScript", "R", "SQL"}) {
			t.Errorf("%q: required %v, preferred %v", s, p.Skills.Required, p.Skills.Preferred)
		}
	}
	for _, s := range []string{
		"Experience with R, SQL or JavaScript would help us grow.",
		"You will add value with R, SQL and JavaScript.",
		"State your preference: R, SQL or JavaScript.",
		// review s35 F9: a duty, the reader's interest
		"You will use R, SQL and JavaScript to deliver extra value to our clients.",
		"You will use R, SQL and JavaScript to give our customers a head start.",
		"R is required and you are also interested in SQL and JavaScript.",
		"You will work in R, SQL and JavaScript; the team would help if you get stuck.",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "## Requirements\n\n" + s + "\n"})
		if len(p.Skills.Preferred) != 0 {
			t.Errorf("%q: preferred %v, want none", s, p.Skills.Preferred)
		}
	}
}

// Session 35, from a throw-away sweep of 80 titles' levels (the misses
// the protocol decides: "Jnr"; "Trainee", "Associate", "Graduate" have no
// level in the dev labels): "Jnr" is Junior as "Snr" is Senior, and a
// number after it is a requisition's, as after "JR".
func TestJnrLevelS35(t *testing.T) {
	for _, c := range []struct {
		title string
		want  []string
	}{
		{"Jnr Developer", []string{"Junior"}},
		{"Jnr. Data Analyst", []string{"Junior"}},
		{"Data Analyst JNR 4411", []string{}},
	} {
		if got := Levels(c.title); !slices.Equal(got, c.want) {
			t.Errorf("Levels(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// Session 35, from a throw-away sweep of 36 preference wordings in list
// items of nine languages after a requirement (6 misread): a marker after
// a colon or a dash that closes a list of short names qualifies the whole
// list, not its last item only ("R, SQL or JavaScript: a bonus" read R as
// asked: shortListBefore); "... experience: appreciated"; German "gern
// gesehen", "kein Muss"; Spanish "suma puntos".
func TestListItemPreferencesS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct{ head, req, s string }{
		{"Requirements:", "- Experience with Python", "- R, SQL or JavaScript: a bonus"},
		{"Requirements:", "- Experience with Python", "- R, SQL or JavaScript - not essential but desirable"},
		{"Requirements:", "- Experience with Python", "- R, SQL or JavaScript experience: appreciated"},
		{"Profil recherché :", "- Expérience en Python", "- R, SQL ou JavaScript : un bonus"},
		{"Dein Profil:", "- Erfahrung mit Python", "- Kenntnisse in R, SQL oder JavaScript sind gern gesehen"},
		{"Dein Profil:", "- Erfahrung mit Python", "- Kenntnisse in R, SQL oder JavaScript sind kein Muss, aber schön"},
		{"Requisitos:", "- Experiencia en Python", "- Suma puntos si conoces R, SQL o JavaScript"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: c.head + "\n" + c.req + "\n" + c.s + "\n"})
		if !slices.Equal(p.Skills.Required, []string{"Python"}) || !slices.Equal(p.Skills.Preferred, []string{"JavaScript", "R", "SQL"}) {
			t.Errorf("%q: required %v, preferred %v", c.s, p.Skills.Required, p.Skills.Preferred)
		}
	}
	// a long item before the list's last one is a requirement of its own
	for _, c := range []struct {
		s         string
		req, pref []string
	}{
		{"- Deep experience operating Kubernetes in production, SQL or JavaScript: a bonus", []string{"Kubernetes", "Python"}, []string{"JavaScript", "SQL"}},
		{"- Kenntnisse in R sind ein Muss", []string{"Python", "R"}, []string{}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "Requirements:\n- Experience with Python\n" + c.s + "\n"})
		if !slices.Equal(p.Skills.Required, c.req) || !slices.Equal(p.Skills.Preferred, c.pref) {
			t.Errorf("%q: required %v, preferred %v", c.s, p.Skills.Required, p.Skills.Preferred)
		}
	}
}

// Session 35: TaxonomyLoader builds on one decoding of the embedded
// taxonomy; a build with extra skills (aliases merged into a built-in
// entry, a new entry) leaves the decoding as it was, so the next build
// without them is LoadTaxonomy(nil) again.
func TestTaxonomyLoaderReusesItsDecodingS35(t *testing.T) {
	build, err := TaxonomyLoader()
	if err != nil {
		t.Fatal(err)
	}
	extra := []SkillDef{{Name: "Python", Aliases: []string{"snake language"}}, {Name: "Zzyzx", Category: "tool", Aliases: []string{"zzyzx db"}}}
	withExtra, err := build(extra)
	if err != nil {
		t.Fatal(err)
	}
	if got := withExtra.Category("Zzyzx"); got != "tool" {
		t.Fatalf("extra skill's category %q", got)
	}
	want, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Skills(), want.Skills()) || again.sum != want.sum {
		t.Fatal("a build after one with extra skills differs from LoadTaxonomy(nil)")
	}
	if _, err := build([]SkillDef{{Name: "Clash", Category: "tool", Aliases: []string{"Postgres"}}}); err == nil {
		t.Fatal("an alias of another skill was taken")
	}
}

// Session 35, from round s35's dev document scs-text-de-sre: "Master"
// alone in parentheses after a degree word names the cycle ("ein
// abgeschlossenes Hochschulstudium (Master oder Äquivalent)"); "Scrum
// Master oder Product Owner" names no degree.
func TestMasterOrEquivalentS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Wir erwarten, dass Du\n* ein abgeschlossenes Hochschulstudium (Master oder Äquivalent) in Informatik hast,\n", []string{"Master's"}},
		{"Requirements:\n* A degree (Master or equivalent) in Physics\n", []string{"Master's"}},
		{"Wir erwarten, dass Du\n* Erfahrung als Scrum Master oder Product Owner hast,\n", []string{}},
		{"Requirements:\n* Bachelor oder Master oder vergleichbar\n", []string{"Bachelor's"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: c.text})
		if !slices.Equal(p.Education.Required, c.want) {
			t.Errorf("%q: required %v, want %v", c.text, p.Education.Required, c.want)
		}
	}
}

// Review s35 F3, F4: a marker closing a list after a lead-in colon or an
// obligation leaves the list before it asked for ("Requirements: Go, Rust,
// SQL or Python: a bonus"), and a clause after the marker's comma that
// asks for its own stays asked ("Python ist gern gesehen, Go ist
// erforderlich", also in English, where it was misread before).
func TestMarkerScopeLimitsS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text      string
		req, pref []string
	}{
		{"Requirements: Go, Rust, Java, SQL or Python: a bonus.", []string{"Go", "Java", "Rust"}, []string{"Python", "SQL"}},
		{"Must have: Go, Rust, Python or SQL: a bonus", []string{"Go", "Rust"}, []string{"Python", "SQL"}},
		{"Python ist gern gesehen, Go ist erforderlich.", []string{"Go"}, []string{"Python"}},
		{"Python ist kein Muss, Go ist erforderlich.", []string{"Go"}, []string{"Python"}},
		{"Python is a plus, Go is required.", []string{"Go"}, []string{"Python"}},
		{"Python is a plus, and so is Go.", []string{}, []string{"Go", "Python"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "About you\n\n" + c.text + "\n"})
		if !slices.Equal(p.Skills.Required, c.req) || !slices.Equal(p.Skills.Preferred, c.pref) {
			t.Errorf("%q: required %v, preferred %v", c.text, p.Skills.Required, p.Skills.Preferred)
		}
	}
}

// Review s35 F8: two families' lists that overlap keep the matcher's hits
// in token order, each once; a family's scan stops at another family's
// name ("Google Docs, Microsoft Teams, Forms": not Google Forms).
func TestFamilyHitsInOrderS35(t *testing.T) {
	n := normalizer(t)
	words := []string{"Google", "Docs", "Sheets", "Microsoft", "Teams", "Planner", "Slides", "Forms", "AWS", "Azure",
		"Functions", "Whiteboard", "Lambda", "Glue", "(", ")", ",", "and", "tools", "Office", "Workspace", "Calendar", "Drive"}
	r := rand.New(rand.NewPCG(35, 35))
	for k := 0; k < 5000; k++ {
		var b strings.Builder
		for range 3 + r.IntN(14) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		s := b.String()
		hits := n.m.find(s, asciiLowerString(s), tokenize(s, nil), nil)
		for i := 1; i < len(hits); i++ {
			if hits[i].tok < hits[i-1].end {
				t.Fatalf("%q: hits out of order or overlapping: %v", s, hits)
			}
		}
	}
	if got := n.Skills("Experience with Google Docs, Microsoft Teams, Forms and Whiteboard"); !slices.Equal(got, []string{"Google Docs", "Microsoft Teams", "Microsoft Whiteboard"}) {
		t.Errorf("got %q", got)
	}
}

// Review s35 F10, the rest: a plain-text line that names its subject
// before a predicative wish ("Terraform wäre klasse", "Terraform zou mooi
// zijn") is an item of its list with its own wish, not a heading of the
// nice-to-haves (wishOfItsOwn); "Es wäre schön, wenn du", "Ideal wäre:",
// "Wäre schön" still head them.
func TestWishOfItsOwnS35(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text      string
		req, pref []string
	}{
		{"Dein Profil:\nPython\nTerraform wäre klasse\nGo\nKubernetes\n", []string{"Go", "Kubernetes", "Python"}, []string{"Terraform"}},
		{"Dein Profil:\nPython\nTerraform wäre schön\nGo\nKubernetes\n", []string{"Go", "Kubernetes", "Python"}, []string{"Terraform"}},
		{"Jouw profiel:\nPython\nTerraform zou mooi zijn\nGo\nKubernetes\n", []string{"Go", "Kubernetes", "Python"}, []string{"Terraform"}},
		{"Dein Profil:\n- Python\n\nEs wäre schön, wenn du\n- Go\n- Kubernetes\n", []string{"Python"}, []string{"Go", "Kubernetes"}},
		{"Dein Profil:\n- Python\n\nIdeal wäre:\n- Go\n- Kubernetes\n", []string{"Python"}, []string{"Go", "Kubernetes"}},
		{"Dein Profil:\nPython\nWäre schön\nGo\nKubernetes\n", []string{"Python"}, []string{"Go", "Kubernetes"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: c.text})
		if !slices.Equal(p.Skills.Required, c.req) || !slices.Equal(p.Skills.Preferred, c.pref) {
			t.Errorf("%q: required %v, preferred %v", c.text, p.Skills.Required, p.Skills.Preferred)
		}
	}
}
