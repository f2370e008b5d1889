package scrape

import (
	"testing"
	"time"
)

// TestDatePrefixDropsImplausibleS17: year 0001, a 9999-12-31 placeholder
// (year 10000 in UTC), an offset out of range and years far from today are
// no posting date (review s17 F12); real dates are read as before.
func TestDatePrefixDropsImplausibleS17(t *testing.T) {
	far := time.Now().AddDate(3, 0, 0).Format(time.DateOnly)
	for in, want := range map[string]string{
		"0001-01-01T00:00:00+01:00": "",
		"0001-01-01":                "",
		"9999-12-31T23:59:59-12:00": "",
		"9999-12-31":                "",
		"1989-12-31":                "",
		far:                         "",
		"2026-11-01T10:00:00+25:00": "",
		"2026-11-01 10:00:00 +2500": "",
		"2026-11-01T10:00+99:00":    "",
		"1990-01-01":                "1990-01-01",
		"2026-11-01T23:30:00-05:00": "2026-11-02",
		"2026-11-01T10:00:00+14:00": "2026-10-31",
		"2026-08-05 10:10:39 UTC":   "2026-08-05",
		"2026-08-05T10:10:39":       "2026-08-05",
		"Posted 5 Days Ago":         "",
	} {
		if got := DatePrefix(in); got != want {
			t.Errorf("DatePrefix(%q) = %q, want %q", in, got, want)
		}
	}
}
