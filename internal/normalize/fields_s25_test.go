package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A "not required" that frees the degree's field, not the degree, keeps
// the degree (dev cjr-nviso-junior-cyber-strategy-architecture-consultant);
// one that says the degree is no requirement still drops it.
func TestDegreeFieldFreeS25(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"Bachelor or a Master’s degree, your education is not required to be in IT or technology, however you should have strong affinity with technology.",
			[]string{"Bachelor's"}, nil},
		{"Academic degrees are great, but not required if you have the right skills.", nil, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Consultant", Locations: []string{"Brussels, Belgium"},
			DescriptionText: "What you bring\n- " + tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// Years in a clause that states a preference are no minimum (dev
// cjr-algolia-information-security-engineer).
func TestYearsPreferenceClauseS25(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Strong understanding of, comfort with, and at least three years of experience in operating, configuring, and managing log management / SIEM, with strong preference to at least one year of experience with deep use of Crowdstrike or Obsidian (preferably both).", 3},
		{"5+ years of backend development; 2 years of Kubernetes is advantageous.", 5},
		{"At least 2 years of experience with Kubernetes.", 2},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if got == nil || *got != tt.want {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, got, tt.want)
		}
	}
}

// Degrees listed with commas and a last "or" are alternatives: the lowest
// is asked ("BS, MS, or PhD in Computer Science or related field", the
// list of dev cjr-clickhouse-senior-security-automation-engineer, here as
// a requirement).
func TestDegreeCommaListAlternativesS25(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"BS, MS, or PhD in Computer Science or related field.", []string{"Bachelor's"}, nil},
		{"MSc, MEng or PhD in Machine Learning.", []string{"Master's"}, nil},
		{"Bachelor's degree required, Master's degree preferred.", []string{"Bachelor's"}, []string{"Master's"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: []string{"New York, NY"},
			DescriptionText: "Requirements\n- 3+ years of Python\n- " + tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// The minimum in brackets after a word of several years ("Several years
// (3+) of experience", "mehrjährige (3+) Berufserfahrung").
func TestYearsInBracketsS25(t *testing.T) {
	for s, want := range map[string]int{
		"Several years (3+) of experience in backend development":     3,
		"Mehrjährige (3+) Berufserfahrung in der Softwareentwicklung": 3,
	} {
		if got := MinYears(s); got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", s, got, want)
		}
	}
	if got := MinYears("Ideally several years (5+) of experience with Kafka"); got != nil {
		t.Errorf("a preferred figure: MinYears = %d, want none", *got)
	}
}
