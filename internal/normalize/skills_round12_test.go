package normalize

import (
	"fmt"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 12 (issue 9): skills rules on dev sentences of the real-world
// corpus (internal/corpus); the slug names the document. Sentences
// marked "constructed" are written for the test: the dev part holds no
// posting of the form yet.

// A wish to learn after an "or" ("eller lyst til å lære det", "or want to
// learn", "oder bereit, es zu lernen") makes preferred only what its "or"
// offers: the clause the "or" closes, not the sentence's earlier clauses.
func TestWishToLearnQualifiesItsClause(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// sparebank1-text-testutvikler-boligreisen: one clause, as before
			name: "Linux, eller lyst til å lære det",
			raw: model.Raw{DescriptionText: "#### Kvalifikasjoner\n* Erfaring innen automatisert testing\n" +
				"* Glad i å jobbe på Linux-plattformen, eller lyst til å lære det?\n* Erfaring med virksomhetskritiske systemer\n"},
			want: model.Skills{Required: []string{"Software Testing"}, Preferred: []string{"Linux"}},
		},
		{
			// fronteers-easy-lms-front-end-developer-design-skills
			name: "Illustrator or want to learn",
			raw:  model.Raw{DescriptionText: "Requirements\n- Know how to work with Adobe Illustrator or want to learn.\n- Experience with Sass\n"},
			want: model.Skills{Required: []string{"Sass"}, Preferred: []string{"Adobe Illustrator"}},
		},
		{
			// constructed: an earlier clause of the sentence stays asked for
			name: "Java, og Linux eller lyst til å lære det",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\n- Erfaring med Java, og kjenner Linux eller har lyst til å lære det\n"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Linux"}},
		},
		{
			// constructed: German, the wish's comma after "oder"
			name: "Go, Rust oder bereit, es zu lernen",
			raw:  model.Raw{DescriptionText: "Dein Profil\n- Erfahrung mit Go; du kennst Rust oder bist bereit, es zu lernen\n"},
			want: model.Skills{Required: []string{"Go"}, Preferred: []string{"Rust"}},
		},
		{
			// constructed: a later clause after the wish is not qualified
			name: "Kotlin eller vill lära dig det, samt SQL",
			raw:  model.Raw{DescriptionText: "Kvalifikationer\n- Du kan Kotlin eller vill lära dig det, samt har erfarenhet av SQL\n"},
			want: model.Skills{Required: []string{"SQL"}, Preferred: []string{"Kotlin"}},
		},
	})
}

// GitHub and GitLab are entries of their own under Git (taxonomy round
// 12, PROTOCOL.md): a hosting service with a name of its own is not an
// alias of the tool it hosts. In GitHub's own postings the company's name
// is asked for as a tool where it stands beside another named tool in a
// sentence that asks for tools ("Interest in Git and GitHub"), not where
// the company is what the sentence is about.
func TestGitHubAndGitLabUnderGit(t *testing.T) {
	n := New(nil)
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"GitHub", "GitLab"} {
		if p := tax.Parent(s); p != "Git" {
			t.Errorf("Parent(%q) = %q, want Git", s, p)
		}
	}
	tests := []struct {
		slug, company, text string
		want                model.Skills
	}{
		{"github-greenhouse 712339", "GitHub",
			"Minimum Qualifications:\nCollaborative and team oriented\nInterest in Git and GitHub\nMust be legally authorized to work in Japan\n",
			model.Skills{Required: []string{"Git", "GitHub"}, Preferred: []string{}, Mentioned: []string{}}},
		{"github-greenhouse 1398392", "GitHub",
			"Qualifications\n- Exposure to software version control systems/Git and GitHub\n",
			model.Skills{Required: []string{"Git", "GitHub", "Version Control"}, Preferred: []string{}, Mentioned: []string{}}},
		{"github-greenhouse 1447616", "GitHub",
			"Requirements\n- You're comfortable with the GitHub API and have created an integration using it\n",
			model.Skills{Required: []string{"GitHub"}, Preferred: []string{}, Mentioned: []string{}}},
		{"github-greenhouse 1285757", "GitHub",
			"Do you want to help us scale Git and GitHub to support customers of all sizes? GitHub is looking for Linux Filesystem Engineers.\n" +
				"Requirements\n- You have used Git as a developer\n",
			model.Skills{Required: []string{"Git"}, Preferred: []string{}, Mentioned: []string{"GitHub", "Linux"}}},
		{"yer-staffing-text-senior-frontend-developer", "Yer",
			"Qualifikation\nMUST: React, Typescript, Erfahrung mit DevOps Tools (Jira, Confluence, Gitlab)\n",
			model.Skills{Required: []string{"Confluence", "DevOps", "GitLab", "Jira", "React", "TypeScript"}, Preferred: []string{}, Mentioned: []string{}}},
		{"cds-fr-architecte-services-entreprise", "CDS",
			"Qualifications\n- Expérience des environnements/outils de développement modernes, tels qu’Azure Dev Ops, GitHub, Miro, Excalidraw\n",
			model.Skills{Required: []string{"Azure DevOps", "Excalidraw", "GitHub", "Miro"}, Preferred: []string{}, Mentioned: []string{}}},
	}
	for _, tt := range tests {
		got := n.Normalize("s", tt.company, model.Raw{DescriptionText: tt.text}).Skills
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.slug, got, tt.want)
		}
	}
}

// Software testing named in the corpus's other languages is Software
// Testing (translations are aliases): Norwegian "automatisert testing",
// Swedish "automatiserad testning", Danish "automatiseret test", German
// "automatisierte Tests", Dutch "geautomatiseerd testen", French "tests
// unitaires".
func TestSoftwareTestingTranslations(t *testing.T) {
	n := New(nil)
	// sparebank1-text-testutvikler-boligreisen
	p := n.Normalize("s", "SpareBank 1", model.Raw{Title: "Testutvikler", DescriptionText: "#### Arbeidsoppgaver\n* Teknisk testing og ende-til-ende test av verdikjeder\n\n" +
		"#### Kvalifikasjoner\n* Erfaring innen automatisert testing\n* Glad i å jobbe på Linux-plattformen, eller lyst til å lære det?\n"})
	if want := (model.Skills{Required: []string{"Software Testing"}, Preferred: []string{"Linux"}, Mentioned: []string{}}); fmt.Sprintf("%q", p.Skills) != fmt.Sprintf("%q", want) {
		t.Errorf("testutvikler: %q, want %q", p.Skills, want)
	}
	for _, s := range []string{"Erfarenhet av automatiserad testning", "Erfaring med automatiseret test", "Erfahrung mit automatisierten Tests und Unit-Tests",
		"Ervaring met geautomatiseerd testen", "Maîtrise des tests unitaires", "Experiencia con pruebas unitarias", "Regresjonstesting og integrasjonstesting"} {
		if got := n.Skills(s); fmt.Sprint(got) != "[Software Testing]" {
			t.Errorf("%q: %q, want [Software Testing]", s, got)
		}
	}
}
