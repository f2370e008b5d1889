//go:build unix

package normalize

import (
	"syscall"
	"time"
)

// cpuNow is the CPU time (user and system) this process has used: a
// benchmark's figure that a machine shared with other jobs moves less than
// its wall time.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
