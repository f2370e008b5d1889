package normalize

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// krone stands for "kr" until the role's country says which crown it is.
const krone = "kr"

// dollar stands for a bare "$" until the role's country says which dollar
// it is: "$90,000 - $110,000" for a role in Toronto is in Canadian dollars,
// as "kr" in Oslo is in kroner; elsewhere, or with places in several
// countries, it is the US dollar.
const dollar = "$"

// dollarCountries are the currencies written with a bare "$" where they
// are paid.
var dollarCountries = map[string]bool{"CAD": true, "AUD": true, "NZD": true, "SGD": true, "HKD": true,
	"MXN": true, "TWD": true}

// dollarCode says whether code is the ISO code of a dollar (or another
// currency written "$").
func dollarCode(code string) bool {
	return code == "USD" || dollarCountries[code]
}

// currencySymbols maps a symbol (with its optional letter prefix) to ISO 4217.
// Longer spellings come first.
var currencySymbols = []struct{ sym, code string }{
	{"US$", "USD"}, {"CA$", "CAD"}, {"C$", "CAD"}, {"AU$", "AUD"}, {"A$", "AUD"}, {"NZ$", "NZD"},
	{"S$", "SGD"}, {"HK$", "HKD"}, {"R$", "BRL"}, {"MX$", "MXN"},
	{"$", dollar}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}, {"₩", "KRW"}, {"₪", "ILS"},
	{"zł", "PLN"}, {"kr", krone}, {"CHF", "CHF"}, {"Rs.", "INR"}, {"Rs", "INR"},
}

var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "CAD": true, "AUD": true, "NZD": true, "PLN": true, "INR": true,
	"JPY": true, "CHF": true, "SEK": true, "NOK": true, "DKK": true, "SGD": true, "HKD": true, "BRL": true,
	"MXN": true, "KRW": true, "CNY": true, "ZAR": true, "ILS": true, "TRY": true, "CZK": true, "HUF": true,
	"RON": true, "TWD": true, "THB": true, "PHP": true, "IDR": true, "MYR": true, "ARS": true, "CLP": true,
	"COP": true, "AED": true, "SAR": true,
}

// MaxPay bounds a pay figure, in any currency and period: no salary comes
// near it (a yearly pay in rials or dong stays well below). A larger
// figure, a negative one or one that is not finite is not pay: from a text
// ("$999...9", hundreds of digits, which made +Inf) or from a platform's
// structured pay (see PlausibleSalary).
const MaxPay = 1e12

// maxDigits bounds the integer digits of an amount read from a text: more
// are more than MaxPay, and are not added up (400 of them overflow to +Inf).
const maxDigits = 13

// PlausibleSalary reports whether a pay range's figures are finite, not
// negative, and at most MaxPay (0 stands for a missing end).
func PlausibleSalary(s model.Salary) bool {
	for _, v := range []float64{s.Min, s.Max} {
		if math.IsNaN(v) || v < 0 || v > MaxPay {
			return false
		}
	}
	return true
}

// amount is a number read from a text.
type amount struct {
	val        float64
	start, end int  // byte offsets of the digits (and suffix)
	k, m       bool // a K or M suffix
	wan        bool // a "w" suffix (万, ten thousands)
	// lakh: an Indian "lakh(s)"/"lac(s)" after the amount (hundred
	// thousands); lpa: "LPA", lakhs per annum, which is pay in rupees a
	// year whatever else the text says
	lakh, lpa bool
}

// Salaries returns every pay range (or single amount) stated in text, in
// order of appearance, without repeats. An amount counts only with a
// currency marker ("$", "€", "USD", "PLN" ...): "401(k)" is not pay.
// Ranges: "$100,000 - $720,000", "$100K - $500K", "€60.000 - €80.000", "USD
// 150,000 to 200,000", "PLN 20 000 - 30 000 per month", "$45.50 - $60 per
// hour". The period comes from "per year/month/week/day/hour", "/hr",
// "hourly", "annually" ... near the amount, else year for amounts of 1000
// and more and hour below.
func Salaries(text string) []model.Salary {
	return salaries(text, "")
}

// salaries reads pay like Salaries; def, when not "", is the currency of
// the role's country, taken for amounts without a currency in a sentence
// that talks about pay ("Salary: 60,000 - 80,000 per year" in Berlin).
func salaries(text, def string) []model.Salary {
	out := []model.Salary{}
	for i := 0; i < len(text); {
		j := nextDigit(text, i)
		if j < 0 {
			break
		}
		if j > 0 && (isASCIIAlnum(text[j-1]) || text[j-1] == '.' || text[j-1] == ',') {
			i = skipNumber(text, j)
			continue
		}
		s, end, ok := readPay(text, j, def)
		if !ok {
			i = skipNumber(text, j)
			continue
		}
		// "min_payrange: $143,736" then "max_payrange: $191,900": one
		// range written as two labelled amounts.
		if s.Min == s.Max && labelBefore(text, j, "min") {
			if k := nextDigit(text, end); k >= 0 && k-end < 80 && labelBefore(text, k, "max") {
				if s2, end2, ok := readPay(text, k, def); ok && s2.Currency == s.Currency && s2.Min == s2.Max && s2.Max > s.Min {
					s.Max, end = s2.Max, end2
				}
			}
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
		i = end
	}
	return out
}

func nextDigit(s string, i int) int {
	if j := indexDigit(s[i:]); j >= 0 {
		return i + j
	}
	return -1
}

func skipNumber(s string, i int) int {
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',' || s[i] == '.') {
		i++
	}
	return i
}

// prefixCurrency finds a currency marker just before offset j (up to two
// spaces between): "$", "US$", "€", "USD ".
func prefixCurrency(s string, j int) (string, bool) {
	k := j
	for n := 0; n < 2 && k > 0; n++ {
		if s[k-1] == ' ' {
			k--
		} else if strings.HasSuffix(s[:k], "\u00a0") {
			k -= len("\u00a0")
		}
	}
	head := s[:k]
	if strings.HasSuffix(head, "kr.") || strings.HasSuffix(head, "Kr.") {
		head = head[:len(head)-1] // "Årslønn kr. 600 000": the crown abbreviated with a dot
	}
	for _, c := range currencySymbols {
		if strings.HasSuffix(head, c.sym) {
			before := len(head) - len(c.sym)
			if c.sym == "kr" || c.sym == "zł" || c.sym == "CHF" || c.sym == "Rs" || c.sym == "Rs." {
				if before > 0 && isASCIIAlnum(head[before-1]) {
					continue
				}
			}
			if c.sym == "$" {
				// a code before the sign names the dollar: "AUD $120k",
				// "SGD$6,000"
				b := strings.TrimRight(head[:before], " ")
				if len(b) >= 3 && currencyCodes[b[len(b)-3:]] && (len(b) == 3 || !isASCIIAlnum(b[len(b)-4])) {
					return b[len(b)-3:], true
				}
				if before > 0 && head[before-1] >= 'A' && head[before-1] <= 'Z' {
					continue // an unknown "XY$" prefix
				}
			}
			return c.code, true
		}
	}
	if len(head) >= 3 {
		code := head[len(head)-3:]
		if currencyCodes[code] && (len(head) == 3 || !isASCIIAlnum(head[len(head)-4])) {
			return code, true
		}
	}
	return "", false
}

// suffixCurrency finds a currency marker right after offset i ("60.000 €",
// "20 000 PLN", "5000 zł").
func suffixCurrency(s string, i int) (string, int, bool) {
	k := i
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k-i > 1 {
		return "", i, false
	}
	rest := s[k:]
	if rest == "" || !suffixFirst[rest[0]] {
		return "", i, false
	}
	for _, c := range suffixCurrencies {
		if len(rest) >= len(c.sym) && strings.EqualFold(rest[:len(c.sym)], c.sym) {
			e := k + len(c.sym)
			if e < len(s) && isASCIIAlnum(s[e]) {
				continue
			}
			return c.code, e, true
		}
	}
	if len(rest) >= 3 && currencyCodes[rest[:3]] && (len(rest) == 3 || !isASCIIAlnum(rest[3])) {
		return rest[:3], k + 3, true
	}
	return "", i, false
}

// suffixCurrencies follow an amount: "60.000 €", "2100 euros", "5000 zł",
// "₹ after", "90 000 kr", "600 000 kroner", "45 000 kronor".
var suffixCurrencies = []struct{ sym, code string }{
	{"€", "EUR"}, {"£", "GBP"}, {"zł", "PLN"}, {"kroner", krone}, {"kronor", krone}, {"kr", krone}, {"$", dollar}, {"₹", "INR"}, {"¥", "JPY"},
	{"₩", "KRW"}, {"₪", "ILS"}, {"euros", "EUR"}, {"euro", "EUR"}, {"dollars", "USD"}, {"pounds", "GBP"},
	{"złotych", "PLN"}, {"zloty", "PLN"}, {"francs", "CHF"}, {"rupees", "INR"}, {"元", "CNY"}, {"円", "JPY"},
}

// suffixFirst marks the bytes a suffix currency may start with.
var suffixFirst = func() (t [256]bool) {
	for _, c := range suffixCurrencies {
		t[c.sym[0]] = true
		if b := c.sym[0]; b >= 'a' && b <= 'z' {
			t[b-32] = true
		}
	}
	for code := range currencyCodes {
		t[code[0]] = true
	}
	return
}()

// readNumber reads "100,000", "60.000", "20 000", "45.50", "1.5k", "100K".
func readNumber(s string, i int) (amount, bool) {
	a := amount{start: i}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return a, false
	}
	intPart := s[i:j]
	if e, d, ok := lakhGroups(s, i); ok {
		// "₹12,00,000": the Indian grouping, by lakhs and crores
		intPart, j = d, e
	}
	frac := ""
	digits := func(k, n int) bool {
		if k+n > len(s) {
			return false
		}
		for x := k; x < k+n; x++ {
			if s[x] < '0' || s[x] > '9' {
				return false
			}
		}
		return k+n == len(s) || s[k+n] < '0' || s[k+n] > '9'
	}
	for j < len(s) {
		c := s[j]
		sepLen := 0
		switch {
		case c == ',' || c == '.' || c == ' ' || c == '\'':
			sepLen = 1
		case strings.HasPrefix(s[j:], "\u00a0"):
			sepLen = len("\u00a0")
		case strings.HasPrefix(s[j:], "\u202f"):
			sepLen = len("\u202f")
		}
		if sepLen == 0 {
			break
		}
		if digits(j+sepLen, 3) && len(intPart) <= 3 || digits(j+sepLen, 3) && frac == "" && groupOK(intPart) {
			intPart += s[j+sepLen : j+sepLen+3]
			j += sepLen + 3
			if len(intPart) > maxAmountDigits {
				// out of any pay's bounds already: the rest of its
				// groups is not read (a text of "1 000 000 000 ..." is
				// not read to its end at each group)
				break
			}
			continue
		}
		if (c == '.' || c == ',') && frac == "" {
			k := j + 1
			for k < len(s) && k-j <= 2 && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if n := k - j - 1; n >= 1 && n <= 2 && (k == len(s) || s[k] < '0' || s[k] > '9') {
				frac = s[j+1 : k]
				j = k
			}
		}
		break
	}
	if e := exponent(s, j); e > j {
		// "1e309": a number in scientific notation is not an amount
		a.val, a.end = math.NaN(), e
		return a, true
	}
	if len(intPart) > maxDigits {
		a.val = math.Inf(1) // not pay (readPay), whatever follows
		a.end = j
		return a, true
	}
	// The digits after the point are read as a whole number of cents
	// and divided once ("32.84" is 3284/100): adding 0.8 and 0.04 one by
	// one gave 32.839999999999996.
	v := 0.0
	for _, d := range intPart + frac {
		v = v*10 + float64(d-'0')
	}
	v /= math.Pow10(len(frac))
	a.val = v
	if j < len(s) && (s[j] == 'k' || s[j] == 'K') && (j+1 == len(s) || !isASCIIAlnum(s[j+1])) {
		a.k = true
		a.val *= 1000
		j++
	} else if strings.HasPrefix(s[j:], "万") {
		a.k = true // "40-150万": ten thousands
		a.val *= 10000
		j += len("万")
	} else if j < len(s) && (s[j] == 'w' || s[j] == 'W') && (j+1 == len(s) || !isASCIIAlnum(s[j+1])) {
		a.k, a.wan = true, true // "总包 40w ~ 150w": 万 written as w (only with yuan)
		a.val *= 10000
		j++
	} else if w := " thousand"; strings.HasPrefix(s[j:], w) && (j+len(w) == len(s) || !isASCIIAlnum(s[j+len(w)])) {
		a.k = true // "between 100 and 120 thousand"
		a.val *= 1000
		j += len(w)
	} else if kSpaced(s, j) {
		a.k = true // "45 K€ - 55 K€": the French thousands, spaced
		a.val *= 1000
		j += 2
	} else if w := " mil"; strings.HasPrefix(s[j:], w) && j+len(w) < len(s) && s[j+len(w)] == ' ' {
		if _, _, ok := suffixCurrency(s, j+len(w)); ok {
			a.k = true // "entre 30 y 35 mil euros": Spanish thousands, before a currency
			a.val *= 1000
			j += len(w)
		}
	} else if j < len(s) && s[j] == 'M' && (j+1 == len(s) || !isASCIIAlnum(s[j+1])) {
		a.m = true // "¥15M", "$1.2M"
		a.val *= 1e6
		j++
	}
	if strings.HasPrefix(s[j:], ",-") && (j+2 == len(s) || s[j+2] < '0' || s[j+2] > '9') {
		j += 2 // "600.000,-": Norwegian whole kroner
	}
	if !a.k && !a.m && !a.wan {
		if e, lpa, ok := lakhUnit(s, j); ok {
			// "12 LPA", "12-15 LPA", "₹8 lakhs per annum": Indian pay in
			// lakhs (hundred thousands) of rupees
			a.lakh, a.lpa = true, lpa
			a.val *= 100000
			j = e
		}
	}
	a.end = j
	return a, true
}

// lakhUnit reads an Indian lakh unit at i, after spaces: "LPA" (also
// "L.P.A."), lakhs per annum (lpa true), or "lakh", "lakhs", "lac", "lacs"
// (lpa false); end is past it.
func lakhUnit(s string, i int) (end int, lpa, ok bool) {
	k := i
	for k < len(s) && s[k] == ' ' && k-i < 2 {
		k++
	}
	e := k
	for e < len(s) && e-k <= 6 && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z' || s[e] == '.') {
		e++ // the units are six bytes at most ("L.P.A."): a longer word is none
	}
	w := strings.TrimRight(s[k:e], ".")
	if w == "" || e < len(s) && isASCIIAlnum(s[e]) {
		return i, false, false
	}
	switch strings.ToLower(strings.ReplaceAll(w, ".", "")) {
	case "lpa":
		return k + len(w), true, true
	case "lakh", "lakhs", "lac", "lacs":
		// "8-12 lakhs per annum" is LPA written out
		after := strings.ToLower(s[k+len(w) : min(len(s), k+len(w)+12)])
		for _, p := range []string{" per annum", " p.a", " pa ", " per year", " a year", " annually"} {
			if strings.HasPrefix(after, p) || strings.HasPrefix(after+" ", p) {
				return k + len(w), true, true
			}
		}
		return k + len(w), false, true
	}
	return i, false, false
}

// lakhGroups reads a number grouped the Indian way at i: one or two
// digits, then groups of two, then a last group of three ("12,00,000",
// "1,20,00,000"); it returns the end, the digits and whether it was one.
func lakhGroups(s string, i int) (end int, digits string, ok bool) {
	j := i
	for j < len(s) && j-i < 3 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if n := j - i; n == 0 || n > 2 {
		return 0, "", false
	}
	d := s[i:j]
	pairs := 0
	for j+3 <= len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && (j+3 == len(s) || !isDigit(s[j+3])) && pairs < 8 {
		d += s[j+1 : j+3]
		j += 3
		pairs++
	}
	if pairs == 0 || j+4 > len(s) || s[j] != ',' || !isDigit(s[j+1]) || !isDigit(s[j+2]) || !isDigit(s[j+3]) ||
		j+4 < len(s) && isDigit(s[j+4]) {
		return 0, "", false
	}
	return j + 4, d + s[j+1:j+4], true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// kSpaced says whether " K" at i, a space then the thousands' K, stands
// right before a euro sign or code ("45 K€", "55 k EUR" is not read: the
// sign must follow the K).
func kSpaced(s string, i int) bool {
	if i+2 >= len(s) || s[i] != ' ' || s[i+1] != 'K' && s[i+1] != 'k' {
		return false
	}
	return strings.HasPrefix(s[i+2:], "€") || strings.HasPrefix(s[i+2:], "EUR") && (i+5 == len(s) || !isASCIIAlnum(s[i+5]))
}

// exponent is the end of an exponent ("e309", "E+6") at i, or i when there
// is none.
func exponent(s string, i int) int {
	if i >= len(s) || s[i] != 'e' && s[i] != 'E' {
		return i
	}
	k := i + 1
	if k < len(s) && (s[k] == '+' || s[k] == '-') {
		k++
	}
	d := k
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == d {
		return i
	}
	return k
}

// groupOK says whether digits read so far can take another thousands group.
func groupOK(intPart string) bool { return len(intPart) >= 4 }

// maxAmountDigits is the most digits an amount read as pay has: more
// than any pay in any currency.
const maxAmountDigits = 18

// bigWords follow amounts that are not pay ("$1 billion").
var bigWords = []string{"million", "billion", "trillion", "bn", "mm", "m", "b", "mn"}

func followedByBigWord(s string, i int) bool {
	k := i
	for k < len(s) && s[k] == ' ' {
		k++
	}
	e := k
	for e < len(s) && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z') {
		e++
	}
	if e == k {
		return false
	}
	w := strings.ToLower(s[k:e])
	for _, b := range bigWords {
		if w == b && (len(w) > 1 || k == i) {
			return true
		}
	}
	return false
}

// readPay reads a pay range or single amount starting with the digit at j.
func readPay(s string, j int, def string) (model.Salary, int, bool) {
	a, ok := readNumber(s, j)
	if !ok || followedByBigWord(s, a.end) || standardNumber(s, j) {
		return model.Salary{}, 0, false
	}
	cur, _ := prefixCurrency(s, j)
	end := a.end
	// named is a currency code written after an amount whose symbol is a
	// bare "$" ("$135,481—$227,700 USD", "$90,000 CAD"): the code says
	// which dollar, whatever the role's country
	named := ""
	if c, e, ok := suffixCurrency(s, end); ok {
		if cur == "" {
			cur = c
		}
		if cur == dollar && dollarCode(c) {
			named = c
		}
		end = e
	}
	// A unit right after the amount ("$45/hr to $60/hr") is read with the
	// period below.
	k := end
	if k+1 < len(s) && s[k] == '/' && s[k+1] >= 'a' && s[k+1] <= 'z' {
		for k++; k < len(s) && s[k] >= 'a' && s[k] <= 'z'; k++ {
		}
	}
	// A range: "-", "–", "—", "~", "to", "and", "bis", "à" then a second
	// amount, also past a note in parentheses ("$100,000 (depending on
	// experience) - $130,000").
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && s[k] == '(' {
		if c := strings.IndexByte(s[k:], ')'); c > 0 && c < 60 && !strings.ContainsAny(s[k:k+c], "\n") {
			m := k + c + 1
			for m < len(s) && s[m] == ' ' {
				m++
			}
			if rangeSep(s[m:]) > 0 {
				k = m
			}
		}
	}
	sep := rangeSep(s[k:])
	if sep == 0 && betweenBefore(s, j) {
		sep = betweenAnd(s[k:])
	}
	var b amount
	ranged := false
	if sep > 0 {
		m := k + sep
		for m < len(s) && s[m] == ' ' {
			m++
		}
		m += rangeFiller(s[m:]) // "30 000 - till över 50 000 kr"
		m2 := m
		cur2 := ""
		for _, c := range currencySymbols {
			if strings.HasPrefix(s[m:], c.sym) && c.sym != "kr" && c.sym != "zł" {
				cur2, m2 = c.code, m+len(c.sym)
				break
			}
			// "fra kr 650 000 til kr 800 000": the crown before the
			// upper amount, a word of its own
			if c.sym == "kr" && (strings.HasPrefix(s[m:], "kr ") || strings.HasPrefix(s[m:], "kr. ")) {
				if d := strings.IndexByte(s[m:], ' ') + m + 1; d < len(s) && s[d] >= '0' && s[d] <= '9' {
					cur2, m2 = krone, d
					break
				}
			}
		}
		if m2 == m && len(s)-m >= 4 && currencyCodes[s[m:m+3]] && s[m+3] == ' ' {
			cur2, m2 = s[m:m+3], m+4
		}
		for m2 < len(s) && s[m2] == ' ' {
			m2++
		}
		if bb, ok := readNumber(s, m2); ok && !followedByBigWord(s, bb.end) {
			b, ranged = bb, true
			end = bb.end
			if c, e, ok := suffixCurrency(s, end); ok {
				if cur2 == "" {
					cur2 = c
				}
				if (cur == dollar || cur == "" && cur2 == dollar) && dollarCode(c) {
					named = c
				}
				end = e
			}
			if cur == "" {
				cur = cur2
			}
		}
	}
	if cur == dollar && named != "" {
		cur = named
	}
	if cur == dollar {
		cur = "USD"
		if dollarCountries[def] {
			cur = def
		}
	}
	if cur == krone {
		// "kr" is the krona or the krone: the role's country says which
		cur = "SEK"
		if def == "NOK" || def == "DKK" || def == "ISK" {
			cur = def
		}
	}
	if cur == "" && def != "" && (ranged && (b.val >= 1000 || b.k) || a.val >= 10000) && payWordNear(s, j, end) &&
		!placeAfter(s, end) {
		cur = def
	}
	if cur == "" && def == "CNY" && ranged && b.k && !b.wan {
		cur = def // "工程师25-40k 架构师35-50k": in a Chinese posting, k ranges are pay
	}
	if cur == "" && (a.lpa || b.lpa || (a.lakh || b.lakh) && payWordNear(s, j, end)) {
		cur = "INR" // "12-15 LPA", "CTC: 8 lakhs": lakhs are rupees
	}
	if cur == "" || (a.wan || b.wan) && cur != "CNY" {
		return model.Salary{}, 0, false
	}
	if cur == "CNY" && strings.Contains(s[j:end], "元") && !payWordNear(s, j, end) {
		return model.Salary{}, 0, false // "补贴500元": yuan, but no word of pay
	}
	lo, hi := a.val, a.val
	if ranged {
		if b.k && !a.k && !a.m && a.val < 1000 && strings.HasSuffix(s[:b.end], "万") {
			a.val *= 10000
		} else if b.k && !a.k && !a.m && a.val < 1000 {
			a.val *= 1000
		} else if b.m && !a.m && !a.k && a.val < 1000 {
			a.val *= 1e6 // "$1.2-1.8M"
		} else if b.lakh && !a.lakh && !a.k && !a.m && a.val < 1000 {
			a.val *= 100000 // "12-15 LPA"
		}
		lo, hi = a.val, b.val
		if lo > hi {
			lo, hi = hi, lo
		}
	}
	if lo <= 0 || !PlausibleSalary(model.Salary{Min: lo, Max: hi}) {
		return model.Salary{}, 0, false
	}
	period := periodNear(s, j, end)
	if period == "" && (a.lpa || b.lpa) {
		period = "year" // lakhs per annum
	}
	if additionAfter(s, end) {
		return model.Salary{}, 0, false // "10-30 kr per timme extra på din lön": an addition to the pay
	}
	if ranged && (a.m || b.m) && notPayNear(s, j, end) {
		return model.Salary{}, 0, false // "$50–200M ARR range": a company's figures
	}
	if incentiveFigure(s, j, end) {
		return model.Salary{}, 0, false // "up to $120,000 in performance-based incentives"
	}
	if ranged && notPayBefore(s, j) {
		return model.Salary{}, 0, false // "A training budget of 10.000 EUR and 10 days"
	}
	if !ranged {
		if period == "" && (hi < 1000 || a.m) {
			return model.Salary{}, 0, false // "$5", "raised $50M"
		}
		if notPayNear(s, j, end) && !payThenExtra(s, j, end) {
			return model.Salary{}, 0, false
		}
	}
	if period == "" {
		period = defaultPeriod(hi)
		if hi >= 1000 && hi < 12000 {
			// "2100 euros nets": no yearly pay is this small
			period = "month"
		}
		if (cur == "SEK" || cur == "NOK" || cur == "DKK") && hi >= 1000 && hi < 200000 {
			// Swedish, Norwegian and Danish pay is quoted by the month
			// ("Lön 30 000 kr", PROTOCOL.md); a yearly figure is larger.
			period = "month"
		}
		if (cur == "PLN" || cur == "BRL") && hi >= 1000 && hi < 60000 {
			// Polish and Brazilian pay is quoted by the month ("15-20k
			// netto B2B", "R$ 8.000"); a yearly figure is larger.
			period = "month"
		}
		if cur == "JPY" && hi >= 1000 && hi < 1500000 {
			// Japanese pay is quoted by the month ("月給 30万円") or the
			// year ("年収 600万円"); no yearly pay is this small
			period = "month"
		}
		if cur == "CNY" && hi >= 1000 && hi < 100000 {
			// Pay in China is quoted by the month ("15-30k"); a yearly
			// figure says so (年薪) or is larger.
			period = "month"
		}
	}
	return model.Salary{Min: lo, Max: hi, Currency: cur, Period: period}, end, true
}

func defaultPeriod(max float64) string {
	if max >= 1000 {
		return "year"
	}
	return "hour"
}

// periodPhrases, checked after the amount, then before it.
var periodPhrases = []struct{ phrase, period string }{
	{"per hour", "hour"}, {"an hour", "hour"}, {"/hour", "hour"}, {"/hr", "hour"}, {"per hr", "hour"}, {"hourly", "hour"}, {"/h ", "hour"},
	{"per year", "year"}, {"per annum", "year"}, {"a year", "year"}, {"/year", "year"}, {"/yr", "year"}, {"per yr", "year"},
	{"annually", "year"}, {"annual", "year"}, {"yearly", "year"}, {"p.a.", "year"}, {"/annum", "year"},
	{"per month", "month"}, {"a month", "month"}, {"/month", "month"}, {"/mo", "month"}, {"monthly", "month"}, {"per mo", "month"},
	{"per week", "week"}, {"a week", "week"}, {"/week", "week"}, {"/wk", "week"}, {"weekly", "week"},
	{"per day", "day"}, {"a day", "day"}, {"/day", "day"}, {"daily", "day"},
	// other languages
	{"pro jahr", "year"}, {"/jahr", "year"}, {"im jahr", "year"}, {"jährlich", "year"}, {"jahresgehalt", "year"},
	{"par an", "year"}, {"/an ", "year"}, {"annuel", "year"}, {"par année", "year"}, {"al año", "year"},
	{"anual", "year"}, {"por año", "year"}, {"all'anno", "year"}, {"annui", "year"}, {"annuo", "year"},
	{"per jaar", "year"}, {"/jaar", "year"}, {"rocznie", "year"}, {"per år", "year"},
	{"pro monat", "month"}, {"/monat", "month"}, {"monatlich", "month"}, {"im monat", "month"},
	{"par mois", "month"}, {"/mois", "month"}, {"mensuel", "month"}, {"al mes", "month"}, {"mensual", "month"},
	{"/mes", "month"}, {"al mese", "month"}, {"mensili", "month"}, {"per maand", "month"}, {"/maand", "month"},
	{"miesięcznie", "month"}, {"per måned", "month"}, {"pro stunde", "hour"}, {"/stunde", "hour"},
	{"月薪", "month"}, {"/月", "month"}, {"每月", "month"}, {"12薪", "month"}, {"13薪", "month"}, {"14薪", "month"},
	{"15薪", "month"}, {"16薪", "month"}, {"年薪", "year"}, {"/年", "year"}, {"每年", "year"},
	{"日薪", "day"}, {"/天", "day"}, {"每天", "day"}, {"时薪", "hour"}, {"/小时", "hour"},
	{"总包", "year"}, {"年包", "year"},
	// Japanese ("月給 30万円〜", "年収 600万円〜900万円", "時給1,500円")
	{"月給", "month"}, {"年収", "year"}, {"年俸", "year"}, {"時給", "hour"}, {"日給", "day"},
	{"de l'heure", "hour"}, {"/heure", "hour"}, {"por hora", "hour"}, {"por mês", "month"}, {"/mês", "month"},
	{"por ano", "year"}, {"ao ano", "year"},
	// Danish, Norwegian, Swedish
	{"timlön", "hour"}, {"timeløn", "hour"}, {"timelønn", "hour"}, {"per timme", "hour"}, {"i timmen", "hour"},
	{"pr. time", "hour"}, {"i timen", "hour"},
	{"månadslön", "month"}, {"månedsløn", "month"}, {"månedslønn", "month"}, {"per månad", "month"},
	{"i månaden", "month"}, {"pr. måned", "month"}, {"i måneden", "month"}, {"/mån", "month"}, {"/md", "month"},
	{"årslön", "year"}, {"årsløn", "year"}, {"årslønn", "year"}, {"pr. år", "year"}, {"om året", "year"},
	// a contractor's rate by the hour or the day ("Max. Stundensatz: 73,50
	// EUR", "Tagessatz", "timepris", "taux journalier", "day rate")
	{"stundensatz", "hour"}, {"stundenlohn", "hour"}, {"stundensätze", "hour"}, {"tagessatz", "day"},
	{"tagessätze", "day"}, {"timepris", "hour"}, {"timesats", "hour"}, {"timpris", "hour"}, {"dagpris", "day"},
	{"taux journalier", "day"}, {"taux horaire", "hour"}, {"day rate", "day"}, {"daily rate", "day"},
	// the French daily rate of a contractor ("TJM : 500-600€")
	{"tjm", "day"}, {"/jour", "day"}, {"par jour", "day"},
}

// periodNear looks for a pay period in the rest of the sentence after the
// amount, then in the few words before it.
func periodNear(s string, start, end int) string {
	after := sentenceAfter(s, end, 48)
	if w, _, _ := strings.Cut(strings.TrimSpace(after), " "); spokenHour[strings.ToLower(strings.Trim(w, ",.;:!"))] {
		return "hour" // "Du får 266,66 kr timen": the hour, without "i" or "per"
	}
	if p := firstPeriod(after); p != "" {
		return p
	}
	return firstPeriod(sentenceBefore(s, start, 48))
}

// spokenHour are the Nordic words for "the hour" that say an amount is
// by the hour right after it ("266,66 kr timen", "180 kr timmen").
var spokenHour = map[string]bool{"timen": true, "timmen": true}

func firstPeriod(w string) string {
	w = strings.ToLower(w) + " "
	best, bestAt := "", len(w)+1
	for _, p := range periodPhrases {
		if i := strings.Index(w, p.phrase); i >= 0 && i < bestAt {
			// whole word at the start ("annual" but not "semiannual")
			if i > 0 && p.phrase[0] >= 'a' && p.phrase[0] <= 'z' && isWordByte(w[i-1]) {
				continue
			}
			best, bestAt = p.period, i
		}
	}
	return best
}

// sentenceAfter returns up to n bytes after i, cut at the end of the line or
// sentence.
func sentenceAfter(s string, i, n int) string {
	e := min(len(s), i+n)
	w := s[i:e]
	if k := strings.IndexByte(w, '\n'); k >= 0 {
		w = w[:k]
	}
	if k := strings.Index(w, ". "); k >= 0 {
		w = w[:k]
	}
	for len(w) > 0 && !utf8.ValidString(w) {
		w = w[:len(w)-1]
	}
	return w
}

func sentenceBefore(s string, i, n int) string {
	b := max(0, i-n)
	w := s[b:i]
	if k := strings.LastIndexByte(w, '\n'); k >= 0 {
		w = w[k+1:]
	}
	if k := strings.LastIndex(w, ". "); k >= 0 {
		w = w[k+2:]
	}
	for len(w) > 0 && !utf8.ValidString(w) {
		w = w[1:]
	}
	return w
}

// additionWords right after an amount (and its period) make it an
// addition to the pay, not the pay: "10-30 kr per timme extra på din lön",
// "20 kr/t i tillägg", "€200 on top".
var additionWords = []string{"extra", "ekstra", "i tillägg", "tillägg", "i tillegg", "tillegg", "tillæg", "zulage",
	"zuschlag", "on top"}

// additionAfter says whether the words after the amount ending at i, up to
// a period word, name an addition to the pay.
func additionAfter(s string, i int) bool {
	w := strings.Fields(strings.ToLower(sentenceAfter(s, i, 32)))
	for k := 0; k < len(w) && k < 5; k++ {
		x := strings.Trim(w[k], ".,;:!()")
		for _, a := range additionWords {
			if x == a || strings.Contains(a, " ") && strings.HasPrefix(strings.Join(w[k:], " "), a) {
				return true
			}
		}
		if !amountFiller[x] {
			return false // "30 000 kr + extra ersättning": the pay, then more
		}
	}
	return false
}

// amountFiller are the currency and period words between an amount and
// what is said of it ("kr per timme", "€ pro Monat", "/h").
var amountFiller = map[string]bool{"kr": true, "sek": true, "nok": true, "dkk": true, "eur": true, "€": true,
	"euro": true, "$": true, "usd": true, "per": true, "pr": true, "pro": true, "i": true, "om": true, "a": true,
	"timme": true, "timmen": true, "time": true, "timen": true, "timer": true, "h": true, "/h": true, "/t": true,
	"hour": true, "stunde": true, "månad": true, "månaden": true, "måned": true, "måneden": true, "mnd": true,
	"month": true, "monat": true, "kr/t": true, "kr/h": true, "kr/tim": true}

// notPayWords near a single amount say it is not a salary.
var notPayWords = []string{"stipend", "bonus", "reimburse", "allowance", "budget", "credit", "funding",
	"revenue", "raised", "valuation", "grant", "donat", "match", "per employee", "gift", "relocation", "sign-on",
	"coverage", "lifetime", "hra", "fsa", "hsa", "fertility", "insurance", "wellness", "per person", "prime",
	"augment", "raise", "increase", "commission", "equity", "referral", "prämie", "zuschuss", "workspace",
	"equipment", "expense", "visa", "costs", "voucher", "lunch", "meal", "learning", "conference", "coworking",
	"co-working", "internet", "phone", "gym",
	// a company's business figures ("over $100M in annual bookings")
	"bookings", "turnover", " arr ", " arr)", " arr,", "professional development", "personal development", "tuition", "annual recurring", "under management", "market cap", "in sales",
	// the ceiling of a pay system, not the job's pay ("the maximum salary
	// available for the GS pay system is $191,900")
	"pay system", "maximum salary available", "salary cap", "pay cap",
	// Danish, Norwegian, Swedish: allowance, grant, wellness, trip, prize,
	// commission, benefit, pension, insurance
	"bidrag", "tilskud", "tilskudd", "friskvård", "resa ", "reise", "rejse", "præmie", "premie", "provision",
	"provisjon", "förmån", "pension", "pensjon", "forsikring", "försäkring", "gavekort", "presentkort", "rabatt",
	"budsjett", "gadget", "utstyr",
	// a company's capital and sales in Japanese and Chinese ("資本金 3億円",
	// "売上高 50億円", "注册资本 500万元")
	"資本金", "売上", "注册资本", "融资", "营收",
	// Japanese allowances, subsidies, caps, gifts, stock options and raises
	// (review s33b F5: "交通費支給（月3万円まで）", "住宅手当 月2万円",
	// "入社祝い金 10万円", "年収アップ実績")
	"手当", "支給", "補助", "交通費", "祝い金", "上限", "まで", "ストックオプション", "昇給", "アップ", "福利厚生"}

// placeAfter says whether the amount that ends at i is a postal code: a
// known place follows it ("11455 Stockholm", "2300 København S").
func placeAfter(s string, i int) bool {
	loadNordic()
	rest := strings.TrimLeft(s[i:], " ")
	w := strings.FieldsFunc(prefix(rest, 40), func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '\n' })
	if len(w) == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w[0]); r < 'A' || r > 'Z' && r < 0x80 {
		return false // a place name starts with a capital
	}
	for n := min(len(w), 2); n >= 1; n-- {
		k := foldPlace(strings.Join(w[:n], " "))
		if _, ok := knownCities[k]; ok {
			return true
		}
		if _, ok := nordicMunis[k]; ok {
			return true
		}
		if _, ok := dkTowns[k]; ok {
			return true
		}
		if _, ok := nordicLocalities[k]; ok {
			return true
		}
	}
	return false
}

func notPayNear(s string, start, end int) bool {
	w := strings.ToLower(sentenceBefore(s, start, 64) + " " + sentenceAfter(s, end, 64))
	for _, x := range notPayWords {
		if strings.Contains(w, x) {
			return true
		}
	}
	return false
}

// incentiveWords name pay that depends on results or is no salary: an
// amount "in" them is an incentive, not the pay (PROTOCOL.md: equity,
// bonus and benefits are not pay).
var incentiveWords = []string{"incentive", "bonus", "commission", "equity", "stock", "rsu", "shares", "options"}

// incentiveFigure says whether the amount at s[j:end] is an incentive
// ("a $9,000 monthly retainer and up to $120,000 in performance-based
// incentives"): "in" and, within three words, an incentive word follow
// it; or a total right after it ("(up to $228,000 total annual
// compensation)") whose sentence names an incentive before it: the sum
// of the pay and the incentives, not the pay.
func incentiveFigure(s string, j, end int) bool {
	ws := strings.Fields(strings.ToLower(sentenceAfter(s, end, 60)))
	if len(ws) >= 2 && ws[0] == "in" {
		// the incentive word right after "in", or after words that
		// qualify it ("in performance-based incentives"), up to the
		// first joiner: "in cash, plus equity" is cash; a whole word
		// with its plural, not "Stockholm" (review s27b F2)
		for _, w := range ws[1:min(len(ws), 4)] {
			t := strings.Trim(w, ".,;:()")
			for _, x := range incentiveWords {
				if t == x || t == x+"s" || t == x+"es" {
					return true
				}
			}
			if t != w || t == "and" || t == "plus" || t == "with" || t == "or" {
				break // a joiner or a punctuation mark ends the phrase
			}
		}
	}
	if len(ws) >= 2 && (ws[0] == "total" || ws[0] == "ote" || ws[0] == "on-target") {
		before := strings.ToLower(sentenceBefore(s, j, 120))
		for _, x := range []string{"incentive", "bonus", "commission"} {
			if strings.Contains(before, x) {
				return true
			}
		}
	}
	return false
}

// extraJoiners add something to the pay named before them ("$140,000
// plus bonus", "65.000 € zzgl. Bonus").
var extraJoiners = []string{" plus ", "+", " and ", " zzgl", " zuzüglich", " as well as ", " in addition", " with ",
	" og ", " och ", " und ", " et "}

// payThenExtra says whether a single amount is the pay and the words of
// no pay beside it only name what comes on top of it ("Base salary of
// $140,000 per year plus bonus", "The salary for this role is €65,000
// plus a yearly bonus"): a word of pay just before it and none of no pay,
// and a joiner after it before the first word of no pay.
func payThenExtra(s string, start, end int) bool {
	before := strings.ToLower(sentenceBefore(s, start, 40))
	if !slices.ContainsFunc(payWords, func(x string) bool { return strings.Contains(before, x) }) ||
		slices.ContainsFunc(notPayWords, func(x string) bool { return strings.Contains(before, x) }) {
		return false
	}
	after := strings.ToLower(sentenceAfter(s, end, 64))
	first := len(after)
	for _, x := range notPayWords {
		if i := strings.Index(after, x); i >= 0 && i < first {
			first = i
		}
	}
	if first == len(after) {
		return false
	}
	head := after[:first]
	return slices.ContainsFunc(extraJoiners, func(x string) bool { return strings.Contains(head, x) })
}

// notPayBefore says whether the words just before a range name a benefit
// or a figure that is not pay ("a training budget of 1.000-2.000 EUR") and
// no word of pay: a pay sentence that names a bonus beside the salary
// ("Base salary + bonus: $100k-$150k") keeps its range.
func notPayBefore(s string, start int) bool {
	w := strings.ToLower(sentenceBefore(s, start, 40))
	for _, x := range payWords {
		if strings.Contains(w, x) {
			return false
		}
	}
	for _, x := range notPayWords {
		if strings.Contains(w, x) {
			return true
		}
	}
	return false
}

// standardNumber says whether the number at j is the number of a standard
// ("ISO/SAE 21434", "ISO 27001", "IEC 62443", "DIN EN 50110"), not an
// amount.
func standardNumber(s string, j int) bool {
	w := strings.TrimRight(prefixTail(s[:j], 12), " ")
	if k := strings.LastIndexAny(w, " (\n,;:"); k >= 0 {
		w = w[k+1:]
	}
	w = strings.ToUpper(w)
	if k := strings.LastIndexByte(w, '/'); k >= 0 {
		w = w[k+1:] // "ISO/SAE", "ISO/IEC"
	}
	switch w {
	case "ISO", "IEC", "SAE", "EN", "DIN", "IEEE", "NIST", "RFC", "ANSI", "BS", "ETSI", "UN":
		return true
	}
	return false
}

// prefixTail is the last n bytes of s at most, cut at a rune's start.
func prefixTail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	b := len(s) - n
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return s[b:]
}

// normalizePeriod maps a platform's pay period to year, month, week, day or
// hour ("" when unknown).
func normalizePeriod(p string) string {
	p = strings.ToLower(strings.TrimSpace(p))
	switch {
	case p == "":
		return ""
	case strings.Contains(p, "hour"):
		return "hour"
	case strings.Contains(p, "day") || strings.Contains(p, "daily"):
		return "day"
	case strings.Contains(p, "week"):
		return "week"
	case strings.Contains(p, "month"):
		return "month"
	case strings.Contains(p, "year") || strings.Contains(p, "annu") || p == "yr" || p == "salary":
		return "year"
	}
	return ""
}

// payWords say that a sentence talks about pay.
var payWords = []string{"salary", "salaries", "pay range", "compensation", "base pay", "gehalt", "vergütung",
	"salaire", "rémunération", "salario", "sueldo", "retribuzione", "stipendio", "salaris",
	"wynagrodzenie", "lønn", "lön", "løn", "palkka", "薪", "工资", "待遇", "payrange", "pay_range", "remuneração",
	"salário", "remuneración", "remunerazione", "löner", "lønnsnivå", "brutto",
	// Japanese: pay, monthly and hourly pay, yearly income, yearly salary
	"給与", "月給", "時給", "日給", "年収", "年俸", "報酬",
	// "Banda salarial" (not "salari": French "salariés" are employees)
	"salarial",
	// India's cost to company, the yearly pay ("CTC: 8 lakhs")
	"ctc"}

func payWordNear(s string, start, end int) bool {
	w := strings.ToLower(sentenceBefore(s, start, 80) + " " + sentenceAfter(s, end, 40))
	for _, x := range payWords {
		if strings.Contains(w, x) {
			return true
		}
	}
	// the Italian RAL (retribuzione annua lorda), a word of its own
	if strings.Contains(w, "ral") {
		for _, f := range strings.Fields(w) {
			if strings.Trim(f, ":.,;()") == "ral" {
				return true
			}
		}
	}
	return false
}

// countryCurrency is the currency of a country's pay.
var countryCurrency = map[string]string{
	"US": "USD", "CA": "CAD", "GB": "GBP", "IE": "EUR", "DE": "EUR", "FR": "EUR", "ES": "EUR", "IT": "EUR",
	"NL": "EUR", "BE": "EUR", "AT": "EUR", "PT": "EUR", "FI": "EUR", "LU": "EUR", "GR": "EUR", "EE": "EUR",
	"LV": "EUR", "LT": "EUR", "SK": "EUR", "SI": "EUR", "HR": "EUR", "CY": "EUR", "MT": "EUR", "CH": "CHF",
	"SE": "SEK", "NO": "NOK", "DK": "DKK", "PL": "PLN", "CZ": "CZK", "HU": "HUF", "RO": "RON", "BG": "BGN",
	"IN": "INR", "JP": "JPY", "KR": "KRW", "SG": "SGD", "HK": "HKD", "AU": "AUD", "NZ": "NZD", "BR": "BRL",
	"MX": "MXN", "IL": "ILS", "ZA": "ZAR", "AE": "AED", "CN": "CNY", "TW": "TWD", "AR": "ARS", "CL": "CLP",
	"CO": "COP", "TR": "TRY", "UA": "UAH",
}

// labelBefore says whether the line before offset j, up to it, is a label
// holding word ("min_payrange: $ 143,736", "Maximum salary: 90 000 €"), or
// ends in one when labelled fields were run together on one line
// ("min_payrange: $ 143,736 max_payrange: $ 191,900").
func labelBefore(s string, j int, word string) bool {
	// the line before the amount, its last 300 bytes at most (a label is
	// near; a line of a whole description with many amounts is not read
	// again from its start at each)
	b := strings.LastIndexByte(s[max(0, j-300):j], '\n') + 1
	if j > 300 {
		b += j - 300
	}
	head := strings.ToLower(s[b:j])
	if c := strings.IndexByte(head, ':'); c >= 0 && c < 40 && strings.Contains(head[:c], word) {
		return true
	}
	// the last "key:" right before the amount (a currency sign between)
	c := strings.LastIndexByte(head, ':')
	if c < 0 || len(strings.Trim(head[c+1:], " $€£¥")) > 0 {
		return false
	}
	f := strings.Fields(head[:c])
	return len(f) > 0 && len(f[len(f)-1]) <= 40 && strings.Contains(f[len(f)-1], word)
}

// rangeSep returns the length of a range separator at the start of s
// ("-", "–", "~", "to ", "bis ", "à "), or 0.
// rangeFiller returns the length of the words between a range's
// separator and its upper amount ("30 000 - till över 50 000 kr", "60.000
// - bis zu 80.000 €", "$50 - up to $80"), or 0.
func rangeFiller(s string) int {
	for _, w := range []string{"till över ", "upp till ", "till ", "över ", "bis zu ", "bis ", "up to ", "over ",
		"opp til ", "inntil ", "op til ", "til "} {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) && s[len(w)] >= '0' && s[len(w)] <= '9' {
			return len(w)
		}
	}
	return 0
}

func rangeSep(s string) int {
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "~"):
		return 1
	case strings.HasPrefix(s, "–"), strings.HasPrefix(s, "—"), strings.HasPrefix(s, "～"), strings.HasPrefix(s, "至"),
		strings.HasPrefix(s, "到"), strings.HasPrefix(s, "〜"): // "〜": the wave dash of Japanese ranges
		return len("–")
	}
	for _, w := range []string{"to ", "and ", "bis ", "à ", "a ", "til ", "till ", "tot ", "do "} {
		if strings.HasPrefix(s, w) {
			return len(w) - 1
		}
	}
	return 0
}

// betweenBefore reports whether the word right before the amount at j
// (past a currency sign) says "between": "mellom 85 000 og 95 000",
// "zwischen 50.000 und 60.000 €", "entre 30 000 et 40 000 €".
func betweenBefore(s string, j int) bool {
	before := strings.TrimRight(s[max(0, j-16):j], " $€£\u00a0")
	for _, w := range []string{"between", "mellom", "mellan", "zwischen", "entre", "tussen", "tussen de"} {
		if len(before) >= len(w) && strings.EqualFold(before[len(before)-len(w):], w) &&
			(len(before) == len(w) || before[len(before)-len(w)-1] == ' ' || before[len(before)-len(w)-1] == '\n') {
			return true
		}
	}
	return false
}

// betweenAnd returns the length of the "and" of "between X and Y" in the
// languages of betweenBefore, less its space as rangeSep, or 0.
func betweenAnd(s string) int {
	for _, w := range []string{"og ", "och ", "und ", "et ", "y ", "en ", "e "} {
		if strings.HasPrefix(s, w) {
			return len(w) - 1
		}
	}
	return 0
}

// markdownEntities are the entities a Markdown source writes into its
// text ("85&nbsp;000", "R&amp;D"): plain text, so they are read as the
// characters they stand for.
var markdownEntities = strings.NewReplacer("&nbsp;", "\u00a0", "&#160;", "\u00a0", "&amp;", "&")
