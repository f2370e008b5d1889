package report

import (
	"strconv"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

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

// truncate shortens s to at most n runes, with an ellipsis (diff.Truncate's
// rule, redact.CutText).
func truncate(s string, n int) string { return redact.CutText(s, n) }

// payLabel is "USD / year".
func payLabel(currency, period string) string {
	return currency + " / " + period
}
