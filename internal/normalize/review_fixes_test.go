package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Fixes from the re-read of skills rounds 4 and 5 (sentences written for
// the rule, each a form the rounds' rules got wrong).
func TestRoundFiveReviewFixes(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// German writes "Du" capitalised mid-sentence: "wenn Du" goes
			// on with the sentence that "Von Vorteil" marks preferred
			name: "wenn Du",
			raw:  model.Raw{DescriptionText: "Von Vorteil ist es, wenn Du Erfahrung mit Kafka hast."},
			want: model.Skills{Preferred: []string{"Kafka"}},
		},
		{
			// a first name's "surname" that is a job noun or a skill word
			name: "Julia Developer",
			raw:  model.Raw{DescriptionText: "Requirements\n- Strong Julia Programming skills\n- Experience as a Senior Ruby Developer"},
			want: model.Skills{Required: []string{"Julia", "Ruby"}},
		},
		{
			name: "Julia as a person",
			raw:  model.Raw{DescriptionText: "Requirements\n- Python\n\nQuestions? Contact Julia Minges."},
			want: model.Skills{Required: []string{"Python"}},
		},
		{
			// the English word "timescale" is no database
			name: "timescale",
			raw:  model.Raw{DescriptionText: "Requirements\n- Deliver results on a tight timescale with Python"},
			want: model.Skills{Required: []string{"Python"}},
		},
		{
			// Danish/Swedish "datalager" is data storage, not a warehouse
			name: "datalager",
			raw:  model.Raw{DescriptionText: "Krav\n- Erfaring med datalager og Python"},
			want: model.Skills{Required: []string{"Python"}},
		},
	})
}
