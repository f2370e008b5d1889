package normalize

import "testing"

// Amounts that are not pay: a standard's number, a company's figures
// written as a range in millions, a benefit's budget read as a range.
// Sentences from dev postings; real pay beside them is still read.
func TestNotPayS25(t *testing.T) {
	none := []string{
		// dev cjr-scalian-germany-ag-consultant-cyber-security-automotive
		"Stelle sicher, dass alle gesetzlichen und regulatorischen Anforderungen, wie ISO/SAE 21434 und UN R155, eingehalten werden.",
		// dev cjr-algolia-information-security-engineer
		"Experience scaling Information Security programs in high-growth SaaS organizations (10,000+ customers, $50–200M ARR range)",
		// dev cjr-nviso-junior-cyber-strategy-architecture-consultant-focus-grc
		"A training budget of 10.000 EUR and 10 days training man days every 2 years;",
	}
	for _, s := range none {
		if got := salaries(s, "EUR"); len(got) != 0 {
			t.Errorf("salaries(%q) = %+v, want none", s, got)
		}
	}
	pay := []struct {
		s        string
		min, max float64
	}{
		{"Base salary + bonus: €60,000 - €75,000 per year", 60000, 75000},
		{"The salary range for this role is $1.2M - $1.5M per year", 1.2e6, 1.5e6},
		{"$1.2-1.8M", 1.2e6, 1.8e6},
		{"Gehalt: 57.000 - 62.000 EUR brutto im Jahr", 57000, 62000},
	}
	for _, p := range pay {
		got := salaries(p.s, "EUR")
		if len(got) != 1 || got[0].Min != p.min || got[0].Max != p.max {
			t.Errorf("salaries(%q) = %+v, want %v-%v", p.s, got, p.min, p.max)
		}
	}
}
