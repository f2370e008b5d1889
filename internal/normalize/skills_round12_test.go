package normalize

import (
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
			want: model.Skills{Preferred: []string{"Linux"}},
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
