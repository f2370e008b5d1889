package normalize

import (
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A list with no heading above it whose items mostly ask for things by
// their own words is a list of requirements: its other items are
// requirements too (dev jr-ci-t-senior-developer-python-angular-ia). A
// list of duties with no heading asks for nothing, and stays mentioned
// (dev djangocon19-verve-backend-engineer-python's items without their
// lead-in); so does a list where only one item of three asks.
func TestListThatAsksIsRequirementsS26(t *testing.T) {
	n := New(nil)
	intro := "Somos especialistas em transformação tecnológica, unindo expertise humana à IA para criar soluções tech escaláveis.\n"
	asks := []string{
		"Aplicar os principais Design Patterns (Factory, Strategy, Builder, entre outros).",
		"Experiência na construção de API's RESTful usando Python, Django ORM, FastAPI ou Flask;",
		"Ser capaz de integrar o serviço de back-end com uma estrutura de interface do usuário em Angular 18+;",
		"Experiência em banco de dados relacional como PostgreSQL.",
		"Conhecimento em docker e docker-compose.",
	}
	duties := []string{
		"Contribute towards our company success by growing our existing platform using Python 3, Django 2.0 and GraphQL on top of multiple databases.",
		"Collaborate with product, design and other teams to gain sufficient business understanding to serve the needs of our clients.",
		"Use test automation and agile practices to deliver features continuously to production.",
	}
	oneOfThree := []string{
		"Build our data platform with Kafka and Spark.",
		"Experience with PostgreSQL.",
		"Review designs with Angular teams.",
	}
	// dev tor-project-project-manager: the list under "Other notes:"
	// asks in two items, and the team's own item asks nothing
	notes := []string{
		"Tor has an office in Cambridge, MA. However, you can work from wherever you want, in basically any country. You'll need to be comfortable communicating in English.",
		"Academic degrees are great, but not required if you have the right experience.",
		"We only write free and open source software, and we don't believe in software patents.",
	}
	tests := []struct {
		name      string
		items     []string
		required  []string
		mentioned []string
	}{
		{"asks", asks, []string{"Design Patterns", "Angular", "PostgreSQL", "Docker", "Python"}, nil},
		{"duties", duties, nil, []string{"Python", "Django", "GraphQL"}},
		{"one of three", oneOfThree, []string{"PostgreSQL"}, []string{"Kafka", "Spark", "Angular"}},
		{"the team's item", notes, nil, []string{"Open Source"}},
	}
	for _, tt := range tests {
		text := intro + "- " + strings.Join(tt.items, "\n- ")
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Senior Developer", DescriptionText: text})
		for _, s := range tt.required {
			if !slices.Contains(p.Skills.Required, s) {
				t.Errorf("%s: %s not required: required %v, mentioned %v", tt.name, s, p.Skills.Required, p.Skills.Mentioned)
			}
		}
		for _, s := range tt.mentioned {
			if !slices.Contains(p.Skills.Mentioned, s) {
				t.Errorf("%s: %s not mentioned: required %v, mentioned %v", tt.name, s, p.Skills.Required, p.Skills.Mentioned)
			}
		}
	}
}
