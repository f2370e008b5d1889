package normalize

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Session 23 of the taxonomy (issue 9 item 6): security and platform
// names of corpus round s23's dev labels, open-source security tools from
// sbilly/awesome-security (NOTICE.skills), and named security products and
// standards.

// TestTaxonomyS23DevSentences: real sentences of dev documents name the
// tools, standards and practices the new entries cover.
func TestTaxonomyS23DevSentences(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// cjr-sofi-staff-vulnerability-management-engineer
		{"Hands-on experience with modern vulnerability and application security tooling such as Wiz, Semgrep, Snyk, Socket, Rapid7, Tenable, Checkmarx, or equivalent platforms, plus experience tuning SAST, SCA, secret scanning, container, or cloud findings.",
			[]string{"Checkmarx", "Rapid7", "SAST", "SCA", "Security Engineering", "Semgrep", "Snyk", "Socket", "Tenable", "Wiz"}},
		{"integration of SAST, software composition analysis and secret scanning", []string{"SAST", "SCA"}},
		{"Experience designing end-to-end workflows that integrate scanners, asset inventories or CMDBs, ticketing systems",
			[]string{"CMDB"}},
		// cjr-kertos-professional-services-consultant-information-security
		{"Du kennst dich bestens mit verschiedenen Informationssicherheits-Frameworks wie ISO 27001, SOC2, TISAX und/oder NIS-2 aus.",
			[]string{"ISO 27001", "NIS2", "SOC 2", "TISAX"}},
		// cjr-okta-staff-security-analyst-customer-assurance
		{"Familiarity with Federal or highly regulated compliance frameworks (e.g., FedRAMP, StateRAMP, NIST 800-53, or DoD IL4/IL5/IL6)",
			[]string{"FedRAMP", "NIST 800-53", "StateRAMP"}},
		// cjr-n26-senior-cloud-security-engineer
		{"Solid understanding of security frameworks and tactics, including STRIDE, MITRE ATT&CK",
			[]string{"MITRE ATT&CK", "STRIDE"}},
		{"Prior domain knowledge in cloud security, KSPM, CSPM, or vulnerability management.",
			[]string{"CSPM", "KSPM", "Security Engineering", "Vulnerability Management"}},
		// cjr-chainguard-staff-product-security-engineer
		{"Implement and enforce software supply chain security controls: signed artifacts, SBOMs, provenance attestation (SLSA, Sigstore / Cosign).",
			[]string{"SBOM", "SLSA", "Sigstore", "Supply Chain Security"}},
		// cjr-cribl-staff-security-operations-engineer
		{"deploying, and maintaining detection rules (e.g., Sigma, YARA, Splunk SPL, KQL) across various security platforms",
			[]string{"KQL", "Sigma", "Splunk", "YARA"}},
		{"Experience with SIEM platforms like Panther is a plus", []string{"Panther", "SIEM"}},
		// cjr-twilio-staff-engineer-offensive-security
		{"use of C2 frameworks (Cobalt Strike, Sliver, Havoc) or similar tools", []string{"Cobalt Strike", "Havoc", "Sliver"}},
		// cjr-flexport-product-security-engineer-ii: "secure SDLC" is the
		// secure development practice, not SDLC alone
		{"Familiarity with threat modeling frameworks and secure SDLC best practices.", []string{"Secure Software Development", "Threat Modeling"}},
		// cjr-okta-sr-product-manager-agentic-security
		// "MFA" alone is also the Master of Fine Arts: only the long names
		{"concepts (e.g., OAuth 2.0, OpenID Connect, SSO, MFA, RBAC)", []string{"OAuth", "OpenID Connect", "RBAC", "Single Sign-On"}},
		{"Experience rolling out multi-factor authentication", []string{"Multi-Factor Authentication"}},
		// duragis-text-it-system-engineer-siem: the product is its own entry
		{"Schwachstellenscannern wie z. B. Elastic SIEM und/oder greenbone", []string{"Elastic Security", "Greenbone"}},
		// jr-remote-payroll-enablement-specialist
		{"building an interactive, aesthetically pleasing module in Rise by Articulate.", []string{"Articulate Rise"}},
		{"LMS tools (like Docebo or Articulate) is essential.", []string{"Articulate", "Docebo"}},
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

// TestTaxonomyS23AmbiguousWords: the new names that are ordinary words,
// first names, places or acronyms of other things stay words in prose.
func TestTaxonomyS23AmbiguousWords(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// "SOC" alone is a security operations centre, not SOC 2
		{"You will join our SOC and work shifts.", []string{}},
		{"Our office is in Palo Alto, California.", []string{}},
		{"An MFA in Graphic Design or equivalent experience.", []string{"Graphic Design"}},
		{"Articulate complex ideas to a panther of a wiz kid.", []string{}},
		{"Market volatility will wreak havoc on a sliver of the portfolio.", []string{}},
		{"The sigma of the distribution, and a socket wrench.", []string{}},
		// list-only: the acronym alone in prose stays a word (beside a
		// skill such as Payments it would still count)
		{"Strong customer authentication (SCA) is required by the directive.", []string{}},
		{"Frida and Amass met at the notion of a nuclei count.", []string{}},
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

// TestTaxonomyS23EntriesFound: every entry of the session-23 block is found
// by its own name in a list of tools, so no other entry's alias shadows it.
func TestTaxonomyS23EntriesFound(t *testing.T) {
	b, err := os.ReadFile("taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "  # --- session 23 (issue 9 item 6)"
	i := strings.Index(string(b), marker)
	if i < 0 {
		t.Fatal("no session 23 block in taxonomy.yaml")
	}
	var block []SkillDef
	if err := yaml.Unmarshal(b[i:], &block); err != nil {
		t.Fatalf("the session 23 block: %v", err)
	}
	if len(block) < 150 {
		t.Fatalf("the session 23 block has %d entries, want at least 150", len(block))
	}
	n := normalizer(t)
	for _, s := range block {
		text := "Experience with Kubernetes, " + s.Name + " and Terraform"
		found := false
		for _, got := range n.Skills(text) {
			if got == s.Name {
				found = true
			}
		}
		if !found {
			t.Errorf("Skills(%q) = %q: no %q", text, n.Skills(text), s.Name)
		}
	}
}
