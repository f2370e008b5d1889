package diff

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// The text of changes: one short line per changed field, the same on
// stdout, in commit bodies and in chat and mail digests:
//
//	salary USD 100,000-720,000 -> 120,000-750,000/year
//	title Data Engineer -> Senior Data Engineer
//	skills.required +PyTorch -Java
//	locations +Berlin, DE
//	workplace (none) -> remote
//	description changed (+1 -1 sentence)
//
// Values are plain text: control characters and bidirectional overrides
// removed, whitespace collapsed, long values cut ("…").

// Limits of a change line.
const (
	MaxValue = 60  // runes of one value
	MaxItems = 6   // list items shown, then "+N more"
	MaxLine  = 200 // runes of a whole line (String)
)

// listFields are the fields whose changes come one per item (see Postings).
var listFields = map[string]bool{
	"levels": true, "locations": true, "salary": true,
	"skills.required": true, "skills.preferred": true, "skills.mentioned": true,
	"education.required": true, "education.preferred": true,
}

// Group is the changes of one field as text. Scalar fields have Old and
// New; list fields have the items Added and Removed (sorted), and Old and
// New are those items joined with ", ". Values are plain text, not
// escaped, not cut (String and Format cut them).
type Group struct {
	Field   string
	Old     string
	New     string
	Added   []string
	Removed []string

	list          bool
	pay           [2]*model.Salary // one pay range replaced by another
	plus, minus   int              // description: sentences added, removed
	isDescription bool
}

// Groups turns the changes of one posting into one Group per field, sorted
// by field name. It knows the values of Postings both in memory and after a
// JSON round trip (the outbox): maps for locations and salary, float64 for
// numbers.
func Groups(cs []model.Change) []Group {
	byField := map[string]*Group{}
	var order []string
	var pay [2][]model.Salary // old and new ranges of the salary field
	count := map[string]int{} // a field of another kind with several changes is a list
	for _, c := range cs {
		count[c.Field]++
	}
	for _, c := range cs {
		f := Clean(c.Field)
		if f == "" {
			continue
		}
		g := byField[f]
		if g == nil {
			g = &Group{Field: f}
			byField[f] = g
			order = append(order, f)
		}
		if f == "description" {
			g.isDescription = true
			g.Old, g.New = Value(f, c.Old), Value(f, c.New)
			o, _ := c.Old.(string)
			n, _ := c.New.(string)
			g.plus, g.minus = pieceDiff(o, n)
			continue
		}
		if !listFields[f] && count[c.Field] == 1 {
			g.Old, g.New = Value(f, c.Old), Value(f, c.New) // a scalar; nil is none
			continue
		}
		g.list = true
		if c.Old != nil {
			g.Removed = append(g.Removed, Value(f, c.Old))
		}
		if c.New != nil {
			g.Added = append(g.Added, Value(f, c.New))
		}
		if f == "salary" {
			if s, ok := salaryOf(c.Old); ok {
				pay[0] = append(pay[0], s)
			}
			if s, ok := salaryOf(c.New); ok {
				pay[1] = append(pay[1], s)
			}
		}
	}
	slices.Sort(order)
	out := make([]Group, 0, len(order))
	for _, f := range order {
		g := *byField[f]
		if g.list {
			slices.Sort(g.Added)
			slices.Sort(g.Removed)
			g.Old, g.New = strings.Join(g.Removed, ", "), strings.Join(g.Added, ", ")
			if f == "salary" && len(pay[0]) == 1 && len(pay[1]) == 1 && len(g.Added) == 1 && len(g.Removed) == 1 {
				g.pay = [2]*model.Salary{&pay[0][0], &pay[1][0]}
			}
		}
		out = append(out, g)
	}
	return out
}

// Lines is the changes of one posting as text lines (Group.String), one
// per field, sorted by field.
func Lines(cs []model.Change) []string {
	gs := Groups(cs)
	out := make([]string, 0, len(gs))
	for _, g := range gs {
		out = append(out, g.String())
	}
	return out
}

// String is the group as a plain text line, at most MaxLine runes, with
// " -> " between old and new values.
func (g Group) String() string {
	return Truncate(g.Format(nil, " -> "), MaxLine)
}

// Format is the group as a line, each value (and the field name) passed
// through esc (an escaping function such as Slack's mrkdwn; nil: none) after
// it is cut to MaxValue runes, arrow between old and new values.
func (g Group) Format(esc func(string) string, arrow string) string {
	if esc == nil {
		esc = func(s string) string { return s }
	}
	v := func(s string) string {
		if s == "" {
			return "(none)"
		}
		return esc(Truncate(s, MaxValue))
	}
	field := esc(g.Field)
	switch {
	case g.isDescription:
		if g.plus+g.minus == 0 {
			return field + " changed"
		}
		return fmt.Sprintf("%s changed (+%d -%d %s)", field, g.plus, g.minus, plural(max(g.plus, g.minus), "sentence"))
	case g.pay[0] != nil:
		a, b := *g.pay[0], *g.pay[1]
		if a.Currency == b.Currency && a.Period == b.Period {
			s := field + " "
			if c := Clean(a.Currency); c != "" {
				s += v(c) + " "
			}
			s += esc(payRange(a)) + arrow + esc(payRange(b))
			if p := Clean(a.Period); p != "" {
				s += "/" + v(p)
			}
			return s
		}
		return field + " " + v(Salary(a)) + arrow + v(Salary(b))
	case g.list:
		parts := []string{field}
		for _, s := range g.Added {
			parts = append(parts, "+"+v(s))
		}
		for _, s := range g.Removed {
			parts = append(parts, "-"+v(s))
		}
		if more := len(parts) - 1 - MaxItems; more > 0 {
			parts = append(parts[:1+MaxItems], "+"+strconv.Itoa(more)+" more")
		}
		return strings.Join(parts, " ")
	}
	return field + " " + v(g.Old) + arrow + v(g.New)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// pieceDiff counts the description pieces (sentences or lines, see
// model.DescriptionPieces) of b that a lacks, and of a that b lacks.
func pieceDiff(a, b string) (plus, minus int) {
	count := map[string]int{}
	for _, p := range model.DescriptionPieces(a) {
		count[strings.TrimSpace(p)]++
	}
	for _, p := range model.DescriptionPieces(b) {
		k := strings.TrimSpace(p)
		if count[k] > 0 {
			count[k]--
		} else {
			plus++
		}
	}
	for _, n := range count {
		minus += n
	}
	return plus, minus
}

// salaryOf is a salary change value, in memory or after a JSON round trip.
func salaryOf(v any) (model.Salary, bool) {
	switch x := v.(type) {
	case model.Salary:
		return x, true
	case *model.Salary:
		if x != nil {
			return *x, true
		}
	case map[string]any:
		b, err := json.Marshal(x)
		var s model.Salary
		if err == nil && json.Unmarshal(b, &s) == nil {
			return s, true
		}
	}
	return model.Salary{}, false
}

// Value is a changed value as plain text. It knows the values of Postings
// both in memory (model.Location, model.Salary, *int) and after a JSON
// round trip through the outbox (map[string]any, float64).
func Value(field string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return Clean(x)
	case model.Location:
		return Location(x)
	case model.Salary:
		return Salary(x)
	case *int:
		if x == nil {
			return ""
		}
		return strconv.Itoa(*x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		b, err := json.Marshal(x)
		if err != nil {
			return "?"
		}
		switch field {
		case "locations":
			var l model.Location
			if json.Unmarshal(b, &l) == nil {
				return Location(l)
			}
		case "salary":
			var s model.Salary
			if json.Unmarshal(b, &s) == nil {
				return Salary(s)
			}
		}
		return Clean(string(b))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return Clean(fmt.Sprint(v))
	}
	return Clean(string(b))
}

// Location is one location as text: "Los Gatos, California, US",
// "Remote (US)", the platform's label when it could not be split.
func Location(l model.Location) string {
	var parts []string
	for _, s := range []string{l.City, l.Region, l.Country} {
		if s = Clean(s); s != "" {
			parts = append(parts, s)
		}
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = Clean(l.Name)
	}
	if l.Remote {
		if s == "" {
			return "Remote"
		}
		return "Remote (" + s + ")"
	}
	return s
}

// Salary is one pay range as text: "USD 100,000-720,000/year".
func Salary(s model.Salary) string {
	v := payRange(s)
	if c := Clean(s.Currency); c != "" {
		v = c + " " + v
	}
	if p := Clean(s.Period); p != "" {
		v += "/" + p
	}
	return v
}

// payRange is "100,000-720,000", or one amount when min equals max.
func payRange(s model.Salary) string {
	v := Money(s.Min)
	if s.Max != s.Min {
		v += "-" + Money(s.Max)
	}
	return v
}

// Money writes 100000 as "100,000" and 52.5 as "52.50".
func Money(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	neg := v < 0
	v = math.Round(math.Abs(v)*100) / 100
	whole, frac := math.Modf(v)
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac > 0.0049 {
		b.WriteString(strconv.FormatFloat(v, 'f', 2, 64)[len(digits):])
	}
	return b.String()
}

// Clean drops control characters, bidirectional overrides (which could
// forge what a terminal or a chat shows) and invalid UTF-8, turns
// whitespace runs into one space and trims.
func Clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), IsBidi(r), r == utf8.RuneError:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// IsBidi reports the bidirectional marks and overrides.
func IsBidi(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Truncate cuts s to at most n runes, ending in "…" when cut, before a word
// or token it would split unless the value is mostly that token
// (redact.CutText).
func Truncate(s string, n int) string { return redact.CutText(s, n) }
