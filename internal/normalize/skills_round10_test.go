package normalize

import (
	"reflect"
	"slices"
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
			want: model.Skills{Required: []string{"DevOps", "Python"}, Preferred: []string{"AWS", "Azure", "Docker", "Linux", "Terraform", "Unix"}},
		},
		{
			// djangocon21us-six-feet-up-django-react-developer
			name: "an understanding of AWS APIs is a plus",
			raw: model.Raw{DescriptionText: "Our dream candidate has 5+ years Django experience; 3+ years React experience and experience with Unix/Linux systems deployment. " +
				"Experience working with Docker and an understanding of AWS APIs is a plus.\n"},
			want: model.Skills{Required: []string{"Django", "Linux", "React", "Unix"}, Preferred: []string{"AWS", "Docker"}},
		},
	})
}

// "X, or want to learn it" in other languages (Norwegian "eller lyst til
// å lære det", Swedish "eller vill lära dig", German "oder bereit, es zu
// lernen"): the candidate may still learn X, so it is only wished for.
func TestOrWantToLearnNordic(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// sparebank1-text-testutvikler-boligreisen
			name: "eller lyst til å lære det",
			raw: model.Raw{DescriptionText: "#### Kvalifikasjoner\n* Erfaring innen automatisert testing\n" +
				"* Glad i å jobbe på Linux-plattformen, eller lyst til å lære det?\n* Erfaring med virksomhetskritiske systemer\n"},
			want: model.Skills{Required: []string{"Software Testing"}, Preferred: []string{"Linux"}},
		},
		{
			name: "eller vill lära dig",
			raw:  model.Raw{DescriptionText: "Kvalifikationer\n- Du kan Kotlin eller vill lära dig det\n- Du har erfarenhet av SQL"},
			want: model.Skills{Required: []string{"SQL"}, Preferred: []string{"Kotlin"}},
		},
		{
			name: "oder bereit, es zu lernen",
			raw:  model.Raw{DescriptionText: "Dein Profil\n- Du kennst Rust oder bist bereit, es zu lernen\n- Erfahrung mit Go"},
			want: model.Skills{Required: []string{"Go"}, Preferred: []string{"Rust"}},
		},
		{
			// a wish to learn with no "or" before it asks for what it names
			name: "lyst til å lære without or",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\n- Erfaring med Java og lyst til å lære mer om Kafka"},
			want: model.Skills{Required: []string{"Java", "Kafka"}},
		},
	})
}

// A Nordic condition written by inversion ("har du X, er det ...", "Har
// du dessutom X så är det ...") names what is welcome: the main clause
// after it ("er det også en super match", "är det på KITS du ska jobba")
// makes it a preference, also where no heading classifies the part. "...
// er det deg vi ser etter" (it is you we look for) marks nothing.
func TestNordicInvertedCondition(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// sparebank1-text-utvikler-glad-i-data
			name: "men har du erfaring fra ETL er det",
			raw:  model.Raw{DescriptionText: "Vi tror at du først og fremst er en utvikler med erfaring med Java-programmering, men har du erfaring fra ETL er det også en super match. Vi tror at du vokser på utfordringer, er interessert i å lære og dele.\n"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"ETL"}},
		},
		{
			// kits-frontendutvecklare
			name: "Har du dessutom ... så är det",
			raw: model.Raw{DescriptionText: "Vi söker dig som är expert på webb- eller mobilutveckling och som brinner för att ge användarna en riktigt bra upplevelse. " +
				"Har du dessutom en känsla för interaktionsdesign och en känsla för detaljer så är det på KITS du ska jobba.\n"},
			want: model.Skills{Required: []string{"Mobile Development"}, Preferred: []string{"Interaction Design"}},
		},
		{
			name: "er det deg vi ser etter",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\nHar du erfaring med Java og Kafka, er det deg vi ser etter."},
			want: model.Skills{Required: []string{"Java", "Kafka"}},
		},
	})
}

// The title repeated as the description's first heading names the posting,
// not a part of it: "looking for" in it ("The Tor Project is looking for
// a pluggable transport developer!") opens no requirements part, so the
// duties after it ask nothing.
func TestTitleHeadingOpensNoPart(t *testing.T) {
	// tor-project-pluggable-transport-developer
	title := "The Tor Project is looking for a pluggable transport developer!"
	html := "<h1>" + title + "</h1>" +
		"<p>This job is for the development and maintenance of the flash proxy circumvention system, with a focus on deployment and getting tools in the hands of users. If it goes well, we might have you branch out into improving usability and deployability of other Tor pluggable transports.</p>" +
		"<p>Applicants must be familiar with Python, JavaScript, and web technologies, particularly WebSocket. You will do usability testing and be in charge of producing binary packages of client software for GNU/Linux, Windows, and OS X.</p>"
	got := New(nil).Normalize("s", "c", model.Raw{ID: "1", Title: title, DescriptionHTML: html}).Skills
	if !reflect.DeepEqual(got.Required, []string{"JavaScript", "Python", "WebSocket"}) {
		t.Errorf("required %v, want the applicants' must only (JavaScript, Python, WebSocket), not the duties' platforms", got.Required)
	}
	for _, s := range []string{"Linux", "Windows", "macOS"} {
		if !slices.Contains(got.Mentioned, s) {
			t.Errorf("%s: %+v, want it mentioned (a duty)", s, got)
		}
	}
	// a heading that is not the title still opens its part
	got = New(nil).Normalize("s", "c", model.Raw{ID: "1", Title: "Developer", DescriptionHTML: "<h2>What we are looking for</h2><p>Experience with Kotlin.</p><p>You know Linux.</p>"}).Skills
	if !reflect.DeepEqual(got.Required, []string{"Kotlin", "Linux"}) {
		t.Errorf("heading not the title: %+v", got)
	}
}

// A paragraph on how to apply asks nothing of the candidate's skills,
// though it says what "you should" send.
func TestHowToApplyAsksNothing(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// tor-project-core-developer
			name: "To apply, please email your CV",
			// (its expected skills kept: since session 24 "Desired
			// skills" alone heads the requirements)
			raw: model.Raw{DescriptionText: "Expected skills and experience:\n5+ years’ experience in C\n" +
				"Desired skills and experience:\n" +
				"Experience with open-source software development, including working over email and IRC\n" +
				"Other notes:\n" +
				"To apply, please email your CV to hr@torproject.org with “Core Developer” in the subject line. You should include a link to your code sample(s); more than one sample is ideal. Your CV should detail your background, experience, skills, and other relevant qualifications, and should include three professional references (co-workers, open source projects, supervisors).\n"},
			want: model.Skills{Required: []string{"C"}, Preferred: []string{"Open Source"}},
		},
		{
			// the same words as a requirement are still one
			name: "not about applying",
			raw:  model.Raw{DescriptionText: "Other notes:\nYou should have contributed to open source projects.\n"},
			want: model.Skills{Required: []string{"Open Source"}},
		},
	})
}
