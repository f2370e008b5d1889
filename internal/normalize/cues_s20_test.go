package normalize

import (
	"reflect"
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

// Swedish and Norwegian "du ska/skall/måste/skal/bör ha" say what the
// candidate shall have, with or without a knowledge word after it; a task
// ("du ska ha ansvar för") stays mentioned. Chinese "能够使用" (able to use)
// and "使用过" (has used) ask for the tool. The frames are from dev
// documents ("Du ska ha fordonsteknisk utbildning, god datorvana",
// "了解并使用过主流 Web 框架", "能够使用清晰、明确、易理解的语言"), with a
// tool in them.
func TestS20ShallHaveAndAbleToUse(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{name: "ska ha jobbat med", raw: d("Du ska ha jobbat med Docker och Kubernetes."), want: model.Skills{Required: []string{"Docker", "Kubernetes"}}},
		{name: "skal ha", raw: d("Du skal ha brukt Excel i flere år."), want: model.Skills{Required: []string{"Excel"}}},
		{name: "ska ha ansvar för: a task", raw: d("Du ska ha ansvar för vår drift i Azure.")},
		{name: "能够使用", raw: d("能够使用 Python 进行数据分析"), want: model.Skills{Required: []string{"Data Analysis", "Python"}}},
		{name: "使用过", raw: d("使用过主流 Web 框架，如 React"), want: model.Skills{Required: []string{"React"}}},
	})
}

// A sentence of a requirements part that says what the team or workplace
// does ("we use", "vi dokumenterar i", "hos oss") names the team's tools,
// which the protocol counts as mentioned. nybro-kommun-legitimerad-
// sjukskoterska (dev): "Du har god datorvana och goda kunskaper i
// dokumentation. Vi dokumenterar i Procapita." under "Kvalifikationer"
// (Procapita is the municipality's record system, not asked of the nurse).
func TestS20TeamStatementsInRequirements(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{name: "vi dokumenterar i", raw: d("Kvalifikationer\nLegitimerad sjuksköterska. Du har god datorvana och goda kunskaper i dokumentation. Vi dokumenterar i Procapita. Rekrytering kommer att ske fortlöpande\n")},
		{name: "we use", raw: d("Requirements\n- Strong SQL\n- We currently use Kafka and Go.\n"), want: model.Skills{Required: []string{"SQL"}}},
		{name: "hos oss", raw: d("Din profil\nDu har erfarenhet av Java. Hos oss arbetar vi i Kotlin.\n"), want: model.Skills{Required: []string{"Java"}}},
		{name: "we use, and a requirement in the same sentence", raw: d("Requirements\n- We use Kafka, so experience with it is required.\n"), want: model.Skills{Required: []string{"Kafka"}}},
		{name: "we expect: a requirement", raw: d("Requirements\n- We expect experience with Kafka.\n"), want: model.Skills{Required: []string{"Kafka"}}},
	})
}

// The Nordic systems of the session-20 taxonomy block match where named,
// and the recruitment systems get no entry.
func TestS20NordicSystems(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Erfaring med ePhorte, WebSak eller Sikri Elements er ønskelig", []string{"Sikri Elements", "WebSak", "ePhorte"}},
		{"Du har arbetat i Heroma, Personec P eller Raindance", []string{"Heroma", "Personec", "Raindance"}},
		{"Søknad sendes elektronisk via Webcruiter.", []string{}},
		{"en raindance festival; a primula in the garden", []string{}},
	} {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A marker alone in parentheses qualifies the list before it back to an
// earlier item's own parentheses: the protocol's example of inline marking
// ("Python required, Scala a plus" gives Python required and Scala
// preferred) written with parentheses; with no earlier parentheses the
// whole list stays qualified, as before.
func TestS20ParenthesisedMarkerAfterAnEarlierOne(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{name: "required, then nice to have", raw: d("Requirements\n- Python (required), Scala (nice to have)\n"),
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Scala"}}},
		{name: "a version, then a plus", raw: d("Requirements\n- Java (8+), Kotlin (a plus)\n"),
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kotlin"}}},
		{name: "one marker after a list", raw: d("Requirements\n- React, Angular or Vue (preferred)\n"),
			want: model.Skills{Preferred: []string{"Angular", "React", "Vue"}}},
	})
}
