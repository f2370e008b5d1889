package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review s27b: jobRemote now reads a denial only in the remote word's own
// clause (clauseAround cuts at '?', '!', ". ", ':' and ';'), so the common
// "question? answer" and "label: value" forms lose their denial: a job
// whose text says it is not remote becomes a remote job. Before today
// (an 80-byte window) each of these was no remote job.
func TestReview27b_RemoteDenialAfterQuestionOrColon(t *testing.T) {
	n := New(nil)
	for _, text := range []string{
		"Is this a remote role? No, you will work from our office five days a week.",
		"Working remotely: not possible for this role.",
		"Remote position: no. The team sits together in our office.",
		"Fully remote? Not quite: we meet in the office two days a week.",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text, Locations: []string{"Poland"}})
		if len(p.Locations) == 1 && p.Locations[0].Remote {
			t.Errorf("%q: %+v, want no remote job", text, p.Locations)
		}
	}
}

// review s27b: incentiveFigure matches incentive words as prefixes of the
// three words after "in", so "stock" matches Stockholm and Stockton, and a
// salary "in cash, plus equity" is taken for the equity: the posting's pay
// is lost (each was read as pay before rules 171).
func TestReview27b_SalaryInPlaceOrCashIsPay(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text string
		min  float64
	}{
		{"The salary is 650 000 SEK in Stockholm and 600 000 SEK in Gothenburg.", 650000},
		{"The base salary for this role is $95,000 - $115,000 in Stockton, CA.", 95000},
		{"Base salary: $130,000 - $150,000 in cash, plus equity.", 130000},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: c.text, Locations: []string{"Sweden"}})
		found := false
		for _, s := range p.Salary {
			if s.Min == c.min {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: salary %+v, want one with min %v", c.text, p.Salary, c.min)
		}
	}
}

// review s27b: a Remote listing takes the country of a sentence on where
// the employer hires (d760886: "hire in", "candidates in"), also when the
// sentence says it does NOT hire there: the job is placed in the one
// country it excludes (before rules 175 the country stayed empty).
func TestReview27b_RemoteCountryFromAnExclusion(t *testing.T) {
	n := New(nil)
	for _, text := range []string{
		"This is a fully remote role. Unfortunately, we are not able to hire in Brazil at this time.",
		"This is a fully remote role. We are currently unable to consider candidates in India.",
		"This is a fully remote role. We do not hire in Germany.",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text, Locations: []string{"Remote"}})
		for _, l := range p.Locations {
			if l.Country != "" {
				t.Errorf("%q: %+v, want no country (the sentence excludes it)", text, p.Locations)
			}
		}
	}
}

// review s27b: rule 171 (4868fe5) makes a preference marker at the end of
// an item of a run-on list qualify that item only; with " - " as the
// items' marker (a flattened list as many boards send it) the marker still
// reaches back over the items before it: Java and Spring Boot, asked
// under "Requirements", become preferred because Docker is nice to have.
// With "•" the same list reads right.
func TestReview27b_RunOnDashItemsMarkerQualifiesEarlierItems(t *testing.T) {
	n := New(nil)
	text := "Requirements - Experience with Java - Knowledge of Spring Boot - Docker (nice to have) - Kubernetes"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text})
	for _, want := range []string{"Java", "Spring Boot", "Kubernetes"} {
		found := false
		for _, s := range p.Skills.Required {
			found = found || s == want
		}
		if !found {
			t.Errorf("%s not required: required %v, preferred %v", want, p.Skills.Required, p.Skills.Preferred)
		}
	}
}

// review s27b: two of today's place rules on common listing forms. A
// Workday path "SGP - Singapore" (16fc51f: the alpha-3 code read as its
// dotted form) gives City "SG" (before: City "SGP"); "Salem, IN" (Salem,
// Indiana, as a US listing writes it; ce994c9: a code that is a country's
// and a state's is the country when the town is that country's and none
// of the state's known towns) moves to Tamil Nadu, India: the state's
// small towns are not in the place list, so any Indian city named like
// one of them flips (before: Salem, Indiana).
func TestReview27b_WorkdayCityStateAndIndianaTown(t *testing.T) {
	n := New(nil)
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "x", Locations: []string{"SGP - Singapore"}})
	if len(p.Locations) != 1 || p.Locations[0].Country != "SG" || p.Locations[0].City == "SG" {
		t.Errorf("SGP - Singapore: %+v, want Singapore (SG) without the code as its city", p.Locations)
	}
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "x", Locations: []string{"Salem, IN"}})
	if len(p.Locations) != 1 || p.Locations[0].Country != "US" {
		t.Errorf("Salem, IN: %+v, want Salem, Indiana, US (as before rules 173)", p.Locations)
	}
}

// review s27b: e04b5ae keeps a clause after a comma with the remote word
// when it opens with a limit ("work remotely, up to two days a week"),
// but " no " opens the common clauses that praise remote work ("no
// commute", "no relocation needed"), and " - " is no clause end: these
// remote jobs stay no remote jobs (as at 41c34ee; "100% remote: there is
// no office" reads right since today, the comma and dash forms not).
func TestReview27b_RemoteWithNoCommuteClause(t *testing.T) {
	n := New(nil)
	for _, text := range []string{
		"100% remote, no commute.",
		"You will work remotely, no relocation needed.",
		"Fully remote - no office required.",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text, Locations: []string{"Poland"}})
		if len(p.Locations) != 1 || !p.Locations[0].Remote {
			t.Errorf("%q: %+v, want remote work in Poland", text, p.Locations)
		}
	}
}
