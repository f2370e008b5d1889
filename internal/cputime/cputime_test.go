package cputime

import (
	"runtime"
	"testing"
)

// TestUsedGrows: CPU work done between two readings shows in the second.
func TestUsedGrows(t *testing.T) {
	a, ok := Used()
	if !ok {
		if runtime.GOOS == "linux" || runtime.GOOS == "darwin" {
			t.Fatal("the CPU time cannot be read")
		}
		t.Skip("no CPU time on " + runtime.GOOS)
	}
	for b, _ := Used(); b == a; b, _ = Used() {
		for i := range 1 << 20 {
			sink += i
		}
	}
}

var sink int
