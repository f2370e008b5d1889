package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A denial in the sentence before a remote word says nothing of it: the
// window read around the remote word stops at the sentence's ends (dev:
// jr-devsquad; the denials of review s26b stay in their own sentence).
func TestS27_RemoteDenialStaysInItsSentence(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text   string
		remote bool
	}{
		{"If you are passionate about constant learning, challenges, autonomy and speed, who knows your place is not here with us?! Additional Information: -100% remote work -Flexible working hours", true},
		{"Here you will work remotely from anywhere in Brazil. No prior experience is required for trainee candidates.", true},
		{"This is not a remote position; you will work from our Warsaw office.", false},
		{"Unfortunately we cannot offer the option to work remotely for this role.", false},
		{"We have no dress code. You can work remotely up to two days a week.", false},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "QA Engineer", DescriptionText: c.text, Locations: []string{"Brazil"}})
		got := len(p.Locations) == 1 && p.Locations[0].Remote
		if got != c.remote {
			t.Errorf("%q: locations %+v, want remote %v", c.text, p.Locations, c.remote)
		}
	}
}

// A manager of security is Other unless the title names an engineering
// team (PROTOCOL.md, security titles); the words of IT beside security
// name the field (dev: cjr-via-healthtech).
func TestS27_SecurityManagerRole(t *testing.T) {
	for title, want := range map[string]string{
		"IT Security & Compliance Manager (Part-Time)": RoleOther,
		"Head of IT Security":                          RoleOther,
		"Principal Information Security Manager":       RoleOther,
		"Engineering Manager, Cloud Security":          RoleEngineeringManager,
		"Security Engineering Manager":                 RoleEngineeringManager,
		"Director Application Security":                RoleEngineeringManager,
		"Head of IT":                                   RoleEngineeringManager,
		"Director of Security Engineering":             RoleEngineeringManager,
		"Sr. Product Manager - Agentic Security":       RoleProductManager,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}

// Three towns joined by "or" after a cue of where the hire sits are the
// job's choice of workplace, not the company's office list (dev:
// variant-text-cto-sverige); the same towns joined by "and" after an
// offices cue stay the company's offices.
func TestS27_SeatChoiceOfThreeTowns(t *testing.T) {
	n := New(nil)
	text := "Vi söker en operativ CTO som kan engagera och motivera utvecklare. Du kan sitta i Stockholm, Göteborg eller Linköping, men kommer att vara CTO för hela vår svenska koncern."
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "CTO", DescriptionText: text, Locations: []string{"Sverige"}})
	var got []string
	for _, l := range p.Locations {
		got = append(got, l.City)
	}
	if want := []string{"Stockholm", "Gothenburg", "Linköping"}; !sameSetS27(got, want) {
		t.Errorf("seat choice: cities %q, want %q (%+v)", got, want, p.Locations)
	}
	office := "Vi har vuxit snabbt och har kontor i Stockholm, Göteborg och Linköping. Du blir en del av teamet."
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Utvecklare", DescriptionText: office, Locations: []string{"Sverige"}})
	if len(p.Locations) != 1 || p.Locations[0].City != "" || p.Locations[0].Country != "SE" {
		t.Errorf("office list: %+v, want the country alone", p.Locations)
	}
}

func sameSetS27(a, b []string) bool {
	return strings.Join(slices.Sorted(slices.Values(a)), "|") == strings.Join(slices.Sorted(slices.Values(b)), "|")
}

// An amount "in" incentives, and the total of the pay and those
// incentives right after it, are not pay (PROTOCOL.md: bonus is not pay;
// dev: jr-the-land-geek); a total compensation range with no incentive
// before it stays the pay.
func TestS27_IncentiveFiguresAreNotPay(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Compensation This is a 1099 contractor role offering a $9,000 monthly retainer and up to $120,000 in performance-based incentives (up to $228,000 total annual compensation).",
			[]string{"9000-9000 USD/month"}},
		{"The total compensation range for this role is 72k - 90k USD/year, plus equity.",
			[]string{"72000-90000 USD/year"}},
		{"Salary: $95,000 in the first year, reviewed every spring.",
			[]string{"95000-95000 USD/year"}},
		// the pay, then what comes on top of it: the pay stays
		{"Base salary of $140,000 per year, plus up to $30,000 in annual bonuses.",
			[]string{"140000-140000 USD/year"}},
		{"The salary for this role is €65,000 plus a yearly bonus.", []string{"65000-65000 EUR/year"}},
		// a benefit with an amount stays no pay
		{"We offer a learning budget of €1,500 per year.", nil},
		{"Compensation includes a $5,000 relocation bonus.", nil},
	} {
		var got []string
		for _, s := range Salaries(c.text) {
			got = append(got, fmt.Sprintf("%g-%g %s/%s", s.Min, s.Max, s.Currency, s.Period))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Salaries(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// A country beside one of its own regions in a label is that region, not
// a city named like the country ("Remote - US (California)" read the
// city "US"; "Remote - Germany (Bavaria)" lost its country). No dev
// posting has this form; the forms are ATS labels of work mode, country
// and region (issue 9's class of work-mode labels).
func TestS27_CountryBesideItsRegion(t *testing.T) {
	for label, want := range map[string]model.Location{
		"Remote - US (California)":            {Region: "California", Country: "US", Remote: true},
		"Remote (Canada - Ontario)":           {Region: "Ontario", Country: "CA", Remote: true},
		"United States (Remote) - California": {Region: "California", Country: "US", Remote: true},
		"Remote - Germany (Bavaria)":          {Region: "Bavaria", Country: "DE", Remote: true},
		"Spain, Catalonia":                    {Region: "Catalonia", Country: "ES"},
		// a city-state and a city keep their city
		"Singapore, Singapore":        {City: "Singapore", Country: "SG"},
		"Remote - Canada (Toronto)":   {City: "Toronto", Region: "Ontario", Country: "CA", Remote: true},
		"Remote - Brazil (São Paulo)": {City: "São Paulo", Region: "São Paulo", Country: "BR", Remote: true},
	} {
		got := Locations(label)
		if len(got) != 1 || got[0] != want {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// A two-letter code after a town that is both a country's ISO code and a
// US state's or Canadian province's is the town's country when the town
// is the country's and no town of that state ("Kaarst, DE" read
// Delaware, "Eibergen, NL" Newfoundland); a city named like its state
// with the country after it reads as the city alone does ("New York,
// USA"). Kaarst and Eibergen are towns of dev labels (emagine,
// fronteers-deli-home); the label form is an ATS's "City, CC".
func TestS27_CountryCodeOrStateCode(t *testing.T) {
	for label, want := range map[string]model.Location{
		"Kaarst, DE":      {City: "Kaarst", Region: "North Rhine-Westphalia", Country: "DE"},
		"Eibergen, NL":    {City: "Eibergen", Region: "Gelderland", Country: "NL"},
		"Tirana, AL":      {City: "Tirana", Region: "Tirana", Country: "AL"},
		"Wilmington, DE":  {City: "Wilmington", Region: "Delaware", Country: "US"},
		"Birmingham, AL":  {City: "Birmingham", Region: "Alabama", Country: "US"},
		"St. John's, NL":  {City: "St. John's", Region: "Newfoundland and Labrador", Country: "CA"},
		"Boston, MA":      {City: "Boston", Region: "Massachusetts", Country: "US"},
		"New York, USA":   {City: "New York", Region: "New York", Country: "US"},
		"Washington, USA": {City: "Washington", Region: "District of Columbia", Country: "US"},
	} {
		got := Locations(label)
		if len(got) != 1 || got[0] != want {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// A Workday location path written with dashes and an alpha-3 country code
// first ("DEU - Berlin", "USA - CA - San Jose") reads as the dotted path
// ("DEU.Berlin") already did; a country code before a town of the
// country is the town ("DE - Kaarst"). No dev posting has the form.
func TestS27_DashedAlpha3Paths(t *testing.T) {
	for label, want := range map[string]model.Location{
		"DEU - Berlin":        {City: "Berlin", Region: "Berlin", Country: "DE"},
		"USA - CA - San Jose": {City: "San Jose", Region: "California", Country: "US"},
		"GBR - London":        {City: "London", Region: "England", Country: "GB"},
		"Remote - DEU":        {Country: "DE", Remote: true},
		"DE - Kaarst":         {City: "Kaarst", Region: "North Rhine-Westphalia", Country: "DE"},
		"China, Shanghai":     {City: "Shanghai", Region: "Shanghai", Country: "CN"},
	} {
		got := Locations(label)
		if len(got) != 1 || got[0] != want {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// A remote listing takes the country of a sentence about where the
// employer hires or whom it takes, as it does "based in" or "reside in"
// (PROTOCOL.md: "Remote" alone with the country in another field takes
// that country). Sentences from dev documents (jr-wellhub,
// opencollective-foundation, ramp-ashby) and two written for the test.
func TestS27_RemoteCountryOfHiringSentence(t *testing.T) {
	n := New(nil)
	for text, want := range map[string][]string{
		"You can work from anywhere in Germany.":                                                 {"DE"}, // written for this test
		"Please note that this role is only open to candidates in Brazil.":                       {"BR"},
		"- Open to applicants anywhere in the United States (sorry, we can't consider interns).": {"US"},
		"We hire anywhere in Spain or Portugal.":                                                 {"ES", "PT"},
		// an area wider than a country names no country
		"Ramp's first post-sales hire in Europe doesn't just activate customers.": {""},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Software Engineer", DescriptionText: text, Locations: []string{"Remote"}})
		var got []string
		for _, l := range p.Locations {
			if !l.Remote {
				t.Errorf("%q: %+v is no remote place", text, l)
			}
			got = append(got, l.Country)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: countries %q, want %q", text, got, want)
		}
	}
}
