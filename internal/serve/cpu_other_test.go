//go:build !unix

package serve

import "time"

func cpuNow() time.Duration { return 0 }
