package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The sentences of these tests are real: they come from documents of the
// dev part of the real-world corpus (internal/corpus, SPLIT.md), each named
// by its slug. Each test is a class of text, not one posting: the layouts
// and neighbours vary.

func TestSecondPersonAndPlayfulHeadings(t *testing.T) {
	tests := []struct {
		name string
		raw  model.Raw
		want model.Skills
	}{
		{
			// sinnerschrader-swipe-text-android-developer-zurich
			name: "What you should bring with you:",
			raw: model.Raw{DescriptionText: "What you can expect from us:\n- Technical conception and development of Android apps\n" +
				"What you should bring with you:\n- Very good knowledge of Java\n- Ideally experience with development paradigms such as Design Patterns, Agile Development, Test Driven Development\n" +
				"What we offer:\n- Great benefits"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Agile", "Design Patterns", "Software Testing"}, Mentioned: []string{"Android"}},
		},
		{
			// stfc-computational-software-scientist: UK criteria
			name: "Essential Criteria",
			raw: model.Raw{DescriptionText: "## About the Role\nThe role will involve interacting with software engineers.\n## Essential Criteria\n" +
				"- Extensive experience of the Python programming language.\n- Knowledge of Git(Hub), Linux and Ansible.\n## Desirable Criteria\n- Familiarity with Docker\n## Benefits\n- Flexible working hours"},
			want: model.Skills{Required: []string{"Ansible", "Git", "Linux", "Python"}, Preferred: []string{"Docker"}, Mentioned: []string{}},
		},
		{
			// comenius-institut-text-softwareentwickler, sinnerschrader-swipe-text-technical-director-android
			name: "German requirement headings",
			raw: model.Raw{DescriptionText: "Aufgaben:\n- Entwicklung und Pflege von digitalen Plattformen\nVoraussetzungen:\n" +
				"- Kenntnisse in einer der folgenden Sprachen: Python, Node.js, PHP\n- Grundkenntnisse in der Verwendung von Large Language Models (LLMs)\n" +
				"Das solltest du mitbringen:\n- Langjährige Erfahrung in der Entwicklung nativer Apps für Android\nDas bieten wir:\n- Ein kompetentes und erfolgreiches Team"},
			want: model.Skills{Required: []string{"Android", "LLMs", "Node.js", "PHP", "Python"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// variant-text-utvecklare-stockholm-goteborg, sparebank1-text-*
			name: "Nordic headings: who are we looking for, what can we offer",
			raw: model.Raw{DescriptionText: "Vem letar vi efter?\nVi söker dig som har minst fem års erfarenhet av att utveckla digitala tjänster i React.\n" +
				"Hva kan vi tilby deg?\n- Konkurransedyktige betingelser og Kubernetes"},
			want: model.Skills{Required: []string{"React"}, Preferred: []string{}, Mentioned: []string{"Kubernetes"}},
		},
		{
			name: "a bold list item that names a part",
			raw: model.Raw{DescriptionHTML: `<ul><li><strong>Requirements</strong></li><li>Experience with Kafka</li>` +
				`<li><strong>Nice to have</strong></li><li>Experience with Flink</li><li><b>Spark</b></li></ul>`},
			want: model.Skills{Required: []string{"Kafka"}, Preferred: []string{"Flink", "Spark"}, Mentioned: []string{}},
		},
		{
			name: "a longer heading line before a list; a comma in it",
			raw: model.Raw{DescriptionHTML: `<p>You may be a good fit if you have</p><ul><li>Experience with Kafka</li></ul>` +
				`<p>Ideally, you also have</p><ul><li>Experience with Flink</li></ul>`},
			want: model.Skills{Required: []string{"Kafka"}, Preferred: []string{"Flink"}, Mentioned: []string{}},
		},
		{
			// phala-rust-blockchain-engineer: "2. 职位描述" (job description) holds the requirements
			name: "Chinese job description is an open part",
			raw: model.Raw{DescriptionText: "**2. 职位描述**\n- 有 Rust 开发经验，或拥有快速上手 Rust 的能力\n- 熟悉 Git 版本管理、单元测试，熟悉开源协作\n" +
				"**3. 职位方向**\n- 对接 Filecoin 等分布式存储协议"},
			want: model.Skills{Required: []string{"Git", "Open Source", "Rust", "Software Testing"}, Preferred: []string{}, Mentioned: []string{"Storage Systems"}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, tt.raw); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestInlinePreferenceForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       model.Skills
	}{
		{
			// cds-fr-developpeur-applications-react: the marker closes the item
			name: "a clause that holds only the marker qualifies the clause before it",
			text: "Critères :\n- Maîtrise de React et des technologies Web connexes.\n- Expérience dans l’utilisation de Python, un atout.\n- Experience with Terraform, a plus\n- Knowledge of SQL, preferred.",
			want: model.Skills{Required: []string{"React"}, Preferred: []string{"Python", "SQL", "Terraform"}, Mentioned: []string{}},
		},
		{
			// cds-fr-developpeur-applications-react
			name: "de préférence opens its clause",
			text: "Critères :\n- Maîtrise de React et des technologies Web connexes.\n- Expérience dans le domaine de l’infonuagique, de préférence avec AWS/Azure.",
			want: model.Skills{Required: []string{"Cloud Computing", "React"}, Preferred: []string{"AWS", "Azure"}, Mentioned: []string{}},
		},
		{
			// horizon-robotics-rust-intern: "加分" alone after a clause comma
			name: "a Chinese marker alone in its clause",
			text: "任职要求\n1. 熟悉 Rust 语言。\n2. 有发布过crate，加分；了解wasm，加分。",
			want: model.Skills{Required: []string{"Rust"}, Preferred: []string{"WebAssembly"}, Mentioned: []string{}},
		},
		{
			// spotify-lever b4ad9572: a hedged item in a requirements list
			name: "you might have",
			text: "Who You Are\n- You have experience with Kotlin.\n- You might have familiarity with SQL, analytics systems, or data engineering concepts.",
			want: model.Skills{Required: []string{"Kotlin"}, Preferred: []string{"SQL"}, Mentioned: []string{}},
		},
		{
			// codeando-mexico-text-lider-de-comunidad
			name: "(Plus) in front of the item",
			text: "Requisitos:\n- Experiencia trabajando con tecnologías colaborativas.\n- (Plus) Habilidades de diseño como wireframing y uso de productos de diseño gráfico como Photoshop o GIMP.\n- (Plus) Sabes HTML y CSS.",
			want: model.Skills{Required: []string{}, Preferred: []string{"GIMP", "HTML/CSS", "Photoshop"}, Mentioned: []string{}},
		},
		{
			// devport-text-frontend-developer
			name: "a question answered by a preference",
			text: "We bieden daarom professionele ondersteuning. Heb je ervaring met React, Angular of Vue? Dan is dat een pré, maar het is geen vereiste.",
			want: model.Skills{Required: []string{}, Preferred: []string{"Angular", "React", "Vue"}, Mentioned: []string{}},
		},
		{
			// sparebank1-text-utvikler-masterdata, sparebank1-text-javautvikler-sikkerhet
			name: "Norwegian markers: fordel, ønsket, gjerne",
			text: "Kvalifikasjoner\n- Ønsket erfaring med utvikling av Masterdata management-løsninger, gjerne Informatica MDM\n" +
				"- ETL-erfaring, gjerne Informatica PowerCenter eller andre dataintegrasjonsverktøy\n- SQL-erfaring\n- Fordel med kjennskap til Java og REST/JSON",
			want: model.Skills{Required: []string{"ETL", "SQL"}, Preferred: []string{"Informatica MDM", "Informatica PowerCenter", "Java", "Master Data Management", "REST APIs"}, Mentioned: []string{}},
		},
		{
			// sinnerschrader-swipe-text-technical-director-android
			name: "German: wäre ein Pluspunkt",
			text: "Das solltest du mitbringen:\n- Langjährige Erfahrung in der Entwicklung nativer Apps für Android\n- Die Mitwirkung an Open-Source-Projekten wäre ein Pluspunkt",
			want: model.Skills{Required: []string{"Android"}, Preferred: []string{"Open Source"}, Mentioned: []string{}},
		},
		{
			// plct-lab-spidermonkey-intern: 最好 (ideally) among the duties
			name: "a strong marker in a duties part",
			text: "工作内容： 将 Spidermonkey 移植到 RISC-V 平台。最好能明白 Rust 相关的编译流程。",
			want: model.Skills{Required: []string{}, Preferred: []string{"Rust"}, Mentioned: []string{"RISC-V"}},
		},
		{
			// steno-aarhus-research-software-engineer: a preference lead-in
			// and an item wrapped across lines
			name: "we prefer, but don't require; a wrapped item",
			text: "We require that you:\n- Have used Git or other version control software on a fairly regular basis for projects\n" +
				"And we prefer, but don’t require, that you:\n- Have worked on, started, or contributed to open source projects (e.g. Open Science\nFramework, GitHub, GitLab)\n" +
				"- Have experience in or familiar with using HTML, CSS, and other web technologies.",
			want: model.Skills{Required: []string{"Git", "Version Control"}, Preferred: []string{"GitHub", "GitLab", "HTML/CSS", "Open Source"}, Mentioned: []string{}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, model.Raw{DescriptionText: tt.text}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestRequirementSentencesInOpenParts(t *testing.T) {
	tests := []struct {
		name, text string
		want       model.Skills
	}{
		{
			// stfc-computational-software-scientist
			name: "a clause after a semicolon goes on with its sentence",
			text: "Some people in this team.\n- Knowledge of databases such as PostgreSQL; MySQL; SQLite and SQLAlchemy.",
			want: model.Skills{Required: []string{"MySQL", "PostgreSQL", "SQLAlchemy", "SQLite"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// sinnerschrader-swipe-text-android-developer-zurich: "e.g." ends no sentence
			name: "abbreviations",
			text: "Our projects.\n- Experience in client/server communication and with internet standards (e.g. HTTP/S, REST, XML, JSON)",
			want: model.Skills{Required: []string{"HTTP", "REST APIs"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// posthog-growth-engineer
			name: "you will need",
			text: "Since this is the first person in this type of role, you will need product and design thinking, the ability to implement, and basic data analysis skills.",
			want: model.Skills{Required: []string{"Data Analysis"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// github-greenhouse 1398392, and list items phrased as a
			// candidate's quality or past experience; a paragraph after
			// the list asks nothing (an item of the list would be asked
			// for since session 26: most items ask, see listAsks)
			name: "exposure to; items that open with a quality or past experience",
			text: "The stuff\n- Exposure to software version control systems/Git and GitHub.\n- Strong Python skills\n- Have shipped production code in Rust\n\nOur manager plans in Jira.",
			want: model.Skills{Required: []string{"Git", "GitHub", "Python", "Rust", "Version Control"}, Preferred: []string{}, Mentioned: []string{"Jira"}},
		},
		{
			// variant-text-utvecklare-stockholm-goteborg: Swedish cue words
			name: "Nordic experience words",
			text: "Hos oss kommer du att arbeta i olika kunduppdrag.\nDu har erfarenhet av Kotlin och kunskaper i Docker.",
			want: model.Skills{Required: []string{"Docker", "Kotlin"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// variant-text-plattformutvikler-i-trondheim ("Er sterk på CI/CD
			// pipelines"), and the same cue in German and French
			name: "strong at, handling of, at ease with",
			text: "Vi tilbyr raushet.\nEr sterk på CI/CD pipelines, om det er Github Actions eller Azure DevOps.\nSicherer Umgang mit Kubernetes.\nTu es à l’aise avec Terraform.",
			want: model.Skills{Required: []string{"Azure DevOps", "CI/CD", "GitHub Actions", "Kubernetes", "Terraform"}, Preferred: []string{}, Mentioned: []string{}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, model.Raw{DescriptionText: tt.text}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestCompanyNameIsNoSkill(t *testing.T) {
	n := normalizer(t)
	// github-greenhouse 1201581 and 1394106, figma-greenhouse
	text := "GitHub Engineering and Product Management organizations are highly distributed so you should embrace an environment of asynchronous communication.\n" +
		"Requirements\n- Familiarity with GitHub is a plus\n- Strong SQL"
	got := n.Normalize("s", "GitHub", model.Raw{DescriptionText: text}).Skills
	want := model.Skills{Required: []string{"SQL"}, Preferred: []string{"GitHub"}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GitHub:\n got %+v\nwant %+v", got, want)
	}
	// github-greenhouse 1394106, 1424415 (GitHub is an entry of its own
	// since round 12, under Git)
	for _, tt := range []struct {
		item string
		want []string
	}{
		{"Previous work with GitHub and/or developers", []string{"GitHub"}},
		{"Experience working with git and GitHub.", []string{"Git", "GitHub"}},
	} {
		got = n.Normalize("s", "GitHub", model.Raw{DescriptionText: "Requirements\n- " + tt.item}).Skills
		if !reflect.DeepEqual(got.Required, tt.want) {
			t.Errorf("%q: required %q, want %q", tt.item, got.Required, tt.want)
		}
	}
	text = "Requirements\n- At Figma, one of our values is Grow as you go. If your past experience doesn’t align perfectly, apply anyway.\n- Experience with Salesforce\n" +
		"- Your data is processed in accordance with Figma's Candidate Privacy Notice."
	for _, company := range []string{"Figma", "Figma Inc."} {
		got = n.Normalize("s", company, model.Raw{DescriptionText: text}).Skills
		want = model.Skills{Required: []string{"Salesforce"}, Preferred: []string{}, Mentioned: []string{"Figma"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", company, got, want)
		}
	}
	// another company's posting names Figma as a tool
	got = n.Normalize("s", "Acme", model.Raw{DescriptionText: text}).Skills
	if !reflect.DeepEqual(got.Required, []string{"Figma", "Salesforce"}) {
		t.Errorf("Acme: required %q, want Figma and Salesforce", got.Required)
	}
}

// Inline markers of more languages. The frames are dev sentences
// (variant-text-plattformutvikler-i-trondheim "Det er også fint om du",
// opencollective-* "extra points if you’ve used ..."); the markers vary.
func TestInlineMarkersOfMoreLanguages(t *testing.T) {
	tests := []struct{ text, pref string }{
		{"Du har\n- Erfaring med C# og .NET\n- Det er også fint om du har erfaring med Terraform", "Terraform"},
		{"Du har\n- Erfaring med C# og .NET\n- Det är bra om du kan Terraform", "Terraform"},
		{"Requirements\n- Experience with C# and .NET\n- Tech tools (extra points if you’ve used Terraform, of course!)", "Terraform"},
		{"Requirements\n- Experience with C# and .NET\n- Great if you know Terraform", "Terraform"},
		{"Requirements\n- Experience with C# and .NET\n- Terraform would be useful", "Terraform"},
		{"Profil recherché\n- Expérience avec C# et .NET\n- La connaissance de Terraform est la bienvenue", "Terraform"},
		{"Requisiti\n- Esperienza con C# e .NET\n- Gradita la conoscenza di Terraform", "Terraform"},
		{"Requisitos\n- Experiencia con C# y .NET\n- Se valora experiencia con Terraform", "Terraform"},
		{"Wat vragen wij\n- Ervaring met C# en .NET\n- Kennis van Terraform strekt tot aanbeveling", "Terraform"},
		{"任职要求\n- 熟悉 C# 和 .NET\n- 熟悉 Terraform 尤佳", "Terraform"},
	}
	for _, tt := range tests {
		got := skillsOf(t, model.Raw{DescriptionText: tt.text})
		if !reflect.DeepEqual(got.Preferred, []string{tt.pref}) || !reflect.DeepEqual(got.Required, []string{".NET", "C#"}) {
			t.Errorf("%q:\n got %+v\nwant required [.NET C#], preferred [%s]", tt.text, got, tt.pref)
		}
	}
}

// cfpb-backend-developer-devops: "Are Jenkins and Travis your friends?" in
// the intro, with no heading above it.
func TestQuestionsToTheReader(t *testing.T) {
	got := skillsOf(t, model.Raw{DescriptionText: "Do you have a passion for using your stellar technical skills to help people? Do you love to automate, measure, and test all things? Are Jenkins and Travis your friends?\n" +
		"Kennst du dich mit Kafka aus? Wir bauen mit Spark."})
	want := model.Skills{Required: []string{}, Preferred: []string{"Jenkins", "Kafka", "Travis CI"}, Mentioned: []string{"Spark"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// variant-text-utvecklare-stockholm-goteborg: under "Vem letar vi efter?",
// questions that open with "maybe" give examples, not requirements.
func TestHedgedQuestionsAreExamples(t *testing.T) {
	text := "Vem letar vi efter?\nVi söker dig som har minst fem års erfarenhet av att utveckla digitala tjänster i TypeScript. " +
		"Kanske är du en kämpe för React, Vue, Angular eller andra moderna front-end-teknologier? Eller har du kanske jobbat mer med .NET, Java eller Kotlin?\n" +
		"Vi tror att du exempelvis kan\n- Molnplattformar (Azure, AWS, Vercel och Heroku)\n- Designsystem"
	got := skillsOf(t, model.Raw{DescriptionText: text})
	want := model.Skills{Required: []string{"AWS", "Azure", "Cloud Computing", "Design Systems", "Heroku", "TypeScript", "Vercel"}, Preferred: []string{},
		Mentioned: []string{".NET", "Angular", "Java", "Kotlin", "React", "Vue"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
