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
