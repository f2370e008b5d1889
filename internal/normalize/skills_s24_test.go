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
