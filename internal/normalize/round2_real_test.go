package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 2 on skills (issue 9). The sentences are real: they come from
// documents of dev half "a" of the real-world corpus (internal/corpus,
// DevHalves: dev slugs sorted, the first ceil(n/2)), each named by its
// slug. Every rule was kept only when dev half "b", never read case by
// case, did not get worse.

func TestAIAsAnAdjective(t *testing.T) {
	tests := []struct {
		name string
		raw  model.Raw
		want model.Skills
	}{
		{
			// bunq-recruitee: a requirement about using tools, not about AI
			name: "AI tools, AI-based tool in a requirements list",
			raw:  model.Raw{DescriptionText: "What you'll need:\n- You're comfortable using AI tools to work faster and smarter, and you can spot when an AI-based tool is being misused\n- Experience with SQL"},
			want: model.Skills{Required: []string{"SQL"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// anthropic-greenhouse: "AI development", "AI systems"
			name: "ethical AI development, AI systems",
			raw:  model.Raw{DescriptionText: "You may be a good fit if you have:\n- A passion for safe and ethical AI development\n- Experience selling AI systems to governments\n- Experience with Salesforce"},
			want: model.Skills{Required: []string{"Salesforce"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// linear-ashby: a claim about the world in the intro
			name: "AI is changing",
			raw:  model.Raw{DescriptionText: "What you'll need:\n- AI is fundamentally changing how software gets built, and you have shipped with TypeScript"},
			want: model.Skills{Required: []string{"TypeScript"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// the discipline itself stays a skill
			name: "AI as a field",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Background in AI/ML technologies\n- Research experience in AI and Python"},
			want: model.Skills{Required: []string{"Artificial Intelligence", "Machine Learning", "Python"}, Preferred: []string{}, Mentioned: []string{}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, tt.raw); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestOneLetterNameGluedToAWord(t *testing.T) {
	tests := []struct {
		name string
		raw  model.Raw
		want model.Skills
	}{
		{
			// commit42-text-developpeur-web-2018: French elision
			name: "C’est",
			raw:  model.Raw{DescriptionText: "Profil recherché\nLes diplômes ? C’est du papier. C'était hier.\n- Maîtrise de PHP"},
			want: model.Skills{Required: []string{"PHP"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			// anthropic-greenhouse: a product written with a bullet
			name: "C•CURE",
			raw:  model.Raw{DescriptionText: "Minimum qualifications\n- Experience with video management systems (e.g., Genetec, C•CURE, or comparable)\n- Experience with C, R's ecosystem and C/C++"},
			want: model.Skills{Required: []string{"C", "C++", "C•CURE", "Genetec", "R"}, Preferred: []string{}, Mentioned: []string{}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, tt.raw); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestTestingPracticeNames(t *testing.T) {
	// github-greenhouse: the practice named by its usual phrases
	got := skillsOf(t, model.Raw{DescriptionText: "Qualifications\n- Solid knowledge of testing principles\n- You're passionate about software design and have good testing skills\n- Experience writing automated tests in Ruby"})
	want := model.Skills{Required: []string{"Ruby", "Software Testing"}, Preferred: []string{}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestCompanyHeadingsAreMentioned(t *testing.T) {
	// buildbuddy-software-engineer: a heading about the company after the
	// requirements ends them
	got := skillsOf(t, model.Raw{DescriptionText: "We're looking for someone who\n- Is able to write code in Golang\n" +
		"What's it like to work at BuildBuddy?\n- We value curiosity and encourage employees to contribute to open source projects\n" +
		"Who you'll work with\n- Jane Doe - GitHub: @jane"})
	want := model.Skills{Required: []string{"Go"}, Preferred: []string{}, Mentioned: []string{"GitHub", "Open Source"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestPracticeSynonyms(t *testing.T) {
	// cds-react-web-applications-developer, github-greenhouse,
	// dtd-text-software-engineer
	got := skillsOf(t, model.Raw{DescriptionText: "Qualifications\n- Experience building and managing large, highly scalable distributed services\n" +
		"- Experience with Amazon Web Services or a similar cloud provider.\n- Esperienza nell’architettura delle applicazioni"})
	want := model.Skills{Required: []string{"AWS", "Cloud Computing", "Distributed Systems", "System Design"}, Preferred: []string{}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestSnowflakeSchemaIsNotSnowflake(t *testing.T) {
	// cds-senior-data-developer
	got := skillsOf(t, model.Raw{DescriptionText: "What we are looking for:\n- Knowledge of dimensional modeling, including star and snowflake schemas\n- Experience with Snowflake or BigQuery"})
	want := model.Skills{Required: []string{"BigQuery", "Data Modeling", "Snowflake"}, Preferred: []string{}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	got = skillsOf(t, model.Raw{DescriptionText: "What we are looking for:\n- Knowledge of dimensional modeling, including star and snowflake schemas"})
	want = model.Skills{Required: []string{"Data Modeling"}, Preferred: []string{}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestDataPracticesInOtherLanguages(t *testing.T) {
	// cds-fr-developpeur-principal-donnees
	got := skillsOf(t, model.Raw{DescriptionText: "Nos critères d’évaluation :\n- Connaissance approfondie des bases de données relationnelles et des solutions d’entreposage de données.\n" +
		"- Connaissance de la modélisation dimensionnelle, y compris les schémas en étoile."})
	want := model.Skills{Required: []string{"Data Modeling", "Data Warehousing"}, Preferred: []string{}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
