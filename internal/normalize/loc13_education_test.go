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
