package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestStructuredPayAndTheText: the platform's structured range comes
// first, then every range the text states besides it (PROTOCOL.md: "every
// range the text or the platform's fields state"); a range the text only
// restates is not listed twice. The first case is the shape of a Lever
// answer of the corpus (shield-ai-lever: salaryRange 40-56 per hour and a
// salary description by degree); before rules 243 the structured range
// alone was kept.
func TestStructuredPayAndTheText(t *testing.T) {
	n := New(nil)
	lever := "<p>We build drones.</p><div>Rising Bachelor's graduate = $40/hour</div>\n<div>Rising Master's graduate = $45/hour</div>\n" +
		"<div>Rising PhD graduate = $56/hour</div>\n<div>+ Housing stipend provided for those who qualify.</div>"
	p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Intern", DescriptionHTML: lever, Locations: []string{"Dallas, TX"},
		Salary: []model.Salary{{Min: 40, Max: 56, Currency: "USD", Period: "hour"}}})
	want := []model.Salary{{Min: 40, Max: 56, Currency: "USD", Period: "hour"}, {Min: 40, Max: 40, Currency: "USD", Period: "hour"},
		{Min: 45, Max: 45, Currency: "USD", Period: "hour"}, {Min: 56, Max: 56, Currency: "USD", Period: "hour"}}
	if !reflect.DeepEqual(p.Salary, want) {
		t.Errorf("by degree: got %+v, want %+v", p.Salary, want)
	}
	restated := "<p>The base salary range for this role is $150,000 - $200,000 per year.</p>"
	p = n.Normalize("s", "X", model.Raw{ID: "1", Title: "Engineer", DescriptionHTML: restated, Locations: []string{"Dallas, TX"},
		Salary: []model.Salary{{Min: 150000, Max: 200000, Currency: "USD", Period: "year"}}})
	if want := []model.Salary{{Min: 150000, Max: 200000, Currency: "USD", Period: "year"}}; !reflect.DeepEqual(p.Salary, want) {
		t.Errorf("restated: got %+v, want %+v", p.Salary, want)
	}
}

// TestURLWithLineBreaks: a posting URL with a line break or a tab loses
// them, as a browser reads it; one with another control character is
// dropped (review s32 F6: "...\r\nX-Evil: 1" was kept whole in snapshots
// and webhook bodies).
func TestURLWithLineBreaks(t *testing.T) {
	for raw, want := range map[string]string{
		"http://127.0.0.1:18081/job/m5\r\nX-Evil: 1": "http://127.0.0.1:18081/job/m5X-Evil:%201",
		"https://jobs.example/1\t":                   "https://jobs.example/1",
		"https://jobs.example/\x001":                 "",
		"https://jobs.example/\x7f":                  "",
		"https://jobs.example/a?b=1":                 "https://jobs.example/a?b=1",
	} {
		if got := CleanURL(raw); got != want {
			t.Errorf("CleanURL(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestIndianLakhs: pay in lakhs of rupees ("12-15 LPA", "8-12 lakhs per
// annum", "6 Lacs to 8 Lacs") and "Rs." as the rupee sign; a count of
// people in lakhs is no pay. Found by a throw-away sweep of 30 pay shapes
// of many countries (the others all read); none of these was read before
// rules 248, and no corpus document has them.
func TestIndianLakhs(t *testing.T) {
	n := New(nil)
	inr := func(lo, hi float64) []model.Salary {
		return []model.Salary{{Min: lo, Max: hi, Currency: "INR", Period: "year"}}
	}
	for text, want := range map[string][]model.Salary{
		"Compensation: 12-15 LPA + ESOPs":         inr(1200000, 1500000),
		"₹12 LPA":                                 inr(1200000, 1200000),
		"INR 10 LPA":                              inr(1000000, 1000000),
		"CTC: 8-12 lakhs per annum":               inr(800000, 1200000),
		"Salary 6 Lacs to 8 Lacs":                 inr(600000, 800000),
		"Rs. 6,00,000 - 8,00,000 per annum":       inr(600000, 800000),
		"We serve a user base of 12 lakh people.": {},
		"Trusted by 12 lakh+ users":               {},
	} {
		p := n.Normalize("s", "X", model.Raw{ID: "1", Title: "Engineer", Locations: []string{"Bangalore, India"}, DescriptionText: "About the job.\n\n" + text + "\n"})
		if !reflect.DeepEqual(p.Salary, want) {
			t.Errorf("%q: %+v, want %+v", text, p.Salary, want)
		}
	}
}
