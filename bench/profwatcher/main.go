// Command profwatcher is the watcher (same arguments) with profiles of its
// run for `go tool pprof`: a CPU profile to $WATCHER_CPUPROFILE and a heap
// profile (taken at exit) to $WATCHER_HEAPPROFILE, when set. For the bench
// harness:
//
//	go build -o /tmp/profwatcher ./bench/profwatcher
//	go run ./bench -boards 250 -watcher /tmp/profwatcher -env WATCHER_CPUPROFILE=/tmp/cpu.pprof
//
// (each watcher run of the harness overwrites the file: the last run, the
// quiet cycle, is what stays).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/careers-watcher/careers-watcher/internal/cli"
)

func main() {
	if p := os.Getenv("WATCHER_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "profwatcher: cpu profile: %v\n", err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "profwatcher: cpu profile: %v\n", err)
			os.Exit(2)
		}
	}
	code := cli.Main(os.Args[1:], os.Stdout, os.Stderr)
	pprof.StopCPUProfile()
	if p := os.Getenv("WATCHER_HEAPPROFILE"); p != "" {
		runtime.GC()
		f, err := os.Create(p)
		if err == nil {
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "profwatcher: heap profile: %v\n", err)
		}
	}
	os.Exit(code)
}
