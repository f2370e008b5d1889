package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 27: a preference marker in a list whose items run into one
// line (the line breaks lost) qualifies its own item.
func TestRunOnItemPreference(t *testing.T) {
	// cjr-squarespace-security-engineer-incident-response, flattened
	const items = "5+ years experience in the security industry Certifications (preferred not required): OSCP, OSCE, OSWP " +
		"Experience working with SIEM and SOAR technologies Knowledgeable of cloud & container security, and infrastructure as code " +
		"Working understanding of malware analysis, reverse engineering, and host-based and memory forensics " +
		"Proficiency in programming or scripting languages (preference to Python, Go, JavaScript, or Bash) is a plus " +
		"Knowledge of network and web related protocols (e.g., TCP/IP, UDP, IPSEC, HTTP/HTTPS) and how to keep them secure"
	checkSkills(t, []skillCase{
		{
			name: "run-on items under a requirements heading",
			raw:  model.Raw{DescriptionText: "Requirements:\n" + items},
			want: model.Skills{
				Required: []string{"Computer Networking", "Container Security", "HTTP", "Infrastructure as Code",
					"Malware Analysis", "Reverse Engineering", "SIEM", "SOAR"},
				Preferred: []string{"Bash", "Go", "JavaScript", "Python"},
			},
		},
		{
			// a short sentence keeps its marker's whole scope
			name: "short sentence",
			raw:  model.Raw{DescriptionText: "Requirements:\nExperience using Terraform and Ansible is a plus"},
			want: model.Skills{Preferred: []string{"Ansible", "Terraform"}},
		},
		{
			// "Nice to have:" as a label governs all that follows it
			name: "a label of the part",
			raw: model.Raw{DescriptionText: "Requirements:\nExperience with Go Nice to have: Kubernetes, Terraform Experience " +
				"working with Kafka and Flink in production Familiarity with Grafana and Prometheus alerting rules"},
			want: model.Skills{Required: []string{"Go"}, Preferred: []string{"Flink", "Grafana", "Kafka", "Kubernetes", "Prometheus", "Terraform"}},
		},
	})
}

func TestRunOnItemForwardWish(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// jr-vt-enterprise-freelance-python-developer-remote-south-latin-america:
			// the wish ends where the next item runs into it
			name: "preferably, then the next item",
			raw: model.Raw{DescriptionText: "Requirements:\nPython, 5+ years of experience Good command of English written and " +
				"spoken SQLAlchemy WSGI frameworks, preferably Pyramid SQL Good understanding of the HTTP protocol HTML5/JS/CSS"},
			want: model.Skills{Required: []string{"HTML/CSS", "HTTP", "JavaScript", "Python", "SQLAlchemy"}, Preferred: []string{"SQL"}},
		},
		{
			// German writes its nouns with a capital: no item starts
			// there (sinc-text-loesungsarchitekt-technischer-lead-identity-access-managemen)
			name: "German nouns",
			raw: model.Raw{DescriptionText: "Anforderungen:\no Tiefgehendes, herstellerunabhängiges Verständnis der " +
				"Architektur von Identitäts- und Governance-Plattformen, idealerweise mit nachweisbarer Erfahrung in " +
				"führenden Open-Source-Lösungen (z. B. Keycloak, Janssen Project/Gluu, WSO2 IS)."},
			want: model.Skills{Preferred: []string{"Gluu", "Keycloak", "Open Source", "WSO2 Identity Server"}},
		},
	})
}

func TestPairedHeading(t *testing.T) {
	for _, p := range []string{"Benefits & Perks", "Skills and Qualifications", "Requirements & Qualifications"} {
		if !exactPhrase(p) {
			t.Errorf("%q: want a heading", p)
		}
	}
	for _, p := range []string{"Python and Go", "Benefits and Python", "Salt and Pepper"} {
		if exactPhrase(p) {
			t.Errorf("%q: want no heading", p)
		}
	}
}
