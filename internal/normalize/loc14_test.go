package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestLevelsMiddleIsMidLoc14(t *testing.T) {
	for title, want := range map[string][]string{
		"Middle PHP Developer":                {"Mid"},
		"Middle/Senior Frontend Engineer":     {"Mid", "Senior"},
		"Middle-level QA Engineer":            {"Mid"},
		"Middle East Sales Manager":           {"Manager"},
		"Middle School Math Teacher":          nil,
		"Middle Office Analyst":               nil,
		"Head of Sales, Middle East & Africa": {"Head"},
	} {
		got := Levels(title)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Levels(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestSalaryBetweenAndLoc14(t *testing.T) {
	for text, want := range map[string][]model.Salary{
		"I starten vil månedslønnen være mellom 85\u00a0000 og 95\u00a0000 avhengig av erfaring.": {{Min: 85000, Max: 95000, Currency: "SEK", Period: "month"}},
		"Das Gehalt liegt zwischen 50.000 und 60.000 € im Jahr.":                                  {{Min: 50000, Max: 60000, Currency: "EUR", Period: "year"}},
		"Salaire entre 40 000 € et 50 000 € par an.":                                              {{Min: 40000, Max: 50000, Currency: "EUR", Period: "year"}},
		"Månadslön mellan 35 000 och 42 000 kr.":                                                  {{Min: 35000, Max: 42000, Currency: "SEK", Period: "month"}},
	} {
		got := salaries(text, "SEK")
		if !slices.Equal(got, want) {
			t.Errorf("salaries(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestSalaryAndWithoutBetweenIsNoRangeLoc14(t *testing.T) {
	// no "between": two amounts joined by "og"/"und" are not one range
	for _, text := range []string{
		"Fastlønn 50 000 kr per måned og 60 000 kr etter prøvetiden.",
		"Gehalt 50.000 € und 60.000 € nach der Probezeit.",
	} {
		for _, s := range salaries(text, "SEK") {
			if s.Min != s.Max {
				t.Errorf("salaries(%q) made a range: %v", text, s)
			}
		}
	}
}

func TestMarkdownEntitiesInPlainTextLoc14(t *testing.T) {
	p := New(nil).Normalize("text", "Acme", model.Raw{
		Title:           "VD",
		Locations:       []string{"Stockholm"},
		DescriptionText: "## Lønn\n\nI starten vil månedslønnen være mellom 85&nbsp;000 og 95&nbsp;000 avhengig av erfaring.\n",
	})
	want := []model.Salary{{Min: 85000, Max: 95000, Currency: "SEK", Period: "month"}}
	if !slices.Equal(p.Salary, want) {
		t.Fatalf("salary = %v, want %v", p.Salary, want)
	}
}

func TestYearsOverallAndSkillFigureLoc14(t *testing.T) {
	for text, want := range map[string]int{
		"We want 10+ years of software development experience and 5+ years of Python programming experience.": 10,
		"You bring 8 years of professional experience and 3 years with Kubernetes.":                           8,
		// two separate requirements, neither overall: the smallest
		"You have 4+ years of Python/Django and 2+ years of enterprise architecture.": 2,
		"5 years as a People Manager and 7 years of program management.":              5,
		// no overall figure before the "and": the smallest
		"3 years of Java experience and 5 years of software development experience.": 3,
	} {
		got := MinYears(text)
		if got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", text, got, want)
		}
	}
}
