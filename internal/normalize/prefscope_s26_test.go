package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A wish after a comma ("..., preferably AWS, ...") qualifies what it
// names up to the next separator when the sentence goes on with more of
// an outer list (dev jr-r2-lead-machine-learning-engineer-latam-only),
// with what parentheses after it hold (dev
// sinc-text-loesungsarchitekt-technischer-lead-identity-access-managemen),
// and to the sentence's end when what follows offers alternatives.
func TestForwardWishScopeS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"You have a solid understanding of cloud platforms, preferably AWS, distributed computing, and version control using GitHub & GitLab",
			[]string{"Distributed Systems", "GitHub", "GitLab", "Version Control"}, []string{"AWS"}},
		{"Tiefgehendes, herstellerunabhängiges Verständnis der Architektur von Identitäts- und Governance-Plattformen, idealerweise mit nachweisbarer Erfahrung in führenden Open-Source-Lösungen (z. B. Keycloak, Janssen Project/Gluu, WSO2 IS).",
			nil, []string{"Keycloak", "Gluu", "WSO2 Identity Server"}},
		{"Strong programming skills, preferably Python, Go, or Rust.", nil, []string{"Python", "Go", "Rust"}},
	}
	for _, tt := range tests {
		checkBucketsS26(t, n, tt.text, tt.req, tt.pref)
	}
}

// A Portuguese list flattened into one line starts its next item with a
// capitalised opener ("... de proteção de dados Conhecimento de
// regulamentos ..."): the item ends the wish of the item before it (dev
// jr-incognia-senior-security-engineer). A marker alone in parentheses
// after a long clause qualifies that clause, not the sentence's list
// before it (dev cjr-algolia-information-security-engineer); after a
// short list it qualifies the list.
func TestWishEndsS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"Idealmente, você criou um programa de gerenciamento de vulnerabilidades, um programa de risco de terceiros ou uma estratégia para endpoint, segurança de rede ou de proteção de dados Conhecimento de regulamentos e estruturas de segurança e privacidade de dados (GDPR, LGPD, ISO 27001, NIST 800-53, CIS top 20) Fortes habilidades de comunicação entre equipes e gerenciamento de projetos.",
			[]string{"Data Privacy", "LGPD", "ISO 27001", "NIST 800-53"}, nil},
		{"Strong understanding of, comfort with, and at least three years of experience in operating, configuring, and managing log management / SIEM, threat detection and posture management, endpoint detection and response, SAST, SOAR, CTI, and other table-stakes information security systems with strong preference to at least one year of experience with deep use of Crowdstrike or Obsidian (preferably both).",
			[]string{"SIEM", "SAST", "SOAR", "EDR"}, []string{"CrowdStrike"}},
		{"Experience with Kafka, Flink or Spark Streaming (preferred)", nil, []string{"Kafka", "Flink", "Spark"}},
	}
	for _, tt := range tests {
		checkBucketsS26(t, n, tt.text, tt.req, tt.pref)
	}
}

// checkBucketsS26 normalizes text as a requirement item and checks that
// req are required and pref preferred.
func checkBucketsS26(t *testing.T, n *Normalizer, text string, req, pref []string) {
	t.Helper()
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements\n- " + text})
	for _, s := range req {
		if !slices.Contains(p.Skills.Required, s) {
			t.Errorf("%.60q: %s not required: %+v", text, s, p.Skills)
		}
	}
	for _, s := range pref {
		if !slices.Contains(p.Skills.Preferred, s) {
			t.Errorf("%.60q: %s not preferred: %+v", text, s, p.Skills)
		}
	}
}
