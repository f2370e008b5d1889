package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Review s29 F1: the waiver of f89c8e43 ("don't need a degree", "degree
// optional", "degree isn't required") is applied to every degree of the
// sentence, not to the one it waives: a required Bachelor's beside a
// waived field or a waived Master's is lost. The first case was right
// before session 29 (Required: Bachelor's).
func TestReviewS29WaiverTakesOnlyItsOwnDegree(t *testing.T) {
	n := normalizer(t)
	bachelors := []string{"Bachelor's"}
	for _, tt := range []struct{ name, text string }{
		{"field waived", "Requirements:\n- You don't need a degree in CS, but a Bachelor's degree in a related field is required"},
		{"master's waived in parens", "Requirements:\n- Bachelor's degree (a Master's degree isn't required)"},
		{"master's optional", "Requirements:\n- Master's degree optional, Bachelor's degree in CS required"},
	} {
		p := n.Normalize("s", "c", model.Raw{DescriptionText: tt.text, Locations: []string{"London, UK"}})
		if !reflect.DeepEqual(p.Education.Required, bachelors) {
			t.Errorf("%s: education %+v, want Bachelor's required", tt.name, p.Education)
		}
	}
}

// Review s29 F2: remoteLimit (fe60611f) looks at every clause of the
// whole text with "remot" in it, not at the clause of the phrase that
// made the job remote, and workplaceText now acts on it: a remote job
// whose text mentions a stipend "of up to $500", team meet-ups "up to
// twice a year" or remote employees who "sometimes travel" turns hybrid;
// "not hybrid" makes it hybrid; and a country excluded in parentheses
// erases the work mode. All of these were "remote" before fe60611f.
func TestReviewS29RemoteLimitOfAnotherClause(t *testing.T) {
	n := normalizer(t)
	for _, text := range []string{
		"You can work remotely. Remote team members meet in person up to twice a year.",
		"You can work remotely. We pay a remote office stipend of up to $500 a year.",
		"You can work remotely from anywhere in Spain. Our remote employees sometimes travel to offsites.",
		"You can work remotely, not hybrid.",
		"You can work remotely from anywhere in the EU (not from the UK).",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "About the job\n" + text, Locations: []string{"Berlin, Germany"}})
		if p.Workplace != "remote" {
			t.Errorf("%q: workplace %q, want remote", text, p.Workplace)
		}
	}
}

// Review s29 F3: dashOpensItem (f89c8e43) wants a capital letter after a
// spaced dash, so run-on items written in lower case or opening with a
// number ("3+ years with Java") are one item again and "(nice to have)"
// on the third makes the first two preferred. Before f89c8e43 both gave
// Java, Spring Boot and Kubernetes required.
func TestReviewS29LowercaseRunOnItems(t *testing.T) {
	n := normalizer(t)
	for _, text := range []string{
		"Requirements - experience with Java - knowledge of Spring Boot - Docker (nice to have) - kubernetes",
		// an item that opens with a number is no capital either
		"Requirements - 3+ years with Java - 2+ years with Spring Boot - Docker (nice to have) - Kubernetes",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Preferred, []string{"Docker"}) {
			t.Errorf("%q: skills %+v, want Docker alone preferred", text, p.Skills)
		}
	}
}
