// Command profwatcher is the watcher (same arguments) with profiles of its
// run for `go tool pprof`: a CPU profile to $WATCHER_CPUPROFILE and a heap
// profile (taken at exit) to $WATCHER_HEAPPROFILE, when set. For the bench
// harness:
//
//	go build -o /tmp/profwatcher ./bench/profwatcher
//	go run ./bench -boards 250 -watcher /tmp/profwatcher -env WATCHER_CPUPROFILE=/tmp/cpu.pprof
//
// (each watcher run of the harness overwrites the file: the last run, the
// quiet cycle, is what stays). With $WATCHER_HEAPEVERY (a duration, such as
// 30s) and $WATCHER_HEAPPROFILE, the heap in use is also written every
// interval during the run, to $WATCHER_HEAPPROFILE.1, .2, ... (what a long
// first cycle holds while it runs; the profile at exit is after the
// repository and the run's state are released).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

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
	if p, every := os.Getenv("WATCHER_HEAPPROFILE"), os.Getenv("WATCHER_HEAPEVERY"); p != "" && every != "" {
		d, err := time.ParseDuration(every)
		if err != nil || d <= 0 {
			fmt.Fprintf(os.Stderr, "profwatcher: WATCHER_HEAPEVERY=%q: not a positive duration\n", every)
			os.Exit(2)
		}
		go func() {
			for n := 1; ; n++ {
				time.Sleep(d)
				f, err := os.Create(fmt.Sprintf("%s.%d", p, n))
				if err == nil {
					err = pprof.Lookup("heap").WriteTo(f, 0) // in use at the last GC
					f.Close()
				}
				if err != nil {
					fmt.Fprintf(os.Stderr, "profwatcher: heap profile: %v\n", err)
				}
			}
		}()
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
