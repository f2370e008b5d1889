// Package filter decides which posting events a notifier takes, on top of
// notify.Route's sources and event types: a title regex, roles, levels
// ("L5+"), locations, skills (any / all) and a minimum pay. Every list is
// "any of"; the conditions together are "all of"; an empty condition takes
// everything. A skill condition on a broader taxonomy entry also takes a
// posting that names only a narrower one (PyTorch takes PyTorch Lightning,
// Kubernetes takes Helm: normalize.Broader). source.* events (failures, recoveries) always pass.
//
// Example: new L5-and-above Machine Learning roles that require PyTorch:
//
//	Filter{Roles: []string{"Machine Learning"}, Levels: []string{"L5+"}, SkillsAll: []string{"PyTorch"}}
//
// with the route taking Events: ["posting.added"].
package filter

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// Filter is the configured form (config keys in parentheses).
type Filter struct {
	// TitleRegex (title): RE2 regular expression matched against the title,
	// case-insensitive, unanchored.
	TitleRegex string
	// Roles (roles): the posting's role family contains one of them as
	// whole words, case-insensitive ("Machine Learning" takes "Machine
	// Learning Engineer").
	Roles []string
	// Levels (levels): "L5" (exactly), "L5+" (L5 and above), "L4-L6" (a
	// range), or a word equal to one of the posting's levels ("Senior").
	Levels []string
	// Locations (locations): equal to a location's city, region, country
	// code or label, case-insensitive; "remote" takes remote locations and
	// remote workplaces.
	Locations []string
	// SkillsAny (skills_any): at least one in the required or preferred
	// skills; SkillsAll (skills_all): every one of them there.
	SkillsAny, SkillsAll []string
	// MinPay (min_pay): the largest range maximum, in MinPayCurrency
	// (min_pay_currency, ISO 4217, required with MinPay) and made yearly
	// (hour*2080, day*260, week*52, month*12), is at least MinPay.
	// Postings without pay in that currency do not pass.
	MinPay         float64
	MinPayCurrency string
}

// Compiled is a checked Filter, ready to match.
type Compiled struct {
	title     *regexp.Regexp
	roles     []*regexp.Regexp
	levels    []levelRule
	locations []string
	any, all  []string
	minPay    float64
	currency  string
}

type levelRule struct {
	word   string // lowercase; "" for a numeric rule
	lo, hi int
}

// Empty reports whether f has no condition (it takes every event).
func (f Filter) Empty() bool {
	return f.TitleRegex == "" && len(f.Roles) == 0 && len(f.Levels) == 0 && len(f.Locations) == 0 &&
		len(f.SkillsAny) == 0 && len(f.SkillsAll) == 0 && f.MinPay == 0 && f.MinPayCurrency == ""
}

var (
	lRange = regexp.MustCompile(`(?i)^l(\d{1,2})\s*-\s*l?(\d{1,2})$`)
	lPlus  = regexp.MustCompile(`(?i)^l(\d{1,2})\s*\+$`)
	lOne   = regexp.MustCompile(`(?i)^l(\d{1,2})$`)
	ccy    = regexp.MustCompile(`^[A-Z]{3}$`)
)

// Compile checks f. Errors name the field: `filter: levels[1]: ...`.
func (f Filter) Compile() (*Compiled, error) {
	c := &Compiled{minPay: f.MinPay, currency: strings.ToUpper(strings.TrimSpace(f.MinPayCurrency))}
	var errs []error
	if f.TitleRegex != "" {
		re, err := regexp.Compile("(?i)" + f.TitleRegex)
		if err != nil {
			errs = append(errs, fmt.Errorf("filter: title: %w", err))
		}
		c.title = re
	}
	for i, r := range f.Roles {
		r = strings.TrimSpace(r)
		if r == "" {
			errs = append(errs, fmt.Errorf("filter: roles[%d]: empty", i))
			continue
		}
		c.roles = append(c.roles, regexp.MustCompile(`(?i)(^|\W)`+regexp.QuoteMeta(strings.Join(strings.Fields(r), " "))+`($|\W)`))
	}
	for i, l := range f.Levels {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			errs = append(errs, fmt.Errorf("filter: levels[%d]: empty", i))
		case lPlus.MatchString(l):
			n, _ := strconv.Atoi(lPlus.FindStringSubmatch(l)[1])
			c.levels = append(c.levels, levelRule{lo: n, hi: 99})
		case lRange.MatchString(l):
			m := lRange.FindStringSubmatch(l)
			lo, _ := strconv.Atoi(m[1])
			hi, _ := strconv.Atoi(m[2])
			if lo > hi {
				errs = append(errs, fmt.Errorf("filter: levels[%d]: %q: empty range", i, l))
				continue
			}
			c.levels = append(c.levels, levelRule{lo: lo, hi: hi})
		case lOne.MatchString(l):
			n, _ := strconv.Atoi(lOne.FindStringSubmatch(l)[1])
			c.levels = append(c.levels, levelRule{lo: n, hi: n})
		case strings.ContainsAny(l, "+"):
			errs = append(errs, fmt.Errorf(`filter: levels[%d]: %q: "+" only follows an L level, as in "L5+"`, i, l))
		default:
			c.levels = append(c.levels, levelRule{word: strings.ToLower(strings.Join(strings.Fields(l), " "))})
		}
	}
	for i, l := range f.Locations {
		if l = norm(l); l == "" {
			errs = append(errs, fmt.Errorf("filter: locations[%d]: empty", i))
			continue
		}
		c.locations = append(c.locations, l)
	}
	for _, list := range []struct {
		key string
		in  []string
		out *[]string
	}{{"skills_any", f.SkillsAny, &c.any}, {"skills_all", f.SkillsAll, &c.all}} {
		for i, s := range list.in {
			if s = norm(s); s == "" {
				errs = append(errs, fmt.Errorf("filter: %s[%d]: empty", list.key, i))
				continue
			}
			*list.out = append(*list.out, s)
		}
	}
	switch {
	case f.MinPay < 0:
		errs = append(errs, errors.New("filter: min_pay: negative"))
	case f.MinPay > 0 && c.currency == "":
		errs = append(errs, errors.New("filter: min_pay_currency: required with min_pay (e.g. USD)"))
	}
	if c.currency != "" && !ccy.MatchString(c.currency) {
		errs = append(errs, fmt.Errorf("filter: min_pay_currency: %q is not an ISO 4217 code", f.MinPayCurrency))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Match reports whether e passes. source.* events always pass; a changed
// posting passes when either its new or its previous version does (so
// "no longer matches" changes are told too); an event without a posting
// passes only an empty filter.
func (c *Compiled) Match(e notify.Event) bool {
	if c == nil || strings.HasPrefix(e.Type, "source.") {
		return true
	}
	if e.Data.Posting == nil && e.Data.Previous == nil {
		return c.empty()
	}
	for _, p := range []*model.Posting{e.Data.Posting, e.Data.Previous} {
		if p != nil && c.MatchPosting(p) {
			return true
		}
	}
	return false
}

// Empty reports whether the filter lets every event pass.
func (c *Compiled) Empty() bool { return c == nil || c.empty() }

func (c *Compiled) empty() bool {
	return c.title == nil && len(c.roles) == 0 && len(c.levels) == 0 && len(c.locations) == 0 &&
		len(c.any) == 0 && len(c.all) == 0 && c.minPay == 0
}

// MatchPosting applies the content conditions to one posting.
func (c *Compiled) MatchPosting(p *model.Posting) bool {
	if c.title != nil && !c.title.MatchString(p.Title) {
		return false
	}
	if len(c.roles) > 0 && !anyOf(c.roles, func(re *regexp.Regexp) bool { return re.MatchString(p.Role) }) {
		return false
	}
	if len(c.levels) > 0 && !c.matchLevels(p.Levels) {
		return false
	}
	if len(c.locations) > 0 && !c.matchLocations(p) {
		return false
	}
	if len(c.any) > 0 || len(c.all) > 0 {
		have := map[string]bool{}
		for _, s := range append(append([]string(nil), p.Skills.Required...), p.Skills.Preferred...) {
			have[norm(s)] = true
			// a posting that names a narrower entry (PyTorch Lightning,
			// Helm) also has its broader ones (PyTorch, Kubernetes)
			for _, b := range normalize.Broader(s) {
				have[norm(b)] = true
			}
		}
		if len(c.any) > 0 && !anyOf(c.any, func(s string) bool { return have[s] }) {
			return false
		}
		for _, s := range c.all {
			if !have[s] {
				return false
			}
		}
	}
	if c.minPay > 0 && YearlyMax(p.Salary, c.currency) < c.minPay {
		return false
	}
	return true
}

func anyOf[T any](list []T, f func(T) bool) bool {
	for _, v := range list {
		if f(v) {
			return true
		}
	}
	return false
}

func (c *Compiled) matchLevels(levels []string) bool {
	for _, l := range levels {
		l = strings.TrimSpace(l)
		n := -1
		if m := lOne.FindStringSubmatch(l); m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		for _, r := range c.levels {
			if r.word != "" {
				if r.word == norm(l) {
					return true
				}
			} else if n >= 0 && n >= r.lo && n <= r.hi {
				return true
			}
		}
	}
	return false
}

func (c *Compiled) matchLocations(p *model.Posting) bool {
	for _, want := range c.locations {
		if want == "remote" && norm(p.Workplace) == "remote" {
			return true
		}
		for _, l := range p.Locations {
			if want == "remote" && l.Remote {
				return true
			}
			for _, v := range []string{l.City, l.Region, l.Country, l.Name} {
				if v != "" && norm(v) == want {
					return true
				}
			}
		}
	}
	return false
}

// Yearly turns an amount per period into a yearly figure: hour*2080,
// day*260, week*52, month*12, year*1. An unknown period gives ok false.
func Yearly(amount float64, period string) (float64, bool) {
	switch strings.ToLower(strings.TrimSpace(period)) {
	case "year", "":
		return amount, true
	case "month":
		return amount * 12, true
	case "week":
		return amount * 52, true
	case "day":
		return amount * 260, true
	case "hour":
		return amount * 2080, true
	}
	return 0, false
}

// YearlyMax is the largest yearly range maximum (Min when Max is 0) among
// the ranges in currency; 0 when there is none.
func YearlyMax(ss []model.Salary, currency string) float64 {
	best := 0.0
	for _, s := range ss {
		if !strings.EqualFold(strings.TrimSpace(s.Currency), currency) || !normalize.PlausibleSalary(s) {
			continue // a snapshot stored before pay was bounded (1.7e308/hour) is no pay
		}
		v := max(s.Max, s.Min)
		if y, ok := Yearly(v, s.Period); ok && y > best {
			best = y
		}
	}
	return best
}

// Notifier wraps a notify.Notifier so that it takes only the events the
// filter matches; the others are dropped as delivered (nil error). Prefer
// checking the filter when routing (so the outbox never stores events a
// notifier does not want); this wrapper is for callers that cannot.
type Notifier struct {
	notify.Notifier
	Filter *Compiled
}

// Notify delivers e when it matches.
func (n Notifier) Notify(ctx context.Context, e notify.Event) error {
	if !n.Filter.Match(e) {
		return nil
	}
	return n.Notifier.Notify(ctx, e)
}

// Events keeps the events that match, in order (for digests).
func (c *Compiled) Events(events []notify.Event) []notify.Event {
	var out []notify.Event
	for _, e := range events {
		if c.Match(e) {
			out = append(out, e)
		}
	}
	return out
}
