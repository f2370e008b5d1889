package config

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"go.yaml.in/yaml/v3"
)

var filterKeys = []string{"title", "roles", "levels", "locations", "skills_any", "skills_all", "min_pay", "min_pay_currency"}

// filter reads a notifier's content filter; each condition is checked by
// compiling it with internal/notify/filter. ok is false when a problem was
// reported.
func (p *parser) filter(n *yaml.Node, path string) (filter.Filter, bool) {
	var f filter.Filter
	r := p.resolve(n)
	if r.Kind != yaml.MappingNode {
		p.add(n.Line, path, "must be a mapping with "+strings.Join(filterKeys, ", ")+", not "+kindName(r))
		return f, false
	}
	ok := true
	var payLine int
	for _, e := range p.pairs(r, path, 0) {
		key := path + "." + e.key
		if !slices.Contains(filterKeys, e.key) {
			p.unknown(e, path, filterKeys)
			ok = false
			continue
		}
		v := p.resolve(e.v)
		if isNull(v) {
			continue
		}
		switch e.key {
		case "title":
			s, good := p.str(e.v, key)
			if !good {
				ok = false
				continue
			}
			if strings.TrimSpace(s) == "" {
				continue
			}
			if _, err := regexp.Compile(s); err != nil {
				msg := "must be a regular expression (RE2 syntax) such as '(?i)machine learning'"
				if !fromEnv(v) {
					msg += ": " + err.Error()
				}
				p.add(e.v.Line, key, msg)
				ok = false
				continue
			}
			f.TitleRegex = s
		case "roles", "locations", "skills_any", "skills_all":
			l := p.strList(e.v, key, true)
			if l == nil {
				ok = false
				continue
			}
			switch e.key {
			case "roles":
				f.Roles = l
			case "locations":
				f.Locations = l
			case "skills_any":
				f.SkillsAny = l
			case "skills_all":
				f.SkillsAll = l
			}
		case "levels":
			l := p.strList(e.v, key, true)
			if l == nil {
				ok = false
				continue
			}
			for j, lv := range l {
				if _, err := (filter.Filter{Levels: []string{lv}}).Compile(); err != nil {
					item := p.resolve(v.Content[j])
					msg := "invalid level"
					if !fromEnv(item) {
						msg += " " + strings.TrimPrefix(err.Error(), "filter: levels[0]: ")
					}
					p.add(item.Line, fmt.Sprintf("%s[%d]", key, j), msg+" (use L5, L5+, L4-L6 or a word such as Senior)")
					ok = false
				}
			}
			f.Levels = l
		case "min_pay":
			s, good := p.str(e.v, key)
			if !good {
				ok = false
				continue
			}
			x, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), "_", ""), 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				p.add(e.v.Line, key, "must be a number of at least 0, such as 150000 (yearly, in min_pay_currency)")
				ok = false
				continue
			}
			f.MinPay, payLine = x, e.k.Line
		case "min_pay_currency":
			s, good := p.str(e.v, key)
			if !good {
				ok = false
				continue
			}
			if _, err := (filter.Filter{MinPayCurrency: s}).Compile(); err != nil || strings.TrimSpace(s) == "" {
				p.add(e.v.Line, key, "must be an ISO 4217 currency code such as USD")
				ok = false
				continue
			}
			f.MinPayCurrency = strings.ToUpper(strings.TrimSpace(s))
		}
	}
	if f.MinPay > 0 && f.MinPayCurrency == "" && ok {
		p.add(payLine, path+".min_pay_currency", "is required with min_pay (an ISO 4217 code such as USD)")
		ok = false
	}
	if ok {
		if _, err := f.Compile(); err != nil {
			p.add(n.Line, path, "invalid filter")
			ok = false
		}
	}
	return f, ok
}

// fromEnv reports whether a scalar was written with a ${VAR}: its value
// must not reach a message.

// fromEnv reports whether a scalar was written with a ${VAR}: its value
// must not reach a message.
func fromEnv(n *yaml.Node) bool { return strings.Contains(n.Value, "${") }
