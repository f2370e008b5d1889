package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Nice-to-have headings after the requirements (session 28's probe of
// English headings; "An ideal candidate also has:" is
// cjr-samsara-senior-security-operations-engineer-i's): what follows is
// preferred. "What will help you succeed" stays a requirements heading.
func TestPreferredHeadingsS28(t *testing.T) {
	n := normalizer(t)
	for _, head := range []string{"An ideal candidate also has:", "It would be awesome if you have:", "The following would be beneficial:"} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "Requirements:\n- Python\n" + head + "\n- Terraform"})
		want := model.Skills{Required: []string{"Python"}, Preferred: []string{"Terraform"}, Mentioned: []string{}}
		if !reflect.DeepEqual(p.Skills, want) {
			t.Errorf("%q: %+v, want %+v", head, p.Skills, want)
		}
	}
	if c := classifyHeading("What will help you succeed", false); c != clsRequired {
		t.Errorf("What will help you succeed: %v, want required", c)
	}
}

// "To be considered a strong candidate, you:" after the requirements
// names the nice-to-haves (jr-r2-lead-machine-learning-engineer-latam-only's
// label); as the posting's only qualifications part it is the
// requirements, as "Desired qualifications" is.
func TestStrongCandidateLeadInS28(t *testing.T) {
	n := normalizer(t)
	after := "Requirements:\n- Python\nTo be considered a strong candidate, you:\n- Are familiar with real-time ML systems.\n- Have exposure to reinforcement learning"
	p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: after})
	if !reflect.DeepEqual(p.Skills.Required, []string{"Python"}) || !reflect.DeepEqual(p.Skills.Preferred, []string{"Machine Learning", "Reinforcement Learning"}) {
		t.Errorf("after the requirements: %+v, want Python required, ML and Reinforcement Learning preferred", p.Skills)
	}
	alone := "We build things.\nTo be considered a strong candidate, you:\n- Have experience with Python\n- Know Kubernetes"
	p = n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: alone})
	if !reflect.DeepEqual(p.Skills.Required, []string{"Kubernetes", "Python"}) {
		t.Errorf("alone: %+v, want Kubernetes and Python required", p.Skills)
	}
}

// A marker alone in parentheses inside a list that goes on after them
// annotates its own item only: "Java, Kubernetes (nice to have),
// Terraform" asks for Java and Terraform. At the list's end it still
// qualifies the list ("React, Angular or Vue (preferred)").
func TestParenthesisedMarkerInsideAListS28(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text      string
		req, pref []string
	}{
		{"Requirements: Java, Kubernetes (nice to have), Terraform", []string{"Java", "Terraform"}, []string{"Kubernetes"}},
		{"Requirements: Java; Kubernetes (a plus); Terraform", []string{"Java", "Terraform"}, []string{"Kubernetes"}},
		{"Requirements: Java. React, Angular or Vue (preferred)", []string{"Java"}, []string{"Angular", "React", "Vue"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: tt.text})
		if !reflect.DeepEqual(p.Skills.Required, tt.req) || !reflect.DeepEqual(p.Skills.Preferred, tt.pref) {
			t.Errorf("%q: %+v, want required %v preferred %v", tt.text, p.Skills, tt.req, tt.pref)
		}
	}
}

// Inline preference markers of a probe of 35 English wordings (session
// 28) that were read as requirements: "even better", "a differentiator",
// and "and, ideally," set off by commas.
func TestInlineMarkersS28(t *testing.T) {
	n := normalizer(t)
	for _, item := range []string{
		"If you know Kubernetes, even better",
		"Kubernetes would be a differentiator",
		"Experience with Python and, ideally, Kubernetes",
		// wordings that were read right already
		"Kubernetes experience is a huge bonus",
		"Experience with Python, preferably also Kubernetes",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "Requirements:\n- Experience with Python\n- " + item})
		if !reflect.DeepEqual(p.Skills.Required, []string{"Python"}) || !reflect.DeepEqual(p.Skills.Preferred, []string{"Kubernetes"}) {
			t.Errorf("%q: %+v, want Python required, Kubernetes preferred", item, p.Skills)
		}
	}
}
