package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A word one letter off a degree name ("Mastery") is no degree; the verb
// "master" is none either; the degree names as written still are.
func TestLoc13NoDegreeWithoutDegreeWord(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Requirements:\n* Coding best practices: Mastery of SOLID, Clean Code and TDD.", nil},
		{"Requirements:\n* Architecture: Mastery of Microservices with Docker.", nil},
		{"Requirements\n1. Master the Orchestration (GCP & GKE)\nYou will own the clusters.", nil},
		{"Qualifications:\n- Master Kubernetes and GCP", nil},
		{"Requirements:\n* Education: Masters in Computer Science", []string{"Master's"}},
		{"Requirements:\n* Education: Bachelors in Computer Science", []string{"Bachelor's"}},
		{"Requirements:\n* Degree: Doctorate in Physics", []string{"PhD"}},
	} {
		p := n.Normalize("x", "X", model.Raw{Title: "Engineer", DescriptionText: c.text, Locations: []string{"Berlin, Germany"}})
		if !slices.Equal(p.Education.Required, c.want) {
			t.Errorf("%q: education required %v, want %v", c.text, p.Education.Required, c.want)
		}
	}
}

// A degree in a sentence that says it is no requirement is not asked
// for; marked as a plus beside it, it stays preferred.
func TestLoc13DegreeNotRequired(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text      string
		req, pref []string
	}{
		{"Requirements:\n* Academic degrees are great, but not required if you have the right experience.", nil, nil},
		{"Requirements:\n* Bachelor's degree preferred but not required.", nil, []string{"Bachelor's"}},
		{"Requirements:\n* Bachelor's degree required.\n* A certification is not required.", []string{"Bachelor's"}, nil},
		{"Anforderungen:\n* Ein Studium ist nicht erforderlich.", nil, nil},
	} {
		p := n.Normalize("x", "X", model.Raw{Title: "Engineer", DescriptionText: c.text, Locations: []string{"Berlin, Germany"}})
		if !slices.Equal(p.Education.Required, c.req) || !slices.Equal(p.Education.Preferred, c.pref) {
			t.Errorf("%q: education %+v, want required %v preferred %v", c.text, p.Education, c.req, c.pref)
		}
	}
}
