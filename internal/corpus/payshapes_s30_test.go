package corpus

import (
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var payShapes = flag.Bool("payshapes", false, "print how the dev part's labelled pay ranges are read when written in other common shapes")

// TestPayShapesDev measures how pay is read, on the ranges the dev part's
// labels hold: each labelled range (with a minimum below its maximum) is
// written in the shapes postings use ("$120,000 - $150,000 per year",
// "120k-150k USD", "USD 120,000–150,000 annually", "Salary: 120000 to
// 150000 USD/year", amounts after the currency symbol or code, with
// European separators "120.000 € - 150.000 €") and read with
// normalize.Salaries; a shape is right when exactly the range is read
// (minimum, maximum, currency, period). It needs no test-part document.
// Dev only.
//
//	go test ./internal/corpus -run TestPayShapesDev -v -args -payshapes
func TestPayShapesDev(t *testing.T) {
	if !*payShapes {
		t.Skip("-payshapes not given")
	}
	labels, _ := Load("testdata")
	seen := map[Salary]bool{}
	var ranges []Salary
	for _, l := range labels {
		if PartOf(l) != "dev" {
			continue
		}
		for _, p := range l.Postings {
			for _, s := range p.Salary {
				if s.Min <= 0 || s.Max <= s.Min || seen[s] || s.Min != float64(int64(s.Min)) || s.Max != float64(int64(s.Max)) {
					continue
				}
				seen[s] = true
				ranges = append(ranges, s)
			}
		}
	}
	sort.Slice(ranges, func(i, j int) bool { return fmt.Sprint(ranges[i]) < fmt.Sprint(ranges[j]) })
	symbols := map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}
	per := map[string]string{"year": "per year", "month": "per month", "hour": "per hour", "day": "per day", "week": "per week"}
	slash := map[string]string{"year": "/year", "month": "/month", "hour": "/hour", "day": "/day", "week": "/week"}
	comma := func(v float64) string { // 120000 -> 120,000
		s := strconv.FormatInt(int64(v), 10)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s
	}
	dot := func(v float64) string { return strings.ReplaceAll(comma(v), ",", ".") }
	kilo := func(v float64) string {
		if int64(v)%1000 != 0 {
			return ""
		}
		return strconv.FormatInt(int64(v)/1000, 10) + "k"
	}
	shapes := []struct {
		name string
		f    func(s Salary) string
	}{
		{"$1,000 - $2,000 per year", func(s Salary) string {
			sym, ok := symbols[s.Currency]
			if !ok {
				return ""
			}
			return sym + comma(s.Min) + " - " + sym + comma(s.Max) + " " + per[s.Period]
		}},
		{"CUR 1,000–2,000 per year", func(s Salary) string {
			return s.Currency + " " + comma(s.Min) + "–" + comma(s.Max) + " " + per[s.Period]
		}},
		{"1,000 to 2,000 CUR/year", func(s Salary) string {
			return comma(s.Min) + " to " + comma(s.Max) + " " + s.Currency + slash[s.Period]
		}},
		{"1k-2k CUR per year", func(s Salary) string {
			a, b := kilo(s.Min), kilo(s.Max)
			if a == "" || b == "" {
				return ""
			}
			return a + "-" + b + " " + s.Currency + " " + per[s.Period]
		}},
		{"1.000 € - 2.000 € per year", func(s Salary) string {
			sym, ok := symbols[s.Currency]
			if !ok {
				sym = s.Currency
			}
			return dot(s.Min) + " " + sym + " - " + dot(s.Max) + " " + sym + " " + per[s.Period]
		}},
		{"Salary range: 1000-2000 CUR, per year", func(s Salary) string {
			return "Salary range: " + strconv.FormatInt(int64(s.Min), 10) + "-" + strconv.FormatInt(int64(s.Max), 10) + " " + s.Currency + ", " + per[s.Period]
		}},
		{"between CUR 1,000 and CUR 2,000 a year", func(s Salary) string {
			a := map[string]string{"year": "a year", "month": "a month", "hour": "an hour", "day": "a day", "week": "a week"}[s.Period]
			return "The pay is between " + s.Currency + " " + comma(s.Min) + " and " + s.Currency + " " + comma(s.Max) + " " + a
		}},
		{"1 000 – 2 000 CUR per year", func(s Salary) string {
			return strings.ReplaceAll(comma(s.Min), ",", " ") + " – " + strings.ReplaceAll(comma(s.Max), ",", " ") + " " + s.Currency + " " + per[s.Period]
		}},
		{"from $1,000 to $2,000 annually", func(s Salary) string {
			sym, ok := symbols[s.Currency]
			w := map[string]string{"year": "annually", "month": "monthly", "hour": "hourly", "day": "daily", "week": "weekly"}[s.Period]
			if !ok || w == "" {
				return ""
			}
			return "from " + sym + comma(s.Min) + " to " + sym + comma(s.Max) + " " + w
		}},
		{"$1K–$2K/yr", func(s Salary) string {
			sym, ok := symbols[s.Currency]
			a, b := kilo(s.Min), kilo(s.Max)
			w := map[string]string{"year": "/yr", "month": "/mo", "hour": "/hr"}[s.Period]
			if !ok || a == "" || b == "" || w == "" {
				return ""
			}
			return sym + strings.ToUpper(a) + "–" + sym + strings.ToUpper(b) + w
		}},
		{"1.000-2.000 CUR brutto p.a.", func(s Salary) string {
			if s.Period != "year" {
				return ""
			}
			return dot(s.Min) + "-" + dot(s.Max) + " " + s.Currency + " brutto p.a."
		}},
	}
	var sb strings.Builder
	var misses []string
	for _, sh := range shapes {
		right, n := 0, 0
		for _, s := range ranges {
			text := sh.f(s)
			if text == "" || per[s.Period] == "" {
				continue
			}
			n++
			got := normalize.Salaries("We offer a competitive package. " + text + ". Apply now.")
			if len(got) == 1 && got[0].Min == s.Min && got[0].Max == s.Max && got[0].Currency == s.Currency && got[0].Period == s.Period {
				right++
			} else {
				misses = append(misses, fmt.Sprintf("%-38s %q -> %+v", sh.name, text, got))
			}
		}
		fmt.Fprintf(&sb, "%-38s %3d/%d (%.3f)\n", sh.name, right, n, float64(right)/float64(max(n, 1)))
	}
	// several ranges for several places: both read, in order
	multi := []struct {
		name string
		f    func(a, b Salary) string
	}{
		{"A: range; B: range", func(a, b Salary) string {
			return "New York: " + a.Currency + " " + comma(a.Min) + " - " + comma(a.Max) + " " + per[a.Period] +
				"; Remote (US): " + b.Currency + " " + comma(b.Min) + " - " + comma(b.Max) + " " + per[b.Period]
		}},
		{"range in A and range in B", func(a, b Salary) string {
			return "The range is " + a.Currency + " " + comma(a.Min) + " to " + comma(a.Max) + " " + per[a.Period] +
				" in San Francisco and " + b.Currency + " " + comma(b.Min) + " to " + comma(b.Max) + " " + per[b.Period] + " in Austin"
		}},
	}
	for _, sh := range multi {
		right, n := 0, 0
		for i := 0; i+1 < len(ranges); i += 2 {
			a, b := ranges[i], ranges[i+1]
			if per[a.Period] == "" || per[b.Period] == "" || a == b {
				continue
			}
			n++
			text := sh.f(a, b)
			got := normalize.Salaries("We offer a competitive package. " + text + ". Apply now.")
			want := []Salary{a, b}
			ok := len(got) == 2
			for k := 0; ok && k < 2; k++ {
				ok = got[k].Min == want[k].Min && got[k].Max == want[k].Max && got[k].Currency == want[k].Currency && got[k].Period == want[k].Period
			}
			if ok {
				right++
			} else {
				misses = append(misses, fmt.Sprintf("%-38s %q -> %+v", sh.name, text, got))
			}
		}
		fmt.Fprintf(&sb, "%-38s %3d/%d (%.3f)\n", sh.name, right, n, float64(right)/float64(max(n, 1)))
	}
	// "kr" alone: the currency from the posting's country
	nz := normalize.New(nil)
	place := map[string]string{"NOK": "Oslo, Norway", "SEK": "Stockholm, Sweden", "DKK": "Copenhagen, Denmark"}
	word := map[string]string{"NOK": "per år", "SEK": "per år", "DKK": "om året"}
	monthWord := map[string]string{"NOK": "per måned", "SEK": "per månad", "DKK": "om måneden"}
	right, nk := 0, 0
	for _, r := range ranges {
		loc, ok := place[r.Currency]
		if !ok || r.Period != "year" && r.Period != "month" {
			continue
		}
		nk++
		w := word[r.Currency]
		if r.Period == "month" {
			w = monthWord[r.Currency]
		}
		text := "Lønn: " + strings.ReplaceAll(comma(r.Min), ",", " ") + " - " + strings.ReplaceAll(comma(r.Max), ",", " ") + " kr " + w
		got := nz.Normalize("s", "c", model.Raw{ID: "1", Title: "Utvikler", Locations: []string{loc}, DescriptionText: "Om oss\nVi lager programvare.\n" + text + "\n"}).Salary
		if len(got) == 1 && got[0].Min == r.Min && got[0].Max == r.Max && got[0].Currency == r.Currency && got[0].Period == r.Period {
			right++
		} else {
			misses = append(misses, fmt.Sprintf("%-38s %q (%s) -> %+v", "kr, currency by country", text, loc, got))
		}
	}
	fmt.Fprintf(&sb, "%-38s %3d/%d (%.3f)\n", "kr, currency by country", right, nk, float64(right)/float64(max(nk, 1)))
	for i, m := range misses {
		if i == 60 {
			break
		}
		sb.WriteString(m + "\n")
	}
	t.Logf("dev pay ranges (%d) written in other shapes:\n%s", len(ranges), sb.String())
}
