package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 7 on skills (issue 9). The sentences marked with a slug are real,
// from dev documents of the real-world corpus (internal/corpus).

// PROTOCOL.md, methods of working: the adjective "agile" names the method
// Agile when it qualifies a way of working (a team, an environment, a
// project, a practice) or stands next to another method, in any language;
// as a trait of a person or a team it is not the method.
func TestAgileAsMethod(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// allegis-text-data-engineer-python-developer
			name: "agilen Teams",
			raw:  model.Raw{DescriptionText: "Was Sie mitbringen:\n- Sicheres Arbeiten in agilen Teams\n- Python"},
			want: model.Skills{Required: []string{"Agile", "Python"}},
		},
		{
			// cds-software-development-manager
			name: "iterative, agile and fast-moving environments",
			raw:  model.Raw{DescriptionText: "Qualifications\n- Experience working in iterative, agile and fast-moving environments."},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// cds-fr-conseiller-politiques-btn
			name: "environnement agile",
			raw:  model.Raw{DescriptionText: "Qualifications requises\n- Capacité à travailler dans un environnement agile et ouvert "},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// codeando-mexico-text-lider-de-comunidad
			name: "ambientes de trabajo ágiles",
			raw:  model.Raw{DescriptionText: "Requisitos:\n* Experiencia en ambientes de trabajo ágiles y rápidos en donde se toman decisiones día a día."},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// dtd-text-software-engineer: next to another method
			name: "waterfall e agile",
			raw:  model.Raw{DescriptionText: "Requisiti\n-   Padronanza delle metodologie di sviluppo *waterfall* e *agile*"},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// sparebank1-text-utviklingsleder
			name: "smidig, Lean",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\n* Inngående kunnskap om smidig, Lean og moderne utviklingsmetodikk"},
			want: model.Skills{Required: []string{"Agile", "Lean"}},
		},
		{
			// eviden-austria-text-tester-senior: a compound noun
			name: "agilen Software-Entwicklungsprojekten",
			raw:  model.Raw{DescriptionText: "Ihr Profil\n- Erfahrung mit Testing in agilen Software-Entwicklungsprojekten"},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// dinex-nvh-test-engineer: the first of a list of traits
			name: "Agile, customer-focused",
			raw:  model.Raw{DescriptionText: "Requirements\n- Ability to apply creative problem solving\n- Agile, customer-focused, and result-oriented\n- Good level with MS Office"},
			want: model.Skills{Required: []string{"Microsoft Office"}},
		},
		{
			name: "an agile, innovative team is a trait",
			raw:  model.Raw{DescriptionText: "Requirements\n- You are an agile, dynamic person who joins an agile, innovative team"},
		},
		{
			name: "agile solutions are no method",
			raw:  model.Raw{DescriptionText: "Requirements\n- You build agile solutions and stay agile"},
		},
		{
			// sinnerschrader-text-product-owner: the place decides the
			// bucket; a team's way of working under the perks is mentioned
			name: "agiles Team among the perks",
			raw:  model.Raw{DescriptionText: "Was wir bieten\n- Angenehme Arbeitsatmosphäre, Spaß bei der Arbeit und ein agiles, innovatives Team"},
		},
	})
}

// "An ideal candidate would also:" after what all candidates must: the
// conditional with "also" opens the extras, though "ideal candidate" alone
// reads as requirements.
func TestWouldAlsoOpensExtras(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// tor-project-project-manager
			name: "An ideal candidate would also:",
			raw: model.Raw{DescriptionText: "In general, you should:\n\nBe comfortable working remotely.\n\n" +
				"An ideal candidate would also:\n\nHave experience with open-source software development, including working with distributed teams.\n" +
				"Have basic familiarity with distributed version control systems such as git."},
			want: model.Skills{Preferred: []string{"Git", "Open Source"}},
		},
		{
			// tor-project-lead-automation-engineer
			name: "would also possess several of the following skills",
			raw: model.Raw{DescriptionText: "All candidates must:\n\nBe proficient in Python.\n\n" +
				"An ideal candidate would also possess several of the following skills:\n\nBe familiar with Jenkins or a similar Open Source nightly build system."},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"CI/CD", "Open Source"}},
		},
		{
			name: "the ideal candidate alone still requires",
			raw:  model.Raw{DescriptionText: "The ideal candidate will have:\n\nExperience with Python."},
			want: model.Skills{Required: []string{"Python"}},
		},
	})
}
