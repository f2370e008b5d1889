package normalize

import "testing"

// Experience given in months, in whole years: a real sentence of dev
// jr-arena-analytics-qa-engineer, with variations, and months that measure
// something else.
func TestMinYearsMonthsS26(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: none
	}{
		// a preferred figure stays no minimum, in months as in years
		{"6+ months of experience with React is a plus", -1},
		// months of experience, in whole years
		{"You Might Be a Fit If You Have: Some experience (6–18 months) in QA or testing software Familiarity with tools like Cypress", 0},
		{"6+ months of experience with React", 0},
		{"18 months experience in sales", 1},
		// months that measure something else
		{"Demonstrated experience successfully managing complex sales cycles (6 months+)", -1},
		{"Employees receive vacations after 6 months and additional 3 days off per year", -1},
		{"a reference project of at least 24 months and 20 people", -1},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		switch {
		case tt.want < 0 && got != nil:
			t.Errorf("MinYears(%q) = %d, want none", tt.text, *got)
		case tt.want >= 0 && (got == nil || *got != tt.want):
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, got, tt.want)
		}
	}
}
