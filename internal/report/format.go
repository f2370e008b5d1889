package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// fmtInt writes n with comma thousands separators.
func fmtInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fmtAmount writes a pay amount: whole numbers with separators, else two
// decimals.
func fmtAmount(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return fmtInt(int64(f))
	}
	whole := math.Trunc(f)
	frac := math.Round(math.Abs(f-whole) * 100)
	if frac >= 100 {
		whole += math.Copysign(1, f)
		frac = 0
	}
	return fmt.Sprintf("%s.%02d", fmtInt(int64(whole)), int(frac))
}

// fmtRange writes "lo–hi" or a single value.
func fmtRange(lo, hi float64) string {
	if lo == hi {
		return fmtAmount(lo)
	}
	return fmtAmount(lo) + "–" + fmtAmount(hi)
}

// fmtStats writes min / median / max.
func fmtStats(s Stats) string {
	return fmtAmount(s.Min) + " / " + fmtAmount(s.Median) + " / " + fmtAmount(s.Max)
}

// fmtPct writes a share as a percentage with one decimal.
func fmtPct(f float64) string {
	return strconv.FormatFloat(f*100, 'f', 1, 64) + "%"
}

// fmtPoints writes a change of share in percentage points, signed.
func fmtPoints(f float64) string {
	s := strconv.FormatFloat(f*100, 'f', 1, 64)
	if f > 0 {
		s = "+" + s
	}
	return s + " pp"
}

// fmtSigned writes +n, -n or 0.
func fmtSigned(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// plain makes untrusted text safe for one line of a terminal or a table
// cell: control and bidi formatting characters are dropped, runs of
// whitespace (newlines included) become one space.
func plain(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// truncate shortens s to at most n runes, with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// payLabel is "USD / year".
func payLabel(currency, period string) string {
	return currency + " / " + period
}
