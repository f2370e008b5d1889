package normalize

import (
	"reflect"
	"testing"
)

// TestTaxonomySession24Entries: the names round s24's dev labels give,
// found in the sentences of the dev documents that name them; acronyms
// that mean other things match only as written or among other skills.
func TestTaxonomySession24Entries(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		want []string
	}{
		// cds-fr-architecte-services-entreprise
		{"des cadres d’authentification/sécurité (p. ex., ITSP.30.031, NIST 800-63, ITSG-33, OWASP)", []string{"ITSG-33", "ITSP.30.031", "NIST 800-63", "OWASP"}},
		// cjr-verkada-solutions-engineer-auckland
		{"Demonstrate a solid understanding of TCP/IP, TLS, DNS, DHCP, NAT, VLANs and L2 devices", []string{"Computer Networking", "DHCP", "DNS", "NAT", "TLS", "VLAN"}},
		// cjr-riot-games-principal-software-engineer-devops-site-reliability-eng
		{"Working knowledge of Linux systems, networking, DNS, load balancing, service discovery, authentication, secrets management, and cloud security fundamentals", []string{"Computer Networking", "DNS", "Linux", "Secrets Management", "Security Engineering"}},
		// cjr-solaris-se-senior-it-auditor
		{"5+ years of experience in the field of auditing IT requirements (MaRisk, DORA, IT Grundschutz, or ISO 2700X).", []string{"BSI IT-Grundschutz", "DORA"}},
		{"Familiarity with AI governance frameworks, including explainability, fairness, model lifecycle management, and emerging regulatory expectations (e.g., EU AI Act).", []string{"AI Governance", "EU AI Act"}},
		// posthog-site-reliability-engineer
		{"Strong experience in Linux systems administration, networks, performance troubleshooting.", []string{"Computer Networking", "Linux", "System Administration"}},
		// cjr-abnormal-security-software-engineer-ii-message-security-products
		{"email authentication standards (DMARC, DKIM, SPF), or email security products", []string{"DKIM", "DMARC", "SPF"}},
		// jr-incognia-senior-security-engineer
		{"Conhecimento de regulamentos e estruturas de segurança e privacidade de dados (GDPR, LGPD, ISO 27001, NIST 800-53, CIS top 20)", []string{"Data Privacy", "ISO 27001", "LGPD", "NIST 800-53"}},
		// ordinary words and other meanings stay out
		{"Our DORA metrics dashboard; a nat king cole playlist; spf 50 sunscreen; we gave him a lot of vlan", []string{}},
	}
	for _, tt := range tests {
		got := n.Skills(tt.text)
		if got == nil {
			got = []string{}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
