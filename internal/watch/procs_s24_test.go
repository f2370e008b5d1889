package watch

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/cputime"
)

// The fetch phase of a one-shot run starts on one processor, goes back to
// the runtime's default when a second phase starts, when it ends, and when
// the one processor is busy. Not parallel: no other fetch phase runs.
func TestFetchPhaseProcessors(t *testing.T) {
	def := runtime.GOMAXPROCS(0)
	if os.Getenv("GOMAXPROCS") != "" || def < 2 {
		t.Skipf("GOMAXPROCS %d (environment %q): nothing to lower", def, os.Getenv("GOMAXPROCS"))
	}
	if _, ok := cputime.Used(); !ok {
		t.Skip("no CPU time on this system: nothing is lowered")
	}
	r := &Runner{}

	done := r.fewerProcs()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("in the fetch phase: GOMAXPROCS %d, want 1", got)
	}
	second := r.fewerProcs()
	if got := runtime.GOMAXPROCS(0); got != def {
		t.Fatalf("with a second fetch phase: GOMAXPROCS %d, want %d", got, def)
	}
	second()
	done()
	if got := runtime.GOMAXPROCS(0); got != def {
		t.Fatalf("after the phases: GOMAXPROCS %d, want %d", got, def)
	}

	// busy: raised while the phase goes on
	done = r.fewerProcs()
	deadline := time.Now().Add(30 * time.Second)
	x := 0
	for runtime.GOMAXPROCS(0) == 1 && time.Now().Before(deadline) {
		for i := range 1 << 16 {
			x += i * i
		}
	}
	if got := runtime.GOMAXPROCS(0); got != def {
		t.Fatalf("a busy fetch phase: GOMAXPROCS %d, want %d (%d)", got, def, x)
	}
	done()

	// the daemon keeps its processors
	d := &Runner{nextRun: func(string) time.Time { return time.Time{} }}
	dd := d.fewerProcs()
	if got := runtime.GOMAXPROCS(0); got != def {
		t.Fatalf("the daemon's fetch phase: GOMAXPROCS %d, want %d", got, def)
	}
	dd()
}
