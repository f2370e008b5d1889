package normalize

import "testing"

// A number of years introduced by "with" or "including" after a figure in
// the same sentence is part of that figure (PROTOCOL.md's nested rule):
// the outer figure is the minimum. Sentences from the corpus's dev part
// (ramp-ashby, spotify-lever) and their neighbours.
func TestMinYearsNestedWith(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"8+ years of performance marketing experience, with at least 3+ years managing a team in high-growth B2B, SaaS, or fintech", 8},
		{"You have 5+ years of experience in customer support operations, program management, vendor management, or a related field, including 3+ years working within the programmatic space", 5},
		{"7+ years of experience in software engineering including a minimum of 2 years as a tech lead", 7},
		// separate requirements: the smallest
		{"4+ years of experience with Python and Django.\n2+ years of experience with enterprise architecture", 2},
		{"5+ years of backend experience. Experience with at least 2 years of Kubernetes", 2},
		// "with" before the first figure: nothing nested
		{"Candidates with 3+ years of experience in Go", 3},
	} {
		got := MinYears(c.text)
		if got == nil || *got != c.want {
			t.Errorf("MinYears(%q) = %v, want %d", c.text, deref(got), c.want)
		}
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
