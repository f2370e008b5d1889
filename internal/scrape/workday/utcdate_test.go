package workday

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// A posted instant with an offset is dated in UTC (scrapetest.UTCDates).
func TestPostedDateIsUTC(t *testing.T) { scrapetest.UTCDates(t, "date", date) }
