package report

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// none labels postings that leave a field empty.
const none = "(none)"

// summarise fills the tables of the open postings.
func (r *Report) summarise(all []model.Posting, category func(string) string) {
	r.Open = len(all)
	roles := counter{}
	levels := counter{}
	teams := counter{}
	countries := counter{}
	cities := counter{}
	workplaces := counter{}
	for i := range all {
		p := &all[i]
		roles.add(orNone(p.Role))
		if len(p.Levels) == 0 {
			levels.add(none)
		}
		for _, l := range uniq(p.Levels) {
			levels.add(l)
		}
		teams.add(orNone(p.Team))
		var cs, ct []string
		remote := p.Workplace == "remote"
		for _, l := range p.Locations {
			if l.Remote {
				remote = true
			}
			c := l.Country
			if c == "" && l.City == "" && l.Region == "" && !l.Remote {
				c = strings.TrimSpace(l.Name)
			}
			if c != "" {
				cs = append(cs, c)
			}
			if l.City != "" {
				ct = append(ct, cityLabel(l))
			}
		}
		if len(cs) == 0 {
			countries.add(none)
		}
		for _, c := range uniq(cs) {
			countries.add(c)
		}
		for _, c := range uniq(ct) {
			cities.add(c)
		}
		if remote {
			r.Remote++
		}
		w := p.Workplace
		if w == "" {
			w = "(unspecified)"
		}
		workplaces.add(w)
	}
	r.Roles = withShares(roles.byCount(), r.Open)
	r.Levels = withShares(levels.sorted(levelLess), r.Open)
	r.Teams = withShares(teams.byCount(), r.Open)
	r.Countries = withShares(countries.byCount(), r.Open)
	r.Cities = withShares(cities.byCount(), r.Open)
	r.Workplaces = withShares(workplaces.sorted(workplaceLess), r.Open)
	r.SkillCategories = skillDemand(all, category)
	r.Pay = payTables(all)
}

func cityLabel(l model.Location) string {
	parts := []string{l.City}
	if l.Region != "" {
		parts = append(parts, l.Region)
	}
	if l.Country != "" {
		parts = append(parts, l.Country)
	}
	return strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return none
	}
	return s
}

type counter map[string]int

func (c counter) add(k string) { c[k]++ }

// byCount lists the counts by postings descending, then name, "(none)" last.
func (c counter) byCount() []Count {
	return c.sorted(func(a, b Count) bool {
		if a.Postings != b.Postings {
			return a.Postings > b.Postings
		}
		return a.Name < b.Name
	})
}

func (c counter) sorted(less func(a, b Count) bool) []Count {
	out := make([]Count, 0, len(c))
	for k, v := range c {
		out = append(out, Count{Name: k, Postings: v})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Name == none) != (b.Name == none) {
			return b.Name == none
		}
		return less(a, b)
	})
	return out
}

func withShares(cs []Count, total int) []Count {
	if cs == nil {
		cs = []Count{}
	}
	for i := range cs {
		cs[i].Share = share(cs[i].Postings, total)
	}
	return cs
}

// share is n/total rounded to 4 decimals.
func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return round4(float64(n) / float64(total))
}

func round4(f float64) float64 { return math.Round(f*10000) / 10000 }

// seniorityRank orders seniority words after the numbered levels.
var seniorityRank = map[string]int{
	"Intern": 1, "Junior": 2, "Associate": 3, "Mid": 4, "Senior": 5, "Staff": 6, "Senior Staff": 7,
	"Principal": 8, "Distinguished": 9, "Fellow": 10, "Lead": 11, "Manager": 12, "Senior Manager": 13,
	"Director": 14, "Senior Director": 15, "VP": 16,
}

// levelKey orders levels: L1..L9 (numerically), then known seniority words
// by rank, then other labels alphabetically.
func levelKey(l string) (int, int, string) {
	if len(l) >= 2 && (l[0] == 'L' || l[0] == 'l') {
		if n, err := strconv.Atoi(l[1:]); err == nil {
			return 0, n, ""
		}
	}
	if r, ok := seniorityRank[l]; ok {
		return 1, r, ""
	}
	return 2, 0, l
}

func levelCompare(a, b string) int {
	ga, na, sa := levelKey(a)
	gb, nb, sb := levelKey(b)
	switch {
	case ga != gb:
		return ga - gb
	case na != nb:
		return na - nb
	}
	return strings.Compare(sa, sb)
}

func levelLess(a, b Count) bool { return levelCompare(a.Name, b.Name) < 0 }

var workplaceRank = map[string]int{"onsite": 0, "hybrid": 1, "remote": 2}

func workplaceLess(a, b Count) bool {
	ra, oka := workplaceRank[a.Name]
	rb, okb := workplaceRank[b.Name]
	switch {
	case oka && okb:
		return ra < rb
	case oka != okb:
		return oka
	}
	return a.Name < b.Name
}

// skillDemand counts, per category and skill, the postings naming it.
func skillDemand(all []model.Posting, category func(string) string) []SkillCategory {
	skills := map[string]*SkillDemand{}
	catOf := map[string]string{}
	catPostings := map[string]int{}
	for i := range all {
		p := &all[i]
		cats := map[string]bool{}
		seen := map[string]bool{}
		for li, list := range [][]string{p.Skills.Required, p.Skills.Preferred, p.Skills.Mentioned} {
			for _, s := range list {
				if s == "" || seen[s] {
					continue // a skill is in one list only; the first wins
				}
				seen[s] = true
				d := skills[s]
				if d == nil {
					d = &SkillDemand{Skill: s}
					skills[s] = d
					c := category(s)
					if c == "" {
						c = "other"
					}
					catOf[s] = c
				}
				d.Postings++
				switch li {
				case 0:
					d.Required++
				case 1:
					d.Preferred++
				default:
					d.Mentioned++
				}
				cats[catOf[s]] = true
			}
		}
		for c := range cats {
			catPostings[c]++
		}
	}
	byCat := map[string][]SkillDemand{}
	for s, d := range skills {
		d.Share = share(d.Postings, len(all))
		byCat[catOf[s]] = append(byCat[catOf[s]], *d)
	}
	out := []SkillCategory{}
	for c, ds := range byCat {
		sort.Slice(ds, func(i, j int) bool {
			if ds[i].Postings != ds[j].Postings {
				return ds[i].Postings > ds[j].Postings
			}
			return ds[i].Skill < ds[j].Skill
		})
		out = append(out, SkillCategory{Category: c, Postings: catPostings[c], Share: share(catPostings[c], len(all)), Skills: ds})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Postings != out[j].Postings {
			return out[i].Postings > out[j].Postings
		}
		return out[i].Category < out[j].Category
	})
	return out
}

// TopSkills returns the n skills named by the most open postings, across
// categories (postings descending, then name).
func (r *Report) TopSkills(n int) []SkillDemand {
	var all []SkillDemand
	for _, c := range r.SkillCategories {
		all = append(all, c.Skills...)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Postings != all[j].Postings {
			return all[i].Postings > all[j].Postings
		}
		return all[i].Skill < all[j].Skill
	})
	if len(all) > n {
		all = all[:n]
	}
	return all
}

// payKey groups pay ranges.
type payKey struct{ role, level, currency, period string }

type payAcc struct {
	postings map[int]bool
	mins     []float64
	maxs     []float64
}

// payTables groups every stated range by role (and by role and level), per
// currency and period. A posting with several levels counts in each.
func payTables(all []model.Posting) Pay {
	byRole := map[payKey]*payAcc{}
	byRL := map[payKey]*payAcc{}
	add := func(m map[payKey]*payAcc, k payKey, i int, s model.Salary) {
		a := m[k]
		if a == nil {
			a = &payAcc{postings: map[int]bool{}}
			m[k] = a
		}
		a.postings[i] = true
		a.mins = append(a.mins, s.Min)
		a.maxs = append(a.maxs, s.Max)
	}
	for i := range all {
		p := &all[i]
		levels := uniq(p.Levels)
		if len(levels) == 0 {
			levels = []string{none}
		}
		for _, s := range p.Salary {
			if s.Min <= 0 && s.Max <= 0 || !normalize.PlausibleSalary(s) {
				continue // no pay, or none a salary can be (+Inf once yearly)
			}
			lo, hi := s.Min, s.Max
			if lo <= 0 {
				lo = hi
			}
			if hi < lo {
				hi = lo
			}
			s.Min, s.Max = lo, hi
			cur := orNone(strings.ToUpper(s.Currency))
			per := orNone(strings.ToLower(s.Period))
			add(byRole, payKey{orNone(p.Role), "", cur, per}, i, s)
			for _, l := range levels {
				add(byRL, payKey{orNone(p.Role), l, cur, per}, i, s)
			}
		}
	}
	return Pay{ByRole: payRows(byRole), ByRoleLevel: payRows(byRL)}
}

func payRows(m map[payKey]*payAcc) []PayRow {
	out := []PayRow{}
	for k, a := range m {
		row := PayRow{Role: k.role, Level: k.level, Currency: k.currency, Period: k.period,
			Postings: len(a.postings), Ranges: len(a.mins), Min: stats(a.mins), Max: stats(a.maxs)}
		if f, ok := yearFactors[k.period]; ok {
			row.Yearly = &Yearly{Factor: f, Min: row.Min.times(f), Max: row.Max.times(f)}
		}
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Role != b.Role {
			if (a.Role == none) != (b.Role == none) {
				return b.Role == none
			}
			return a.Role < b.Role
		}
		if a.Level != b.Level {
			if (a.Level == none) != (b.Level == none) {
				return b.Level == none
			}
			return levelCompare(a.Level, b.Level) < 0
		}
		if a.Currency != b.Currency {
			return a.Currency < b.Currency
		}
		return a.Period < b.Period
	})
	return out
}

func stats(v []float64) Stats {
	if len(v) == 0 {
		return Stats{}
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return Stats{Min: s[0], Median: round2(med), Max: s[n-1]}
}

func (s Stats) times(f float64) Stats {
	return Stats{Min: round2(s.Min * f), Median: round2(s.Median * f), Max: round2(s.Max * f)}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
