package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 20: sentences that ask something of the candidate in a part no
// heading classifies, with the words the cues did not know. The sentences
// are from dev documents of the corpus (named).
func TestS20ExperienceVerbsAndAdeptCues(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// anadea-middle-php-developer-spanish-speaking-skills-are-mandatory
			name: "experience utilizing, under a heading that says nothing",
			raw:  d("**Software development:**\n● Experience utilizing modern ORM systems (e.g. Doctrine, Eloquent);\n"),
			want: model.Skills{Required: []string{"Doctrine", "Eloquent"}},
		},
		{
			// the same document's "Quality Assurance:" part
			name: "adept in",
			raw:  d("**Quality Assurance:**\n● Adept in writing Unit and Integration tests;\n"),
			want: model.Skills{Required: []string{"Software Testing"}},
		},
		{
			name: "experience configuring, competent with, knowledgeable about",
			raw:  d("Our platform\n- Experience configuring Kafka\n- Competent with Terraform\n- Knowledgeable about PostgreSQL\n"),
			want: model.Skills{Required: []string{"Kafka", "PostgreSQL", "Terraform"}},
		},
		{
			name: "a duty that names a tool stays mentioned",
			raw:  d("Our platform\n- Configuring Kafka clusters for our customers\n"),
		},
	})
}
