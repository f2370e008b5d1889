package normalize

import (
	"regexp"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The fuzz targets check properties that hold for any input: no panic,
// well-formed output, the same output twice. Their seed corpora are the
// table cases; what `go test -fuzz` finds goes to testdata/fuzz and stays.

var periods = []string{"year", "month", "week", "day", "hour"}
var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

func FuzzSalaries(f *testing.F) {
	for _, s := range []string{
		"The range for this role is $100,000 - $720,000.", "$100K - $500K", "$310,000 - $1,870,000",
		"€60.000 - €80.000", "EUR 60,000-80,000", "£50k–£70k", "USD 150,000 to 200,000", "PLN 20 000 - 30 000 per month",
		"$45.50 - $60 per hour", "¥15M - ¥30M per year", "₹40,00,000", "$1.2-1.8M", "401(k)", "$", "$-", "$9999999999999999999999",
		"US$ 1e308 - 2e308", "CA$ 0 - 0", "A$ 1,2,3,4,5", "zł 5 000", "$100,000 - $50,000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Salaries(s)
		for _, sal := range out {
			if sal.Min < 0 || sal.Max < sal.Min || sal.Max != sal.Max {
				t.Fatalf("Salaries(%q): bad range %+v", s, sal)
			}
			if !currencyRE.MatchString(sal.Currency) || !slices.Contains(periods, sal.Period) {
				t.Fatalf("Salaries(%q): bad currency or period %+v", s, sal)
			}
		}
		if again := Salaries(s); !slices.Equal(out, again) {
			t.Fatalf("Salaries(%q) is not deterministic", s)
		}
	})
}

var levelRE = regexp.MustCompile(`^(L[3-8]|I|[A-Z][A-Za-z ]+)$`)

func FuzzLevels(f *testing.F) {
	for _, s := range []string{"Software Engineer (L5)", "Research Scientist 5/6", "Senior Staff Engineer", "Engineer - L5",
		"ML Engineer L4/L5", "Level 5", "L9", "L", "(L5", "5/6/7/8", "Director, Data", "VP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Levels(s)
		for _, l := range out {
			if !levelRE.MatchString(l) {
				t.Fatalf("Levels(%q) = %q: %q is not a level", s, out, l)
			}
		}
		if !slices.Equal(out, Levels(s)) {
			t.Fatalf("Levels(%q) is not deterministic", s)
		}
	})
}

var countryRE = regexp.MustCompile(`^([A-Z]{2})?$`)

func FuzzLocation(f *testing.F) {
	for _, s := range []string{"Remote (USA)", "Remote, United States of America", "Los Gatos,California,United States of America",
		"Warsaw,Masovian Voivodeship,Poland", "New York, NY", "USA - Remote", ",,,", "Germany/Remote", "Washington, D.C.", "\x00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := Location(s)
		if !countryRE.MatchString(l.Country) {
			t.Fatalf("Location(%q).Country = %q", s, l.Country)
		}
		for _, part := range []string{l.City, l.Region, l.Name} {
			if !utf8.ValidString(part) && utf8.ValidString(s) {
				t.Fatalf("Location(%q) made invalid UTF-8", s)
			}
		}
		if Location(s) != l {
			t.Fatalf("Location(%q) is not deterministic", s)
		}
	})
}

// FuzzNormalize runs the whole extraction on arbitrary HTML: the HTML
// parser, sections, skills, education and years.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"<p><strong>Basic Qualifications</strong></p><ul><li>5+ years of Python</li><li>Nice to have: Go</li></ul>",
		"<h2>Preferred</h2><p>MS or PhD; Kubernetes</p><p>$100K - $500K</p>",
		"<ul><li><ul><li><ul><li>deep</li></ul></li></ul></li></ul>", "<table><tr><td>R&amp;D</td></tr></table>",
		"<script>alert(1)</script>Spark", "<", "&#0;", "",
	} {
		f.Add(s)
	}
	n := New(nil)
	f.Fuzz(func(t *testing.T, html string) {
		raw := model.Raw{ID: "1", Title: "Engineer (L5)", DescriptionHTML: html, Locations: []string{"Remote (USA)"}}
		a := n.Normalize("src", "Co", raw)
		b := n.Normalize("src", "Co", raw)
		ea, err1 := model.Encode(a)
		eb, err2 := model.Encode(b)
		if err1 != nil || err2 != nil || string(ea) != string(eb) {
			t.Fatalf("Normalize is not deterministic or not encodable: %v %v", err1, err2)
		}
		seen := map[string]bool{}
		for _, list := range [][]string{a.Skills.Required, a.Skills.Preferred, a.Skills.Mentioned} {
			if !slices.IsSorted(list) {
				t.Fatalf("skills not sorted: %q", list)
			}
			for _, s := range list {
				if seen[s] {
					t.Fatalf("skill %q in two lists", s)
				}
				seen[s] = true
			}
		}
	})
}
