package watch

import "os"

// longTests is the one switch for the full-size suites (WATCHER_LONG_TESTS=1,
// as CI runs them): without it each long suite runs a bounded quick version
// that still exercises the failure it guards, so that `go test ./...`
// stays under a minute.
var longTests = os.Getenv("WATCHER_LONG_TESTS") == "1"

// size is quick in the default run and long under WATCHER_LONG_TESTS=1.
func size(quick, long int) int {
	if longTests {
		return long
	}
	return quick
}
