package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 23: classes of text whose skills were read as asked for though
// the text does not ask for them. The sentences are from dev documents of
// the corpus (named).
func TestS23CompanyBlurbs(t *testing.T) {
	h := func(s string) model.Raw { return model.Raw{DescriptionHTML: s} }
	checkSkills(t, []skillCase{
		{
			// anthropic-greenhouse: the company's blurb under "About
			// Anthropic"; "beneficial for our users" names whom AI
			// serves, not a wish of the employer's
			name: "About <company> is the company's blurb",
			raw: h("<h2>About Anthropic</h2><p>Anthropic’s mission is to create reliable, interpretable, and steerable AI systems. " +
				"We want AI to be safe and beneficial for our users and for society as a whole. Our team is a quickly growing group " +
				"of committed researchers, engineers, policy experts, and business leaders working together to build beneficial AI systems.</p>" +
				"<h2>Minimum qualifications</h2><ul><li>Familiarity with PSIM or SIEM platforms</li></ul>"),
			want: model.Skills{Required: []string{"SIEM"}},
		},
		{
			// the same blurb with no heading above it: "beneficial" is
			// said of AI, for the users
			name: "beneficial for someone marks no preference",
			raw: h("<p>We want AI to be safe and beneficial for our users and for society as a whole.</p>" +
				"<p>Our team works together to build beneficial AI systems.</p>"),
		},
		{
			// "beneficial" said of what its sentence names still marks a
			// preference (the form of "is a plus")
			name: "X would be beneficial",
			raw:  h("<h3>Requirements</h3><ul><li>Strong Python skills</li><li>Experience with Kubernetes would be highly beneficial</li></ul>"),
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Kubernetes"}},
		},
	})
}

func TestS23AboutOrganisationHeadings(t *testing.T) {
	for _, tc := range []struct {
		h    string
		want class
	}{
		// dev headings of company blurbs (anthropic-greenhouse,
		// cfpb-clojure-developers, cds-fr-*, djangocon*, tor-project-*)
		{"About Anthropic", clsMentioned},
		{"About the CFPB", clsMentioned},
		{"À propos du SNC", clsMentioned},
		{"À propos de nous", clsMentioned},
		{"About okTurtles Foundation", clsMentioned},
		{"About Tor:", clsMentioned},
		{"Über den Auftraggeber", clsMentioned},
		// the job and the candidate keep their classes
		{"About the Role", clsOpen},
		{"About this job", clsOpen},
		{"About You", clsRequired},
		{"Über dich", clsRequired},
		{"Om tjänsten", clsOpen},
		{"About the internship", clsUnknown},
		{"À propos du poste", clsUnknown},
	} {
		if got := classifyHeading(tc.h, true); got != tc.want {
			t.Errorf("classifyHeading(%q) = %d, want %d", tc.h, got, tc.want)
		}
	}
}
