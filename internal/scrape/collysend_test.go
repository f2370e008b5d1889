package scrape

// The tests of this package run the Pool on the watcher's sender, colly's;
// TestSendersAgree also runs the plain one.
import _ "github.com/careers-watcher/careers-watcher/internal/scrape/collysend"
