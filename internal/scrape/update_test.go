package scrape_test

// The -update flag of the golden files (see scrapetest) is registered here
// too, so that go test ./internal/scrape/... -update runs in every package.
import _ "github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
