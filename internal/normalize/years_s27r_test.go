package normalize

import "testing"

// review s27: lostItemBreak (95b1aff) takes any capitalised item opener
// after a word that can end a phrase for the next item of a list whose
// line breaks were lost. Postings capitalise "Experience" inside the
// years' own phrase ("2+ years of Python Experience preferred"): the
// clause of the years then ends before its preference marker, and a
// preferred figure becomes a minimum.
func TestReview27_CapitalisedExperienceInTheYearsPhrase(t *testing.T) {
	for _, s := range []string{
		"2+ years of Python Experience preferred",
		"3+ years of AWS Experience is a plus",
		"5+ years of hands-on Experience with Kubernetes is preferred",
		"3 years of professional Experience would be a plus",
		"2+ years of Software Development Experience (preferred)",
	} {
		if got := MinYears(s); got != nil {
			t.Errorf("MinYears(%q) = %d, want none (a preference)", s, *got)
		}
	}
}
