package scrape

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// PayNumber reads a pay figure written as text: digits with thousands
// separators and a decimal mark in the English or the European way
// ("120,000", "1,000.50", "2.000,75" = 2000.75, "1.000.000" = 1e6, "1 000",
// "12'000", Indian "1,00,000"), a currency sign ($ € £) and spaces around
// allowed, and a full stop or comma after the last digit (the sentence's).
// A single '.' is a decimal mark ("95000.00", "2.000" = 2); a
// single ',' before one or two digits is one ("1000,50"), before three a
// thousands separator ("120,000"). ok is false for text that is no figure
// ("competitive", "50k", a negative number); a figure whose separators do
// not make one reading (groups of another size: "1.00,0", "12,34,5", two
// decimal marks) is NaN with ok true, which the pipeline's plausibility
// check drops with a warning naming the posting (review s17 F11).
func PayNumber(s string) (float64, bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9' || r == '.' || r == ',':
			b.WriteRune(r)
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '’':
			b.WriteByte('_') // a thousands gap
		case r == '$' || r == '€' || r == '£':
		default:
			return math.NaN(), false
		}
	}
	t := strings.Trim(b.String(), "_")
	// a full stop or comma ending the figure ends the sentence or the
	// list it is in ("up to $120,000."): no decimal mark without decimals
	if n := len(t); n > 1 && (t[n-1] == '.' || t[n-1] == ',') && t[n-2] >= '0' && t[n-2] <= '9' {
		t = strings.TrimRight(t[:n-1], "_")
	}
	if t == "" || !strings.ContainsAny(t, "0123456789") {
		return math.NaN(), false
	}
	if strings.Contains(t, "_") {
		if strings.Contains(t, ",") && strings.Contains(t, ".") || !gapRE.MatchString(t) {
			return math.NaN(), true
		}
		t = strings.ReplaceAll(t, "_", "")
	}
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	var intPart, frac, group string
	switch {
	case dots > 0 && commas > 0:
		dec := "."
		if strings.LastIndex(t, ",") > strings.LastIndex(t, ".") {
			dec = ","
		}
		group = map[string]string{".": ",", ",": "."}[dec]
		if strings.Count(t, dec) != 1 {
			return math.NaN(), true
		}
		intPart, frac, _ = strings.Cut(t, dec)
	case commas == 1 && len(t)-strings.Index(t, ",")-1 <= 2:
		intPart, frac, _ = strings.Cut(t, ",")
	case commas > 0:
		intPart, group = t, ","
	case dots == 1:
		intPart, frac, _ = strings.Cut(t, ".")
	case dots > 1:
		intPart, group = t, "."
	default:
		intPart = t
	}
	if strings.ContainsAny(frac, ".,") || strings.Contains(t, ".") && strings.Contains(t, ",") && frac == "" {
		return math.NaN(), true
	}
	if group != "" && strings.Contains(intPart, group) {
		if !groupRE[group].MatchString(intPart) && !(group == "," && indianRE.MatchString(intPart)) {
			return math.NaN(), true
		}
		intPart = strings.ReplaceAll(intPart, group, "")
	}
	if intPart == "" || strings.ContainsAny(intPart, ".,") {
		return math.NaN(), true
	}
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return math.NaN(), true
	}
	return f, true
}

var (
	gapRE   = regexp.MustCompile(`^\d{1,3}(_\d{3})+([.,]\d{1,2})?$`)
	groupRE = map[string]*regexp.Regexp{
		",": regexp.MustCompile(`^\d{1,3}(,\d{3})+$`),
		".": regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`),
	}
	indianRE = regexp.MustCompile(`^\d{1,2}(,\d{2})+,\d{3}$`)
)

// PayRange is a pay range's figures as stored: a range whose minimum is
// above its maximum (both given) is no reading of the board's pay, NaN for
// both, which the pipeline drops with a warning (instead of swapping them
// silently).
func PayRange(lo, hi float64) (float64, float64) {
	if lo > 0 && hi > 0 && lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}
