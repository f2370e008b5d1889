package cli

import (
	"os"
	"runtime/debug"
	"strconv"
)

// testGOGC is the garbage collector's target for this test binary and the
// watcher processes it starts (which inherit it through the environment),
// unless GOGC is set: these tests run the watcher hundreds of times in
// short-lived runs whose heaps stay small; letting the heap grow to 5x
// what is live before a collection instead of 2x takes about 8% less CPU
// (internal/cli's tests at load 20: 30 CPU-s against 32-34). No test here
// measures memory.
const testGOGC = 400

// lessGC applies testGOGC (from TestMain, before any test runs).
func lessGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	os.Setenv("GOGC", strconv.Itoa(testGOGC))
	debug.SetGCPercent(testGOGC)
}
