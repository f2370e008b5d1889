package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 27: labels and lead-ins run into the text before them, as
// descriptions whose line breaks were lost write them.
func TestRunOnLabelsAndLeadIns(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// jr-ci-t-senior-developer-python-angular-ia: "Diferenciais:"
			// run into the last item of the requirements
			name: "run-on label in an item",
			raw: model.Raw{DescriptionText: "- Experiência em banco de dados relacional como PostgreSQL.\n" +
				"- Inglês: B2 ou maior Diferenciais: Experiência em componentes de nuvem do Azure (Eventhub, IotHub)\n" +
				"- Experiência com banco de dados Timeseries (influxdb, timescaledb, outros)\n- Conhecimento em .net"},
			want: model.Skills{Required: []string{"PostgreSQL"}, Preferred: []string{".NET", "Azure", "Azure IoT Hub", "InfluxDB", "TimescaleDB"}},
		},
		{
			// the same label after a word in capitals is a heading in
			// title case ("What You Bring To The Team:"), not a label
			// run into it
			name: "title case heading",
			raw: model.Raw{DescriptionText: "What You Bring To The Team:\n- Demonstrated experience with Windows, Linux, and MacOS\n" +
				"Preferred Qualifications:\n- Familiarity with Python"},
			want: model.Skills{Required: []string{"Linux", "Windows", "macOS"}, Preferred: []string{"Python"}},
		},
		{
			// detectify-cloud-infrastructure-engineer: the lead-in starts
			// at its own capitalised word, not at the sentence's start
			name: "lead-in run into a requirement",
			raw:  model.Raw{DescriptionText: "Who you are\nExtensive experience with Kubernetes and Linux Ways to stand out from the crowd: Experience with Golang, Message Queues and/or PostgreSQL"},
			want: model.Skills{Required: []string{"Kubernetes", "Linux"}, Preferred: []string{"Go", "Message Queues", "PostgreSQL"}},
		},
	})
}

func TestLeadInSentenceCuts(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{
			// jr-vt-enterprise-freelance-python-developer-remote-south-latin-america
			name: "lead-in opening a paragraph",
			in:   "We understand that nobody knows everything, but here's what we are looking for:. Python, 5+ years of experience SQLAlchemy",
			want: []string{"We understand that nobody knows everything, but here's what we are looking for:", ". Python, 5+ years of experience SQLAlchemy"},
		},
		{
			// truecaller-system-engineer: the wish after a sentence
			name: "lead-in after a sentence",
			in:   "Strong tendency to keep things simple. It would be great if you also have: Excellent Golang programming skills.",
			want: []string{"Strong tendency to keep things simple.", "It would be great if you also have:", "Excellent Golang programming skills."},
		},
		{
			// opencollective-senior-ux-designer: the sentence goes on
			// after its colon
			name: "colon inside a sentence",
			in:   "We are looking for a Senior UX designer who is passionate about: the future of money, open source, and mutual aid.",
		},
		{
			// truecaller-system-engineer: a question heading another
			// part runs on in what the lead-in would govern
			name: "question heading after the lead-in",
			in:   "We at Platform team provide the tools. What we expect from you: Extensive knowledge of Linux What will you work on? A modern microservice architecture based on Java/Scala.",
		},
		{
			// cjr-fireblocks-director-application-security, flattened: a
			// short heading of the candidate's side after a sentence
			name: "heading sentence after a sentence",
			in: "Embed security into product development and all aspects of cloud deployment. Expertise in Application & " +
				"Cloud Security Technologies: Strong background in hands-on development skills.",
			want: []string{"Embed security into product development and all aspects of cloud deployment.",
				"Expertise in Application & Cloud Security Technologies:", "Strong background in hands-on development skills."},
		},
		{
			// cjr-staffbase-senior-product-security-engineer: at the
			// paragraph's start it is an item with its list
			name: "item with its list",
			in:   "Strong programming skills, preferably one of the following: TypeScript, JavaScript, Kotlin, Java, Go, or Python",
		},
		{
			// jr-quinncia-inc-frontend-developer: inside parentheses
			name: "inside parentheses",
			in:   "Experience with bundling of Javascript code (e.g. Sass) GraphQL Bonus skills: Docker Ramda",
		},
	}
	for _, tt := range tests {
		var got []string
		for _, b := range splitInlineLabels([]block{{text: tt.in, kind: kindPara}}) {
			got = append(got, b.text)
		}
		if tt.want == nil {
			tt.want = []string{tt.in}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
