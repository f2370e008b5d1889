package jsonld

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// A posted instant with an offset is dated in UTC (scrapetest.UTCDates).
func TestPostedDateIsUTC(t *testing.T) { scrapetest.UTCDates(t, "date", date) }

// Verify s17 F12: a placeholder date is no date, whichever layout reads
// it.
func TestImplausiblePostedDatesAreNone(t *testing.T) {
	for _, s := range []string{"0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00", "2026-11-01T23:30:00+25:00", "01/01/0001", "December 31, 9999"} {
		if got := date(s); got != "" {
			t.Errorf("date(%q) = %q, want none", s, got)
		}
	}
}
