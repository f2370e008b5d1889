package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 23: classes of text whose skills were read as asked for though
// the text does not ask for them. The sentences are from dev documents of
// the corpus (named).
func TestS23CompanyBlurbs(t *testing.T) {
	h := func(s string) model.Raw { return model.Raw{DescriptionHTML: s} }
	checkSkills(t, []skillCase{
		{
			// anthropic-greenhouse: the company's blurb under "About
			// Anthropic"; "beneficial for our users" names whom AI
			// serves, not a wish of the employer's
			name: "About <company> is the company's blurb",
			raw: h("<h2>About Anthropic</h2><p>Anthropic’s mission is to create reliable, interpretable, and steerable AI systems. " +
				"We want AI to be safe and beneficial for our users and for society as a whole. Our team is a quickly growing group " +
				"of committed researchers, engineers, policy experts, and business leaders working together to build beneficial AI systems.</p>" +
				"<h2>Minimum qualifications</h2><ul><li>Familiarity with PSIM or SIEM platforms</li></ul>"),
			want: model.Skills{Required: []string{"SIEM"}},
		},
		{
			// the same blurb with no heading above it: "beneficial" is
			// said of AI, for the users
			name: "beneficial for someone marks no preference",
			raw: h("<p>We want AI to be safe and beneficial for our users and for society as a whole.</p>" +
				"<p>Our team works together to build beneficial AI systems.</p>"),
		},
		{
			// "beneficial" said of what its sentence names still marks a
			// preference (the form of "is a plus")
			name: "X would be beneficial",
			raw:  h("<h3>Requirements</h3><ul><li>Strong Python skills</li><li>Experience with Kubernetes would be highly beneficial</li></ul>"),
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}},
		},
	})
}

func TestS23AboutOrganisationHeadings(t *testing.T) {
	for _, tc := range []struct {
		h    string
		want class
	}{
		// dev headings of company blurbs (anthropic-greenhouse,
		// cfpb-clojure-developers, cds-fr-*, djangocon*, tor-project-*)
		{"About Anthropic", clsMentioned},
		{"About the CFPB", clsMentioned},
		{"À propos du SNC", clsMentioned},
		{"À propos de nous", clsMentioned},
		{"About okTurtles Foundation", clsMentioned},
		{"About Tor:", clsMentioned},
		{"Über den Auftraggeber", clsMentioned},
		// the job and the candidate keep their classes
		{"About the Role", clsOpen},
		{"About this job", clsOpen},
		{"About You", clsRequired},
		{"Über dich", clsRequired},
		{"Om tjänsten", clsOpen},
		{"About the internship", clsUnknown},
		{"À propos du poste", clsUnknown},
	} {
		if got := classifyHeading(tc.h, true); got != tc.want {
			t.Errorf("classifyHeading(%q) = %d, want %d", tc.h, got, tc.want)
		}
	}
}

// Session 23: a sentence that hires ("looking for a DevOps who will
// ...", "we need a Senior Backend Engineer to join") asks for no skill by
// itself; "with" or "who has" after it still does.
func TestS23HiringSentences(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// djangocon19-peopledoc-devops-engineer: the tools are what
			// the DevOps will support developers with
			name: "looking for someone who will",
			raw: d("To improve our CI/CD and the quality of our deployments, Peopledoc is looking for a DevOps who will implement " +
				"and maintain tools in the production environment and support developers with the usage of new technologies/services " +
				"(Docker, Vault, Datadog).\n"),
		},
		{
			// djangocon19-verve-backend-engineer-python: the service's
			// stack, then a hire
			name: "we need an engineer to join",
			raw: d("Verve is building a global platform that enables advocates to sell the products they love to their friends. " +
				"Our entire service is built using Python 3, Django, GraphQL, React.js and SASS and we need a Senior Backend Engineer " +
				"to join our team and contribute significantly to the software and system design of our services.\n"),
		},
		{
			// "with" after the person sought still asks (the form of
			// tor-project and github-greenhouse openings)
			name: "looking for someone with",
			raw:  d("We are looking for an engineer with strong experience in Go and Kubernetes.\n"),
			want: model.Skills{Required: []string{"Go", "Kubernetes"}},
		},
		{
			name: "we need someone who has",
			raw:  d("We need someone who has shipped production services in Rust.\n"),
			want: model.Skills{Required: []string{"Rust"}},
		},
	})
}

// Session 23: heading phrases of the candidate's side that no list named
// (written from the forms postings use, not from one document): what
// helps one succeed, whom the job suits, the candidate's strengths and
// person, and a wish said with delight.
func TestS23HeadingPhrases(t *testing.T) {
	for _, tc := range []struct {
		h    string
		want class
	}{
		{"What will help you succeed", clsRequired},
		{"Who should apply", clsRequired},
		{"You'll love this job if", clsRequired},
		{"Your strengths", clsRequired},
		{"Tools of the trade", clsRequired},
		{"Som person är du", clsRequired},
		{"Det här har du", clsRequired},
		{"Du kommer att trivas om du", clsRequired},
		{"Vi lägger stor vikt vid", clsRequired},
		{"We'd be thrilled if you", clsPreferred},
		{"Cherry on top", clsPreferred},
		// unchanged: the job's part and the company's values
		{"What you'll be doing", clsMentioned},
		{"Our values", clsMentioned},
	} {
		if got := classifyHeading(tc.h, true); got != tc.want {
			t.Errorf("classifyHeading(%q) = %d, want %d", tc.h, got, tc.want)
		}
	}
}

// Session 23: "UI/UX" names two disciplines, UI Design and UX Design, as
// a list names each of its items.
func TestS23UIBesideUX(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// fronteers-zig-conversational-senior-frontend-developer
			name: "UI | UX in a list of the stack",
			raw:  d("Wat vragen we?\n- ReactJS | JavaScript | UI | UX | Redux | Scrum/Agile (pré)\n"),
			want: model.Skills{Required: []string{"JavaScript", "React", "Redux", "UI Design", "UX Design"}, Preferred: []string{"Agile", "Scrum"}},
		},
		{
			// osd-preset-superset-product-designer
			name: "knowledge in UI/UX",
			raw:  d("Requirements\n- Product Designer/CSS wizard/contributor who has knowledge in UI/UX\n"),
			want: model.Skills{Required: []string{"HTML/CSS", "UI Design", "UX Design"}},
		},
		{
			// anadea-senior-frontend-developer-with-spanish: the pair
			// names teams, as "UX teams" does
			name: "UI/UX teams",
			raw:  d("Requirements\n- Proven ability to collaborate effectively with UI/UX teams and cross-functional groups\n"),
		},
		{
			// consileon-text-senior-platform-engineer-golang-aws: a Go
			// interface's design is no user interface's
			name: "Interface Design among Go skills",
			raw:  d("Core Skills – Must-Haves\n- Excellent knowledge of Golang programming\n- Table-Driven Testing\n- Interface Design\n"),
			want: model.Skills{Required: []string{"Go"}},
		},
	})
}

// Session 23: the names of practices in the corpus's other languages
// (translations, which PROTOCOL.md allows as aliases), from dev documents.
func TestS23PracticeTranslations(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// mund-consulting-text-senior-java-developer
			name: "Cloud-Umgebungen",
			raw:  d("Wichtige Bewertungskriterien:\n- Kenntnisse in Cloud-Umgebungen (vorzugsweise OpenShift, Azure oder AWS)\n"),
			want: model.Skills{Preferred: []string{"AWS", "Azure", "Cloud Computing", "OpenShift"}},
		},
		{
			// eviden-austria-text-tester-senior
			name: "Testerfahrung",
			raw:  d("Anforderungen:\n- in den letzten 8 Jahren über zumindest 6 Jahre Berufserfahrung in der IT-Branche und davon zumindest 4 Jahre praktische Testerfahrung\n"),
			want: model.Skills{Required: []string{"Software Testing"}},
		},
		{
			// pingcap-infra-engineer: "software architecture"
			name: "软件架构",
			raw:  d("任职要求：\n4.有一定软件架构能力，了解微服务拆分，分布式架构设计及常用中间件；\n"),
			want: model.Skills{Required: []string{"Distributed Systems", "Microservices", "Middleware", "System Design"}},
		},
		{
			// guangzhou-shenzhen-rust-engineer keeps "信息安全" as a
			// field of study (generalize_test): no alias
			name: "信息安全 as a major",
			raw:  d("职位要求\n- 计算机软件、信息安全等相关专业，统招本科及以上学历\n"),
		},
	})
}

// Session 23: inline preference markers that the lists missed, in the
// forms English and Swedish postings use ("... would be awesome", "...
// helps", "Even better if", "a nice addition", "would set you apart",
// "make you stand out", "meriterar", "Extra: ...").
func TestS23InlinePreferences(t *testing.T) {
	var tests []skillCase
	for _, item := range []string{
		"Kubernetes experience would be awesome",
		"Experience with Kubernetes helps",
		"Even better if you have worked with Kubernetes",
		"Kubernetes would be a nice addition",
		"Having Kubernetes experience would set you apart",
		"Kubernetes experience will make you stand out",
		"Erfarenhet av Kubernetes meriterar",
		"Extra: Kubernetes",
	} {
		tests = append(tests, skillCase{
			name: item,
			raw:  model.Raw{DescriptionText: "Requirements\n- Strong Python skills\n- " + item + "\n"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}},
		})
	}
	// not preferences: a requirement that "helps" the team, "stand out"
	// as the job's aim
	tests = append(tests, skillCase{
		name: "helps the team",
		raw:  model.Raw{DescriptionText: "Requirements\n- Kubernetes experience that helps the team ship\n"},
		want: model.Skills{Required: []string{"Kubernetes"}},
	})
	checkSkills(t, tests)
}

// Session 23: a count of years of a tool asks for it ("3+ years of Go"),
// and headings that say what the role requires ("The role requires",
// "What will make you successful in this role", "You'll be great at this
// if", "Mandatory", "You should know:").
func TestS23YearsOfAndRoleRequires(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "years of a tool in a part no heading classifies",
			raw:  d("We are a fast-growing startup building tools for logistics.\n\n3+ years of Go.\n"),
			want: model.Skills{Required: []string{"Go"}},
		},
		{
			name: "years of growth count nothing",
			raw:  d("After years of growth on Kubernetes we are hiring.\n"),
		},
	})
	for _, tc := range []struct {
		h    string
		want class
	}{
		{"What will make you successful in this role", clsRequired},
		{"This role requires", clsRequired},
		{"You'll be great at this if", clsRequired},
		{"Mandatory", clsRequired},
		{"You should know", clsRequired},
	} {
		if got := classifyHeading(tc.h, true); got != tc.want {
			t.Errorf("classifyHeading(%q) = %d, want %d", tc.h, got, tc.want)
		}
	}
}

// Session 23: a product's short name inside a list of its vendor's or
// its kind's products ("Word, Excel, Access", "Redis, MongoDB, Elastic",
// "EC2, RDS, S3, Lambda"), and ECMAScript's yearly versions.
func TestS23ShortNamesInLists(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// tor-project-controller
			name: "Access among the Office programs",
			raw:  d("Requirements\n- Knowledge and ability in the use of a personal computer and software applications (e.g. Microsoft Word, Excel, Access, PowerPoint, etc.).\n"),
			want: model.Skills{Required: []string{"Excel", "Microsoft Access", "Microsoft Word", "PowerPoint"}},
		},
		{
			// anadea-middle-php-developer-conversational-spanish-is-mandatory
			name: "Elastic among NoSQL databases",
			raw:  d("Requirements\n- Knowledge of NoSQL Databases (Redis, MongoDB, Elastic)\n"),
			want: model.Skills{Required: []string{"Elasticsearch", "MongoDB", "NoSQL", "Redis"}},
		},
		{
			// djangocon19-plecto-senior-python-developer
			name: "ES2016",
			raw:  d("Qualifications\n- HTML5\n- ES2016\n"),
			want: model.Skills{Required: []string{"HTML/CSS", "JavaScript"}},
		},
		{
			// sms-consulting-text-spezialist-fuer-eidas-evaluierten-systeme-und-zertifizierung
			name: "Extended Access Control is no Microsoft Access",
			raw:  d("Anforderungen:\n- Extended Access Control (EAC) und Passive Authentication (PA), X.509\n"),
			want: model.Skills{Required: []string{"X.509"}},
		},
	})
}

// Session 23: a list item that is a heading phrase alone over a nested
// list names its part; a participle that opens a sentence about a product
// ("Built on ...", "Written in Go, our CLI") asks nothing of the
// candidate.
func TestS23NestedHeadingsAndParticiples(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "nested lists under heading items",
			raw:  model.Raw{DescriptionHTML: "<ul><li>Requirements<ul><li>Python</li></ul></li><li>Nice to have<ul><li>Kubernetes</li></ul></li></ul>"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}},
		},
		{
			// detectify-customer-success-engineer: the company's blurb
			name: "Built on ... , the company offers",
			raw: model.Raw{DescriptionText: "What we do at Detectify\n\nBuilt on ethical hacker knowledge, Detectify offers a web application " +
				"security scanner that automates hacker attacks to help businesses stay safe.\n"},
		},
		{
			name: "Built pipelines on Spark still tells experience",
			raw:  model.Raw{DescriptionText: "About the role\n\nBuilt pipelines on Spark at scale.\n"},
			want: model.Skills{Required: []string{"Spark"}},
		},
	})
}

// Session 23: a language whose name is also a word ("go", "rust",
// "swift") written in lower case is the language inside a list of named
// skills, with only a comma or a slash beside it (issue 9: words that are
// skills only in context).
func TestS23LowerCaseLanguagesInLists(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// dtd-text-security-engineer
			name: "go in a list of languages",
			raw:  d("Qualifiche chiave\n- Buona esperienza con linguaggi di programmazione (C/C++, Python, go, etc.)\n"),
			want: model.Skills{Required: []string{"C", "C++", "Go", "Python"}},
		},
		{
			name: "a list in lower case",
			raw:  d("Requirements\n- Experience with java, python, rust\n- Kotlin/swift\n"),
			want: model.Skills{Required: []string{"Java", "Kotlin", "Python", "Rust", "Swift"}},
		},
		{
			name: "the verb before a comma",
			raw:  d("Requirements\n- Ready to go, Python is our main language\n- We go to conferences. Python experience.\n"),
			want: model.Skills{Required: []string{"Python"}},
		},
	})
}

// Session 23: the Chinese stacks' projects named beside entries the
// taxonomy had ("熟悉Spring Boot、MyBatis等框架").
func TestS23ChineseStacks(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{Title: "Java开发工程师", DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "MyBatis beside Spring Boot, Redis and Kafka preferred",
			raw:  d("职位要求\n1、本科及以上学历，3年以上Java开发经验；\n2、熟悉Spring Boot、MyBatis等框架；\n3、熟悉Redis、Kafka者优先；\n"),
			want: model.Skills{Required: []string{"Java", "MyBatis", "Spring Boot"}, Preferred: []string{"Kafka", "Redis"}},
		},
		{
			name: "front-end and mini programs",
			raw:  d("任职要求：\n- 熟悉Vue、Element UI、ECharts\n- 有微信小程序或uni-app开发经验者优先\n"),
			want: model.Skills{Required: []string{"ECharts", "Element UI", "Vue"}, Preferred: []string{"WeChat Mini Program", "uni-app"}},
		},
	})
}

// Session 23: a parenthesis that says what the team uses ("(we use
// GitHub)") names the team's tools inside a requirement.
func TestS23TeamAsides(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// mui-text-designer
			name: "git (we use GitHub)",
			raw:  d("About you\n- Feel comfortable around code and git (we use GitHub).\n"),
			want: model.Skills{Required: []string{"Git"}},
		},
		{
			// osd-simply-secure-visual-web-designer
			name: "(we use Figma, Notion, and Miro, primarily)",
			raw:  d("Requirements\n- You use tools that facilitate easy, remote collaboration (we use Figma, Notion, and Miro, primarily).\n"),
		},
		{
			// posthog-full-stack-software-engineer
			name: "(we use Clickhouse and Postgres) in a sentence that asks",
			raw: d("In particular, those with a very strong background in Django, architecture and databases (we use Clickhouse and Postgres) " +
				"are going to have fun here.\n"),
			want: model.Skills{Required: []string{"Django"}},
		},
		{
			name: "examples in parentheses still count",
			raw:  d("Requirements\n- Experience with SQL databases (e.g. PostgreSQL)\n"),
			want: model.Skills{Required: []string{"PostgreSQL", "SQL"}},
		},
	})
}

// Session 23: French "vous connaissez" asks, as "vous maîtrisez" does.
func TestS23FrenchKnow(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "Vous connaissez",
			raw:  model.Raw{DescriptionText: "Nous recherchons un développeur.\n\nVous connaissez Linux et Ansible.\n"},
			want: model.Skills{Required: []string{"Ansible", "Linux"}},
		},
	})
}
