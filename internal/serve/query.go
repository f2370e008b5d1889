package serve

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Query selects and orders open postings: the notifiers' filter language
// (internal/notify/filter) plus a sort key and a page.
type Query struct {
	Source   string   // "" = every source
	Title    string   // words that the title contains (not a regex: quoted)
	Roles    []string // filter roles
	Levels   []string // filter levels ("L5", "L5+", "L4-L6", "Senior")
	Skills   []string // any of them required or preferred
	Location []string // city, region, country code, label or "remote"
	MinPay   float64  // yearly, in Currency
	Currency string   // default USD when MinPay is set
	Sort     string   // title, role, level, posted, pay, id (default); "-" first = descending
	Page     int      // 1-based
	PerPage  int      // default 50, at most 500
}

// SortKeys are the keys Query.Sort takes.
var SortKeys = []string{"id", "title", "role", "level", "location", "posted", "pay"}

// Filter is the notifier filter the query stands for.
func (q Query) Filter() filter.Filter {
	f := filter.Filter{Roles: q.Roles, Levels: q.Levels, SkillsAny: q.Skills, Locations: q.Location, MinPay: q.MinPay}
	if q.Title != "" {
		f.TitleRegex = regexp.QuoteMeta(q.Title)
	}
	if q.MinPay > 0 {
		f.MinPayCurrency = q.Currency
		if f.MinPayCurrency == "" {
			f.MinPayCurrency = "USD"
		}
	}
	return f
}

// Page is one page of a query's answer.
type Page struct {
	Postings []model.Posting `json:"postings"`
	Total    int             `json:"total"` // postings that match
	Page     int             `json:"page"`
	PerPage  int             `json:"per_page"`
	Pages    int             `json:"pages"`
}

// Check compiles the query's filter and checks its sort key.
func (q Query) Check() (*filter.Compiled, error) {
	if q.MinPay < 0 {
		return nil, fmt.Errorf("min_pay: negative")
	}
	if math.IsNaN(q.MinPay) || math.IsInf(q.MinPay, 0) {
		return nil, fmt.Errorf("min_pay: not a number")
	}
	if !utf8.ValidString(q.Title) {
		return nil, fmt.Errorf("title: not valid UTF-8 text")
	}
	for _, f := range []struct {
		key string
		l   []string
	}{{"roles", q.Roles}, {"levels", q.Levels}, {"skills_any", q.Skills}, {"locations", q.Location}} {
		for _, v := range f.l {
			if !utf8.ValidString(v) {
				return nil, fmt.Errorf("%s: %q: not valid UTF-8 text", f.key, strings.ToValidUTF8(v, "\ufffd"))
			}
		}
	}
	c, err := q.Filter().Compile()
	if err != nil {
		return nil, err
	}
	key := strings.TrimPrefix(q.Sort, "-")
	if q.Sort != "" && !contains(SortKeys, key) {
		return nil, fmt.Errorf("sort %q: use one of %s (a leading - sorts descending)", q.Sort, strings.Join(SortKeys, ", "))
	}
	return c, nil
}

// Select filters, sorts and pages postings. It sorts small keys (one per
// matching posting), not the postings, and copies only the page's
// postings: a request over 100,000 postings costs a few MB, not a copy of
// them.
func (q Query) Select(all []model.Posting) (Page, error) {
	c, err := q.Check()
	if err != nil {
		return Page{}, err
	}
	by := strings.TrimPrefix(q.Sort, "-")
	ks := make([]sortKey, 0, len(all))
	for i := range all {
		if c.MatchPosting(&all[i]) {
			ks = append(ks, keyOf(&all[i], by, i))
		}
	}
	desc := strings.HasPrefix(q.Sort, "-")
	slices.SortStableFunc(ks, func(a, b sortKey) int {
		c := cmp.Compare(a.f, b.f)
		if c == 0 {
			c = strings.Compare(a.s, b.s)
		}
		if c == 0 {
			c = strings.Compare(a.id, b.id)
		}
		if desc {
			return -c
		}
		return c
	})
	per := q.PerPage
	if per <= 0 {
		per = 50
	}
	per = min(per, 500)
	pages := max(1, (len(ks)+per-1)/per)
	page := min(max(q.Page, 1), pages)
	lo := min((page-1)*per, len(ks))
	hi := min(lo+per, len(ks))
	out := make([]model.Posting, 0, hi-lo)
	for _, k := range ks[lo:hi] {
		out = append(out, all[k.pos])
	}
	return Page{Postings: out, Total: len(ks), Page: page, PerPage: per, Pages: pages}, nil
}

// sortKey is what a posting is sorted by (sort key by: "pay" in f, the
// text keys in s; "id" or none: only the id), and where it is.
type sortKey struct {
	f   float64
	s   string
	id  string
	pos int
}

func keyOf(p *model.Posting, by string, pos int) sortKey {
	k := sortKey{id: p.ID, pos: pos}
	switch by {
	case "pay":
		k.f = filter.YearlyMax(p.Salary, payCurrency(p))
	case "title":
		k.s = strings.ToLower(p.Title)
	case "role":
		k.s = strings.ToLower(p.Role)
	case "level":
		k.s = strings.ToLower(strings.Join(p.Levels, ","))
	case "location":
		k.s = strings.ToLower(LocationText(p.Locations))
	case "posted":
		k.s = p.Posted
	}
	return k
}

func payCurrency(p *model.Posting) string {
	if len(p.Salary) == 0 {
		return ""
	}
	return p.Salary[0].Currency
}

// LocationText is the locations of a posting on one line.
func LocationText(ls []model.Location) string {
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		var s []string
		for _, v := range []string{l.City, l.Region, l.Country, l.Name} {
			if v != "" {
				s = append(s, v)
			}
		}
		t := strings.Join(s, ", ")
		if l.Remote {
			if t == "" {
				t = "Remote"
			} else {
				t += " (remote)"
			}
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, "; ")
}

// PayText is the pay ranges of a posting on one line.
func PayText(ss []model.Salary) string {
	parts := make([]string, 0, len(ss))
	for _, s := range ss {
		amt := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
		r := amt(s.Min)
		if s.Max != s.Min {
			r += "-" + amt(s.Max)
		}
		parts = append(parts, fmt.Sprintf("%s %s/%s", r, s.Currency, s.Period))
	}
	return strings.Join(parts, "; ")
}

// errNotANumber is ParseMinPay's error.
var errNotANumber = errors.New("not a number")

// ParseMinPay reads a pay threshold: a finite decimal number ("150000",
// "1e5", "95000.50"). NaN and Inf (which the notifiers' filter refuses
// too: a NaN threshold passed every posting), digits parted by
// underscores ("1_000") and hexadecimal ("0x1p4"), which strconv takes,
// are not. A negative number is read: Check refuses it.
func ParseMinPay(s string) (float64, error) {
	if strings.ContainsAny(s, "_xXpP") {
		return 0, errNotANumber
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, errNotANumber
	}
	return x, nil
}

// QueryFromValues reads a query from URL query parameters: q (title words),
// role, level, skill, location (each repeatable), min_pay, currency, sort,
// page, per_page.
func QueryFromValues(v url.Values) (Query, error) {
	q := Query{Title: strings.TrimSpace(v.Get("q")), Roles: nonEmpty(v["role"]), Levels: nonEmpty(v["level"]),
		Skills: nonEmpty(v["skill"]), Location: nonEmpty(v["location"]), Currency: strings.ToUpper(v.Get("currency")), Sort: v.Get("sort")}
	var err error
	if s := v.Get("min_pay"); s != "" {
		if q.MinPay, err = ParseMinPay(s); err != nil {
			return q, fmt.Errorf("min_pay %q: %w", s, err)
		}
		if q.MinPay < 0 {
			return q, fmt.Errorf("min_pay %q: negative", s)
		}
	}
	for _, p := range []struct {
		key string
		to  *int
	}{{"page", &q.Page}, {"per_page", &q.PerPage}} {
		if s := v.Get(p.key); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return q, fmt.Errorf("%s %q: not a positive number", p.key, s)
			}
			*p.to = n
		}
	}
	if q.PerPage > 500 {
		return q, fmt.Errorf("per_page %d: at most 500", q.PerPage)
	}
	if v.Get("currency") != "" && v.Get("min_pay") == "" {
		// the currency is min_pay's: alone it would filter nothing
		return q, fmt.Errorf("currency %q: it is the currency of min_pay, which is not given", v.Get("currency"))
	}
	if _, err = q.Check(); err != nil {
		return q, paramError(err)
	}
	return q, nil
}

// paramKeys are the URL parameters by the query key Check's problems
// start with.
var paramKeys = map[string]string{"title": "q", "roles": "role", "levels": "level", "skills_any": "skill",
	"locations": "location", "min_pay_currency": "currency"}

// paramErrorRE matches the key a query's problem starts with.
var paramErrorRE = regexp.MustCompile(`^(?:filter: )?(title|roles|levels|locations|skills_any|min_pay_currency)(?:\[\d+\])?:`)

// paramError names the URL parameter in a problem of Check, which names
// the query's keys (the CLI names its flags the same way).
func paramError(err error) error {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		if m := paramErrorRE.FindStringSubmatch(l); m != nil {
			lines[i] = paramKeys[m[1]] + ":" + l[len(m[0]):]
		}
	}
	return errors.New(strings.Join(lines, "\n"))
}

// Values is the query as URL parameters (for links), with sort and page
// replaced when given.
func (q Query) Values() url.Values {
	v := url.Values{}
	if q.Title != "" {
		v.Set("q", q.Title)
	}
	for k, l := range map[string][]string{"role": q.Roles, "level": q.Levels, "skill": q.Skills, "location": q.Location} {
		for _, s := range l {
			v.Add(k, s)
		}
	}
	if q.MinPay > 0 {
		v.Set("min_pay", strconv.FormatFloat(q.MinPay, 'f', -1, 64))
	}
	if q.Currency != "" {
		v.Set("currency", q.Currency)
	}
	if q.Sort != "" {
		v.Set("sort", q.Sort)
	}
	if q.PerPage > 0 {
		v.Set("per_page", strconv.Itoa(q.PerPage))
	}
	return v
}

func nonEmpty(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ValueText shows a change's old or new value on one line, long texts cut.
func ValueText(v any) string {
	if v == nil {
		return "(none)"
	}
	var s string
	switch x := v.(type) {
	case string:
		if x == "" {
			return "(empty)"
		}
		s = x
	case model.Location:
		s = LocationText([]model.Location{x})
	case model.Salary:
		s = PayText([]model.Salary{x})
	default:
		b, _ := json.Marshal(x)
		s = string(b)
	}
	s = oneLineText(s)
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "..."
	}
	return s
}

// ChangeText is a change's old and new values on one line each. Two long
// texts (a description) are cut to the words around their first
// difference.
type ChangeText struct{ Old, New string }

// ViewChange makes the ChangeText of c.
func ViewChange(c model.Change) ChangeText {
	a, okA := c.Old.(string)
	b, okB := c.New.(string)
	if !okA || !okB || len(a)+len(b) < 240 {
		return ChangeText{ValueText(c.Old), ValueText(c.New)}
	}
	a, b = oneLineText(a), oneLineText(b)
	ra, rb := []rune(a), []rune(b)
	pre := 0
	for pre < len(ra) && pre < len(rb) && ra[pre] == rb[pre] {
		pre++
	}
	suf := 0
	for suf < len(ra)-pre && suf < len(rb)-pre && ra[len(ra)-1-suf] == rb[len(rb)-1-suf] {
		suf++
	}
	cut := func(r []rune) string {
		lo, hi := max(0, pre-40), min(len(r), len(r)-suf+40)
		if hi-lo > 200 {
			hi = lo + 200
		}
		// never a part of a token at either end: a secret the text held
		// whole shows no start or end of it (redact.Cut)
		if lo > 0 && !redact.Delimiter(r[lo-1]) {
			for lo < hi && !redact.Delimiter(r[lo]) {
				lo++
			}
		}
		if hi < len(r) && !redact.Delimiter(r[hi]) {
			for hi > lo && !redact.Delimiter(r[hi-1]) {
				hi--
			}
		}
		out := string(r[lo:hi])
		if lo > 0 {
			out = "…" + out
		}
		if hi < len(r) {
			out += "…"
		}
		return out
	}
	return ChangeText{cut(ra), cut(rb)}
}
