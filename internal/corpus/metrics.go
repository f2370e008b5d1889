package corpus

import (
	"fmt"
	"sort"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Fields are the exact-match fields scored per posting, in table order.
var Fields = []string{"locations", "salary", "years", "education", "role", "levels", "language"}

// Result is one labelled posting scored against what the model made of it.
type Result struct {
	Slug, Format, Company string
	Batch                 int    // the label file's batch (SPLIT.md)
	SplitWith             string // the label file's split_with (the company rule, SPLIT.md)
	Label                 Posting
	Got                   model.Posting

	TP, FP, FN int             // skills, bucketed: a true positive is a labelled skill in its labelled bucket
	Misplaced  int             // labelled skills found in the other bucket (required <-> preferred)
	Mentioned  int             // labelled skills found only as mentioned
	Labelled   int             // labelled skills (required + preferred)
	Exact      map[string]bool // per field of Fields
	SkillDiff  []string        // "+x (required)" found not labelled, "-y (preferred)" labelled not found
}

// Score compares one posting's model with its label.
func Score(slug, format, company string, lab Posting, got model.Posting) Result {
	r := Result{Slug: slug, Format: format, Company: company, Label: lab, Got: got, Exact: map[string]bool{}}
	want := map[string]string{} // lower name -> bucket
	names := map[string]string{}
	for _, s := range lab.Skills.Preferred {
		want[strings.ToLower(s)] = "preferred"
		names[strings.ToLower(s)] = s
	}
	for _, s := range lab.Skills.Required { // a skill in both is required only
		want[strings.ToLower(s)] = "required"
		names[strings.ToLower(s)] = s
	}
	r.Labelled = len(want)
	found := map[string]string{}
	for _, s := range got.Skills.Mentioned {
		found[strings.ToLower(s)] = "mentioned"
	}
	for _, s := range got.Skills.Preferred {
		found[strings.ToLower(s)] = "preferred"
		names[strings.ToLower(s)] = s
	}
	for _, s := range got.Skills.Required {
		found[strings.ToLower(s)] = "required"
		names[strings.ToLower(s)] = s
	}
	for k, b := range found {
		if b == "mentioned" {
			continue
		}
		if want[k] == b {
			r.TP++
		} else {
			r.FP++
			if want[k] == "" {
				r.SkillDiff = append(r.SkillDiff, fmt.Sprintf("+%s (%s)", names[k], b))
			}
		}
	}
	for k, b := range want {
		switch g := found[k]; {
		case g == b:
		case g == "mentioned":
			r.FN++
			r.Mentioned++
			r.SkillDiff = append(r.SkillDiff, fmt.Sprintf("-%s (%s; found as mentioned)", names[k], b))
		case g != "":
			r.FN++
			r.Misplaced++
			r.SkillDiff = append(r.SkillDiff, fmt.Sprintf("~%s (%s; found as %s)", names[k], b, g))
		default:
			r.FN++
			r.SkillDiff = append(r.SkillDiff, fmt.Sprintf("-%s (%s)", names[k], b))
		}
	}
	sort.Strings(r.SkillDiff)

	r.Exact["locations"] = sameSet(labelLocations(lab.Locations), gotLocations(got.Locations))
	r.Exact["salary"] = sameSet(labelSalaries(lab.Salary), gotSalaries(got.Salary))
	r.Exact["years"] = (lab.MinYears == nil) == (got.MinYearsExperience == nil) &&
		(lab.MinYears == nil || *lab.MinYears == *got.MinYearsExperience)
	r.Exact["education"] = sameSet(lab.Education.Required, got.Education.Required) &&
		sameSet(lab.Education.Preferred, got.Education.Preferred)
	r.Exact["role"] = lab.Role == got.Role
	r.Exact["levels"] = sameSet(lab.Levels, got.Levels)
	r.Exact["language"] = strings.EqualFold(lab.Language, got.Language)
	return r
}

// sameSet compares two lists as sets, case-insensitively.
func sameSet(a, b []string) bool {
	set := func(l []string) string {
		m := map[string]bool{}
		for _, s := range l {
			m[strings.ToLower(strings.TrimSpace(s))] = true
		}
		k := make([]string, 0, len(m))
		for s := range m {
			k = append(k, s)
		}
		sort.Strings(k)
		return strings.Join(k, "\x00")
	}
	return set(a) == set(b)
}

// locationKey is what PROTOCOL.md compares of a place: city, region, ISO
// country and the remote flag. A label the model could not split (Name
// only) matches nothing.
func locationKey(city, region, country string, remote bool) string {
	return fmt.Sprintf("%s|%s|%s|remote=%t", strings.TrimSpace(city), strings.TrimSpace(region), strings.ToUpper(strings.TrimSpace(country)), remote)
}

func labelLocations(l []Location) []string {
	out := []string{}
	for _, x := range l {
		out = append(out, locationKey(x.City, x.Region, x.Country, x.Remote))
	}
	return out
}

func gotLocations(l []model.Location) []string {
	out := []string{}
	for _, x := range l {
		k := locationKey(x.City, x.Region, x.Country, x.Remote)
		if x.Name != "" && x.City == "" && x.Country == "" {
			k = "unsplit:" + x.Name
		}
		out = append(out, k)
	}
	return out
}

func salaryKey(min, max float64, currency, period string) string {
	return fmt.Sprintf("%g-%g %s/%s", min, max, strings.ToUpper(currency), strings.ToLower(period))
}

func labelSalaries(l []Salary) []string {
	out := []string{}
	for _, s := range l {
		out = append(out, salaryKey(s.Min, s.Max, s.Currency, s.Period))
	}
	return out
}

func gotSalaries(l []model.Salary) []string {
	out := []string{}
	for _, s := range l {
		out = append(out, salaryKey(s.Min, s.Max, s.Currency, s.Period))
	}
	return out
}

// Metrics are the scores of a set of postings.
type Metrics struct {
	Postings                       int
	TP, FP, FN                     int
	Misplaced, Mentioned, Labelled int
	Exact                          map[string]int // postings exact per field
}

// Add scores one more posting.
func (m *Metrics) Add(r Result) {
	if m.Exact == nil {
		m.Exact = map[string]int{}
	}
	m.Postings++
	m.TP += r.TP
	m.FP += r.FP
	m.FN += r.FN
	m.Misplaced += r.Misplaced
	m.Mentioned += r.Mentioned
	m.Labelled += r.Labelled
	for f, ok := range r.Exact {
		if ok {
			m.Exact[f]++
		}
	}
}

// Precision, Recall and F1 of the bucketed skills (micro-averaged); NaN-free:
// 0 when undefined.
func (m Metrics) Precision() float64 { return ratio(m.TP, m.TP+m.FP) }
func (m Metrics) Recall() float64    { return ratio(m.TP, m.TP+m.FN) }
func (m Metrics) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// MisplacedRate is the share of labelled skills found in the other bucket.
func (m Metrics) MisplacedRate() float64 { return ratio(m.Misplaced, m.Labelled) }

// Accuracy is the share of postings exact in a field.
func (m Metrics) Accuracy(field string) float64 { return ratio(m.Exact[field], m.Postings) }

// Value is a metric by its targets.yaml key.
func (m Metrics) Value(key string) float64 {
	switch key {
	case "skills_f1":
		return m.F1()
	case "skills_precision":
		return m.Precision()
	case "skills_recall":
		return m.Recall()
	case "misplaced":
		return m.MisplacedRate()
	case "mentioned":
		return ratio(m.Mentioned, m.Labelled)
	}
	return m.Accuracy(key)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Part is the result's part, "dev" or "test" (SPLIT.md).
func (r Result) Part() string { return partOf(r.Slug, r.Batch, r.SplitWith) }
