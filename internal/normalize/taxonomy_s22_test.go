package normalize

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Session 22 of the taxonomy (issue 9 item 6): named tools from the CNCF
// landscape and awesome-data-engineering (NOTICE.skills), and spellings
// that dev documents write.

// TestTaxonomyS22DevSentences: real sentences of dev documents name the
// tools the new entries and aliases cover.
func TestTaxonomyS22DevSentences(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// anadea-*: an "I" read as "l" in "Shadcn UI", "CrewAI", "REST APIs"
		{"Deep Python, TypeScript & React proficiency on the frontend (Hooks, Context API, Vite, Shadcn Ul) and backend (Node.js, Express, REST APls, PostgreSQL).",
			[]string{"Express", "Node.js", "PostgreSQL", "Python", "REST APIs", "React", "Shadcn UI", "TypeScript", "Vite"}},
		{"vector databases (Pinecone, Weaviate), or agentic frameworks (Lang Graph, CrewAl).",
			[]string{"AI Agents", "CrewAI", "LangGraph", "Pinecone", "Vector Databases", "Weaviate"}},
		// linear-ashby, sinnerschrader-text-contentful-developer
		{"React, MobX, styled-components on the frontend", []string{"MobX", "React", "styled-components"}},
		// a German tool list with names written together
		{"Eingesetzte Toolkette und Technologien: IntellJ, Postman, Bitbucket / git, VisualStudio, JavaEE / Java (v11), Payara, Maven, Jenkins, NexusIQ, SonarQube, SilkTest",
			[]string{"Bitbucket", "Git", "IntelliJ IDEA", "Java", "Java EE", "Jenkins", "Maven", "Payara", "Postman", "SilkTest", "SonarQube", "Sonatype Nexus", "Visual Studio"}},
		{"Fundierte Kenntnisse und praktische Erfahrung in PowerApps (Canvas und Model Driven Apps), PowerAutomate, und PowerPages",
			[]string{"Power Apps", "Power Automate", "Power Pages"}},
		{"LDAP, ActiveDirectory, and other SAML/Single-Sign-on services", []string{"Active Directory", "LDAP", "SAML", "Single Sign-On"}},
		{"FinOps: Be the guardian of our budget, identifying and eliminating cloud waste", []string{"FinOps"}},
		// a name of one word is still not split ("Reactnative" is no CamelCase)
		{"It is a bonus if you have experience of Node.js, PHP, MySQL, ReactNative", []string{"MySQL", "Node.js", "PHP", "React Native"}},
		{"It is a bonus if you have experience of Reactnative", []string{}},
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

// TestTaxonomyS22OrdinaryWords: the new names that are ordinary words
// count only capitalised among other skills ("~"), never in prose.
func TestTaxonomyS22OrdinaryWords(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"You will harness the power of data to mend broken processes backstage.", []string{}},
		{"Harness the latest tools; find the needle in a haystack.", []string{}},
		{"Unleash your potential and teleport into a new career.", []string{}},
		{"The flagger on the concourse met the longhorn and the rook.", []string{}},
		{"Telepresence robots and a pachyderm in the room.", []string{}},
		{"Experience with Backstage, Argo CD and Crossplane", []string{"Argo CD", "Backstage", "Crossplane"}},
		{"CI/CD with Harness, Jenkins or Concourse", []string{"CI/CD", "Concourse CI", "Harness", "Jenkins"}},
		{"Storage on Kubernetes: Rook, Longhorn or Portworx", []string{"Kubernetes", "Longhorn", "Portworx", "Rook"}},
		{"RAG tooling such as Haystack, LlamaIndex or LangChain", []string{"Haystack", "LangChain", "LlamaIndex", "RAG"}},
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

// TestTaxonomyS22EntriesFound: every entry of the session-22 block is found
// by its own name in a list of tools, so no other entry's alias shadows it.
func TestTaxonomyS22EntriesFound(t *testing.T) {
	b, err := os.ReadFile("taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "  # --- session 22 (issue 9 item 6)"
	i := strings.Index(string(b), marker)
	if i < 0 {
		t.Fatal("no session 22 block in taxonomy.yaml")
	}
	var block []SkillDef
	if err := yaml.Unmarshal(b[i:], &block); err != nil {
		t.Fatalf("the session 22 block: %v", err)
	}
	if len(block) < 250 {
		t.Fatalf("the session 22 block has %d entries, want at least 250", len(block))
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
