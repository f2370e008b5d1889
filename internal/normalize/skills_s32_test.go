package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestVersionGluedToName: a one-word name with its version glued to it
// ("Vue3", "Java8", "MySQL8", "Oracle19c", "Vue3.x", "iOS17"), common in
// Chinese postings and in English ones ("Java8+", "React18"), is the name;
// a short name with digits is not read so ("PS5" is a console, "C1" a
// language level, "R2" a product), nor a word that only starts like a
// name ("Word2Vec"). Each case of the first list read nothing before
// rules 241. (Found by a throw-away sweep of versions over the taxonomy's
// names; no corpus document has the form.)
func TestVersionGluedToName(t *testing.T) {
	n := New(nil)
	for _, c := range []struct{ word, want string }{
		{"Vue3", "Vue"}, {"Vue3.x", "Vue"}, {"React18", "React"}, {"Java8", "Java"},
		{"Java17", "Java"}, {"Angular2", "Angular"}, {"PHP7", "PHP"}, {"Node16", "Node.js"}, {"Redis5", "Redis"},
		{"MySQL8", "MySQL"}, {"Elasticsearch7", "Elasticsearch"}, {"Spark3", "Spark"}, {"TypeScript5", "TypeScript"},
		{"Kotlin1.9", "Kotlin"}, {"Oracle19c", "Oracle Database"}, {"Ubuntu22.04", "Ubuntu"}, {"iOS17", "iOS"},
		{"Django4", "Django"}, {"PyTorch2", "PyTorch"}, {"OpenCV4", "OpenCV"},
	} {
		for _, text := range []string{"任职要求：\n- 熟悉" + c.word + "开发\n", "Requirements:\n- Experience with " + c.word + " and Linux\n"} {
			p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text})
			found := false
			for _, s := range p.Skills.Required {
				found = found || s == c.want
			}
			if !found {
				t.Errorf("%q: required %v, want %s among them", text, p.Skills.Required, c.want)
			}
		}
	}
	// in small letters, as a case-sensitive name is read only beside
	// Chinese ("熟悉vue3", not "Experience with vue3")
	p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "任职要求：\n- 熟悉vue3开发\n"})
	if len(p.Skills.Required) != 1 || p.Skills.Required[0] != "Vue" {
		t.Errorf("熟悉vue3开发: required %v, want [Vue]", p.Skills.Required)
	}
	for _, w := range []string{"PS5", "C1", "R2", "Word2Vec", "COVID19", "Tier1", "Go1.21"} {
		p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements:\n- Experience with " + w + "\n"})
		if len(p.Skills.Required)+len(p.Skills.Preferred)+len(p.Skills.Mentioned) != 0 {
			t.Errorf("%q: read as %v", w, p.Skills)
		}
	}
}

// TestPlusEndsAName: "Plus" that ends a product's name ("Element Plus",
// "MyBatis-Plus", "Cyber Essentials Plus") at the end of a list item is the
// name, not "a plus" (they were preferences before rules 241: the
// alias sweep's "Experience with Element Plus" read no requirement);
// "Kubernetes, plus", "Kubernetes - Plus" and "ein Plus" still mark a
// preference.
func TestPlusEndsAName(t *testing.T) {
	checkSkills(t, []skillCase{
		{name: "Element Plus", raw: model.Raw{DescriptionText: "Requirements:\n- Python\n- Element Plus\n"},
			want: model.Skills{Required: []string{"Element UI", "Python"}}},
		{name: "Vue3、Element Plus", raw: model.Raw{DescriptionText: "任职要求：\n- 熟悉 Vue3、Element Plus\n"},
			want: model.Skills{Required: []string{"Element UI", "Vue"}}},
		{name: "MyBatis-Plus", raw: model.Raw{DescriptionText: "Requirements:\n- Python\n- Experience with MyBatis-Plus\n"},
			want: model.Skills{Required: []string{"MyBatis-Plus", "Python"}}},
		{name: "Cyber Essentials Plus", raw: model.Raw{DescriptionText: "Requirements:\n- Python\n- Cyber Essentials Plus\n"},
			want: model.Skills{Required: []string{"Cyber Essentials", "Python"}}},
		{name: "Kubernetes, plus", raw: model.Raw{DescriptionText: "Requirements:\n- Python\n- Kubernetes, plus\n"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}}},
		{name: "Kubernetes - Plus", raw: model.Raw{DescriptionText: "Requirements:\n- Python\n- Kubernetes - Plus\n"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}}},
		{name: "ein Plus", raw: model.Raw{DescriptionText: "Anforderungen:\n- Python\n- Kubernetes ein Plus\n"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}}},
	})
}

// TestPlusAfterAContraction: "that's a plus" and "it's a plus" after a
// clause mark its skills as preferred, as "that is a bonus" did (the
// apostrophe's "s" is a token of its own and stood between the clause
// and its marker), and "not mandatory", "not a must", "not essential" are
// no requirement, as "not required" was not. Found by a throw-away sweep
// of 50 inline preference and requirement wordings; each of these was
// read as required before rules 247, and no corpus document has them.
func TestPlusAfterAContraction(t *testing.T) {
	var cases []skillCase
	for _, it := range []string{"If you know Kafka, that's a plus", "If you know Kafka, it's a plus", "If you know Kafka, that’s a big plus.",
		"Kafka is not a must", "Kafka experience is not mandatory", "Kafka is not a must-have", "Kafka is not essential"} {
		cases = append(cases, skillCase{name: it, raw: model.Raw{DescriptionText: "Requirements\n- 5+ years of Python\n- " + it + "\n- SQL\n"},
			want: model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Kafka"}}})
	}
	cases = append(cases, skillCase{name: "must stays", raw: model.Raw{DescriptionText: "Requirements\n- 5+ years of Python\n- Kafka is a must\n"},
		want: model.Skills{Required: []string{"Kafka", "Python"}}})
	checkSkills(t, cases)
}

// TestRustBelt: the region is no language (a throw-away sweep of 40
// ordinary sentences found it, with people named Ruby and Julia, which
// the first-name rule reads only before a surname).
func TestRustBelt(t *testing.T) {
	checkSkills(t, []skillCase{
		{name: "Rust Belt", raw: model.Raw{DescriptionText: "Requirements\n- Python\n- You live in the Rust Belt\n"},
			want: model.Skills{Required: []string{"Python"}}},
		{name: "Rust", raw: model.Raw{DescriptionText: "Requirements\n- Python\n- Rust\n"},
			want: model.Skills{Required: []string{"Python", "Rust"}}},
	})
}
