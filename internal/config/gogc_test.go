package config_test

import (
	"flag"
	"os"
	"runtime/debug"
	"testing"
)

// testGOGC is the garbage collector's target for this package's tests
// unless GOGC is set or benchmarks run: the tests parse configs of 10,000
// sources and load the taxonomy dozens of times, short-lived heaps that a
// collection at 5x the live heap instead of 2x reaches less often (as
// internal/cli's tests). No test here measures memory; BenchmarkParseFleet
// reports a peak heap, so a benchmark run keeps the default.
const testGOGC = 400

func TestMain(m *testing.M) {
	flag.Parse()
	if os.Getenv("GOGC") == "" && flag.Lookup("test.bench").Value.String() == "" {
		debug.SetGCPercent(testGOGC)
	}
	os.Exit(m.Run())
}
