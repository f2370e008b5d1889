// Package corpus is the evaluation harness of the role/skill model on the
// real-world labelled corpus (testdata/, labelled per PROTOCOL.md): it loads
// and checks the labels, turns every document into model.Raw through the
// real adapter of its format, normalizes it, and scores the model against
// the labels per field, on a frozen dev/test split (SPLIT.md).
package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
	htmlsel "github.com/careers-watcher/careers-watcher/internal/scrape/html"
)

// Formats are the document formats PROTOCOL.md allows.
var Formats = []string{
	"greenhouse", "lever", "ashby", "smartrecruiters", "workable", "recruitee",
	"personio", "workday", "eightfold", "jsonld", "html", "text",
}

// Roles are the role families PROTOCOL.md allows.
var Roles = []string{
	"Research Scientist", "Research Engineer", "Machine Learning Engineer",
	"Software Engineer", "Data Engineer", "Data Scientist", "Analytics Engineer",
	"Data Analyst", "Engineering Manager", "Data Science Manager", "Product Manager",
	"Program Manager", "Designer", "UX Researcher", "Site Reliability Engineer",
	"Security Engineer", "Other",
}

// Label is one labels/<slug>.yaml file.
type Label struct {
	Slug       string     `yaml:"-"` // the file name without .yaml
	File       string     `yaml:"-"` // path of the label file
	Doc        string     `yaml:"doc"`
	Format     string     `yaml:"format"`
	Company    string     `yaml:"company"`
	Provenance Provenance `yaml:"provenance"`
	Trimmed    bool       `yaml:"trimmed"`
	Batch      int        `yaml:"batch"`      // 1 (or absent): seeded split; 2: held-out test batch (SPLIT.md)
	SplitWith  string     `yaml:"split_with"` // company rule: the slug of the company's first document, whose side this one takes (SPLIT.md)
	Raw        *RawHints  `yaml:"raw"`
	Postings   []Posting  `yaml:"postings"`
}

// Provenance says where the document comes from.
type Provenance struct {
	Repo    string `yaml:"repo"`
	Path    string `yaml:"path"`
	Commit  string `yaml:"commit"`
	Licence string `yaml:"licence"`
	URL     string `yaml:"url"`
}

// RawHints is what a listing page shows beside a text or html document.
type RawHints struct {
	Locations []string   `yaml:"locations"`
	Team      string     `yaml:"team"`
	Workplace string     `yaml:"workplace"`
	Selectors *Selectors `yaml:"selectors"` // html documents
}

// Selectors are the html adapter's CSS selectors (config selectors).
type Selectors struct {
	Item        string `yaml:"item"`
	Title       string `yaml:"title"`
	Link        string `yaml:"link"`
	Location    string `yaml:"location"`
	Team        string `yaml:"team"`
	Next        string `yaml:"next"`
	Description string `yaml:"description"`
}

func (r *RawHints) selectors() *Selectors {
	if r == nil {
		return nil
	}
	return r.Selectors
}

func (s Selectors) config() htmlsel.Selectors {
	return htmlsel.Selectors{Item: s.Item, Title: s.Title, Link: s.Link, Location: s.Location,
		Team: s.Team, Next: s.Next, Description: s.Description}
}

// Posting is the label of one posting.
type Posting struct {
	ID        string     `yaml:"id"`
	Title     string     `yaml:"title"`
	Language  string     `yaml:"language"`
	Role      string     `yaml:"role"`
	Levels    []string   `yaml:"levels"`
	Skills    Buckets    `yaml:"skills"`
	Education Buckets    `yaml:"education"`
	MinYears  *int       `yaml:"min_years"`
	Salary    []Salary   `yaml:"salary"`
	Locations []Location `yaml:"locations"`
	Notes     string     `yaml:"notes"`
}

// Buckets are labelled skills or degrees by how they are asked for.
type Buckets struct {
	Required  []string `yaml:"required"`
	Preferred []string `yaml:"preferred"`
}

// Salary is one labelled pay range.
type Salary struct {
	Min      float64 `yaml:"min"`
	Max      float64 `yaml:"max"`
	Currency string  `yaml:"currency"`
	Period   string  `yaml:"period"`
}

// Location is one labelled place.
type Location struct {
	City    string `yaml:"city"`
	Region  string `yaml:"region"`
	Country string `yaml:"country"`
	Remote  bool   `yaml:"remote"`
}

var (
	commitRE   = regexp.MustCompile(`^[0-9a-f]{40}$`)
	langRE     = regexp.MustCompile(`^[a-z]{2}$`)
	countryRE  = regexp.MustCompile(`^[A-Z]{2}$`)
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
	periods    = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true}
)

// Load reads every labels/*.yaml under dir (the testdata folder) and checks
// each against the protocol. It returns the labels that passed, sorted by
// slug, and one error per problem, naming the file.
func Load(dir string) ([]*Label, []error) {
	files, err := filepath.Glob(filepath.Join(dir, "labels", "*.yaml"))
	if err != nil {
		return nil, []error{fmt.Errorf("corpus: %s: %w", dir, err)}
	}
	sort.Strings(files)
	var out []*Label
	var errs []error
	docs := map[string]string{} // doc file -> label file
	ids := map[string]string{}  // format/company/id -> label file
	for _, f := range files {
		l, err := parseLabel(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if e := l.check(dir); len(e) > 0 {
			errs = append(errs, e...)
			continue
		}
		if prev, ok := docs[l.Doc]; ok {
			errs = append(errs, fmt.Errorf("corpus: %s: doc %q is already labelled by %s", f, l.Doc, prev))
			continue
		}
		docs[l.Doc] = f
		dup := false
		for _, p := range l.Postings {
			k := l.Format + "\x00" + strings.ToLower(l.Company) + "\x00" + p.ID
			if prev, ok := ids[k]; ok && l.Format != "text" && l.Format != "html" {
				errs = append(errs, fmt.Errorf("corpus: %s: posting %q of %s on %s is already labelled in %s", f, p.ID, l.Company, l.Format, prev))
				dup = true
			}
			ids[k] = f
		}
		if !dup {
			out = append(out, l)
		}
	}
	all, _ := filepath.Glob(filepath.Join(dir, "docs", "*"))
	for _, d := range all {
		if _, ok := docs[filepath.Base(d)]; !ok && !labelled(files, filepath.Base(d)) {
			errs = append(errs, fmt.Errorf("corpus: %s: no label file names this document", d))
		}
	}
	return out, errs
}

// labelled reports whether a label file that failed its checks still names
// doc (its problem is reported already).
func labelled(files []string, doc string) bool {
	for _, f := range files {
		if l, err := parseLabel(f); err == nil && l.Doc == doc {
			return true
		}
	}
	return false
}

func parseLabel(file string) (*Label, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	var l Label
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", file, err)
	}
	l.File = file
	l.Slug = strings.TrimSuffix(filepath.Base(file), ".yaml")
	return &l, nil
}

// check is the protocol's rules on one label.
func (l *Label) check(dir string) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("corpus: %s: "+format, append([]any{l.File}, args...)...))
	}
	if !slugRE.MatchString(l.Slug) {
		bad("slug %q: use lower-case letters, digits, '-' and '_'", l.Slug)
	}
	if l.Doc == "" {
		bad("doc: missing")
	} else if filepath.Base(l.Doc) != l.Doc {
		bad("doc %q: a file name in docs/, not a path", l.Doc)
	} else if st, err := os.Stat(filepath.Join(dir, "docs", l.Doc)); err != nil || st.IsDir() {
		bad("doc %q: no such file in docs/", l.Doc)
	}
	if !contains(Formats, l.Format) {
		bad("format %q: unknown (one of %s)", l.Format, strings.Join(Formats, ", "))
	}
	if strings.TrimSpace(l.Company) == "" {
		bad("company: missing")
	}
	if l.Batch < 0 || l.Batch > HeldOutBatch {
		bad("batch %d: 1 (or absent) or %d", l.Batch, HeldOutBatch)
	}
	if l.SplitWith != "" && (!slugRE.MatchString(l.SplitWith) || l.SplitWith == l.Slug) {
		bad("split_with %q: the slug of another label file (the company's first document)", l.SplitWith)
	}
	p := l.Provenance
	for _, f := range []struct{ key, v string }{{"repo", p.Repo}, {"path", p.Path}, {"commit", p.Commit}, {"licence", p.Licence}} {
		if strings.TrimSpace(f.v) == "" {
			bad("provenance.%s: missing", f.key)
		}
	}
	if p.Repo != "" && strings.Count(p.Repo, "/") != 1 {
		bad("provenance.repo %q: not owner/name", p.Repo)
	}
	if p.Commit != "" && !commitRE.MatchString(p.Commit) {
		bad("provenance.commit %q: not 40 lower-case hex digits", p.Commit)
	}
	switch l.Format {
	case "text":
		if l.Raw == nil {
			bad("raw: missing (text documents need raw.locations)")
			break
		}
		for i := 1; i < len(l.Raw.Locations); i++ {
			if c, prev := l.Raw.Locations[i], l.Raw.Locations[i-1]; stateCodes[c] && !countryOrRemote(prev) {
				// [Stanford, CA] is two labels in a YAML flow list (session
				// 35); [Germany, CA] and [Remote, US] are two places
				bad("raw.locations: %q after %q reads as two labels: write the one label quoted (\"%s, %s\")",
					c, prev, prev, c)
			}
		}
	case "html":
		switch sel := l.Raw.selectors(); {
		case sel == nil:
			bad("raw.selectors: missing (html documents)")
		case sel.Item == "" && sel.Description == "":
			bad("raw.selectors: a listing page needs item and title, a posting's own page description")
		case sel.Item != "" && sel.Title == "":
			bad("raw.selectors.title: missing (a listing page)")
		}
	default:
		if l.Raw != nil {
			bad("raw: only text and html documents take raw")
		}
	}
	if len(l.Postings) == 0 {
		bad("postings: none")
	}
	seen := map[string]bool{}
	for i, q := range l.Postings {
		where := fmt.Sprintf("postings[%d]", i)
		if q.ID == "" {
			bad("%s: id missing", where)
		} else if seen[q.ID] {
			bad("%s: id %q repeated", where, q.ID)
		}
		seen[q.ID] = true
		if (l.Format == "text" || l.Format == "html") && strings.TrimSpace(q.Title) == "" {
			bad("%s %q: title missing (text and html documents)", where, q.ID)
		}
		if !langRE.MatchString(q.Language) {
			bad("%s %q: language %q is not an ISO 639-1 code", where, q.ID, q.Language)
		}
		if !contains(Roles, q.Role) {
			bad("%s %q: role %q is not one of the protocol's", where, q.ID, q.Role)
		}
		for _, d := range append(append([]string{}, q.Education.Required...), q.Education.Preferred...) {
			if d != "Bachelor's" && d != "Master's" && d != "PhD" {
				bad("%s %q: education %q is not Bachelor's, Master's or PhD", where, q.ID, d)
			}
		}
		for _, s := range q.Salary {
			if s.Min <= 0 || s.Max < s.Min || !currencyRE.MatchString(s.Currency) || !periods[s.Period] {
				bad("%s %q: salary %+v: want min > 0, max >= min, an ISO 4217 currency and a period of year, month, week, day or hour", where, q.ID, s)
			}
		}
		for _, c := range q.Locations {
			if c.Country != "" && !countryRE.MatchString(c.Country) {
				bad("%s %q: location country %q is not ISO 3166-1 alpha-2", where, q.ID, c.Country)
			}
		}
		if q.MinYears != nil && (*q.MinYears < 0 || *q.MinYears > 40) {
			bad("%s %q: min_years %d", where, q.ID, *q.MinYears)
		}
	}
	return errs
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// stateCodes are the postal codes of the US states and Canada's provinces
// and territories: a place's second half ("Stanford, CA", "Toronto, ON").
var stateCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY " +
		"NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AB BC MB NB NL NS NT NU ON PE QC SK YT") {
		m[c] = true
	}
	return m
}()

// countryOrRemote says whether a location label names a country alone or
// remote work, which a second label beside it does not continue.
func countryOrRemote(label string) bool {
	l := normalize.Location(label)
	return l.Remote || l.Country != "" && l.City == "" && l.Region == ""
}
