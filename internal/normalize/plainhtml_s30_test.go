package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 30: a description given in an HTML field (a JSON-LD
// description, a board's content) that is plain text with line breaks
// keeps its lines: its headings and items are read as a text's are, not
// run into one paragraph as HTML would collapse them.
func TestPlainTextInHTMLFieldKeepsItsLines(t *testing.T) {
	const text = "About us\nWe build software for hospitals &amp; clinics.\n" +
		"Requirements\nExperience with Python\nKnowledge of SQL\n" +
		"Nice to have\nTerraform\n"
	checkSkills(t, []skillCase{
		{name: "plain text in DescriptionHTML", raw: model.Raw{DescriptionHTML: text},
			want: model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Terraform"}}},
		{name: "the same as text", raw: model.Raw{DescriptionText: text},
			want: model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Terraform"}}},
	})
	n := New(nil)
	p := n.Normalize("src", "Acme", model.Raw{ID: "1", Title: "Backend Engineer", DescriptionHTML: text})
	if want := "About us\nWe build software for hospitals & clinics.\n"; !strings.HasPrefix(p.Description, want) {
		t.Errorf("description %q, want its lines (entities decoded) first: %q", p.Description, want)
	}
	// markup, even one tag, is HTML: its line breaks are spaces
	if h := n.Normalize("src", "Acme", model.Raw{ID: "2", Title: "Backend Engineer", DescriptionHTML: "<p>About us\nWe build software.</p>"}); h.Description != "About us We build software." {
		t.Errorf("HTML's description %q, want one paragraph", h.Description)
	}
	for _, d := range []string{"a\nb", "x < y\nz"} {
		if !linesNotMarkup(d) {
			t.Errorf("linesNotMarkup(%q) = false", d)
		}
	}
	for _, d := range []string{"one line", "a<br>b\nc", "a\n</p>", "&lt;p&gt;a\nb", "<!-- c -->\nb", "\na\n"} {
		if linesNotMarkup(d) {
			t.Errorf("linesNotMarkup(%q) = true", d)
		}
	}
}

// Session 30: "Our tech" heads the team's stack (mentioned), as "Our
// tech stack" does: a plain-text line (the lines of linear-ashby's
// posting, as a JSON-LD description in plain text would give them).
func TestOurTechHeading(t *testing.T) {
	const text = "What we're looking for\n" +
		"Strong React and TypeScript fundamentals, with experience across the full stack\n" +
		"Experience at a startup or a company with a genuinely high engineering bar\n" +
		"Our tech\n" +
		"This stack reflects the systems we build and operate.\n" +
		"React, MobX, styled-components on the frontend\n" +
		"Node, Postgres, Temporal, and Redis in the backend\n" +
		"Hosted on Google Cloud with k8s\n" +
		"What we offer\n" +
		"Competitive salary and equity\n"
	checkSkills(t, []skillCase{
		{name: "plain lines", raw: model.Raw{DescriptionText: text}, want: model.Skills{Required: []string{"React", "TypeScript"}}},
	})
}

// Session 30: "should also have" and "must also have" ask for more of
// the requirements; "also have" alone is a wish ("Ideally, you also
// have:"). github-greenhouse/1453811 with its blocks joined by spaces
// (TestFormatShiftDev's spaced shape).
func TestObligationAlso(t *testing.T) {
	const text = "Qualifications: You have advanced working SQL knowledge and experience working with relational databases. " +
		"You have experience developing on Git and GitHub. We are looking for a candidate with 8+ years of experience in a " +
		"Data Engineer role. They should also have experience using the following software/tools: Experience with big data " +
		"tools: Hadoop, Spark, Presto, etc. Experience with relational SQL and NoSQL databases, including Postgres and Cassandra."
	checkSkills(t, []skillCase{
		{name: "should also", raw: model.Raw{DescriptionText: text},
			want: model.Skills{Required: []string{"Big Data", "Cassandra", "Git", "GitHub", "Hadoop", "NoSQL", "PostgreSQL", "Presto", "SQL", "Spark"}}},
	})
	for h, want := range map[string]class{
		"They should also have experience using the following:": clsRequired,
		"You must also have:":              clsRequired,
		"Ideally, you also have:":          clsPreferred,
		"Strong candidates may also have:": clsPreferred,
		"An ideal candidate would also:":   clsPreferred,
	} {
		if got := classifyHeading(h, false); got != want {
			t.Errorf("classifyHeading(%q) = %d, want %d", h, got, want)
		}
	}
}

// Session 30: a paragraph labelled as the requirements ("Expected skills
// and experience: ...", a heading whose line break was lost) names them,
// so that a "Desired skills and experience" part after it stays the
// nice-to-haves (wishedAsRequirements reads a desired part as the
// requirements only when nothing names them). tor-project-core-developer
// with its blocks joined by spaces.
func TestLabelledRequirementsKeepDesiredPreferred(t *testing.T) {
	const text = "This is a full-time remote position. Flexible salary, depending on experience. Experience and/or passion " +
		"for working with open source communities and/or a commitment to Internet civil liberties are added pluses for any " +
		"candidate applying for this position! Expected skills and experience: 5+ years’ experience in C and several other " +
		"programming languages Solid understanding of secure C programming issues Comfort working remotely and managing " +
		"your own workflow with limited supervision Experience and comfort interacting with users, coworkers, and team " +
		"members online Transparency! As a non-profit, everything Tor Project does is public, including your name and pay " +
		"rate Desired skills and experience: Knowledge of cryptography basics: be able to understand how to implement our " +
		"protocols and discuss changes to them Basic familiarity with distributed version control systems Experience with " +
		"development on Microsoft Windows Genuine excitement about Tor and its values!"
	checkSkills(t, []skillCase{
		{name: "labelled requirements", raw: model.Raw{DescriptionText: text},
			want: model.Skills{Required: []string{"C"}, Preferred: []string{"Cryptography", "Version Control", "Windows"}}},
	})
}

// Session 30: in a paragraph of a description's length (its line breaks
// lost), a label of the tasks ("Responsibilities: Develop ...") governs
// up to the next label, as a heading would; the tools the tasks name are
// mentioned, not asked for by the lead-in before them. A label after a
// markdown mark ("*Required:") is a label too. github-greenhouse/1441969
// and cjr-twilio-global-security-operations-center-operator, their blocks
// joined by spaces.
func TestTasksLabelGovernsFlatParagraph(t *testing.T) {
	const text = "GitHub is committed to building a diverse workforce and strongly encourages applications from people of " +
		"color and other groups currently underrepresented in tech. Do you think this is the job for you? We are looking " +
		"for you to: Display a strong dedication to building an inclusive tech environment. Can effectively communicate " +
		"with people from disparate backgrounds. Responsibilities: Develop and maintain Rails applications, participate in " +
		"quality improvement activities and perform code reviews. Develop and maintain systems built on off-the-shelf " +
		"solutions such as (but not limited to) Docker, Jenkins, Slack, Elastic Search and Data Dog. Participate in an " +
		"on-call rotation for owned services. Minimum Qualifications: 5+ years experience working on an application team " +
		"with TypeScript. Preferred Qualifications: Experience with GraphQL."
	const twilio = "We are always looking for people who will bring something new to the table, in every team and every " +
		"office, and we hire people from all walks of life and all kinds of careers, in every one of our offices around " +
		"the world! Responsibilities: In this role, you’ll monitor physical security systems around the clock and " +
		"support investigations of security incidents across many sites and countries, every day of the year, with " +
		"Google Workspace. *Required: 3+ years of experience in a GSOC working environment. Experience with open-source " +
		"intelligence (OSINT) research tools. Strong critical thinking and problem-solving skills."
	checkSkills(t, []skillCase{
		{name: "tasks label", raw: model.Raw{DescriptionText: text},
			want: model.Skills{Required: []string{"TypeScript"}, Preferred: []string{"GraphQL"}}},
		{name: "marked label", raw: model.Raw{DescriptionText: twilio},
			want: model.Skills{Required: []string{"OSINT"}}},
	})
}

// Session 30: "Logistics" and "How we're different" (Anthropic's parts
// after the qualifications) end the nice-to-haves: the research blurb
// under them names no skill asked for. anthropic-greenhouse/5311686008 as
// plain lines (TestFormatShiftDev's lines shape).
func TestAnthropicTrailingParts(t *testing.T) {
	const text = "Preferred qualifications\n" +
		"Familiarity with PSIM or SIEM platforms and physical-security network segmentation practices\n" +
		"Logistics\n" +
		"Minimum education: Bachelor’s degree or an equivalent combination of education, training, and/or experience\n" +
		"Visa sponsorship: We do sponsor visas! However, we aren't able to successfully sponsor visas for every role.\n" +
		"How we're different\n" +
		"We believe that the highest-impact AI research will be big science. Our research continues many of the " +
		"directions our team worked on prior to Anthropic, including: GPT-3, Circuit-Based Interpretability, Multimodal " +
		"Neurons, Scaling Laws, AI & Compute, Concrete Problems in AI Safety, and Learning from Human Preferences.\n"
	checkSkills(t, []skillCase{{name: "anthropic", raw: model.Raw{DescriptionText: text},
		want: model.Skills{Preferred: []string{"SIEM"}}}})
}
