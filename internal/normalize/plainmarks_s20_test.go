package normalize

import (
	"html"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestPlainMarksInPages: a description written as lines of plain text has
// the same skills, in the same buckets, when a page gives those lines as
// paragraphs or as lines broken with <br> (the marks of plain text read in
// a page: "Skills:- ...", "1. ...", "+ ...", "## ...", "**...**"). Lines
// from the dev document nemensis-text-tester-sctm-aqua and others of the
// corpus's shapes.
func TestPlainMarksInPages(t *testing.T) {
	texts := []string{
		"Tasks:- Automatisiertes Testen\n- Manuelles Testen\n\nSkills:- Grundkenntnisse in SCTM und Aqua\n- Vertiefte Kenntnisse in Jira und Confluence.\n- Vertiefte Kenntnisse mit Tools wie Selenium, JUnit, Eclipse, Postman",
		"## What you will do\nBuild pipelines in Spark.\n## What we look for\n1. Five years of Python\n2. Strong SQL\n**Nice to have**\n+ Kubernetes\n+ Terraform",
	}
	for _, text := range texts {
		want := skillsOf(t, model.Raw{DescriptionText: text})
		if len(want.Required) == 0 {
			t.Fatalf("no required skills in the plain text %q: %+v", text, want)
		}
		var ps, brs []string
		for _, l := range strings.Split(text, "\n") {
			if l != "" {
				ps = append(ps, "<p>"+html.EscapeString(l)+"</p>")
			}
			brs = append(brs, html.EscapeString(l))
		}
		for name, page := range map[string]string{"paragraphs": strings.Join(ps, "\n"), "line breaks": "<p>" + strings.Join(brs, "<br>") + "</p>"} {
			got := skillsOf(t, model.Raw{DescriptionHTML: page})
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\n got %+v\nwant %+v (the text's)\npage: %s", name, got, want, page)
			}
		}
	}
}

// TestEveryLineIndented: a plain text whose every line starts with a
// space (an HTML description flattened by a scraper) has no indentation
// to read: its headings and items are read as in the same text without
// the spaces, not glued onto the first item as its wrapped continuation
// (a probe re-rendering the dev part's HTML postings as such text: skills
// F1 .924 -> .786 before, .888 after).
func TestEveryLineIndented(t *testing.T) {
	text := "Responsibilities:\n• Build delivery pipelines with customers\n• Track progress\n\nMinimum Qualifications:\n• Experience with Jenkins, CircleCI or Travis CI\n• Knowledge of LDAP and SAML\n\nPreferred Qualifications:\n• Terraform"
	want := skillsOf(t, model.Raw{DescriptionText: text})
	if len(want.Required) == 0 || len(want.Preferred) == 0 {
		t.Fatalf("the plain text's skills: %+v", want)
	}
	indented := " " + strings.ReplaceAll(text, "\n", "\n ")
	if got := skillsOf(t, model.Raw{DescriptionText: indented}); !reflect.DeepEqual(got, want) {
		t.Errorf("every line indented:\n got %+v\nwant %+v", got, want)
	}
	// a wrapped item indented under its bullet still continues it
	wrapped := "Requirements:\n- Experience with Go\n  would be a bonus\n- SQL"
	got := skillsOf(t, model.Raw{DescriptionText: wrapped})
	if !slices.Contains(got.Preferred, "Go") || !slices.Contains(got.Required, "SQL") {
		t.Errorf("a wrapped item: %+v", got)
	}
}
