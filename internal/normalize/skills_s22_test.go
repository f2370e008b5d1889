package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 22: the structure of pasted and converted documents (a word
// processor's "o" bullets, an outline's clause numbers, an abbreviation
// written with a space inside an open parenthesis that wraps to the next
// line). The sentences are from dev documents of the corpus (named).
func TestS22PastedDocumentStructure(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// sinc-text-loesungsarchitekt-technischer-lead-identity-access-managemen:
			// "o" bullets, an item wrapped over three lines, the last
			// line opening inside "(z. B." with the examples that
			// "idealerweise" wishes for
			name: "o bullets and an example list wrapped after z. B.",
			raw: d("Muss-Kriterien:\n" +
				"o Deutsche Sprachkenntnisse in Wort und Schrift mindestens gemäß Stufe B2\n" +
				"o Tiefgehendes, herstellerunabhängiges Verständnis der Architektur von Identitäts- und Governance-\n" +
				"Plattformen, idealerweise mit nachweisbarer Erfahrung in führenden Open-Source-Lösungen (z. B.\n" +
				"Keycloak, Janssen Project/Gluu, WSO2 IS).\n" +
				"o Fundierte Kenntnisse im Bereich IT-Sicherheitsarchitektur, Kryptographie und der Umsetzung von\n" +
				"Sicherheitsvorgaben auf Systemebene.\n"),
			want: model.Skills{
				Required:  []string{"Cryptography"},
				Preferred: []string{"Gluu", "Keycloak", "Open Source", "WSO2 Identity Server"},
			},
		},
		{
			// randstad-text-itsm-servicenow-implementation-specialist: the
			// wish at the end reaches past "(z. B. Celonis)"
			name: "z. B. inside parentheses ends no sentence",
			raw: d("Unsere Anforderungen\n" +
				"• Mehrjährige Erfahrung im Betrieb, in der Implementierung und Konfiguration von ServiceNow\n" +
				"• Kenntnisse in Process Mining Tools (z. B. Celonis) und JIRA wünschenswert\n"),
			want: model.Skills{Required: []string{"ServiceNow"}, Preferred: []string{"Celonis", "Jira", "Process Mining"}},
		},
		{
			// sms-consulting-text-spezialist-fuer-eidas-evaluierten-systeme-und-zertifizierung:
			// "2)" opens the weighed criteria, "2.3." leads into its
			// own list, "2.3.1." are its clauses
			name: "weighed criteria of a tender in outline numbering",
			raw: d("X.509-Zertifikatsstrukturen: Tiefgehende Kenntnisse im Aufbau und Betrieb von Public Key Infrastructures (PKI) basierend auf X.509, inkl. Root- und Sub-CA-Design.\n\n" +
				"2) Zu bewertende Qualifikationsanforderungen:\n" +
				"2.1. Erfahrungen im Umgang mit CA-Systemen und Systemen zur Langzeitarchivierung,\n" +
				"2.2.6. Verzeichnis- und Zertifikatsstatusdienste (LDAP, OCSP),\n" +
				"2.3. Erfahrung im Umgang mit folgenden Softwaretools:\n" +
				"2.3.1. verteiltes Versionierungssystem git,\n" +
				"2.3.2. CI/CD-Build Pipelines in Gitlab,\n" +
				"2.3.3. Projektmanagementsystem Jira,\n" +
				"2.3.4. Wissensdatenbank Confluence.\n"),
			want: model.Skills{
				Required:  []string{"PKI", "X.509"},
				Preferred: []string{"CI/CD", "Confluence", "Git", "GitLab", "Jira", "LDAP", "OCSP"},
			},
		},
		{
			// an item that leads into a list of requirements still opens
			// a requirements part after a part of wishes
			name: "a requirements heading item after wishes",
			raw:  d("Nice to have\n- Kotlin\n- Requirements:\n- Java\n"),
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kotlin"}},
		},
	})
}

func TestS22NumberedPrefix(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"1. Python", 3},
		{"2) Zu bewertende Qualifikationsanforderungen:", 3},
		{"2.1. Erfahrungen im Umgang", 5},
		{"2.3.1. verteiltes Versionierungssystem git,", 7},
		{"2.1) SQL", 5},
		{"2.5 years of Go", 0},
		{"3.5% growth", 0},
		{"1.2.3.4.5. too deep", 0},
		{"Python 3. Go", 0},
	} {
		if got := numberedPrefix(tt.in); got != tt.want {
			t.Errorf("numberedPrefix(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestS22OBullets(t *testing.T) {
	three := "Muss-Kriterien:\no Erfahrung im öffentlichen Bereich\no Kenntnisse in Java\no Deutsch B2\n"
	if !oBullets(three) {
		t.Error("three lines opening with 'o' + capital are not read as bullets")
	}
	// one Spanish line that opens with "o" (or) is no list
	if oBullets("Experiencia con Python\no Java, y SQL\n") {
		t.Error("one line opening with 'o' is read as a bullet list")
	}
	if oBullets("o python\no java\no sql\n") {
		t.Error("'o' before lower-case words is read as a bullet")
	}
	bs := textBlocks(three)
	if len(bs) != 4 || bs[1].kind != kindItem || bs[1].text != "Erfahrung im öffentlichen Bereich" {
		t.Errorf("blocks %+v", bs)
	}
}

func TestS22SpacedAbbreviation(t *testing.T) {
	for _, tt := range []struct {
		in   string
		word string
		sent bool
	}{
		{"Lösungen (z. B. Keycloak, Gluu)", "Keycloak", false},
		{"Lösungen (z. B. Keycloak, Gluu)", "B", false},
		{"langages (p. ex. Java)", "Java", false},
		{"Tools (u. a. SQL)", "SQL", false},
		{"Er kennt Java. Z. B. ist gut.", "Z", true},
		{"Wir nutzen Git. B. Meyer leitet das Team.", "B", true},
	} {
		toks := tokenize(tt.in, nil)
		found := false
		for _, tk := range toks {
			if tt.in[tk.start:tk.end] != tt.word {
				continue
			}
			found = true
			if got := tk.flags&fSent != 0; got != tt.sent {
				t.Errorf("%q: %q starts a sentence %v, want %v", tt.in, tt.word, got, tt.sent)
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.in, tt.word)
		}
	}
}

// A bare "UX" that names a product's quality or a team is not the
// discipline asked of the candidate; "experience in UX" still is. The
// sentences are from dev documents (named).
func TestS22UXAsQuality(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// anadea-fullstack-developer-python-node-js-typescript
			name: "good and bad UX",
			raw:  d("Requirements\n- You have taste. You can distinguish between good and bad UX, and you can share examples to demonstrate it.\n"),
			want: model.Skills{},
		},
		{
			// anadea-senior-frontend-developer-with-spanish
			name: "UI/UX teams",
			raw:  d("Requirements\n- Proven ability to collaborate effectively with UI/UX teams and cross-functional groups\n"),
			want: model.Skills{},
		},
		{
			// fronteers-easy-lms-front-end-developer-design-skills
			name: "complex UX challenges",
			raw:  d("Requirements\n- Enjoy making elegant solutions for complex UX challenges with a diverse team of colleagues.\n"),
			want: model.Skills{},
		},
		{
			// anyfin-react-native-developer, sinnerschrader-text-product-designer-next
			name: "experience in UX is asked",
			raw: d("We're looking for a great React Native Developer with experience in UX, React-Native and modern application development.\n" +
				"Dein Profil\n- Kenntnisse in UX\n"),
			want: model.Skills{Required: []string{"React Native", "UX Design"}},
		},
	})
}

// A description flattened onto one line keeps its bold labels whole: a
// heading phrase inside a bold label ("**Modern Business Tech Stack
// Management (CIO/RevOps):**") is no heading of its own. From the dev
// document mui-text-operations-engineer, its lines joined as a scraper
// or a JSON-LD field gives them.
func TestS22FlatBoldLabelKeepsItsPhrase(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{{
		name: "Tech Stack inside a bold label",
		raw: d("## Who we're looking for ### Required - **Full-Stack Engineering:** Proficiency in TypeScript and SQL; " +
			"can quickly build internal tools, scripts, and API integrations. - **Modern Business Tech Stack Management " +
			"(CIO/RevOps):** Technical mastery over core SaaS ecosystems (Salesforce/HubSpot, Stripe, NetSuite/Xero, " +
			"Segment). - **High conscientiousness & Detail rigor:** Strong commitment to no-defect execution; " +
			"double-checks everything, maintains immaculate documentation. ### Nice to have (but not required) - " +
			"Experience with React, Next.js, and their tool ecosystem."),
		want: model.Skills{
			Required:  []string{"HubSpot", "NetSuite", "SQL", "Salesforce", "Segment", "Stripe", "TypeScript", "Xero"},
			Preferred: []string{"Next.js", "React"},
		},
	}})
}

// "X und idealerweise Y": the adverb of a wish after "and"/"or" wishes
// for what follows it; what came before is still asked for. From the dev
// document randstad-text-itsm-servicenow-implementation-specialist, and
// the same frame with a named skill after the adverb.
func TestS22WishAfterAnd(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "und idealerweise, nothing named after it",
			raw:  d("Unsere Anforderungen\n• Tiefgreifendes Know-how in ServiceNow-ITSM und idealerweise Service Portfolio Management (SPM)\n"),
			want: model.Skills{Required: []string{"ServiceNow"}},
		},
		{
			name: "und idealerweise before a skill",
			raw:  d("Unsere Anforderungen\n• Tiefgreifendes Know-how in ServiceNow-ITSM und idealerweise Celonis\n"),
			want: model.Skills{Required: []string{"ServiceNow"}, Preferred: []string{"Celonis"}},
		},
		{
			name: "ideally at the start still wishes for the whole item",
			raw:  d("Requirements\n- Ideally experience with development paradigms such as Design Patterns\n"),
			want: model.Skills{Preferred: []string{"Design Patterns"}},
		},
	})
}

// A heading line that ends with a colon is never the wrapped last line
// of the item above it, even when the text indents it deeper (the dev
// document tor-project-core-developer, its page given as plain lines).
func TestS22IndentedHeadingAfterAList(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{{
		name: "Desired skills and experience: under the last item",
		raw: d("  Expected skills and experience: \n" +
			"  • 5+ years’ experience in C and several other programming languages\n" +
			" •  Transparency! As a non-profit, everything Tor Project does is public, including your name and pay rate\n" +
			" \n" +
			"  Desired skills and experience: \n" +
			"  • Knowledge of cryptography basics: be able to understand how to implement our protocols\n" +
			" • Experience with development on Microsoft Windows\n"),
		want: model.Skills{Required: []string{"C"}, Preferred: []string{"Cryptography", "Windows"}},
	}})
	// the item's own wrapped line still joins it
	bs := textBlocks("Requirements\n- Experience with Kafka and\n  Flink in production\n")
	if len(bs) != 2 || bs[1].text != "Experience with Kafka and Flink in production" {
		t.Errorf("blocks %+v", bs)
	}
}

// A short line that ends with an ellipsis before its list is a heading
// ("Bonus...", "You may be a good fit if..."), from the dev document
// warp-greenhouse (Forward Deployed Engineer) given as plain lines; one
// that ends on an infinitive's "to" leads into what the job lets you do
// (audiodo-app-developer) and is no heading.
func TestS22EllipsisHeadings(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{{
		name: "Bonus... after You may be a good fit if...",
		raw: d(" You may be a good fit if...\n" +
			"  • You have strong infrastructure fundamentals. You're comfortable with Docker, CI/CD pipelines, cloud infrastructure (AWS, GCP, Azure), container orchestration, and Linux.\n" +
			" \n Bonus...\u00a0\n" +
			"  • Experience building or deploying AI agents in production (LangChain, custom agent frameworks, or similar)\n" +
			" • Experience with GitHub Actions, webhooks, and event-driven automation\n"),
		want: model.Skills{
			Required:  []string{"AWS", "Azure", "CI/CD", "Cloud Computing", "Docker", "GCP", "Linux"},
			Preferred: []string{"AI Agents", "GitHub Actions", "LangChain"},
		},
	}})
	for _, tt := range []struct{ in, want string }{
		{"Bonus...", "Bonus"},
		{"You may be a good fit if…", "You may be a good fit if"},
		{"Are you an APP DEVELOPER that wants to...", "Are you an APP DEVELOPER that wants to..."},
		{"Requirements", "Requirements"},
	} {
		if got := trimEllipsis(tt.in); got != tt.want {
			t.Errorf("trimEllipsis(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A heading of the usual phrases is never the wrapped last line of an
// item that ends on a word that cannot end a sentence ("... looks like\n
// Must Have"): from the dev document warp-greenhouse (Expansion Account
// Manager), its page given as plain lines.
func TestS22HeadingAfterAnOpenItem(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{{
		name: "Must Have after an item ending on 'like'",
		raw: d("Responsibilities\n" +
			" • Collaborate closely with Engineering, Growth, and Leadership to surface field signal — what's landing, what's not, and what the next wave of expansion looks like\n" +
			" \n Must Have\n" +
			"  • Hands-on experience with tools like HubSpot, sales engagement platforms (Apollo, Outreach, or similar), and BI/usage dashboards\n"),
		want: model.Skills{Required: []string{"Apollo", "Data Visualization", "HubSpot", "Outreach"}},
	}})
}

// In a description flattened onto one line, a lead-in that leaves its
// sentence to the list after it ("We're looking for someone who •
// Is comfortable ...") is cut from the item it was run into, as one that
// ends with a colon is. From the dev document buildbuddy-software-engineer,
// its page flattened as a scraper gives it.
func TestS22FlatLeadInWithoutColon(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{{
		name: "We're looking for someone who",
		raw: d("Software Engineer Full-Time, San Francisco Bay Area & Remote. You will • Design, build, test, deploy, and maintain reliable software • Debug complex production issues across the stack • " +
			"Plan for the growth of our platform and infrastructure • Build a great customer experience for our users (other engineers!) " +
			"We're looking for someone who • Is comfortable with ambiguity and working outside of their comfort zone • Can manage priorities well when there's a lot to be done • " +
			"Holds yourself and others to a high bar when working with production • Is able to write high quality code in a programming language (e.g. Golang, Typescript). " +
			"Who you'll work with • Tyler Williams • GitHub: @tylerwilliams"),
		want: model.Skills{Required: []string{"Go", "TypeScript"}},
	}})
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"(other engineers!) We're looking for someone who", true},
		{"You may be a good fit if", true},
		{"Experience with Kafka and Flink", false},
	} {
		if got := openLeadEnd(tt.in); got != tt.want {
			t.Errorf("openLeadEnd(%q) = %v", tt.in, got)
		}
	}
}

// A file name's extension is not the language: the template includes of
// the dev documents gsa-tts-login-* ("{% include job/status_alert.html
// %}") named HTML/CSS as required; "html, css" and "Vue.js" still count.
func TestS22FileExtensionIsNoSkill(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "template includes",
			raw: d("Requirements\n- {% include job/status_alert.html %}\n" +
				"- Island). Subject to background check. {% include job/full_info_on_usajobs.html %}\n" +
				"- {% include job/salary_range.html min=\"\" max=\"\" %}\n"),
		},
		{
			name: "names written in lower case, and names with a dot",
			raw:  d("Requirements\n- Experience with html, css, Node.js, Vue.js and JavaScript\n"),
			want: model.Skills{Required: []string{"HTML/CSS", "JavaScript", "Node.js", "Vue"}},
		},
	})
}
