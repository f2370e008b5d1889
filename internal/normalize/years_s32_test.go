package normalize

import (
	"slices"
	"testing"
)

// TestYearsOfAnotherSubject: years or a decade that open a sentence with
// "with" whose subject after the comma is not the candidate are not asked
// of the candidate. The first sentence is a dev document's
// (backstory-lever, the company's blurb on each of its postings: read as
// 10 years before rules 244); the candidate's own stay read.
func TestYearsOfAnotherSubject(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // -1: none
	}{
		{"Backstory (formerly People.ai) is the leading AI answers platform for sales teams. With more than a decade of training AI models on billions of sales interactions, Backstory enables modern revenue teams.", -1},
		{"With over 20 years in the market, we are the leader in our field.", -1},
		{"With 5+ years of experience, you will lead the team.", 5},
		{"With 5+ years of experience in Python, the ideal candidate will build our platform.", 5},
		{"With a decade of experience in the field, you'll mentor others.", 10},
		{"With over a decade of experience building ML systems, our ideal candidate leads by example.", 10},
		{"With 5+ years of experience in Python, SQL and Spark, you will build our pipelines.", 5},
		{"With at least 3 years in data engineering, strong SQL skills, and Python, you bring what we need.", 3},
	} {
		got := -1
		if y := MinYears(c.text); y != nil {
			got = *y
		}
		if got != c.want {
			t.Errorf("%q: %d years, want %d", c.text, got, c.want)
		}
	}
}

// TestCoopIsAnInternship: a student's co-op term in a title is the Intern
// level (dev: shield-ai-lever "Electrical Engineering Spring Co-op (January
// 2027) (R4475)", no level before rules 244); "Coop", one word, is a
// Swedish retailer's name.
func TestCoopIsAnInternship(t *testing.T) {
	for title, want := range map[string][]string{
		"Electrical Engineering Spring Co-op (January 2027) (R4475)": {"Intern"},
		"Software Engineer Co-op":                                    {"Intern"},
		"Co-Op Student, Data":                                        {"Intern"},
		"Butikssäljare till Coop":                                    nil,
	} {
		if got := seniority(title); !slices.Equal(got, want) {
			t.Errorf("%q: levels %v, want %v", title, got, want)
		}
	}
}
