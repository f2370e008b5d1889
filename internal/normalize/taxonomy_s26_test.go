package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Practices named the way postings in other languages, or in short
// forms, name them (session 26), on sentences of dev documents: each
// finds its entry.
func TestS26PracticeNames(t *testing.T) {
	n := New(nil)
	tests := []struct {
		doc, text, skill string
	}{
		{"jr-coderockr-desenvolvedor-a-web-backend-python-django", "Conhecimento em teste automatizados", "Software Testing"},
		{"jr-ci-t-senior-developer-python-angular-ia", "Experiência em testes de software com bibliotecas como pytest;", "Software Testing"},
		{"api7-text-technical-writer", "具有较强的技术背景和快速学习能力，有测试及运维经历者优先", "Software Testing"},
		{"anadea-senior-frontend-developer-with-spanish", "Familiarity with testing frameworks and writing maintainable, testable code", "Software Testing"},
		{"cjr-chainguard-senior-customer-success-manager-germany", "Relevant domain knowledge of one or more of the following: Supply Chain Security, DevSecOps, AppSec, security infrastructure", "Security Engineering"},
		{"contractor-consulting-text-firstspirit-senior-dev-tech-architekt-remote-id-29845", "Knowhow in der Konzeptionierung und Evaluierung von SW-Architekturen", "System Design"},
		{"sinc-text-loesungsarchitekt-technischer-lead-identity-access-managemen", "Design von sicheren, mandantenfähigen und hochverfügbaren Systemarchitekturen für den On-Premises-Betrieb", "System Design"},
		{"api7-text-technical-writer", "具有互联网产品或大型软件平台工作经验者优先，云产品或中间件产品相关经验尤佳", "Cloud Computing"},
		{"tor-project-user-research-coordinator", "Using and teaching Free Software (FOSS), particularly privacy tools like Tor, Signal, GNU/Linux, etc.", "Open Source"},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements\n- " + tt.text})
		all := slices.Concat(p.Skills.Required, p.Skills.Preferred, p.Skills.Mentioned)
		if !slices.Contains(all, tt.skill) {
			t.Errorf("%s: %q names no %s: %+v", tt.doc, tt.text, tt.skill, p.Skills)
		}
	}
}
