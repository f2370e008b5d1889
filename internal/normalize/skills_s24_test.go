package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 24: a line that opens with what the candidate has ("Mehrjährige
// Berufserfahrung mit ...", "3+ years of experience with ...", "Fundiertes
// Verständnis von ...") asks for it, also under a heading of tasks: the
// requirements' heading was lost or never written. Lines that open with a
// task keep the part's class. The sentences are from dev documents of the
// corpus (named).
func TestS24RequirementLinesAmongTasks(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-nomios-cybersecurity-consultant-palo-alto-networks: the
			// profile follows the tasks with no heading of its own
			name: "profile lines after the tasks",
			raw: txt("Deine Aufgaben:\n\n" +
				"- Eigenständige Planung, Steuerung und Umsetzung von Kundenprojekten rund um das Palo-Alto-Networks-Portfolio\n" +
				"- Planung und Durchführung von Proof-of-Concepts in Kundenumgebungen mit Kubernetes\n" +
				"- Mehrjährige, nachweisbare Berufserfahrung als Security-Spezialist mit Schwerpunkt Palo Alto Networks\n" +
				"- Fortinet- und/oder CrowdStrike-Kenntnisse sind von Vorteil\n" +
				"- Fundiertes Verständnis von Next-Generation Firewalls, SASE/Zero-Trust-Architekturen\n"),
			want: model.Skills{Required: []string{"Firewalls", "Palo Alto Networks", "SASE", "Zero Trust"},
				Preferred: []string{"CrowdStrike", "Fortinet"}},
		},
		{
			name: "years of experience among the responsibilities",
			raw: txt("What you'll do:\n\n- Build and run our data pipelines on Spark\n" +
				"- 3+ years of experience with Terraform and AWS\n- Strong knowledge of PostgreSQL\n"),
			want: model.Skills{Required: []string{"AWS", "PostgreSQL", "Terraform"}},
		},
		{
			// a task that names experience or knowledge is still a task
			name: "tasks that open with a verb stay tasks",
			raw: txt("Your tasks:\n\n- Share knowledge of Kafka with the team\n" +
				"- Gain hands-on experience with Terraform\n- Knowledge sharing on Spark\n- Experience design for the Figma plugin\n"),
		},
		{
			// a blurb or an offer is no requirement
			name: "benefits stay benefits",
			raw:  txt("What we offer:\n\n- A MacBook and a budget for conferences such as KubeCon\n- Flexible hours\n"),
		},
	})
}

// "Experience" followed by a gerund asks for what the gerund does, in a
// part no heading classifies.
func TestS24ExperienceGerund(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-cribl-staff-security-operations-engineer
			name: "experience scripting in a list of languages",
			raw: txt("Experience scripting/coding in at least one of the following languages: Python, NodeJS, Ruby, Bash\n\n" +
				"Experience hardening Linux hosts\n"),
			want: model.Skills{Required: []string{"Bash", "Linux", "Node.js", "Python", "Ruby"}},
		},
		{
			name: "experience during is no gerund",
			raw:  txt("The customer experience during onboarding runs on Salesforce.\n"),
		},
		{
			name: "a gerund after a comma is another clause",
			raw:  txt("We care about the customer experience, including onboarding in Salesforce.\n"),
		},
		{
			// cjr-intercom-application-security-engineer: a line that
			// opens with "Hands-on"
			name: "hands-on opens a candidate's quality",
			raw:  txt("Hands-on security incident response experience, including leading investigations and remediation efforts.\n"),
			want: model.Skills{Required: []string{"Incident Response"}},
		},
	})
}

// A heading that wishes for qualifications ("We'd love to see", "Desired
// skills", "Önskvärda kvalifikationer") heads the requirements when no
// heading of the posting names them, as "Ønskede kvalifikasjoner" does;
// beside a requirements heading it stays the nice-to-haves. A heading
// with "helpful" in it is one of nice-to-haves.
func TestS24WishedAndHelpfulHeadings(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-solaris-se-senior-it-auditor
			name: "we'd love to see, the only qualifications",
			raw: txt("Your Role\n\n- Independent preparation and conducting of IT-audits, including drafting of audit reports.\n\n" +
				"We'd love to see\n\n- 5+ years of experience in the field of auditing IT requirements (MaRisk, DORA, IT Grundschutz, or ISO 2700X).\n" +
				"- Good knowledge of fundamental processes especially BCM, incident- and problem management.\n"),
			// (DORA: the taxonomy's entry from round s24, merged after)
			want: model.Skills{Required: []string{"BSI IT-Grundschutz", "Business Continuity Management", "DORA"}},
		},
		{
			// figma-greenhouse: the wish, then what is "an added plus if
			// you also have"
			name: "we'd love to hear from you, then the added plus",
			raw: model.Raw{DescriptionHTML: "<h3>We'd love to hear from you if you have:</h3><ul><li>Experience with Salesforce</li></ul>" +
				"<h3>While it’s not required, it’s an added plus if you also have:</h3><ul><li>Experience with UX/UI design principles and collaboration tools</li></ul>"},
			want: model.Skills{Required: []string{"Salesforce"}, Preferred: []string{"UI Design", "UX Design"}},
		},
		{
			// tor-project-core-developer: beside the expected skills
			name: "desired skills beside a requirements heading",
			raw: txt("Expected skills and experience:\n\n- 5+ years’ experience in C and several other programming languages\n\n" +
				"Desired skills and experience:\n\n- Basic familiarity with distributed version control systems\n"),
			want: model.Skills{Required: []string{"C"}, Preferred: []string{"Version Control"}},
		},
		{
			// cjr-okta-staff-security-analyst-customer-assurance
			name: "helpful certifications",
			raw: txt("Requirements:\n\n- Understanding of IT and cloud methodologies, information security and compliance standards\n\n" +
				"Helpful Certifications / Skills:\n\n- Familiarity with Federal or highly regulated compliance frameworks (e.g., FedRAMP, StateRAMP, NIST 800-53)\n"),
			want: model.Skills{Required: []string{"Security Engineering"}, Preferred: []string{"FedRAMP", "NIST 800-53", "StateRAMP"}},
		},
	})
}

// A heading in Title Case that opens with "You" or "We" ("You Should
// Have", "We’re Looking For") runs into the items after it in a
// description whose line breaks were lost (JSON-LD and scraped text): it
// is a heading when it is one of the usual heading phrases, written in
// Title Case all through, before a count of years or a sentence. A
// sentence about a title in Title Case is none.
func TestS24TitledSubjectHeadingsInFlatText(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-flexport-product-security-engineer-ii on one line
			name: "you should have, then nice to have",
			raw: txt("What You'll Do Strategy & foundations Build guardrails and AI-accelerated patterns that make secure-by-default " +
				"the path of least resistance for developers. Build and maintain security tooling and automation that scales product " +
				"security. Respond to emerging threats. Vulnerability management Triage, reproduce, and validate incoming bug bounty " +
				"submissions and internal security reports. Cut through SAST, secrets, and vulnerability scanner noise to prioritize " +
				"real issues and guide developers to effective fixes. Write clear, actionable security patterns that let developers " +
				"ship fast and stay secure. You Should Have 2–5 years of experience in product/application security or software " +
				"development with a security focus. Proficiency with application testing tools such as Burp Suite, OWASP ZAP, or " +
				"browser developer tools. Nice to Have Hands-on experience with bug bounty platforms. Experience with cloud " +
				"infrastructure security (AWS, GCP, Azure) and container technologies."),
			want: model.Skills{Required: []string{"Burp Suite", "OWASP ZAP", "Security Engineering"},
				Preferred: []string{"AWS", "Azure", "Bug Bounty", "Cloud Computing", "Containerization", "GCP"}},
		},
		{
			// a sentence that opens with "We're looking for" and a title
			name: "we're looking for a title",
			raw: txt("What We Offer A budget for conferences such as KubeCon. Hybrid work from our offices in Berlin, Paris and " +
				"Madrid. A yearly team trip, a learning budget, and the equipment you need, in a team that grows fast and works " +
				"with customers in every country of Europe. We're Looking For Corporate Sales Representatives to grow with us, " +
				"who know their way around Salesforce and HubSpot. How to apply Send us your CV and a few words about yourself " +
				"through the form on this page, in English or German; we answer every application within two weeks and invite " +
				"the candidates we would like to meet to a first call with the team lead."),
		},
	})
}

// In a description whose line breaks were lost, a heading in Title Case
// may end with its colon ("What You Bring To The Team: 2+ years").
func TestS24FlatHeadingEnds(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-huntress-security-operations-analyst-ireland on one line
			name: "a heading ending with its colon",
			raw: txt("Security Operations Analyst. Huntress is looking for a Security Operations Center Analyst to add to our growing " +
				"team. In this role, you will get to triage, investigate, respond, and remediate a variety of intrusions on a daily " +
				"basis. Responsibilities: Triage, investigate, and respond to alerts from the Huntress platform. Perform tactical " +
				"review of EDR telemetry, log sources, and forensic artifacts on Windows hosts to determine the root cause of attacks. " +
				"What You Bring To The Team: 2+ years experience in a SOC or Digital Forensics (DFIR) role. Demonstrated experience " +
				"with Linux and MacOS as an attack surface. We Offer: 100% remote work environment since our founding in 2015."),
			want: model.Skills{Required: []string{"Digital Forensics", "Linux", "macOS"}},
		},
	})
}

// "X (especially Y) is a plus": the marker after the parentheses
// qualifies what they follow, with them.
func TestS24MarkerAfterParentheses(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// osd-ura-design-style-guide-frontend-developer
			name: "a big plus after parentheses",
			raw: txt("Qualifications:\n\n- experience in Jekyll and Git\n" +
				"- past contributions to Open Source (especially Open Source Design) is a big plus\n"),
			want: model.Skills{Required: []string{"Git", "Jekyll"}, Preferred: []string{"Open Source"}},
		},
		{
			// jr-monalee-senior-machine-learning-engineer: the marker
			// after a list's last item ("..., or satellite imagery, is
			// a plus") qualifies the list
			name: "a plus after a list's last item",
			raw: txt("Qualifications\n\nMinimum of four years of experience in deploying machine learning models, with strong Python skills. " +
				"Experience with geospatial data, including photogrammetry, LiDAR, or satellite imagery, is a plus.\n"),
			want: model.Skills{Required: []string{"Machine Learning", "Python"}, Preferred: []string{"LiDAR", "Photogrammetry", "Satellite Imagery"}},
		},
		{
			name: "a list in parentheses",
			raw:  txt("Requirements:\n\n- Strong Python skills\n- Experience with Kubernetes (EKS, GKE) is a plus\n"),
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Amazon EKS", "GKE", "Kubernetes"}},
		},
	})
}

// "Advantage:", "Desirable:", "Asset:" at a sentence's start mark what
// follows as a plus, as "Nice to have:" does.
func TestS24AdvantageLabel(t *testing.T) {
	txt := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-fireblocks-director-application-security
			name: "advantage as a label",
			raw: txt("Requirements:\n\nAt least 7+ years of experience in security architecture and threat modeling.\n\n" +
				"Advantage: Knowledge of cryptographic principles and best practices, including the implementation of encryption.\n"),
			want: model.Skills{Required: []string{"Threat Modeling"}, Preferred: []string{"Cryptography"}},
		},
		{
			name: "desirable as a label",
			raw:  txt("Requirements:\n\n- Strong Python skills\n- Desirable: Kafka and Flink\n"),
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Flink", "Kafka"}},
		},
	})
}
