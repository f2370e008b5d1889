package normalize

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 21: descriptions whose line breaks were all lost. The texts are
// the dev corpus postings named, with their lines joined by a space (as
// TestFormatVariants' flat-line variant makes them). A heading found
// without a mark of its own is given the markdown mark "## ".
func TestS21FlatPieces(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{
			// cfpb-chief-information-officer, comenius-institut-text-softwareentwickler:
			// a bold label after a list's mark stays with its mark and
			// its text
			"bold labels", "- **Design:** Design of digital products on consumerfinance.gov. - **Development:** Software engineering for digital products and custom applications for internal use.",
			[]string{"- **Design:** Design of digital products on consumerfinance.gov.", "- **Development:** Software engineering for digital products and custom applications for internal use."},
		},
		{
			// github-greenhouse 1424415: headings with a colon after the
			// item before them, glyph bullets
			"greenhouse bullets", "• Automate alert enrichment and detection response. • Create and maintain relevant team documentation and standards. Minimum Qualifications: • 4+ years experience or demonstrable proficiency in threat detection. • Basic scripting experience with Ruby, Python, Bash, or Powershell. Preferred Qualifications: • Software engineering experience with Python, Ruby, Golang, JavaScript, or other OOP languages.",
			[]string{"• Automate alert enrichment and detection response.", "• Create and maintain relevant team documentation and standards.", "## Minimum Qualifications:",
				"• 4+ years experience or demonstrable proficiency in threat detection.", "• Basic scripting experience with Ruby, Python, Bash, or Powershell.",
				"## Preferred Qualifications:", "• Software engineering experience with Python, Ruby, Golang, JavaScript, or other OOP languages."},
		},
		{
			// superluminar-senior-cloud-consultant: markdown headings and
			// dashes
			"markdown dashes", "Werkverträge und Arbeit nach Pflichtenheft gibt es bei uns nicht. ## Dein Profil: - Mindestens 5 Jahre Berufserfahrung in der IT - Agile Methoden sind für dich fundamental - Du hast Erfahrungen mit Docker und Serverless Computing",
			[]string{"Werkverträge und Arbeit nach Pflichtenheft gibt es bei uns nicht.", "## Dein Profil:", "- Mindestens 5 Jahre Berufserfahrung in der IT",
				"- Agile Methoden sind für dich fundamental", "- Du hast Erfahrungen mit Docker und Serverless Computing"},
		},
		{
			// geely-blockchain-engineer: bold headings and numbered items
			// in Chinese
			"bold numbered", "7.能够对虚拟机引擎(wasm、EVM、V8等)进行性能优化和改造 **任职要求：** 1.本科及以上学历，计算机、软件工程、数学或信息技术相关专业；3年以上工作经验； 2.精通Rust/C++/Haskell等开发语言中的一种或多种，具有良好的编程能力和编程习惯；",
			[]string{"7.能够对虚拟机引擎(wasm、EVM、V8等)进行性能优化和改造", "**任职要求：**", "1.本科及以上学历，计算机、软件工程、数学或信息技术相关专业；3年以上工作经验；",
				"2.精通Rust/C++/Haskell等开发语言中的一种或多种，具有良好的编程能力和编程习惯；"},
		},
		{
			// tor-project-controller: headings in capitals
			"shouted", "This position is part-time, approximately 20 hours per week, at our office in Cambridge, Massachusetts. POSITION SUMMARY The Controller is responsible for performing highly specialized accounting work. MAJOR RESPONSIBILITIES AND DUTIES • Oversees the daily accounting activities. • Maintains organized set of detailed records.",
			[]string{"This position is part-time, approximately 20 hours per week, at our office in Cambridge, Massachusetts.", "## POSITION SUMMARY",
				"The Controller is responsible for performing highly specialized accounting work.", "## MAJOR RESPONSIBILITIES AND DUTIES",
				"• Oversees the daily accounting activities.", "• Maintains organized set of detailed records."},
		},
		{
			// mund-consulting-text-senior-java-developer: a heading glued
			// to the item before it, without a full stop
			"glued heading", "- Wissensaufbau bei den internen Mitarbeitern zu neuen Technologien - Regelmäßige Teilnahme an Jour Fixe und Erstellung von Sachstandsberichten Anforderungen (Muss-Kriterien / Ausschlusskriterien): - Abgeschlossenes Studium im IT-Bereich oder gleichwertige Qualifikation",
			[]string{"- Wissensaufbau bei den internen Mitarbeitern zu neuen Technologien", "- Regelmäßige Teilnahme an Jour Fixe und Erstellung von Sachstandsberichten",
				"## Anforderungen (Muss-Kriterien / Ausschlusskriterien):", "- Abgeschlossenes Studium im IT-Bereich oder gleichwertige Qualifikation"},
		},
		{
			// a heading phrase between two sentences (an <h3> flattened)
			"heading between sentences", detectionIntro + " About the role We are looking for an experienced Detection Engineer to join our remote SIRT.",
			[]string{detectionIntro, "## About the role", "We are looking for an experienced Detection Engineer to join our remote SIRT."},
		},
		{
			// the bullets between every line: a heading alone after one
			"bullet heading", "• A successful applicant will have a desire to detect and hunt a variety of adversaries in diverse environments at scale. • Minimum Qualifications • 4+ years experience or demonstrable proficiency in threat detection. • Experience using or securing Linux day-to-day.",
			[]string{"• A successful applicant will have a desire to detect and hunt a variety of adversaries in diverse environments at scale.", "## Minimum Qualifications",
				"• 4+ years experience or demonstrable proficiency in threat detection.", "• Experience using or securing Linux day-to-day."},
		},
		{
			// warp-greenhouse 5749183004: lead-ins that end with an
			// ellipsis
			"ellipsis lead-ins", "Be the voice of the customer to Product and Engineering. You may be a good fit if... • You have FDE-equivalent experience. • You have strong infrastructure fundamentals. Bonus... • Experience building or deploying AI agents in production • Experience with Rust or Go",
			[]string{"Be the voice of the customer to Product and Engineering.", "You may be a good fit if...", "• You have FDE-equivalent experience.",
				"• You have strong infrastructure fundamentals.", "## Bonus...", "• Experience building or deploying AI agents in production", "• Experience with Rust or Go"},
		},
		{
			// linear-ashby d3bc1ced: a heading glued to the last item
			// before it and to the sentence after it
			"glued between item and sentence", "• Node, Postgres, Temporal, and Redis in the backend • Hosted on Google Cloud with k8s • GitHub, Slack, Notion What we offer We're a small, focused team that cares deeply about the quality of our work. • Competitive salary and equity",
			[]string{"• Node, Postgres, Temporal, and Redis in the backend", "• Hosted on Google Cloud with k8s", "• GitHub, Slack, Notion", "## What we offer",
				"We're a small, focused team that cares deeply about the quality of our work.", "• Competitive salary and equity"},
		},
		{
			// sinc-text-loesungsarchitekt-...: a word processor's "o"
			// bullets
			"o bullets", "Muss-Kriterien: o Deutsche Sprachkenntnisse in Wort und Schrift mindestens gemäß Stufe B2 o Erfahrung im öffentlichen Bereich o Mindestens 5 Jahre nachweisbare Projekterfahrung als Lösungsarchitekt",
			[]string{"Muss-Kriterien:", "- Deutsche Sprachkenntnisse in Wort und Schrift mindestens gemäß Stufe B2", "- Erfahrung im öffentlichen Bereich",
				"- Mindestens 5 Jahre nachweisbare Projekterfahrung als Lösungsarchitekt"},
		},
		{
			// items that end with a heading's word are items:
			// devport-text-frontend-developer ("(pré)"),
			// github-greenhouse 1309195 ("You have used"),
			// superluminar-senior-cloud-consultant ("the Job")
			"items", "* Uitstekende kennis van HTML, CSS en JavaScript * Ervaring met frameworks als React, Angular of Vue (pré) * Oog voor design en gebruikerservaring • You have remote work experience • You have used GraphQL in production environments - Du bist kommunikativ und leistest gerne \"Training on the Job\" - Du hast Erfahrungen mit Docker",
			[]string{"* Uitstekende kennis van HTML, CSS en JavaScript", "* Ervaring met frameworks als React, Angular of Vue (pré)", "* Oog voor design en gebruikerservaring",
				"• You have remote work experience", "• You have used GraphQL in production environments", "- Du bist kommunikativ und leistest gerne \"Training on the Job\"",
				"- Du hast Erfahrungen mit Docker"},
		},
		{
			// numbered items after ")" and a heading between them
			"numbered", "Requirements: 1) At least 3 years of experience with Python 2) Good knowledge of SQL and PostgreSQL 3) Fluent English. Nice to have: 1) Experience with Kubernetes 2) Experience with Kafka",
			[]string{"Requirements:", "1) At least 3 years of experience with Python", "2) Good knowledge of SQL and PostgreSQL", "3) Fluent English.", "## Nice to have:",
				"1) Experience with Kubernetes", "2) Experience with Kafka"},
		},
		{
			// nu-people-text-devops-engineer-iaas-ansible: headings glued
			// to the words around them, in a text of labels
			"glued title case", "Design, automate, and maintain infrastructure environments with Ansible, ensuring scalable, reliable, and efficient management. Hauptstandort: vollständig remote Erforderliche Kenntnisse Must-Have Skills Ansible: Experte CI/CD platforms: Experte IaaS deployments: Experte Linux/Windows system administration: Experte Scripting (Python, Bash, PowerShell): Experte Nice-to-Have Skills Containerization (Docker, Kubernetes): Fortgeschritten Experience working in security-critical IT environments Hands-on experience in DevOps, Infrastructure Engineering, or System Engineering: 3 Jahre Zertifikate Ü2 security clearance (Sicherheitsüberprüfung Ü2) Interessiert? Dann freuen wir uns auf deine Bewerbung!",
			[]string{"Design, automate, and maintain infrastructure environments with Ansible, ensuring scalable, reliable, and efficient management. Hauptstandort: vollständig remote",
				"## Erforderliche Kenntnisse Must-Have Skills", "Ansible: Experte CI/CD platforms: Experte IaaS deployments: Experte Linux/Windows system administration: Experte Scripting (Python, Bash, PowerShell): Experte",
				"## Nice-to-Have Skills", "Containerization (Docker, Kubernetes): Fortgeschritten Experience working in security-critical IT environments Hands-on experience in DevOps, Infrastructure Engineering, or System Engineering: 3 Jahre Zertifikate Ü2 security clearance (Sicherheitsüberprüfung Ü2) Interessiert? Dann freuen wir uns auf deine Bewerbung!"},
		},
	} {
		if got := flatPieces(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: flatPieces =\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

// detectionIntro is the opening paragraph of github-greenhouse 1424415,
// a whole description's length.
const detectionIntro = "GitHub is changing the way the world builds software, and we want you to help change the way we secure GitHub. " +
	"Interested in threat hunting, MITRE ATT&CK, building and tuning detection logic, alert enrichment, or response automation? " +
	"As a Detection Engineer, you will work alongside peers within GitHub Security as well as GitHub's Engineering, Legal, and Support " +
	"teams to design and build a comprehensive threat detection program. This includes work to improve telemetry, build and tune " +
	"alerting and enrichment tools, and then use those tools for intrusion detection, incident response, and hunting. A successful " +
	"applicant will have a desire to detect and hunt a variety of adversaries in diverse environments at scale."

// Long lines of prose are not cut: dashes before small letters, a bold
// word in a sentence, a lone number, a heading word inside a sentence.
func TestS21FlatProseUncut(t *testing.T) {
	for _, in := range []string{
		// audiodo-app-developer
		"We work with technologies such as Swift, Kotlin, Objective C, Java and C and we expect you to have deep knowledge in at least some of them. Since you will be working closely with our firmware team, experience in embedded SW, audio algorithms and connectivity technologies such as Bluetooth will be considered a merit.",
		// variant-text-utvecklare-stockholm-goteborg
		"Vi söker dig som vill revolutionera Sverige – tillsammans med andra och tillsammans med oss! Du behöver **självklart** inte pricka in alla punkter ovan, prickar du av en – så sök! Vi söker dig som vill utvecklas!",
		"Are you an APP DEVELOPER that wants to transform how we perceive sound and music? We have shipped Python 3. We also run 2 data centres - one in Oslo and one in Bergen - and we grow.",
		"The Tor Project excels in comprehensive research, development, in the area of Internet privacy. Requirements are set by the board. Experience with Python is a plus, and our team Cambridge works with the Board.",
		// paragraphs longer than flatLong: sparebank1-text-testutvikler-boligreisen
		// ("Team" opens a name, not a part), rws-lever ("an Equal
		// Opportunity Employer"), actic-hamar-personlig-trener ("Du har"
		// opens a sentence)
		"Team Boligreisen var året tidligere ute enn konkurrentene med det vi kaller «samtykkebasert lånesøknad», som vil si å hente inn lønnslipper og skattedata fra Altinn etter et samtykke fra kunden. Dette samarbeidet vant [Digitaliseringsprisen i 2018](https://www.difi.no/nyhet/2018/06/samtykkebasert-lanesoknad-er-arets-digitale-suksesshistorie). Hos oss vil du bli en del av et tverrfaglig team med trivelige, dyktige og engasjerte kollegaer. Vi har også en balansert kjønnsfordeling og god aldersspredning. Teamet har høy grad av selvstendighet og stor takhøyde. Du får være med på å påvirke valg av både løsning, teknologi og arbeidsmåte – og ikke minst forme fremtidens boliglånesøknad.",
		"RWS embraces DEI and promotes equal opportunity, we are an Equal Opportunity Employer and prohibit discrimination and harassment of any kind. RWS is committed to the principle of equal employment opportunity for all employees and to providing employees with a work environment free of discrimination and harassment. All employment decisions at RWS are based on business needs, job requirements and individual qualifications, without regard to race, religion, nationality, ethnicity, sex, age, disability, or sexual orientation. RWS will not tolerate discrimination based on any of these characteristics.",
		// figma-greenhouse 5426468004: a name in title case ("the
		// Washington Minimum Wage Act")
		"Figma offers equity to employees, as well as a competitive package of additional benefits, including health, dental, and vision coverage; retirement benefits with company contributions; parental leave and reproductive or family planning support; mental health and wellness benefits; and paid time off. Figma provides paid sick leave, holidays, and other leave benefits in compliance with applicable federal, state, and local laws, including the requirements of the Washington Minimum Wage Act and related regulations. Exempt employees are eligible for employer‑provided paid flexible PTO in addition to flexible paid sick leave. PTO is subject to manager approval. Additional benefits may include company recharge days, cell phone and home internet reimbursements, and a number of lifestyle spending accounts. Figma also offers sales incentive compensation for most sales roles and an annual bonus plan for eligible non-sales roles. All compensation and benefits are subject to applicable plan terms and may be modified by Figma at any time, consistent with applicable law.",
		"Du har PT-utdanning, helst ett-årig, eller er kanskje en treningsinteressert fysioterapeut, eller idrettsfaglig utdannet? Vi vurderer alle søkere individuelt. " + strings.Repeat("Vi ser etter deg som liker å jobbe med mennesker og vil bidra til et godt miljø. ", 6),
	} {
		if got := flatPieces(in); got != nil {
			t.Errorf("flatPieces(%q) = %q, want none", in, got)
		}
	}
}

// The same posting on one line and in its lines: the same skills in the
// same buckets.
func TestS21FlatSameSkills(t *testing.T) {
	// github-greenhouse 1424415, shortened
	lines := []string{
		"As a Detection Engineer, you will work alongside peers within GitHub Security to design and build a comprehensive threat detection program.",
		"Responsibilities",
		"• Automate alert enrichment and detection response.",
		"• Create and maintain relevant team documentation and standards.",
		"Minimum Qualifications",
		"• Experience using or securing Linux day-to-day in a production environment.",
		"• Basic scripting experience with Ruby, Python, Bash, or Powershell.",
		"Preferred Qualifications",
		"• Software engineering experience with Golang, JavaScript, or other OOP languages.",
		"• Familiarity with Splunk or the ELK stack.",
	}
	n := New(nil)
	want := n.Normalize("s", "GitHub", model.Raw{Title: "Detection Engineer", DescriptionText: strings.Join(lines, "\n")}).Skills
	if !slices.Contains(want.Required, "Bash") || !slices.Contains(want.Preferred, "JavaScript") {
		t.Fatalf("lines: skills %+v", want)
	}
	for name, raw := range map[string]model.Raw{
		"one line":              {DescriptionText: strings.Join(lines, " ")},
		"one <p>":               {DescriptionHTML: "<p>" + strings.Join(lines, " ") + "</p>"},
		"<br> lines":            {DescriptionHTML: "<p>" + strings.Join(lines, "<br>") + "</p>"},
		"one <div>":             {DescriptionHTML: "<div>" + strings.Join(lines, " ") + "</div>"},
		"bullets between lines": {DescriptionText: strings.Join(lines, " • ")},
		"dashes between lines":  {DescriptionText: "- " + strings.Join(lines, " - ")},
	} {
		raw.Title = "Detection Engineer"
		if got := n.Normalize("s", "GitHub", raw).Skills; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: skills %+v, want %+v", name, got, want)
		}
	}
}
