package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 27: headings of the candidate's side in a description whose
// line breaks were lost (the flat variants of the corpus).
func TestFlatCandidateHeadings(t *testing.T) {
	// a description's length of text before the parts, as the flattened
	// postings have it (cjr-hellofresh-senior-cloud-security-engineer):
	// from that length a line is read for the breaks it lost
	const intro = "HelloFresh is the world leader in meal-kits and one of Germany's biggest and fastest growing publicly traded " +
		"companies. Join the Hellofresh security team to help to maintain the highest security standards within the industry. " +
		"Above all, we are looking for people who will make HelloFresh better. We believe there are many different ways of " +
		"developing skills and we love diverse experiences! So even if you don’t “tick all the boxes” but think you’d thrive " +
		"in this role, we would really like to learn more about you. "
	cases := []skillCase{
		{
			// cyan-leaf-text-sap-hcm-entwickler, flattened: "Ihr Profil:"
			// opens with a word that may be a subject, but its colon says
			// it is a heading
			name: "subject-like heading with its colon",
			raw: model.Raw{DescriptionText: "Ihre Aufgaben: Konzeption, Entwicklung und Betreuung von Schnittstellen (inkl. BAPI) " +
				"Mitarbeit in bzw. Leitung von Projekten im SAP HCM Umfeld Ihr Profil: Sehr gute Kenntnisse in ABAP-Entwicklung und S/4HANA"},
			want: model.Skills{Required: []string{"ABAP", "SAP S/4HANA"}},
		},
		{
			// cjr-hellofresh-senior-cloud-security-engineer, flattened
			name: "what you'll bring",
			raw: model.Raw{DescriptionText: "What you’ll do Secure containers, CI/CD pipelines and implement guardrails for the developers " +
				"Remediate and validate security issues across cloud infrastructure What you’ll bring Understanding of modern cloud " +
				"technology components and deployment patterns: CI/CD, virtual machines, containers, Kubernetes"},
			// "virtual machines": Virtualization since session 35 (the label's too)
			want: model.Skills{Required: []string{"CI/CD", "Cloud Computing", "Containerization", "Kubernetes", "Virtualization"}},
		},
		{
			// cjr-staffbase-senior-product-security-engineer, flattened
			name: "what you need to be successful",
			raw: model.Raw{DescriptionText: "What you’ll be doing Maintain our Web Application Firewall ruleset Kubernetes security " +
				"What you need to be successful Experience with Python and Go"},
			want: model.Skills{Required: []string{"Go", "Python"}},
		},
		{
			// cjr-the-quality-group-ai-security-engineer, flattened
			name: "your experience & skills",
			raw: model.Raw{DescriptionText: "Your mission You integrate AI security checks into DevSecOps and MLOps processes " +
				"Your experience & skills You have hands-on experience with cloud technologies such as Azure, AWS, or GCP"},
			want: model.Skills{Required: []string{"AWS", "Azure", "Cloud Computing", "GCP"}},
		},
		{
			// a sentence that opens with its subject and has no colon
			// within six words stays a sentence
			name: "subject sentence",
			raw:  model.Raw{DescriptionText: "Responsibilities You will build pipelines in Spark We offer a good salary and Kafka training"},
		},
	}
	for i := range cases {
		cases[i].raw.DescriptionText = intro + cases[i].raw.DescriptionText
	}
	checkSkills(t, cases)
}

func TestFlatWishAlso(t *testing.T) {
	// tor-project-project-manager, its lines run into one with their
	// list marks: "An ideal candidate would also:" leads into the
	// nice-to-haves; "They should also have experience using the
	// following:" asks for more of the requirements
	const before = "In general, you should: - Be comfortable and experienced with interacting with users and other " +
		"developers online. - Be comfortable working remotely. - Be comfortable and experienced justifying and documenting " +
		"technical decisions for a public, world-wide technical audience. "
	checkSkills(t, []skillCase{
		{
			name: "would also",
			raw: model.Raw{DescriptionText: before + "An ideal candidate would also: - Have experience with open-source " +
				"software development. - Have basic familiarity with distributed version control systems."},
			want: model.Skills{Preferred: []string{"Open Source", "Version Control"}},
		},
		{
			name: "should also",
			raw:  model.Raw{DescriptionText: before + "They should also have experience using the following: - Git. - Jenkins."},
			want: model.Skills{Required: []string{"Git", "Jenkins"}},
		},
	})
}
