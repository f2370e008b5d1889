package watch

import (
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/cputime"
)

// A run's fetch phase waits on the network most of the time: requests to
// one host go one at a time with a pause between them, and a quiet cycle
// has little else to do (session 23 measured it: about 40% of a quiet
// cycle's CPU was idle processors looking for work between requests, a
// wake-up each time a goroutine became runnable). So a one-shot run's
// fetch phase starts on one processor (GOMAXPROCS 1) and goes back to the
// runtime's default as soon as that one is busy: the run's CPU time over a
// short window near its wall time (a first cycle normalizing its
// postings, a large listing to decode). Only when the runtime chose
// GOMAXPROCS (no GOMAXPROCS in the environment), outside the daemon and
// fleet mode (long-lived processes doing other work), and only while no
// other fetch phase of the process is running.

// busyShare is the share of a window's wall time spent on the CPU from
// which one processor counts as busy.
const busyShare = 0.75

// busyWindow is how often the fetch phase's CPU time is looked at.
const busyWindow = 50 * time.Millisecond

var procs struct {
	mu      sync.Mutex
	active  int  // fetch phases in progress
	lowered bool // GOMAXPROCS is 1 by this file's doing
}

// fewerProcs begins a fetch phase (see above); the function it returns
// ends it.
func (r *Runner) fewerProcs() (done func()) {
	procs.mu.Lock()
	defer procs.mu.Unlock()
	procs.active++
	if procs.active > 1 {
		// another phase is running: this one may want the cores
		raiseProcsLocked()
		return endProcs
	}
	if r.nextRun != nil || r.opts.Backend != nil || os.Getenv("GOMAXPROCS") != "" || runtime.GOMAXPROCS(0) < 2 {
		return endProcs
	}
	if _, ok := cputime.Used(); !ok {
		return endProcs
	}
	runtime.GOMAXPROCS(1)
	procs.lowered = true
	stop := make(chan struct{})
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		watchBusy(stop)
	}()
	return func() {
		close(stop)
		<-ended
		endProcs()
	}
}

// watchBusy raises GOMAXPROCS back to its default when the process's one
// processor is busy, or when stop is closed.
func watchBusy(stop <-chan struct{}) {
	t := time.NewTicker(busyWindow)
	defer t.Stop()
	cpu, _ := cputime.Used()
	wall := time.Now()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			c, _ := cputime.Used()
			if float64(c-cpu) >= busyShare*float64(now.Sub(wall)) {
				procs.mu.Lock()
				raiseProcsLocked()
				procs.mu.Unlock()
				return
			}
			cpu, wall = c, now
		}
	}
}

func endProcs() {
	procs.mu.Lock()
	defer procs.mu.Unlock()
	procs.active--
	if procs.active == 0 {
		raiseProcsLocked()
	}
}

func raiseProcsLocked() {
	if procs.lowered {
		runtime.SetDefaultGOMAXPROCS()
		procs.lowered = false
	}
}
