package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 20: headings of the dev documents (named) that the phrase lists
// did not know.
func TestS20Headings(t *testing.T) {
	for _, tt := range []struct {
		h    string
		want class
	}{
		// anadea-middle-php-developer-conversational-spanish-is-mandatory:
		// skills over and above the requirements
		{"Extra skills", clsPreferred},
		{"Extra Kenntnisse", clsPreferred},
		// garda-alarm-saljare-umea, as-kommune-avdelingssykepleier-demens
		{"Tjänsten kräver:", clsRequired},
		{"Vi ønsker deg som:", clsRequired},
		// fronteers-we-are-you-front-end-developer, fronteers-sonic-senior-react-developer,
		// fronteers-zig-conversational-senior-frontend-developer
		{"We vragen van je als front-end developer:", clsRequired},
		{"WAT STAAT ER OP JE CV?", clsRequired},
		{"Herken jij jezelf hierin?", clsRequired},
		// fronteers-easy-lms-front-end-developer-design-skills
		{"You are a match if you:", clsRequired},
		// sms-consulting-text-spezialist-fuer-eidas-..., circle8-text-network-community-manager-...
		{"2.2. Projekterfahrung in folgenden Technologien:", clsRequired},
		{"3. Praktische Kenntnisse in folgenden Tools / Technologien", clsRequired},
		{"Methodische Fähigkeiten:", clsRequired},
		// an "Extras" heading alone is benefits as often as skills: unchanged
		{"Extras", clsUnknown},
	} {
		if got := classifyHeading(tt.h, false); got != tt.want {
			t.Errorf("classifyHeading(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// anadea-middle-php-developer-conversational-spanish-is-mandatory, cut
			name: "Extra skills after the requirements",
			raw: d("**Software development:**\n● Proficiency in PHP 8.1;\n● Hands-on experience with Docker;\n" +
				"**Extra skills**\n● AWS: Advanced experience with Amazon Web Services (EC2, ECS, S3);\n" +
				"● Experience with Python, Ruby, or Go;\n"),
			want: model.Skills{Required: []string{"Docker", "PHP"}, Preferred: []string{"AWS", "Amazon EC2", "Amazon ECS", "Amazon S3", "Go", "Python", "Ruby"}},
		},
	})
}

// "Knowledge, skills and abilities" (the US federal KSAs) names what the
// candidate has; helpful and useful skills are preferred; Swedish "Detta
// har du med dig", German "Das zeichnet Sie aus", Norwegian "Vi tror du
// har", "Your toolbox" and "Core competencies" are requirements: the
// usual headings of postings of these languages that the lists did not
// know. A weak word alone ("Skills") is a heading only where the markup
// says so (TestOneWeakWordBeforeAList), unchanged.
func TestS20MoreHeadings(t *testing.T) {
	for _, tt := range []struct {
		h    string
		want class
	}{
		{"Knowledge, skills and abilities", clsRequired},
		{"Helpful skills", clsPreferred}, {"Useful experience", clsPreferred}, {"Darüber freuen wir uns", clsPreferred},
		{"Detta har du med dig", clsRequired}, {"Det här tar du med dig", clsRequired},
		{"Das zeichnet Sie aus", clsRequired}, {"Vi tror du har", clsRequired}, {"Your toolbox", clsRequired},
		{"Core competencies", clsRequired}, {"You're someone who", clsRequired}, {"你的技能", clsRequired},
		// unchanged
		{"Tools we use", clsUnknown}, {"What you'll do", clsMentioned},
	} {
		if got := classifyHeading(tt.h, false); got != tt.want {
			t.Errorf("classifyHeading(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "a list of bare tools under Skills",
			raw:  d("## Skills\n- Python\n- SQL\n\n## Benefits\n- Laptop\n"),
			want: model.Skills{Required: []string{"Python", "SQL"}},
		},
	})
}
