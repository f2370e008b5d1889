package normalize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 30: a heading asked as a question ("Vem letar vi efter?", "Is
// this you?") between the sentences of a description whose line breaks
// were lost opens its part, as it does on a line of its own.
func TestFlatQuestionHeadings(t *testing.T) {
	// variant-text-utvecklare-stockholm-goteborg, lines joined with a
	// space (the spaced variant of TestFlattenedDev)
	const intro = "Välkommen till Variant. Vi är ett konsultföretag som lever för transperens, gillar människor med stor nyfikenhet " +
		"och som prioriterar generositet. Vi vill arbeta med organisationer där teknik och design tillsammans skapar starka, " +
		"hållbara lösningar. Vi erbjuder mer än schyssta villkor, bra lön samt möjlighet att arbeta på häftiga uppdrag " +
		"tillsammans med engagerade kollegor. Vi tar transparensen till nya höjder, för vi tror att öppenhet inte kan skada. " +
		"Tvärt om, skapar det samhörighet. "
	checkSkills(t, []skillCase{
		{
			name: "Swedish question heading",
			raw: model.Raw{DescriptionText: intro + "Vem letar vi efter? Hos oss kommer du att arbeta i olika kunduppdrag utifrån " +
				"erfarenhet och dina önskemål. Vi tror att du exempelvis kan - JavaScript (i alla möjliga former, såsom React och " +
				"Node.js) - HTML och CSS - Docker och Kubernetes - C#, .NET Core Hos oss får du: - Bra och rättvisa villkor - Bra lön"},
			want: model.Skills{Required: []string{".NET", "C#", "Docker", "HTML/CSS", "JavaScript", "Kubernetes", "Node.js", "React"}},
		},
		{
			name: "English question heading",
			raw: model.Raw{DescriptionText: intro + "Is this you? You have built services in Go and Kubernetes for years, and " +
				"you care about the people who use them. What we offer: - A budget for learning - Remote work"},
			want: model.Skills{Required: []string{"Go", "Kubernetes"}},
		},
		{
			// a question that names no part stays a sentence: its
			// skills are the open paragraph's (mentioned)
			name: "a question in prose",
			raw: model.Raw{DescriptionText: intro + "Wil je meer weten over ons? Bekijk eens onze pagina over Kubernetes en Go, " +
				"of lees meer over onze opdrachtgevers en hun projecten in de zorg en de energie, die wij al jaren helpen."},
			want: model.Skills{},
		},
	})
}

// Session 30: a heading phrase inside the title-case label that opens a
// list item ("- Modern Business Tech Stack Management (CIO/RevOps):
// ...") is part of the label, not a heading glued to the word before it;
// after a list's last word it still is one.
func TestFlatHeadingInsideItemLabel(t *testing.T) {
	// mui-text-operations-engineer, lines joined with a space, and with
	// nothing between them (the glued variant)
	const req = "Who we're looking for Required - Full-Stack Engineering: Proficiency in TypeScript and SQL; can quickly build " +
		"internal tools, scripts, and API integrations. - Data Engineering & Analytics Architecture: Track record of designing " +
		"reliable data pipelines, maintaining zero-defect data models, and delivering actionable insights."
	const item = "Modern Business Tech Stack Management (CIO/RevOps): Technical mastery over core SaaS ecosystems (Salesforce/HubSpot, " +
		"Stripe, NetSuite/Xero, Segment, GitHub/npm APIs). - High conscientiousness & Detail rigor: Strong commitment to " +
		"no-defect execution. Nice to have (but not required) - Experience with React, Next.js, and MUI's tool ecosystem."
	want := model.Skills{Required: []string{"Data Modeling", "ETL", "GitHub", "HubSpot", "NetSuite", "SQL", "Salesforce", "Segment", "Stripe",
		"TypeScript", "Xero", "npm"}, Preferred: []string{"Material UI", "Next.js", "React"}}
	checkSkills(t, []skillCase{
		{name: "spaced", raw: model.Raw{DescriptionText: req + " - " + item}, want: want},
		{name: "glued", raw: model.Raw{DescriptionText: req + "- " + item}, want: want},
		{
			// after a list's last word the phrase is a heading: the
			// list before it is the requirements', the items after it
			// the offer's
			name: "heading after a list's last word",
			raw: model.Raw{DescriptionText: req + " - Tools: Slack, Notion What we offer Health Insurance: full cover " +
				"for you and your family - Equity Budget: Kubernetes training and a conference a year"},
			want: model.Skills{Required: []string{"Data Modeling", "ETL", "Notion", "SQL", "Slack", "TypeScript"}},
		},
	})
}

// Session 30: a bold label whose marks are gone runs its colon into the
// capitalised word after it ("**Must-Have Anforderungen:**Vertiefte" as
// "Must-Have Anforderungen:Vertiefte"); the heading still ends there.
func TestFlatHeadingColonGlued(t *testing.T) {
	// quincey-text-senior-office-entwickler-und-tester-mit-kenntnissen-in-invar,
	// lines joined with a space, bold marks dropped (its own lines had
	// lost their breaks already)
	const text = "Für unseren Kunden suchen wir 3 Senior Entwickler Office-Programmierung und 1 Senior Tester (m/w/d) " +
		"Start:01.11.2025Laufzeit:bis 31.10.2026 (mit Verlängerungsoption)Auslastung:Vollzeit, ca. 90% Remote / 10% On-Site " +
		"Sofern Sie ein Team haben, gerne anbieten! Aufgaben (Senior Tester):Spezifikation, Durchführung, Automatisierung und " +
		"Dokumentation von TestsErstellung und Verwaltung von Testfällen (SilkCentral Testmanager)Durchführung von " +
		"BarrierefreiheitstestsTestauswertung, Fehleranalyse und ReportingUnterstützung bei der Implementierung automatisierter " +
		"Tests Eingesetzte Toolkette und Technologien:IntellJ, Postman, Bitbucket / git, VisualStudio, Payara, Maven, Jenkins, " +
		"NexusIQ, SonarQube, Confluence, Jira, SilkTest, Tamara, SilkCentral Testmanager, Aqua Must-Have Anforderungen:Vertiefte " +
		"KenntnisseKafkaExpertenwissenin Windows Terminalserver, Word, Excel, Access, Outlook, PowerPoint, Visio Weitere " +
		"Anforderungen:Sehr gute Kenntnisse: VB.NET, SQL"
	checkSkills(t, []skillCase{{
		name: "colon glued",
		raw:  model.Raw{DescriptionText: text},
		// "KenntnisseKafka" is past reading: Kafka is lost
		want: model.Skills{Required: []string{"Excel", "Microsoft Access", "Microsoft Word", "Outlook", "PowerPoint", "SQL",
			"Visio", "Visual Basic .NET", "Windows"}},
	}})
}

// Session 30: a heading in title case ends before an article that opens
// the sentence after it ("Why You’ll Love This Role The Staff Security
// Operations Engineer will be ..."), not after it.
func TestFlatHeadingEndsBeforeArticle(t *testing.T) {
	// cjr-cribl-staff-security-operations-engineer, lines joined with a
	// space
	const text = "Join the company that’s building the telemetry infrastructure for the AI era. At Cribl, we partner with IT and " +
		"Security teams at many of the world’s largest organizations to give them the choice and control over their data " +
		"they need, wherever it lives, in the cloud, on premises and at the edge, with products that fit the way they work. We’re one of the fastest-growing private companies and a " +
		"leading player in a massive, fast-moving market. With a global workforce, we’re remote-first and we hire people who " +
		"bring curiosity, humility and real care for the customer to the work they do every single day. Why You’ll Love This " +
		"Role The Staff Security Operations Engineer will be a pivotal member of Cribl’s Information Security team."
	ps := flatPieces(text)
	found := false
	for _, p := range ps {
		if strings.HasSuffix(strings.TrimSpace(p), "Role The") {
			t.Errorf("heading piece %q runs on into the sentence's article", p)
		}
		if strings.TrimSpace(strings.TrimPrefix(p, "## ")) == "Why You’ll Love This Role" {
			found = true
		}
	}
	if !found {
		t.Errorf("no heading piece \"Why You’ll Love This Role\" in %q", ps)
	}
}

// Session 30: a heading that trails off ("Bonus...", "Bonus…") before a
// capitalised sentence opens its part in a flattened description, as one
// asked as a question does. warp-greenhouse/5749183004 with its blocks
// joined by spaces.
func TestFlatEllipsisHeading(t *testing.T) {
	const text = "Warp is scaling its enterprise motion around Oz, Warp's programmable agent platform for running and " +
		"coordinating agents at scale. Every enterprise has different security requirements, internal tooling, and use " +
		"cases and we need someone to bridge the gap between our platform and their unique environments. You have strong " +
		"infrastructure fundamentals. You're comfortable with Docker, CI/CD pipelines and Kubernetes, and you have shipped " +
		"production systems before. You have high EQ and can navigate enterprise relationships. %s Experience building or " +
		"deploying AI agents in production (LangChain, custom agent frameworks, or similar) Experience with Rust or Go " +
		"At Warp, we are dedicated to building a diverse, inclusive, and authentic workplace."
	want := model.Skills{Required: []string{"CI/CD", "Docker", "Kubernetes"}, Preferred: []string{"AI Agents", "Go", "LangChain", "Rust"}}
	checkSkills(t, []skillCase{
		{name: "three dots", raw: model.Raw{DescriptionText: fmt.Sprintf(text, "Bonus...")}, want: want},
		{name: "ellipsis", raw: model.Raw{DescriptionText: fmt.Sprintf(text, "Bonus…")}, want: want},
	})
}

// Session 30: NVIDIA's parts ("What we need to see:", "Ways to stand out
// from the crowd:") are headings even glued to the item before them, as
// a flattened description has them (nvidia-workday/JR2024692 with its
// blocks joined by spaces).
func TestFlatNvidiaHeadings(t *testing.T) {
	const text = "NVIDIA NV Link Fusion delivers industry-leading AI scale-up and scale-out performance with NVIDIA technology " +
		"plus semi-custom ASICs or CPUs. These custom ASICs are tailored to meet unique performance, power and cost needs " +
		"of the customers who build on them, in data centers all over the world. What you’ll be doing: Functional and IO IP " +
		"development Different IPs integration and release for custom silicon Build SOC or sub-system, signoff " +
		"function/performance and QoR Methodology improvement for high-efficiency custom silicon development What we need " +
		"to see: Pursuing Master candidate in EE/CS or related field Basic C/C++ knowledge is a must Scripting knowledge " +
		"(Perl/Python/Shell) Ways to stand out from the crowd: Experience with Verilog"
	checkSkills(t, []skillCase{{name: "nvidia", raw: model.Raw{DescriptionText: text},
		want: model.Skills{Required: []string{"Bash", "C", "C++", "Perl", "Python"}, Preferred: []string{"Verilog"}}}})
}

// Session 30: a heading in capitals whose first word is glued to the
// sentence before it ("... relocatePREFERRED SKILLS AND EXPERIENCE:"),
// as a text whose lines were joined with nothing has it, is cut from
// that sentence whole.
// cjr-xai-infrastructure-security-engineer, glued.
func TestGluedCapsHeading(t *testing.T) {
	const text = "RESPONSIBILITIES:Design and implement secure cloud architectures across multiple cloud platforms" +
		"Monitor and respond to security events and incidents in cloud and hybrid environments" +
		"Stay current with emerging cloud security threats and mitigation strategies with Splunk" +
		"BASIC QUALIFICATIONS:Bachelor's degree in Computer Science, Cybersecurity, or a related field" +
		"Experience with scripting languages (e.g., Python, Bash) for automation and tool development" +
		"Located in the SF Bay Area or willing to relocate" +
		"PREFERRED SKILLS AND EXPERIENCE:Deep expertise in Kubernetes and container security" +
		"Experience with observability tooling (e.g., Prometheus, Grafana)" +
		"COMPENSATION AND BENEFITS:$100,000 - $258,000 USD"
	checkSkills(t, []skillCase{{name: "glued", raw: model.Raw{DescriptionText: text},
		want: model.Skills{Required: []string{"Bash", "Python", "Security Engineering"}, Preferred: []string{"Container Security", "Grafana", "Kubernetes", "Observability", "Prometheus"}}}})
}

// Session 30: "Qualifications", "Requirements" and "Responsibilities"
// alone are headings even after the last word of a list item with no
// mark between them (cjr-scout-ai-senior-it-infrastructure-and-security-engineer,
// lines joined with a space).
func TestFlatGluedOneWordHeading(t *testing.T) {
	const text = "Scout AI is seeking a Senior IT Infrastructure & Security Engineer to design, build, and operate a secure " +
		"network and infrastructure that protects CUI data and maintains CMMC Level 2 compliance. Responsibilities Design " +
		"and implement secure network architecture that protects CUI Build and maintain firewalls, VPNs and intrusion " +
		"detection on AWS Coordinate with compliance team on CMMC requirements, audit preparation, and policy " +
		"implementation Qualifications 7+ years hands-on network and infrastructure engineering in enterprise or defense " +
		"environments Python or Bash scripting Linux and Windows system administration"
	checkSkills(t, []skillCase{{name: "scout", raw: model.Raw{DescriptionText: text},
		want: model.Skills{Required: []string{"Bash", "Linux", "Python", "System Administration", "Windows"}}}})
}

// Session 30: a numbered part's heading in Chinese among numbered items
// ("... 4.负责 ... 3.职位要求 1.计算机 ..."), the parts counted apart from
// the items, opens its part in a flattened description and on a line of
// its own; an item that opens with a word of the candidate's side
// ("2.熟悉Linux") stays an item (baidu-senior-rust-engineer, spaced).
func TestFlatNumberedCJKHeading(t *testing.T) {
	const text = "本月招聘 百度招聘Rust研发工程师 1.职位概况 岗位名称：资深Rust研发工程师 所属部门：百度安全部 工作地点：北京市 " +
		"2.工作职责 1.负责数据安全计算相关产品核心组件研发以及开源社区建设 2.参与数据安全与隐私计算产品研发 " +
		"3.负责基于Intel SGX、ARM TrustZone等硬件技术的调研、分析与应用转化 4.负责机器学习与深度学习算法在TEE技术上的移植与优化 " +
		"3.职位要求 1.计算机软件、信息安全等相关专业，统招本科及以上学历 2.有良好的系统编程能力，喜爱或有Rust开发经验以及扎实的C/C++功底 " +
		"3.熟悉常用数据结构和算法，熟悉Linux系统"
	checkSkills(t, []skillCase{{name: "spaced", raw: model.Raw{DescriptionText: text},
		want: model.Skills{Required: []string{"C", "C++", "Data Structures & Algorithms", "Linux", "Rust", "Systems Programming"}}}})
	for line, want := range map[string]string{"3.职位要求": "职位要求", "2、工作职责": "工作职责", "2.熟悉Linux": "2.熟悉Linux", "3. Requirements": "3. Requirements"} {
		if got := cjkUnnumbered(line); got != want {
			t.Errorf("cjkUnnumbered(%q) = %q, want %q", line, got, want)
		}
	}
}
