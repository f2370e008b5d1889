package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// Eval is the corpus scored: one Result per labelled posting that could be
// read, and the problems met (label, document or adapter), each naming the
// file.
type Eval struct {
	Labels  []*Label
	Results []Result
	Errors  []error
	// DevLabels, when set, are the dev documents UnseenTest compares
	// companies with (all of the corpus's, when Results are a subset);
	// unset, the dev postings of Results.
	DevLabels []*Label
}

// Evaluate loads the labels under dir, reads every document through its
// adapter, normalizes with n and scores.
func Evaluate(ctx context.Context, dir string, n *normalize.Normalizer) Eval {
	labels, errs := Load(dir)
	e := Eval{Labels: labels, Errors: errs}
	for _, l := range labels {
		raws, err := Raws(ctx, dir, l)
		if err != nil {
			e.Errors = append(e.Errors, err)
		}
		for _, p := range l.Postings {
			r, ok := raws[p.ID]
			if !ok {
				continue
			}
			got := n.Normalize(l.Slug, l.Company, r)
			res := Score(l.Slug, l.Format, l.Company, p, got)
			res.Batch = l.Batch
			res.SplitWith = l.SplitWith
			e.Results = append(e.Results, res)
		}
	}
	return e
}

// Part returns the metrics of one part ("dev", "test" or "" for all), in
// total and per format.
func (e Eval) Part(part string) (Metrics, map[string]Metrics) {
	var all Metrics
	per := map[string]Metrics{}
	for _, r := range e.Results {
		if part != "" && r.Part() != part {
			continue
		}
		all.Add(r)
		m := per[r.Format]
		m.Add(r)
		per[r.Format] = m
	}
	return all, per
}

// Targets is targets.yaml.
type Targets struct {
	Targets map[string]float64 `yaml:"targets"`
	Floor   map[string]float64 `yaml:"floor"`
}

// LoadTargets reads targets.yaml; keys must be metric keys.
func LoadTargets(file string) (Targets, error) {
	var t Targets
	b, err := os.ReadFile(file)
	if err != nil {
		return t, fmt.Errorf("corpus: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return t, fmt.Errorf("corpus: %s: %w", file, err)
	}
	for _, m := range []map[string]float64{t.Targets, t.Floor} {
		for k, v := range m {
			if !contains(MetricKeys, k) {
				return t, fmt.Errorf("corpus: %s: unknown metric %q (one of %s)", file, k, strings.Join(MetricKeys, ", "))
			}
			if v < 0 || v > 1 || math.IsNaN(v) {
				return t, fmt.Errorf("corpus: %s: %s: %g is not in [0, 1]", file, k, v)
			}
		}
	}
	return t, nil
}

// MetricKeys are the keys of targets.yaml, in table order.
var MetricKeys = append([]string{"skills_f1", "misplaced"}, Fields...)

// SuggestFloor is the floor block of targets.yaml from a part's figures:
// each value less 0.02, rounded down to two decimals (misplaced, a maximum:
// plus 0.02, rounded up), never below 0 or above 1.
func SuggestFloor(m Metrics) string {
	var b strings.Builder
	b.WriteString("floor:\n")
	for _, k := range MetricKeys {
		v := m.Value(k)
		f := math.Floor((v-0.02)*100+1e-9) / 100
		if k == "misplaced" {
			f = math.Ceil((v+0.02)*100-1e-9) / 100
		}
		f = math.Max(0, math.Min(1, f))
		fmt.Fprintf(&b, "  %s: %.2f\n", k, f)
	}
	return b.String()
}

// Meets says whether value v passes threshold t for metric key (misplaced
// is a maximum, the others minimums).
func Meets(key string, v, t float64) bool {
	if key == "misplaced" {
		return v <= t+1e-9
	}
	return v >= t-1e-9
}

// Table renders the per-field table of dev and test.
func (e Eval) Table(t Targets) string {
	dev, _ := e.Part("dev")
	test, _ := e.Part("test")
	unseen := e.UnseenTest()
	var b strings.Builder
	fmt.Fprintf(&b, "%-26s %18s %18s %8s %7s  %-14s %s\n", "field", "dev", "test", "target", "floor", "test vs target", "test, new companies")
	row := func(name, key string, d, s float64, cnt func(Metrics) string) {
		tv, hasT := t.Targets[key]
		fv, hasF := t.Floor[key]
		ts, fs, status := "-", "-", ""
		if hasT {
			ts = fmt.Sprintf("%.2f", tv)
			status = "not met"
			if test.Postings > 0 && Meets(key, s, tv) {
				status = "met"
			}
		}
		if hasF {
			fs = fmt.Sprintf("%.2f", fv)
		}
		cell := func(v float64, m Metrics) string { return fmt.Sprintf("%.3f %s", v, cnt(m)) }
		if skillKeys[key] {
			// A part with no skill labelled required or preferred and none
			// found has no skills figure: "no skills", not 0.000 not met.
			cell = func(v float64, m Metrics) string {
				if m.TP+m.FP+m.FN == 0 {
					return "no skills"
				}
				return fmt.Sprintf("%.3f %s", v, cnt(m))
			}
			if test.TP+test.FP+test.FN == 0 && hasT {
				status = "no skills"
			}
		}
		fmt.Fprintf(&b, "%-26s %18s %18s %8s %7s  %-14s %s\n", name, cell(d, dev), cell(s, test), ts, fs, status, unseenCell(unseen, key, cnt))
	}
	skills := func(m Metrics) string { return fmt.Sprintf("(%d/%d)", m.TP, m.Labelled) }
	row("skills F1 (req+pref)", "skills_f1", dev.F1(), test.F1(), skills)
	row("  skills precision", "skills_precision", dev.Precision(), test.Precision(), func(m Metrics) string { return fmt.Sprintf("(%d/%d)", m.TP, m.TP+m.FP) })
	row("  skills recall", "skills_recall", dev.Recall(), test.Recall(), skills)
	row("  misplaced (max)", "misplaced", dev.MisplacedRate(), test.MisplacedRate(), func(m Metrics) string { return fmt.Sprintf("(%d/%d)", m.Misplaced, m.Labelled) })
	row("  missed, as mentioned", "mentioned", ratio(dev.Mentioned, dev.Labelled), ratio(test.Mentioned, test.Labelled), func(m Metrics) string { return fmt.Sprintf("(%d/%d)", m.Mentioned, m.Labelled) })
	for _, f := range Fields {
		row(f+" exact", f, dev.Accuracy(f), test.Accuracy(f), func(m Metrics) string { return fmt.Sprintf("(%d/%d)", m.Exact[f], m.Postings) })
	}
	fmt.Fprintf(&b, "(test, new companies: the %d test postings of companies with no posting in dev; a company's template text on both sides lifts the test column)\n", unseen.Postings)
	return b.String()
}

// skillKeys are the table rows that are figures of labelled or found skills.
var skillKeys = map[string]bool{"skills_f1": true, "skills_precision": true, "skills_recall": true, "misplaced": true, "mentioned": true}

// UnseenTest returns the metrics of the test postings whose company has no
// posting in the dev part (by name, case and spacing ignored): what the
// extractor makes of a company it was never tuned on.
func (e Eval) UnseenTest() Metrics {
	key := func(c string) string { return strings.Join(strings.Fields(strings.ToLower(c)), " ") }
	seen := map[string]bool{}
	for _, r := range e.Results {
		if e.DevLabels == nil && r.Part() == "dev" {
			seen[key(r.Company)] = true
		}
	}
	for _, l := range e.DevLabels {
		seen[key(l.Company)] = true
	}
	var m Metrics
	for _, r := range e.Results {
		if r.Part() == "test" && !seen[key(r.Company)] {
			m.Add(r)
		}
	}
	return m
}

// unseenCell is the Table's "test, new companies" cell of key: hidden
// under MinTestCell postings, as the test cells of the other tables are.
func unseenCell(m Metrics, key string, cnt func(Metrics) string) string {
	if m.Postings > 0 && m.Postings < MinTestCell {
		return fmt.Sprintf("hidden (%d)", m.Postings)
	}
	if skillKeys[key] && m.TP+m.FP+m.FN == 0 {
		return "no skills"
	}
	return fmt.Sprintf("%.3f %s", m.Value(key), cnt(m))
}

// FormatTable renders skills F1 per source format, dev and test.
func (e Eval) FormatTable() string {
	_, dev := e.Part("dev")
	_, test := e.Part("test")
	var formats []string
	for _, f := range Formats {
		if dev[f].Postings+test[f].Postings > 0 {
			formats = append(formats, f)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %26s %26s\n", "format", "dev skills F1 (postings)", "test skills F1 (postings)")
	cell := func(m Metrics) string {
		if m.Postings == 0 {
			return "-"
		}
		return f1Cell(m)
	}
	sizes := map[string]int{}
	for _, f := range formats {
		sizes[f] = test[f].Postings
	}
	hidden := HiddenTestCells(sizes)
	testCell := func(f string) string {
		if hidden[f] {
			return fmt.Sprintf("hidden (%d)", test[f].Postings)
		}
		return cell(test[f])
	}
	for _, f := range formats {
		fmt.Fprintf(&b, "%-16s %26s %26s\n", f, cell(dev[f]), testCell(f))
	}
	return b.String()
}

// LanguageTable renders skills F1 per labelled language, dev and test.
func (e Eval) LanguageTable() string {
	dev, test := map[string]*Metrics{}, map[string]*Metrics{}
	var langs []string
	for _, r := range e.Results {
		m := dev
		if r.Part() == "test" {
			m = test
		}
		l := r.Label.Language
		if dev[l] == nil && test[l] == nil {
			langs = append(langs, l)
		}
		if m[l] == nil {
			m[l] = &Metrics{}
		}
		m[l].Add(r)
	}
	sort.Strings(langs)
	cell := func(m *Metrics) string {
		if m == nil {
			return "-"
		}
		return f1Cell(*m)
	}
	sizes := map[string]int{}
	for l, m := range test {
		sizes[l] = m.Postings
	}
	hidden := HiddenTestCells(sizes)
	testCell := func(l string) string {
		if hidden[l] {
			return fmt.Sprintf("hidden (%d)", test[l].Postings)
		}
		return cell(test[l])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %26s %26s\n", "language", "dev skills F1 (postings)", "test skills F1 (postings)")
	for _, l := range langs {
		fmt.Fprintf(&b, "%-16s %26s %26s\n", l, cell(dev[l]), testCell(l))
	}
	return b.String()
}

// Counts are the corpus's size figures against issue 9's minimums.
type Counts struct {
	Documents, Postings, Companies, Formats, WithPay, OutsideUS, NotEnglish int
}

// Minimums are issue 9's corpus minimums.
var Minimums = Counts{Postings: 150, Companies: 60, Formats: 6, WithPay: 20, OutsideUS: 15, NotEnglish: 5}

// Count counts the labelled postings of the loaded labels (of part, or all
// for ""). A posting is outside the US when a labelled place has a country
// other than US.
func (e Eval) Count(part string) Counts {
	var c Counts
	companies, formats := map[string]bool{}, map[string]bool{}
	for _, l := range e.Labels {
		if part != "" && PartOf(l) != part {
			continue
		}
		c.Documents++
		for _, p := range l.Postings {
			c.Postings++
			companies[strings.ToLower(strings.TrimSpace(l.Company))] = true
			formats[l.Format] = true
			if len(p.Salary) > 0 {
				c.WithPay++
			}
			for _, loc := range p.Locations {
				if loc.Country != "" && loc.Country != "US" {
					c.OutsideUS++
					break
				}
			}
			if p.Language != "en" {
				c.NotEnglish++
			}
		}
	}
	c.Companies, c.Formats = len(companies), len(formats)
	return c
}

// CountTable renders the counts of dev, test and all against the minimums.
func (e Eval) CountTable() string {
	dev, test, all := e.Count("dev"), e.Count("test"), e.Count("")
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %6s %6s %6s %8s\n", "corpus", "dev", "test", "all", "minimum")
	fmt.Fprintf(&b, "%-22s %6d %6d %6d %8s  test part %.0f%% of documents, %.0f%% of postings (issue 9: at least 40%%)\n",
		"documents", dev.Documents, test.Documents, all.Documents, "-", 100*ratio(test.Documents, all.Documents), 100*ratio(test.Postings, all.Postings))
	for _, r := range []struct {
		name          string
		d, t, a, want int
	}{
		{"postings", dev.Postings, test.Postings, all.Postings, Minimums.Postings},
		{"companies", dev.Companies, test.Companies, all.Companies, Minimums.Companies},
		{"source formats", dev.Formats, test.Formats, all.Formats, Minimums.Formats},
		{"with pay", dev.WithPay, test.WithPay, all.WithPay, Minimums.WithPay},
		{"outside the US", dev.OutsideUS, test.OutsideUS, all.OutsideUS, Minimums.OutsideUS},
		{"not in English", dev.NotEnglish, test.NotEnglish, all.NotEnglish, Minimums.NotEnglish},
	} {
		status := "met"
		if r.a < r.want {
			status = "not met"
		}
		fmt.Fprintf(&b, "%-22s %6d %6d %6d %8d  %s\n", r.name, r.d, r.t, r.a, r.want, status)
	}
	return b.String()
}

// Failures renders the per-posting differences of the dev part. It refuses
// any other part: the test part is only measured.
func (e Eval) Failures(part string) (string, error) {
	if part != "dev" {
		return "", fmt.Errorf("corpus: failures of part %q: only the dev part's differences may be printed (the test part is only measured)", part)
	}
	var b strings.Builder
	rs := append([]Result(nil), e.Results...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Slug < rs[j].Slug })
	for _, r := range rs {
		if r.Part() != "dev" {
			continue
		}
		var lines []string
		if len(r.SkillDiff) > 0 {
			lines = append(lines, "  skills: "+strings.Join(r.SkillDiff, ", "))
		}
		for _, f := range Fields {
			if r.Exact[f] {
				continue
			}
			lines = append(lines, fmt.Sprintf("  %s: want %s, got %s", f, wantField(r.Label, f), gotField(r.Got, f)))
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s [%s] %s %q\n%s\n", r.Slug, r.Format, r.Label.ID, r.Got.Title, strings.Join(lines, "\n"))
	}
	return b.String(), nil
}

func wantField(p Posting, f string) string {
	switch f {
	case "locations":
		return fmt.Sprint(labelLocations(p.Locations))
	case "salary":
		return fmt.Sprint(labelSalaries(p.Salary))
	case "years":
		if p.MinYears == nil {
			return "null"
		}
		return fmt.Sprint(*p.MinYears)
	case "education":
		return fmt.Sprintf("required %v preferred %v", p.Education.Required, p.Education.Preferred)
	case "role":
		return strconvQuote(p.Role)
	case "levels":
		return fmt.Sprint(p.Levels)
	case "language":
		return strconvQuote(p.Language)
	}
	return ""
}

func gotField(p model.Posting, f string) string {
	switch f {
	case "locations":
		return fmt.Sprint(gotLocations(p.Locations))
	case "salary":
		return fmt.Sprint(gotSalaries(p.Salary))
	case "years":
		if p.MinYearsExperience == nil {
			return "null"
		}
		return fmt.Sprint(*p.MinYearsExperience)
	case "education":
		return fmt.Sprintf("required %v preferred %v", p.Education.Required, p.Education.Preferred)
	case "role":
		return strconvQuote(p.Role)
	case "levels":
		return fmt.Sprint(p.Levels)
	case "language":
		return strconvQuote(p.Language)
	}
	return ""
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// DevHalves splits the dev part's documents in two halves for tuning with a
// held-back check by HalfOf (a frozen hash of the slug; until 2026-12-01
// the sorted slugs were cut in two, which moved studied documents into half
// b whenever documents were added). One half is studied posting by posting, the
// other only by its aggregate, so that a change is kept only when it also
// helps (or does not hurt) postings nobody looked at.
func (e Eval) DevHalves() (a, b map[string]bool) {
	a, b = map[string]bool{}, map[string]bool{}
	for _, l := range e.Labels {
		if PartOf(l) != "dev" {
			continue
		}
		if HalfOf(l.Slug) == "a" {
			a[l.Slug] = true
		} else {
			b[l.Slug] = true
		}
	}
	return a, b
}

// HalfOf is a dev document's half, "a" or "b", by a frozen hash of its
// slug (SHA-256 of seed + ":half:" + slug, first byte below 128 is a), so
// that adding documents never moves a studied document into half b.
func HalfOf(slug string) string {
	sum := sha256.Sum256([]byte(Seed + ":half:" + slug))
	if sum[0] < 128 {
		return "a"
	}
	return "b"
}

// MinTestCell is the fewest test postings a per-format or per-language
// cell shows a figure for: a cell of one or two postings would be those
// postings' own scores.
const MinTestCell = 5

// HiddenTestCells returns the test cells of one kind (the formats, or the
// languages) that show no figure, given each cell's number of test
// postings: every cell of 1 to MinTestCell-1 postings, and then, while the
// hidden cells add up to 1 to MinTestCell-1 postings, also the smallest
// cell still shown (ties by name). Otherwise the test part's overall
// figures minus the shown cells would give the hidden postings' own.
func HiddenTestCells(postings map[string]int) map[string]bool {
	hidden := map[string]bool{}
	sum := 0
	var shown []string
	for name, n := range postings {
		switch {
		case n <= 0:
		case n < MinTestCell:
			hidden[name] = true
			sum += n
		default:
			shown = append(shown, name)
		}
	}
	sort.Slice(shown, func(i, j int) bool {
		if postings[shown[i]] != postings[shown[j]] {
			return postings[shown[i]] < postings[shown[j]]
		}
		return shown[i] < shown[j]
	})
	for len(shown) > 0 && sum > 0 && sum < MinTestCell {
		hidden[shown[0]] = true
		sum += postings[shown[0]]
		shown = shown[1:]
	}
	return hidden
}

// Half is the metrics of dev half "a" or "b" (DevHalves).
func (e Eval) Half(half string) (Metrics, error) {
	set, err := e.halfSet(half)
	if err != nil {
		return Metrics{}, err
	}
	var m Metrics
	for _, r := range e.Results {
		if r.Part() == "dev" && set[r.Slug] {
			m.Add(r)
		}
	}
	return m, nil
}

func (e Eval) halfSet(half string) (map[string]bool, error) {
	a, b := e.DevHalves()
	switch half {
	case "a":
		return a, nil
	case "b":
		return b, nil
	}
	return nil, fmt.Errorf("corpus: dev half %q: one of a, b", half)
}

// HalfTable renders the skills aggregates of both dev halves.
func (e Eval) HalfTable() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s %6s %9s %9s %9s %14s\n", "half", "posts", "F1", "P", "R", "misplaced")
	for _, h := range []string{"a", "b"} {
		m, _ := e.Half(h)
		fmt.Fprintf(&b, "%-6s %6d %9.3f %9.3f %9.3f %7.3f (%d/%d)\n", h, m.Postings, m.F1(), m.Precision(), m.Recall(), m.MisplacedRate(), m.Misplaced, m.Labelled)
	}
	return b.String()
}

// HalfFailures renders the per-posting differences of one dev half only.
func (e Eval) HalfFailures(half string) (string, error) {
	set, err := e.halfSet(half)
	if err != nil {
		return "", err
	}
	sub := Eval{Labels: e.Labels}
	for _, r := range e.Results {
		if set[r.Slug] {
			sub.Results = append(sub.Results, r)
		}
	}
	return sub.Failures("dev")
}

// f1Cell is a table cell of a group's skills F1 and its postings; a group
// with no skill labelled required or preferred and none found is "no
// skills", not an F1 of 0.
func f1Cell(m Metrics) string {
	if m.TP+m.FP+m.FN == 0 {
		return fmt.Sprintf("no skills (%d)", m.Postings)
	}
	return fmt.Sprintf("%.3f (%d)", m.F1(), m.Postings)
}
