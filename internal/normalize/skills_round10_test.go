package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 10 on skills (issue 9). The sentences marked with a slug are real,
// from dev documents of the real-world corpus (internal/corpus).

// An acronym's plural "s" after its capitals ("APIs", "KPIs", "CIs") is no
// sentence opener glued to the word before ("AP" + "Is"): a long line is
// not cut there, so the sentence's marker reaches the skills before it.
func TestAcronymPluralIsNotCut(t *testing.T) {
	for _, s := range []string{
		// compiler-software-engineer
		"Experience integrating production applications with third-party APIs that provide services such as authentication or user enrollment into external systems",
		// spotify-lever
		"Develop and track KPIs that monitor deal performance and long-term value, and report on them to the leadership team every month",
		"Experience with AWS APIs and SDKs, LLMs on GPUs, ETLs, CIs and GPAs: every one of them is a plural of an acronym here",
	} {
		if got := Text(s); strings.Contains(got, "\n") {
			t.Errorf("Text(%q) cut the line:\n%s", s, got)
		}
	}
	// a sentence glued to a word in capitals is still cut
	// (detectify-cloud-infrastructure-engineer)
	s := "crowd: Experience with Golang, Message Queues and/or PostgreSQLSo, what do you think?We welcome people from all backgrounds"
	if got := Text(s); !strings.Contains(got, "PostgreSQL\nSo, what") {
		t.Errorf("Text(%q) = %q, want a cut before So", s, got)
	}
	checkSkills(t, []skillCase{
		{
			// djangocon21us-six-feet-up-devops-engineer
			name: "AWS and/or Azure APIs; ... is a plus",
			raw: model.Raw{DescriptionText: "Our dream candidate has several years of experience in a DevOps role, with Python scripting skills.\n" +
				"Experience working with Docker and/or Terraform; the ability to maintain, improve, and document AWS infrastructure; an innovative understanding of cloud processes and improvements; an understanding of AWS and/or Azure APIs; and being comfortable with Linux/Unix is a plus.\n"},
			want: model.Skills{Required: []string{"DevOps", "Python"}, Preferred: []string{"AWS", "Azure", "Docker", "Linux", "Terraform"}},
		},
		{
			// djangocon21us-six-feet-up-django-react-developer
			name: "an understanding of AWS APIs is a plus",
			raw: model.Raw{DescriptionText: "Our dream candidate has 5+ years Django experience; 3+ years React experience and experience with Unix/Linux systems deployment. " +
				"Experience working with Docker and an understanding of AWS APIs is a plus.\n"},
			want: model.Skills{Required: []string{"Django", "Linux", "React"}, Preferred: []string{"AWS", "Docker"}},
		},
	})
}
