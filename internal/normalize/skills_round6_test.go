package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 6 on skills (issue 9). The sentences marked with a slug are real,
// from dev documents of the real-world corpus (internal/corpus).

// A sentence that opens with an upper-case letter outside A-Z ("Är du",
// "Øvrige", "Élève") starts a new sentence after a full stop: the cue of
// the sentence before it does not carry over.
func TestUnicodeCapitalStartsSentence(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// knightec-senior-projektledare-umea: the preference of the
			// first sentence ("det är meriterande") ends with it; the
			// second is its own ("är det positivt")
			name: "Är du dessutom",
			raw: model.Raw{DescriptionText: "Du har gedigen erfarenhet från industrin och det är meriterande om du har tidigare erfarenhet från konsultyrket. " +
				"Är du dessutom certifierad eller har dokumenterad utbildning inom projektledning (t.ex. PMI eller IPMA), Lean, förändringsledning och/eller verksamhetsutveckling är det positivt."},
			want: model.Skills{Preferred: []string{"Lean"}},
		},
		{
			name: "Øvrige: a cue does not cross into the next sentence",
			raw:  model.Raw{DescriptionText: "Du har erfaring med Java. Øvrige verktøy hos oss er Jira og Confluence."},
			want: model.Skills{Required: []string{"Java"}},
		},
	})
	toks := tokenize("Python. Érudit. Ärlig. ärlig", nil)
	var sent []string
	for _, tk := range toks {
		if tk.punct == 0 && tk.flags&fSent != 0 {
			sent = append(sent, "Python. Érudit. Ärlig. ärlig"[tk.start:tk.end])
		}
	}
	if want := []string{"Python", "Érudit", "Ärlig"}; len(sent) != 3 || sent[1] != want[1] || sent[2] != want[2] {
		t.Errorf("sentence starts = %q, want %q", sent, want)
	}
}

// Named security operations tools, standards and practices (German
// requirements list).
func TestSecurityOperationsNames(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// duragis-text-it-system-engineer-siem
			name: "Fachliche Anforderungen",
			raw: model.Raw{DescriptionText: "Fachliche Anforderungen\n\n" +
				"• Erfahrungen im Umgang mit SIEM- und Schwachstellenscannern wie z. B. Elastic SIEM und/oder greenbone oder vergleichbaren Technologien im Bereich SIEM und Vulnerability\n" +
				"• Erfahrung im Umgang mit IDS, IPS, Firewalls und Netzwerkkomponenten\n" +
				"• Gute Kenntnisse im BSI-Grundschutz und in der ISO 27001"},
			// Elastic SIEM (Elastic Security's former name) is a product of
			// its own, not an alias of the practice (session 23)
			want: model.Skills{Required: []string{"BSI IT-Grundschutz", "Elastic Security", "Firewalls", "Greenbone", "ISO 27001", "Intrusion Detection", "SIEM"}},
		},
		{
			name: "ordinary words stay words",
			raw:  model.Raw{DescriptionText: "Requirements\n- You have ideas and a firewall of good habits; siem is no word here"},
			want: model.Skills{Required: []string{"Firewalls"}},
		},
	})
}

// AWS services named on their own, and web/networking standards.
func TestAWSServicesAndNetworkingNames(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// consileon-text-senior-platform-engineer-golang-aws
			name: "Core Skills – Must-Haves",
			raw: model.Raw{DescriptionText: "Core Skills – Must-Haves\nAWS\n• IAM and KMS (security concepts)\n• VPC networking\n" +
				"• API Gateway (public-facing API design)\n• CloudFront\n• Route53\n• CDK (Infrastructure as Code, in our case: Go)\n\n" +
				"General Knowledge (also important)\n• DNS fundamentals\n• TLS / Certificates\n\n" +
				"Nice-to-have Skills\n• Observability & Tracing (OpenTelemetry, X-Ray, etc.)"},
			want: model.Skills{
				Required: []string{"AWS", "AWS CDK", "AWS KMS", "Amazon API Gateway", "Amazon CloudFront",
					"Amazon Route 53", "Amazon VPC", "Computer Networking", "DNS", "Go", "Identity and Access Management", "Infrastructure as Code", "REST APIs", "TLS"},
				Preferred: []string{"AWS X-Ray", "Observability", "OpenTelemetry"},
			},
		},
		{
			// avance-consulting-text-apig-engineer-zurich
			name: "API standards",
			raw:  model.Raw{DescriptionText: "Requirements\n- Hands-on experience with Apigee, OpenAPI/Swagger and JWT based authentication"},
			want: model.Skills{Required: []string{"Apigee", "JWT", "OpenAPI"}},
		},
	})
}

// Agile, Lean, Kanban and SAFe are named ways of working the labels count
// when a posting asks for them; the adjective ("agile thinking") is not.
func TestWaysOfWorkingNames(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// superluminar-senior-cloud-consultant, mund-consulting-text-senior-java-developer
			name: "Agile Methoden, SAFe",
			raw: model.Raw{DescriptionText: "Das bringst du mit\n- Agile Methoden sind für dich fundamental\n" +
				"- Erfahrung mit agilen Methoden, idealerweise SAFe"},
			want: model.Skills{Required: []string{"Agile"}, Preferred: []string{"SAFe"}},
		},
		{
			// dtd-text-infrastructure-and-production-engineer
			name: "Kanban",
			raw:  model.Raw{DescriptionText: "Requirements\n- You have worked in a team using Kanban"},
			want: model.Skills{Required: []string{"Kanban"}},
		},
		{
			name: "a lean team, agile thinking",
			raw:  model.Raw{DescriptionText: "Requirements\n- You like a lean team and agile thinking"},
		},
	})
}

// Nordic "is positive" marks a plus ("är det positivt", "det er positivt
// om du"); an attitude ("positivt inställd") marks nothing.
func TestNordicPositiveIsAPlus(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "det er positivt om du",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\n- Du har erfaring med Java\n- Det er positivt om du kjenner Kafka"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
		{
			name: "positivt inställd",
			raw:  model.Raw{DescriptionText: "Kvalifikationer\n- Du har erfarenhet av Java och är positivt inställd till Kafka"},
			want: model.Skills{Required: []string{"Java", "Kafka"}},
		},
	})
}

// "Ønskede kvalifikasjoner" is the qualifications part itself when no
// heading of the posting names requirements (NAV's and many Norwegian
// employers' form); its items' own markers still make a plus. Beside a
// requirements part it names the nice-to-haves. Other Nordic headings of
// desired qualifications ("Ønsket erfaring", "Önskade kvalifikationer",
// "Övriga meriter") are nice-to-haves; "Personlige egenskaper" describes
// the candidate.
func TestNordicWishedQualifications(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// sparebank1-text-utvikler-glad-i-data
			name: "Ønskede kvalifikasjoner alone",
			raw: model.Raw{DescriptionText: "Ønskede kvalifikasjoner\n- Utdannelse innen IT - enten bachelor eller master\n- Erfaring med Java-programmering\n" +
				"- Erfaring fra databaser og SQL\n- Erfaring med utvikling av REST-baserte API'er\n- Kjennskap til UNIX og shell-scripting er en fordel\n" +
				"Hva kan vi tilby deg?\n- Først og fremst kan vi tilby en spennende stilling"},
			want: model.Skills{Required: []string{"Java", "REST APIs", "SQL"}, Preferred: []string{"Bash", "Unix"}},
		},
		{
			name: "Ønskede kvalifikasjoner beside Kvalifikasjoner",
			raw: model.Raw{DescriptionText: "Kvalifikasjoner\n- Erfaring med Java-programmering\n" +
				"Ønskede kvalifikasjoner\n- Erfaring fra databaser og SQL"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"SQL"}},
		},
		{
			name: "Önskade kvalifikationer, Ønsket erfaring after requirements",
			raw: model.Raw{DescriptionText: "Krav\n- Erfarenhet av Java\nÖnskade kvalifikationer\n- Erfarenhet av Kafka\n" +
				"Ønsket erfaring\n- Docker"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Docker", "Kafka"}},
		},
		{
			// sparebank1-text-utvikler-masterdata
			name: "Personlige egenskaper",
			raw: model.Raw{DescriptionText: "Personlige egenskaper\n- Opptatt av datakvalitet og evner å se hva verdien av korrekte data vil gi på tvers av våre løsninger\n" +
				"- Kvalitetsbevisst, arbeider strukturert og liker å ha mange baller i luften på en gang"},
			want: model.Skills{Required: []string{"Data Quality"}},
		},
	})
}

// Inline pluses: English/Swedish "a merit" ("will be considered a
// merit"), Nordic "a strength" ("är en styrka", "er en styrke"), "good to
// have" ("är bra att ha", "er godt å ha"), "counts positively" ("tæller
// positivt", "räknas som positivt"). Only the first sentence is from a dev
// document; the Nordic forms are written by the language, as no dev
// document uses them.
func TestMoreInlinePluses(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// audiodo-app-developer
			name: "considered a merit",
			raw: model.Raw{DescriptionText: "Requirements\n- Since you will be working closely with our firmware team, experience in embedded SW, audio algorithms and connectivity technologies such as Bluetooth will be considered a merit\n" +
				"- Experience with Swift"},
			want: model.Skills{Required: []string{"Swift"}, Preferred: []string{"Bluetooth", "Embedded Systems"}},
		},
		{
			name: "based on merit is no plus",
			raw:  model.Raw{DescriptionText: "Requirements\n- Experience with Swift; promotions based on merit"},
			want: model.Skills{Required: []string{"Swift"}},
		},
		{
			name: "Nordic strength, good to have, counts positively",
			raw: model.Raw{DescriptionText: "Krav\n- Du har erfarenhet av Java\n- Kunskap i SAP är en styrka\n- Erfarenhet av Swift är bra att ha\n" +
				"- Erfarenhet av Jira räknas som positivt\n- Erfarenhet av PHP är en merit\n- Kendskab til Figma tæller positivt\n- Din styrke er Python"},
			want: model.Skills{Required: []string{"Java", "Python"}, Preferred: []string{"Figma", "Jira", "PHP", "SAP", "Swift"}},
		},
	})
}

// A MoSCoW priority as a label ("MUST: ...", "SHOULD: ...") says the
// bucket of its list; the German singular "Qualifikation:" opens the
// requirements.
func TestMoSCoWLabelsAndQualifikation(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// yer-staffing-text-senior-frontend-developer
			name: "Qualifikation: MUST / SHOULD",
			raw: model.Raw{DescriptionText: "Aufgaben:\n- Die Programmierung des Frontend in React – Typescript\n" +
				"Qualifikation:\n- Teamplayer und Treiber für Knowledge Sharing\n" +
				"- MUST: React, Typescript, Erfahrung mit DevOps Tools (Jira, Confluence, Gitlab)\n" +
				"- SHOULD: REST, vite, vitest, testing-library, tanstack-query, styled-components\n" +
				"Einsatzort: Hamburg / Remote"},
			want: model.Skills{
				Required:  []string{"Confluence", "DevOps", "GitLab", "Jira", "React", "TypeScript"},
				Preferred: []string{"REST APIs", "TanStack Query", "Vite", "Vitest", "styled-components"},
			},
		},
		{
			name: "a sentence with should is no label",
			raw:  model.Raw{DescriptionText: "Requirements\n- You should know Go: it is our main language"},
			want: model.Skills{Required: []string{"Go"}},
		},
	})
}
